import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';
import { countSchema, orgRefSchema, trueFalseQuery, yearQuerySchema, yearSchema } from './results.schema.js';

/** 年度帮扶协议 / 目标责任书: drafted, signed by both sides, filed with the office. */
export const AGREEMENT_STATUSES = ['draft', 'signed', 'filed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = { draft: '待双方签订', signed: '双方已签订', filed: '已备案' };
export const AGREEMENT_SIDES = ['support_unit', 'recipient_unit'] as const;
export type AgreementSide = (typeof AGREEMENT_SIDES)[number];
export const AGREEMENT_SIDE_LABELS: Record<AgreementSide, string> = { support_unit: '支援单位', recipient_unit: '受援单位' };

const technologySchema = z.object({ name: textSchema(100), target: optionalTextSchema(200) });
const traineeSchema = z.object({ name: textSchema(50), department: optionalTextSchema(50) });
const capabilityTargetSchema = z.object({ item: textSchema(200), target: optionalTextSchema(200) });

const contentFields = {
  /** 帮扶科室. */
  departments: z.array(textSchema(50)).max(50, { error: '帮扶科室不超过 50 个' }),
  /** 需开展的适宜技术, each with its target. */
  technologies: z.array(technologySchema).max(100, { error: '适宜技术不超过 100 项' }),
  /** 培养的人员: how many, and those already named. */
  traineeTarget: countSchema(10_000).nullable(),
  trainees: z.array(traineeSchema).max(200, { error: '培养人员不超过 200 人' }),
  /** 能力目标 (CX: items of 《县医院医疗服务能力基本标准》). */
  capabilityTargets: z.array(capabilityTargetSchema).max(200, { error: '能力目标不超过 200 项' }),
  content: optionalTextSchema(5000),
};

export const agreementCreateSchema = z.object({
  pairingId: idSchema,
  /** The support unit signing; a support unit drafting leaves it out (itself), as may a recipient with one support unit. */
  supportOrgId: idSchema.optional(),
  year: yearSchema,
  departments: contentFields.departments.default([]),
  technologies: contentFields.technologies.default([]),
  traineeTarget: contentFields.traineeTarget.optional(),
  trainees: contentFields.trainees.default([]),
  capabilityTargets: contentFields.capabilityTargets.default([]),
  content: contentFields.content,
});
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;
export const agreementUpdateSchema = z.object(contentFields).partial();
export type AgreementUpdate = z.infer<typeof agreementUpdateSchema>;
/** The caller signs for its own side (support or recipient unit). */
export const agreementSignSchema = z.object({ signedOn: isoDateSchema });
export const agreementFileSchema = z.object({ filedOn: isoDateSchema, copies: countSchema(20).optional() });

export const agreementListQuerySchema = paginationQuerySchema.extend({
  year: yearQuerySchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

export const agreementSchema = z.object({
  id: z.string(), pairingId: z.string(), programmeName: z.string(), policyCode: z.string(), year: z.number().int(),
  supportOrg: orgRefSchema, recipientOrg: orgRefSchema,
  departments: z.array(z.string()),
  technologies: z.array(z.object({ name: z.string(), target: z.string().nullable() })),
  traineeTarget: z.number().int().nullable(),
  trainees: z.array(z.object({ name: z.string(), department: z.string().nullable() })),
  capabilityTargets: z.array(z.object({ item: z.string(), target: z.string().nullable() })),
  content: z.string().nullable(),
  draftedBy: z.enum(AGREEMENT_SIDES),
  supportSignedOn: z.string().nullable(), supportSignedBy: z.string().nullable(),
  recipientSignedOn: z.string().nullable(), recipientSignedBy: z.string().nullable(),
  filedOn: z.string().nullable(), filedBy: z.string().nullable(), filedCopies: z.number().int().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  /** What the caller may do now: edit the content (unsigned only), sign for its side, file it. */
  canEdit: z.boolean(), canSign: z.boolean(), canFile: z.boolean(),
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementDetailSchema = agreementSchema.extend({ verdict: shownVerdictSchema });
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

export const agreementCoverageQuerySchema = paginationQuerySchema.extend({
  /** Default: the current year. */
  year: yearQuerySchema.optional(),
  programmeId: idSchema.optional(),
  /** Only pairings whose agreement is missing or not yet signed/filed as required. */
  missingOnly: trueFalseQuery,
});
export type AgreementCoverageQuery = z.infer<typeof agreementCoverageQuerySchema>;
/** One support unit of one pairing in a year: its agreement (if any) and the engine's verdict. */
export const agreementCoverageItemSchema = z.object({
  pairingId: z.string(), programmeName: z.string(), policyCode: z.string(), recipientOrg: orgRefSchema, supportOrg: orgRefSchema,
  agreementId: z.string().nullable(), status: z.enum(AGREEMENT_STATUSES).nullable(), verdict: shownVerdictSchema,
});
export const agreementCoverageSchema = z.object({
  year: z.number().int(), asOf: z.string(),
  items: z.array(agreementCoverageItemSchema), total: z.number().int(),
  /** Over all pairings in scope (not just the page): none drafted, drafted but not signed by both, signed, filed. */
  counts: z.object({ none: z.number().int(), draft: z.number().int(), signed: z.number().int(), filed: z.number().int() }),
});
export type AgreementCoverage = z.infer<typeof agreementCoverageSchema>;
