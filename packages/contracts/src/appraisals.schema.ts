import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { onSiteFiguresSchema } from './progress.schema.js';
import { shownVerdictSchema } from './policies.schema.js';
import { assignmentRefSchema, trueFalseQuery, yearQuerySchema } from './results.schema.js';

/** 年度鉴定: the recipient appraises, the county gives its opinion, the prefecture reviews, the province files it. */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = { excellent: '优秀', qualified: '合格', unqualified: '不合格' };
export const APPRAISAL_STATUSES = ['draft', 'in_review', 'filed'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
export const APPRAISAL_STATUS_LABELS: Record<AppraisalStatus, string> = { draft: '受援单位鉴定中', in_review: '审核中', filed: '已备案' };
export const APPRAISAL_ACTIONS = ['submit', 'approve', 'send_back'] as const;
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];
export const APPRAISAL_ACTION_LABELS: Record<AppraisalAction, string> = { submit: '提交鉴定', approve: '同意', send_back: '退回修改' };
/** What each party's step is called on the form. */
export const APPRAISAL_STEP_LABELS: Record<string, string> = {
  recipient_unit: '受援医院鉴定', recipient_director: '受援医院鉴定', county_office: '县级卫生健康行政部门意见',
  prefecture_office: '州（市）卫生健康委审核', provincial_office: '省卫生健康委备案', support_unit: '支援单位意见',
  prefecture_project_office: '州（市）级项目管理办公室审核', provincial_project_office: '省级项目管理办公室备案', team_leader: '医疗队队长意见',
};
/** Parties whose step needs a written opinion (the county's 出具意见). */
export const APPRAISAL_OPINION_PARTIES: readonly string[] = ['county_office'];

export const appraisalCreateSchema = z.object({
  assignmentId: idSchema,
  /** Start of the help year appraised (see GET /api/appraisals/prefill); default: the one under way or last ended. */
  periodFrom: isoDateSchema.optional(),
  grade: z.enum(APPRAISAL_GRADES, { error: '鉴定等次须为 excellent（优秀）、qualified（合格）或 unqualified（不合格）' }).optional(),
  comments: optionalTextSchema(2000),
});
export type AppraisalCreate = z.infer<typeof appraisalCreateSchema>;
export const appraisalUpdateSchema = z.object({
  grade: z.enum(APPRAISAL_GRADES, { error: '鉴定等次须为 excellent（优秀）、qualified（合格）或 unqualified（不合格）' }),
  comments: textSchema(2000),
}).partial();
export type AppraisalUpdate = z.infer<typeof appraisalUpdateSchema>;
/** The awaited party completes its step: the recipient submits, the county gives its opinion, the prefecture approves, the province files. */
export const appraisalForwardSchema = z.object({ comment: optionalTextSchema(1000) });
export const appraisalSendBackSchema = z.object({ reason: textSchema(500) });

export const appraisalListQuerySchema = paginationQuerySchema.extend({
  year: yearQuerySchema.optional(),
  assignmentId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  status: z.enum(APPRAISAL_STATUSES).optional(),
  grade: z.enum(APPRAISAL_GRADES).optional(),
  /** Only appraisals waiting for the caller's step. */
  todo: trueFalseQuery,
});
export type AppraisalListQuery = z.infer<typeof appraisalListQuerySchema>;

/** What the records say about the help year, to pre-fill the form. */
export const appraisalFiguresSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  /** On-site days (working days, or days on site for MY's modes) within the help year, and the engine's verdicts over the term. */
  onSite: onSiteFiguresSchema.nullable(),
  onSiteDaysInPeriod: z.number().int(),
  attendance: z.record(z.string(), z.number().int()),
  leave: z.object({ requests: z.number().int(), approved: z.number().int(), approvedWorkingDays: z.number().int() }),
  spotChecks: z.object({ checks: z.number().int(), present: z.number().int(), absent: z.number().int(), onLeave: z.number().int() }),
  activities: z.object({ total: z.number().int(), onSite: z.number().int(), offSite: z.number().int(), byKind: z.record(z.string(), z.number().int()) }),
  tasks: z.object({ total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), notStarted: z.number().int(), unreported: z.number().int() }),
  quarterlyReports: z.object({ submitted: z.number().int(), late: z.number().int() }),
  apprentices: z.number().int(),
});
export type AppraisalFigures = z.infer<typeof appraisalFiguresSchema>;

export const appraisalStepSchema = z.object({
  party: z.string(), label: z.string(), action: z.enum(APPRAISAL_ACTIONS), comment: z.string().nullable(), actedBy: z.string(), actedAt: z.string(),
});
export const appraisalSchema = z.object({
  id: z.string(), assignment: assignmentRefSchema, period: z.object({ from: z.string(), to: z.string() }), year: z.number().int(),
  chain: z.array(z.object({ party: z.string(), label: z.string() })),
  /** Index of the awaited step in `chain` (its length once filed). */
  stage: z.number().int(), awaiting: z.string().nullable(), awaitingLabel: z.string().nullable(), status: z.enum(APPRAISAL_STATUSES),
  grade: z.enum(APPRAISAL_GRADES).nullable(), comments: z.string().nullable(), completedOn: z.string().nullable(),
  /** Every act so far, in order (send-backs included). */
  steps: z.array(appraisalStepSchema),
  /** The caller may act on the awaited step now. */
  mine: z.boolean(),
  createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
});
export type Appraisal = z.infer<typeof appraisalSchema>;
export const appraisalDetailSchema = appraisalSchema.extend({
  /** The figures the recipient submitted with (`submitted`), or today's while it drafts (`live`). */
  figures: appraisalFiguresSchema, figuresSource: z.enum(['submitted', 'live']),
  /** Appraisal chain and, once decided, the promotion bar of an unqualified grade. */
  verdicts: z.array(shownVerdictSchema),
});
export type AppraisalDetail = z.infer<typeof appraisalDetailSchema>;

export const appraisalPrefillQuerySchema = z.object({ assignmentId: idSchema, periodFrom: isoDateSchema.optional() });
export const appraisalPrefillSchema = z.object({
  /** The help years of the term (12 months from its start each) and the appraisal of each, if started. */
  periods: z.array(z.object({ from: z.string(), to: z.string(), appraisalId: z.string().nullable() })),
  figures: appraisalFiguresSchema,
  chain: z.array(z.object({ party: z.string(), label: z.string() })).nullable(),
});
export type AppraisalPrefill = z.infer<typeof appraisalPrefillSchema>;

export const appraisalOverviewQuerySchema = paginationQuerySchema.extend({
  /** Help years ending in this year (default: the current year). */
  year: yearQuerySchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  /** Only help years whose appraisal is missing or not yet filed. */
  unfinishedOnly: trueFalseQuery,
});
export type AppraisalOverviewQuery = z.infer<typeof appraisalOverviewQuerySchema>;
/** Every help year in scope under a policy with an appraisal chain: its appraisal (if started) and the chain verdict. */
export const appraisalOverviewSchema = z.object({
  year: z.number().int(), asOf: z.string(),
  items: z.array(z.object({
    assignment: assignmentRefSchema, period: z.object({ from: z.string(), to: z.string() }),
    appraisalId: z.string().nullable(), status: z.enum(APPRAISAL_STATUSES).nullable(), grade: z.enum(APPRAISAL_GRADES).nullable(), awaitingLabel: z.string().nullable(),
    verdict: shownVerdictSchema,
  })),
  total: z.number().int(),
  counts: z.object({ none: z.number().int(), draft: z.number().int(), in_review: z.number().int(), filed: z.number().int() }),
});
export type AppraisalOverview = z.infer<typeof appraisalOverviewSchema>;
