import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';
import { orgRefSchema, trueFalseQuery, yearQuerySchema } from './results.schema.js';

/** 支援医院赴受援医院指导、座谈、交流 (院领导带队). */
export const visitCreateSchema = z.object({
  pairingId: idSchema,
  /** The visiting support unit; a support unit leaves it out (itself). */
  supportOrgId: idSchema.optional(),
  date: isoDateSchema,
  leaderName: textSchema(50),
  /** e.g. 院长, 副院长, 医务部主任. */
  leaderPost: optionalTextSchema(50),
  /** Led by the hospital's leadership (院领导带队). */
  ledByLeadership: z.boolean({ error: '请选择是否院领导带队' }),
  participants: optionalTextSchema(500),
  content: textSchema(2000),
});
export type VisitCreate = z.infer<typeof visitCreateSchema>;
export const visitUpdateSchema = z.object({
  date: isoDateSchema, leaderName: textSchema(50), leaderPost: optionalTextSchema(50), ledByLeadership: z.boolean({ error: '应为 true 或 false' }),
  participants: optionalTextSchema(500), content: textSchema(2000),
}).partial();
export type VisitUpdate = z.infer<typeof visitUpdateSchema>;

export const visitListQuerySchema = paginationQuerySchema.extend({
  year: yearQuerySchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitSchema = z.object({
  id: z.string(), pairingId: z.string(), programmeName: z.string(), policyCode: z.string(), supportOrg: orgRefSchema, recipientOrg: orgRefSchema,
  date: z.string(), leaderName: z.string(), leaderPost: z.string().nullable(), ledByLeadership: z.boolean(),
  participants: z.string().nullable(), content: z.string(), recordedBy: z.string(), createdAt: z.string(), updatedAt: z.string(), canEdit: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitVerdictsQuerySchema = paginationQuerySchema.extend({
  /** Default: the current year. */
  year: yearQuerySchema.optional(),
  programmeId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  /** Only pairings short of the rule (unmet or at risk). */
  shortOnly: trueFalseQuery,
});
export type VisitVerdictsQuery = z.infer<typeof visitVerdictsQuerySchema>;
export const visitVerdictsSchema = z.object({
  year: z.number().int(), asOf: z.string(),
  items: z.array(z.object({
    pairingId: z.string(), policyCode: z.string(), recipientOrg: orgRefSchema, supportOrg: orgRefSchema,
    visits: z.number().int(), ledByLeadership: z.number().int(), verdict: shownVerdictSchema,
  })),
  total: z.number().int(),
});
export type VisitVerdicts = z.infer<typeof visitVerdictsSchema>;
