import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { ADMIN_LEVELS } from './labels.js';
import { shownVerdictSchema } from './policies.schema.js';
import { assignmentRefSchema, orgRefSchema, yearQuerySchema, yearSchema } from './results.schema.js';

/** 师带徒: a support person's agreement with apprentices of the recipient, per year. */
export const ASSESSMENT_RESULTS = ['passed', 'failed'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Record<AssessmentResult, string> = { passed: '考核合格', failed: '考核不合格' };

/** MY 附件4 绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执: the columns as printed, under their merged group headings. */
export const MENTORSHIP_TABLE_TITLE = '绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执';
export const MENTORSHIP_TABLE_HEADERS = {
  groups: ['支援人员信息', '跟学人员信息'],
  columns: ['支援机构名称', '受援机构名称', '姓名', '专业及职称', '带教人数', '姓名', '专业及职称', '跟学专业', '学习目标', '签订师带徒协议时间'],
} as const;

export const apprenticeInputSchema = z.object({
  name: textSchema(50),
  /** 专业及职称, e.g. 内科 住院医师. */
  specialtyTitle: textSchema(100),
  /** The apprentice's department at the recipient, counted for the 3-year coverage of main departments; default: the learning specialty. */
  department: optionalTextSchema(50),
  /** 跟学专业. */
  learningSpecialty: textSchema(50),
  /** 学习目标. */
  learningGoal: textSchema(300),
});
export type ApprenticeInput = z.infer<typeof apprenticeInputSchema>;
export const apprenticeUpdateSchema = apprenticeInputSchema.partial();

export const mentorshipCreateSchema = z.object({
  /** The mentor's assignment; staff leave their own current one out. */
  assignmentId: idSchema.optional(),
  year: yearSchema,
  /** Date both sides signed; leave out while the agreement is not yet signed. */
  signedOn: isoDateSchema.optional(),
  /** 帮带计划. */
  plan: optionalTextSchema(2000),
  apprentices: z.array(apprenticeInputSchema).min(1, { error: '至少填写 1 名跟学人员' }).max(20, { error: '一份协议不超过 20 名跟学人员' }),
});
export type MentorshipCreate = z.infer<typeof mentorshipCreateSchema>;
export const mentorshipUpdateSchema = z.object({ signedOn: isoDateSchema.nullable(), plan: optionalTextSchema(2000) }).partial();
export type MentorshipUpdate = z.infer<typeof mentorshipUpdateSchema>;
export const assessmentSchema = z.object({
  result: z.enum(ASSESSMENT_RESULTS, { error: '考核结果须为 passed（合格）或 failed（不合格）' }),
  assessedOn: isoDateSchema,
  comments: optionalTextSchema(500),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const mentorshipListQuerySchema = paginationQuerySchema.extend({
  year: yearQuerySchema.optional(),
  assignmentId: idSchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type MentorshipListQuery = z.infer<typeof mentorshipListQuerySchema>;

export const apprenticeSchema = z.object({
  id: z.string(), mentorshipId: z.string(), name: z.string(), specialtyTitle: z.string(), department: z.string().nullable(),
  learningSpecialty: z.string(), learningGoal: z.string(),
  assessmentResult: z.enum(ASSESSMENT_RESULTS).nullable(), assessedOn: z.string().nullable(), assessmentComments: z.string().nullable(), assessedBy: z.string().nullable(),
  /** 师带徒证书 number, once issued (passed apprentices only). */
  certificateNo: z.string().nullable(), certificateIssuedOn: z.string().nullable(),
});
export type Apprentice = z.infer<typeof apprenticeSchema>;
export const mentorshipSchema = z.object({
  id: z.string(), assignment: assignmentRefSchema, year: z.number().int(), signedOn: z.string().nullable(), plan: z.string().nullable(),
  /** 专业及职称 of the mentor as printed in attachment 4. */
  mentorSpecialtyTitle: z.string(),
  apprentices: z.array(apprenticeSchema),
  createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  /** The caller may edit the agreement and its apprentices / assess them and issue certificates. */
  canEdit: z.boolean(), canAssess: z.boolean(),
});
export type Mentorship = z.infer<typeof mentorshipSchema>;

export const mentorshipVerdictsQuerySchema = paginationQuerySchema.extend({
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type MentorshipVerdictsQuery = z.infer<typeof mentorshipVerdictsQuerySchema>;
/** One support unit at one recipient: its mentors and the engine's ratio, rotation and coverage verdicts. */
export const mentorshipVerdictsItemSchema = z.object({
  pairingId: z.string(), policyCode: z.string(), recipientOrg: orgRefSchema, supportOrg: orgRefSchema,
  supportOrgLevel: z.enum(ADMIN_LEVELS).nullable(),
  mainDepartments: z.array(z.string()).nullable(),
  mentors: z.array(z.object({ personId: z.string(), name: z.string(), years: z.array(z.number().int()) })),
  verdicts: z.array(shownVerdictSchema),
});
export const mentorshipVerdictsSchema = z.object({ asOf: z.string(), items: z.array(mentorshipVerdictsItemSchema), total: z.number().int() });
export type MentorshipVerdicts = z.infer<typeof mentorshipVerdictsSchema>;

export const mentorshipExportQuerySchema = z.object({
  year: yearQuerySchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type MentorshipExportQuery = z.infer<typeof mentorshipExportQuerySchema>;

/** 受援单位主要科室（专业）, which the apprentices must cover within three years. */
export const recipientDepartmentsUpdateSchema = z.object({
  departments: z.array(textSchema(50)).max(50, { error: '主要科室不超过 50 个' }),
});
export const recipientDepartmentsSchema = z.object({
  org: orgRefSchema, departments: z.array(z.string()).nullable(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable(),
  /** The specialty needs of its pairings (MY 附件1), offered as a starting point. */
  suggestions: z.array(z.string()), canEdit: z.boolean(),
});
export type RecipientDepartments = z.infer<typeof recipientDepartmentsSchema>;
