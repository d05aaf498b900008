import { z } from 'zod';
import { idSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { orgRefSchema } from './results.schema.js';

/**
 * 统计报表 (楚卫通〔2018〕43号 三（八）): the monthly statistics a support unit sends the provincial office
 * (due the 5th of the next month) and the quarterly statistics a county office sends the prefecture
 * office (due 5 Jan/Apr/Jul/Oct), generated from the records; due dates moved past holidays (节假日顺延).
 */
export const STATUTORY_REPORT_KINDS = ['monthly', 'quarterly'] as const;
export type StatutoryReportKind = (typeof STATUTORY_REPORT_KINDS)[number];
export const STATUTORY_REPORT_KIND_LABELS: Record<StatutoryReportKind, string> = { monthly: '月度统计表', quarterly: '季度统计表' };
/** Who sends and who receives each kind. */
export const STATUTORY_REPORT_PARTIES: Record<StatutoryReportKind, { submitter: string; receiver: string }> = {
  monthly: { submitter: '支援医院', receiver: '省级卫生健康委' },
  quarterly: { submitter: '县（市、区）卫生健康局', receiver: '州（市）卫生健康委' },
};

export const STATUTORY_REPORT_STATUSES = ['draft', 'submitted', 'sent_back', 'accepted'] as const;
export type StatutoryReportStatus = (typeof STATUTORY_REPORT_STATUSES)[number];
export const STATUTORY_REPORT_STATUS_LABELS: Record<StatutoryReportStatus, string> = {
  draft: '草稿', submitted: '已报送', sent_back: '已退回', accepted: '已接收',
};

/** A receiver's view of one expected submitter for a period. */
export const SUBMISSION_STATES = ['on_time', 'late', 'sent_back', 'missing', 'draft', 'not_due'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  on_time: '按时报送', late: '逾期报送', sent_back: '已退回待重报', missing: '逾期未报', draft: '草稿未报', not_due: '未到期',
};

export const monthPeriodSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，如 2026-10' });
export const quarterPeriodSchema = z.string().regex(/^20\d{2}-Q[1-4]$/, { error: '季度格式应为 YYYY-Qn，如 2026-Q3' });
const kindSchema = z.enum(STATUTORY_REPORT_KINDS, { error: '报表类型须为 monthly（月度）或 quarterly（季度）' });

/** A period fitting its kind: 2026-10 for a monthly report, 2026-Q3 for a quarterly one. */
export const kindPeriodSchema = z.object({ kind: kindSchema, period: z.string().trim() }).superRefine((v, ctx) => {
  const parsed = (v.kind === 'monthly' ? monthPeriodSchema : quarterPeriodSchema).safeParse(v.period);
  if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['period'], message: parsed.error.issues[0]!.message });
});
export type KindPeriod = z.infer<typeof kindPeriodSchema>;

/** The engine's due date of a period, as generated. */
export const reportDeadlineSchema = z.object({
  nominal: z.string(), due: z.string(), postponed: z.boolean(), citation: z.string(), label: z.string(), policyCode: z.string(),
});
export type ReportDeadline = z.infer<typeof reportDeadlineSchema>;

const count = z.number().int().min(0);

/** Monthly: one row per recipient of the support unit's staff on post during the month. */
export const monthlyRowSchema = z.object({
  recipientOrgId: z.string(), recipientName: z.string(), countyName: z.string().nullable(),
  /** 在岗人数: distinct persons whose term overlaps the month. */
  persons: count, personNames: z.array(z.string()),
  /** 在岗天数 recorded (statuses the policy counts on site: 在岗, 因公外出). */
  onSiteDays: count, leaveDays: count, absentDays: count,
  /** 抽查 of these persons dated in the month: persons checked, and their results. */
  spotChecks: count, spotPresent: count, spotAbsent: count, spotOnLeave: count,
  /** 带教/指导 records dated in the month. */
  activities: count,
});
export type MonthlyRow = z.infer<typeof monthlyRowSchema>;
export const MONTHLY_NUMERIC_COLUMNS = ['persons', 'onSiteDays', 'leaveDays', 'absentDays', 'spotChecks', 'spotPresent', 'spotAbsent', 'spotOnLeave', 'activities'] as const;
export type MonthlyTotals = Record<(typeof MONTHLY_NUMERIC_COLUMNS)[number], number>;
export const MONTHLY_COLUMN_LABELS: Record<(typeof MONTHLY_NUMERIC_COLUMNS)[number], string> = {
  persons: '在岗人数', onSiteDays: '在岗天数', leaveDays: '请假天数', absentDays: '缺勤天数',
  spotChecks: '抽查人次', spotPresent: '抽查在岗', spotAbsent: '抽查缺岗', spotOnLeave: '抽查请假', activities: '带教指导次数',
};

/** Quarterly: one row per pairing × support unit whose recipient lies in the county. */
export const quarterlyRowSchema = z.object({
  pairingId: z.string(), recipientOrgId: z.string(), recipientName: z.string(), supportOrgId: z.string(), supportName: z.string(),
  persons: count, personNames: z.array(z.string()),
  onSiteDays: count, leaveDays: count,
  /** Absences found by spot checks dated in the quarter. */
  spotAbsences: count,
  /** The year's agreement signed by both sides by the end of the quarter: the later signing date. */
  agreementSignedOn: z.string().nullable(),
  agreementsSigned: count,
  /** 院领导带队赴受援医院 in the quarter, and of those led by the hospital's leadership. */
  visits: count, visitsLed: count,
  /** 季度进展 the recipient gave for this quarter (one per person). */
  taskReports: count,
});
export type QuarterlyRow = z.infer<typeof quarterlyRowSchema>;
export const QUARTERLY_NUMERIC_COLUMNS = ['persons', 'onSiteDays', 'leaveDays', 'spotAbsences', 'agreementsSigned', 'visits', 'visitsLed', 'taskReports'] as const;
export type QuarterlyTotals = Record<(typeof QUARTERLY_NUMERIC_COLUMNS)[number], number>;
export const QUARTERLY_COLUMN_LABELS: Record<(typeof QUARTERLY_NUMERIC_COLUMNS)[number], string> = {
  persons: '在岗人数', onSiteDays: '在岗天数', leaveDays: '请假天数', spotAbsences: '抽查缺岗人次', agreementsSigned: '年度协议已签',
  visits: '院领导赴受援医院', visitsLed: '其中院长带队', taskReports: '季度进展已反馈',
};

const figuresBase = { period: z.string(), from: z.string(), to: z.string(), unit: orgRefSchema, deadline: reportDeadlineSchema, asOf: z.string() };
export const monthlyFiguresSchema = z.object({
  kind: z.literal('monthly'), ...figuresBase, rows: z.array(monthlyRowSchema),
  totals: z.object(Object.fromEntries(MONTHLY_NUMERIC_COLUMNS.map((k) => [k, count])) as Record<(typeof MONTHLY_NUMERIC_COLUMNS)[number], typeof count>),
});
export const quarterlyFiguresSchema = z.object({
  kind: z.literal('quarterly'), ...figuresBase, rows: z.array(quarterlyRowSchema),
  totals: z.object(Object.fromEntries(QUARTERLY_NUMERIC_COLUMNS.map((k) => [k, count])) as Record<(typeof QUARTERLY_NUMERIC_COLUMNS)[number], typeof count>),
});
export const statutoryFiguresSchema = z.discriminatedUnion('kind', [monthlyFiguresSchema, quarterlyFiguresSchema]);
export type MonthlyFigures = z.infer<typeof monthlyFiguresSchema>;
export type QuarterlyFigures = z.infer<typeof quarterlyFiguresSchema>;
export type StatutoryFigures = z.infer<typeof statutoryFiguresSchema>;

export const statutoryReportSchema = z.object({
  id: z.string(), kind: z.enum(STATUTORY_REPORT_KINDS), period: z.string(), periodLabel: z.string(),
  submitter: orgRefSchema, receiver: orgRefSchema, dueDate: z.string(), status: z.enum(STATUTORY_REPORT_STATUSES),
  figures: statutoryFiguresSchema, note: z.string().nullable(),
  generatedAt: z.string(), submittedAt: z.string().nullable(), submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(), decidedBy: z.string().nullable(), sendBackReason: z.string().nullable(),
  /** Submitted after the due date (China time); null while not submitted. */
  late: z.boolean().nullable(), daysLate: z.number().int().nullable(),
  /** What the caller may do now. */
  canRegenerate: z.boolean(), canSubmit: z.boolean(), canReview: z.boolean(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type StatutoryReport = z.infer<typeof statutoryReportSchema>;
export type StatutoryReportSummary = Omit<StatutoryReport, 'figures'> & { totals: Record<string, number> };
export const statutoryReportSummarySchema = statutoryReportSchema.omit({ figures: true }).extend({ totals: z.record(z.string(), z.number()) });

export const statutoryReportListQuerySchema = paginationQuerySchema.extend({
  kind: kindSchema.optional(),
  period: z.string().trim().max(10).optional(),
  status: z.enum(STATUTORY_REPORT_STATUSES, { error: '状态不在可选范围内' }).optional(),
  /** mine: those the caller's unit sends; received: those addressed to the caller's office or its area. */
  box: z.enum(['mine', 'received'], { error: '应为 mine（我报送的）或 received（我接收的）' }).optional(),
});
export type StatutoryReportListQuery = z.infer<typeof statutoryReportListQuerySchema>;

export const statutoryReportGenerateSchema = kindPeriodSchema;
export type StatutoryReportGenerate = KindPeriod;
export const statutoryReportNoteSchema = z.object({ note: optionalTextSchema(1000).nullable() });
export type StatutoryReportNote = z.infer<typeof statutoryReportNoteSchema>;
export const statutoryReportSendBackSchema = z.object({ reason: textSchema(500) });
export type StatutoryReportSendBack = z.infer<typeof statutoryReportSendBackSchema>;

/** Periods whose due date has come or is coming, newest first, as the engine dates them for the caller's policy. */
export const reportPeriodsQuerySchema = z.object({ kind: kindSchema, count: z.coerce.number().int().min(1).max(24).default(6) });
export type ReportPeriodsQuery = z.infer<typeof reportPeriodsQuerySchema>;
export const reportPeriodSchema = z.object({ kind: z.enum(STATUTORY_REPORT_KINDS), period: z.string(), deadline: reportDeadlineSchema, current: z.boolean() });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
export const reportPeriodsSchema = z.object({ kind: z.enum(STATUTORY_REPORT_KINDS), asOf: z.string(), items: z.array(reportPeriodSchema), message: z.string().nullable() });
export type ReportPeriods = z.infer<typeof reportPeriodsSchema>;

export const statutoryOverviewQuerySchema = kindPeriodSchema;
export type StatutoryOverviewQuery = KindPeriod;
export const statutoryOverviewRowSchema = z.object({
  submitter: orgRefSchema, regionName: z.string().nullable(), state: z.enum(SUBMISSION_STATES),
  reportId: z.string().nullable(), reportStatus: z.enum(STATUTORY_REPORT_STATUSES).nullable(),
  dueDate: z.string(), submittedAt: z.string().nullable(), daysLate: z.number().int().nullable(),
  /** Why this submitter is expected: persons on post (monthly) or pairings (quarterly). */
  basis: z.string(),
});
export type StatutoryOverviewRow = z.infer<typeof statutoryOverviewRowSchema>;
export const statutoryOverviewSchema = z.object({
  kind: z.enum(STATUTORY_REPORT_KINDS), period: z.string(), periodLabel: z.string(), asOf: z.string(), receiver: orgRefSchema,
  deadline: reportDeadlineSchema.nullable(), rows: z.array(statutoryOverviewRowSchema),
  counts: z.record(z.enum(SUBMISSION_STATES), z.number().int()),
  /** Counties with pairings but no county office registered: nobody can send their report. */
  unassigned: z.array(z.string()),
  message: z.string().nullable(),
});
export type StatutoryOverview = z.infer<typeof statutoryOverviewSchema>;

export const statutoryReportIdSchema = z.object({ id: idSchema });
