import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';

export const ASSIGNMENT_MODES = ['resident', 'interval_visits', 'segmented_stays'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = { resident: '驻点派驻', interval_visits: '间隔去', segmented_stays: '分段驻' };

export const ASSIGNMENT_STATUSES = ['planned', 'on_duty', 'completed', 'recalled', 'replaced'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = { planned: '计划派出', on_duty: '在岗', completed: '期满结束', recalled: '召回', replaced: '已被替换' };
/** The moves a status may make; completed, recalled and replaced are final. */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  planned: ['on_duty', 'recalled'], on_duty: ['completed', 'recalled'], completed: [], recalled: [], replaced: [],
};

export const TEAM_ROLES = ['leader', 'member'] as const;
export const TEAM_ROLE_LABELS: Record<(typeof TEAM_ROLES)[number], string> = { leader: '医疗队队长', member: '医疗队员' };
export const POSTS = ['president', 'vice_president', 'department_head', 'deputy_department_head'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, string> = { president: '院长', vice_president: '副院长', department_head: '科主任', deputy_department_head: '科副主任' };

export const ASSIGNMENT_FLAGS = ['no_insurance', 'insurance_gap', 'no_safety_education', 'eligibility_override'] as const;
export type AssignmentFlag = (typeof ASSIGNMENT_FLAGS)[number];
export const ASSIGNMENT_FLAG_LABELS: Record<AssignmentFlag, string> = {
  no_insurance: '未登记意外保险', insurance_gap: '保险未覆盖派驻期', no_safety_education: '未开展安全教育', eligibility_override: '破例派出',
};

const assignmentFields = {
  department: textSchema(50),
  plannedStart: isoDateSchema,
  plannedEnd: isoDateSchema,
  batch: optionalTextSchema(50),
  role: z.enum(TEAM_ROLES, { error: '队内角色须为 医疗队队长 或 医疗队员' }),
  post: z.enum(POSTS, { error: '任职不在可选范围内' }).nullable().optional(),
  insurer: optionalTextSchema(100),
  insurancePolicyNo: optionalTextSchema(60),
  insuranceFrom: isoDateSchema.optional(),
  insuranceTo: isoDateSchema.optional(),
  safetyEducationDate: isoDateSchema.optional(),
};

const periodOrder = (v: { plannedStart?: string; plannedEnd?: string; insuranceFrom?: string; insuranceTo?: string }, ctx: z.RefinementCtx) => {
  if (v.plannedStart && v.plannedEnd && v.plannedStart > v.plannedEnd) ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: '计划结束日期不能早于开始日期' });
  if (v.insuranceFrom && v.insuranceTo && v.insuranceFrom > v.insuranceTo) ctx.addIssue({ code: 'custom', path: ['insuranceTo'], message: '保险止期不能早于起期' });
};

export const assignmentCreateSchema = z.object({
  pairingId: idSchema,
  personId: idSchema,
  mode: z.enum(ASSIGNMENT_MODES, { error: '请选择支援方式' }),
  ...assignmentFields,
  role: assignmentFields.role.default('member'),
  /** An office may dispatch a person the policy finds ineligible, giving the reason (recorded and audited). */
  overrideReason: optionalTextSchema(500),
}).superRefine(periodOrder);
export type AssignmentCreate = z.input<typeof assignmentCreateSchema>;

export const assignmentUpdateSchema = z.object(assignmentFields).partial().superRefine(periodOrder);
export type AssignmentUpdate = z.input<typeof assignmentUpdateSchema>;

export const assignmentStatusChangeSchema = z.object({
  status: z.enum(['on_duty', 'completed', 'recalled'], { error: '状态须为 在岗、期满结束 或 召回' }),
  date: isoDateSchema,
  reason: optionalTextSchema(500),
});
export type AssignmentStatusChange = z.infer<typeof assignmentStatusChangeSchema>;

export const assignmentReplaceSchema = z.object({
  personId: idSchema,
  reason: textSchema(500),
  /** First day of the replacement; the replaced assignment ends the day before. */
  startDate: isoDateSchema,
  overrideReason: optionalTextSchema(500),
});
export type AssignmentReplace = z.infer<typeof assignmentReplaceSchema>;

export const assignmentSchema = z.object({
  id: z.string(), pairingId: z.string(), programmeId: z.string(), programmeName: z.string(), policyCode: z.string(),
  personId: z.string(), personName: z.string(), personTitle: z.string().nullable(), personTitleLevel: z.string(), personMobileMasked: z.string(),
  supportOrgId: z.string(), supportOrgName: z.string(), recipientOrgId: z.string(), recipientOrgName: z.string(),
  mode: z.enum(ASSIGNMENT_MODES), department: z.string(), plannedStart: z.string(), plannedEnd: z.string(),
  actualStart: z.string().nullable(), actualEnd: z.string().nullable(), batch: z.string().nullable(), role: z.enum(TEAM_ROLES), post: z.enum(POSTS).nullable(),
  insurer: z.string().nullable(), insurancePolicyNo: z.string().nullable(), insuranceFrom: z.string().nullable(), insuranceTo: z.string().nullable(),
  safetyEducationDate: z.string().nullable(), status: z.enum(ASSIGNMENT_STATUSES), statusReason: z.string().nullable(),
  overrideReason: z.string().nullable(), overrideBy: z.string().nullable(), overrideAt: z.string().nullable(),
  replacesId: z.string().nullable(), replacedById: z.string().nullable(), flags: z.array(z.enum(ASSIGNMENT_FLAGS)), archived: z.boolean(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentDetailSchema = assignmentSchema.extend({
  /** Verdicts of today: eligibility as checked at dispatch, posts, insurance and safety education. */
  verdicts: z.array(shownVerdictSchema),
  /** Verdicts recorded when the assignment was created (what the office overrode, if it did). */
  eligibilityAtDispatch: z.array(shownVerdictSchema),
  allowedPosts: z.array(z.object({ post: z.enum(POSTS), label: z.string() })),
});
export type AssignmentDetail = z.infer<typeof assignmentDetailSchema>;

export const assignmentListQuerySchema = paginationQuerySchema.extend({
  programmeId: idSchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  personId: idSchema.optional(),
  mode: z.enum(ASSIGNMENT_MODES).optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  flag: z.enum(ASSIGNMENT_FLAGS).optional(),
  activeOn: isoDateSchema.optional(),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;

/** Posts the policy allows a person to hold at a pairing's recipient, for the dispatch form. */
export const postOptionsQuerySchema = z.object({ pairingId: idSchema, personId: idSchema.optional(), role: z.enum(TEAM_ROLES).default('member') });
export const postOptionsSchema = z.object({ allowed: z.array(z.object({ post: z.enum(POSTS), label: z.string() })), verdicts: z.array(shownVerdictSchema) });

export const staffingQuerySchema = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).int().min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' }),
  programmeId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export const staffingRowSchema = z.object({
  pairingId: z.string(), programmeName: z.string(), recipientOrgId: z.string(), recipientOrgName: z.string(), supportOrgId: z.string(), supportOrgName: z.string(),
  required: z.number().int().nullable(), sent: z.number().int(), planned: z.number().int(), verdict: shownVerdictSchema,
});
export type StaffingRow = z.infer<typeof staffingRowSchema>;
export const staffingSchema = z.object({ year: z.number().int(), items: z.array(staffingRowSchema), total: z.number().int() });

/** Staff statistics forms: CX attachment 2 and MY attachment 3. */
export const STAFF_TABLE_LAYOUTS = ['cx', 'my'] as const;
export type StaffTableLayout = (typeof STAFF_TABLE_LAYOUTS)[number];
/** Exact column headers, as printed in the notices. */
export const STAFF_TABLE_HEADERS: Record<StaffTableLayout, readonly string[]> = {
  cx: ['序号', '姓名', '性别', '年龄', '职称', '科室及专业', '工作年限', '手机号', '单位名称', '受援医院名称', '帮扶时间（起止时间）'],
  my: ['支援机构名称', '受援机构名称', '姓名', '职称', '性别', '支援起止时间', '联系电话'],
};
export const assignmentExportQuerySchema = assignmentListQuerySchema.omit({ page: true, pageSize: true }).extend({
  layout: z.enum(STAFF_TABLE_LAYOUTS, { error: '表格样式须为 cx 或 my' }),
  /** Print phone numbers in full (the forms are filed with the office): needs person:reveal and is audited. */
  reveal: z.enum(['true', 'false'], { error: 'reveal 须为 true 或 false' }).default('false').transform((v) => v === 'true'),
});
export type AssignmentExportQuery = z.infer<typeof assignmentExportQuerySchema>;
