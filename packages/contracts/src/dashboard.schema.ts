import { z } from 'zod';
import { idSchema } from './common.schema.js';
import { regionCodeSchema } from './regions.schema.js';

/**
 * 监管看板: the caller's area (province, prefecture, county, one unit), or a region or unit inside it
 * (drill-down). Both given: the unit.
 */
export const dashboardQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  orgId: idSchema.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** A leave request is overdue when its current step has waited this many days, or the leave has already begun. */
export const LEAVE_APPROVAL_OVERDUE_DAYS = 3;

export const ATTENTION_SEVERITIES = ['high', 'medium', 'low'] as const;
export type AttentionSeverity = (typeof ATTENTION_SEVERITIES)[number];
export const ATTENTION_SEVERITY_LABELS: Record<AttentionSeverity, string> = { high: '严重', medium: '关注', low: '提示' };

/** One line of 待办/风险: what, why (the engine's explanation where there is one), how many, where to act. */
export const attentionItemSchema = z.object({
  key: z.string(),
  severity: z.enum(ATTENTION_SEVERITIES),
  title: z.string(),
  explanation: z.string(),
  count: z.number().int(),
  /** Web path of the page to act on it. */
  link: z.string(),
  /** The rule behind it (policy rule id), when an engine verdict decides it. */
  ruleId: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** A node of the way from the caller's area down to the one shown. */
export const dashboardCrumbSchema = z.object({
  name: z.string(),
  regionCode: z.string().nullable(),
  orgId: z.string().nullable(),
});
export type DashboardCrumb = z.infer<typeof dashboardCrumbSchema>;

export const dashboardTodaySchema = z.object({
  /** Persons whose assignment runs today (planned or on duty). */
  dispatched: z.number().int(),
  /** Attendance today: on duty or on official business. */
  onPost: z.number().int(),
  /** Attendance today `leave`, or an approved leave request covering today. */
  onLeave: z.number().int(),
  /** Attendance today `absent`. */
  absent: z.number().int(),
  /** Resident staff with no attendance today and no leave, on a working day (0 on rest days and holidays). */
  notCheckedIn: z.number().int(),
  /** Today is a working day (null: the holiday calendar lacks this year). */
  workingDay: z.boolean().nullable(),
});
export type DashboardToday = z.infer<typeof dashboardTodaySchema>;

/** Counts of the engine's verdicts (and overdue approvals) in the area shown. */
export const dashboardFiguresSchema = z.object({
  atRisk: z.number().int(),
  onSiteUnmet: z.number().int(),
  notJudged: z.number().int(),
  staffingShort: z.number().int(),
  replacementsDue: z.number().int(),
  promotionBars: z.number().int(),
  noticesDue: z.number().int(),
  selfChecksOwed: z.number().int(),
  agreementsMissing: z.number().int(),
  quarterlyLate: z.number().int(),
  visitsShort: z.number().int(),
  overdueApprovals: z.number().int(),
  /** Of the overdue ones, those waiting on the caller. */
  overdueApprovalsMine: z.number().int(),
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

export const dashboardTrendPointSchema = z.object({
  month: z.string(),
  /** Attendance days on duty or on official business. */
  onSiteDays: z.number().int(),
  leaveDays: z.number().int(),
  /** Spot-check results `absent` on checks of that month. */
  spotCheckAbsences: z.number().int(),
});
export type DashboardTrendPoint = z.infer<typeof dashboardTrendPointSchema>;

export const COMPARISON_LEVELS = ['region', 'unit', 'person'] as const;
export type ComparisonLevel = (typeof COMPARISON_LEVELS)[number];

/** One child of the area shown (a region, a unit, or one dispatched person) with its figures. */
export const dashboardComparisonRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Drill-down: the region or unit to open next; an assignment for a person (its detail page). */
  regionCode: z.string().nullable(),
  orgId: z.string().nullable(),
  assignmentId: z.string().nullable(),
  dispatched: z.number().int(),
  onPost: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int(),
  notCheckedIn: z.number().int(),
  atRisk: z.number().int(),
  /** The last 12 months. */
  onSiteDays: z.number().int(),
  leaveDays: z.number().int(),
  spotCheckAbsences: z.number().int(),
});
export type DashboardComparisonRow = z.infer<typeof dashboardComparisonRowSchema>;

export const dashboardSchema = z.object({
  asOf: z.string(),
  /**
   * When the verdicts, ranked list and trends were computed (ISO time). Today's attendance figures are
   * always live and the caller's own writes are seen at once; check-ins and other people's writes
   * reach the rest within about a minute (DECISIONS 24).
   */
  verdictsAt: z.string(),
  /** What is shown: a region (regionCode), a unit (orgId), or everything. */
  scope: z.object({ kind: z.enum(['all', 'region', 'unit']), name: z.string(), regionCode: z.string().nullable(), orgId: z.string().nullable() }),
  crumbs: z.array(dashboardCrumbSchema),
  today: dashboardTodaySchema,
  figures: dashboardFiguresSchema,
  /** Ranked: severity, then count. */
  attention: z.array(attentionItemSchema),
  /** The last 12 months, oldest first. */
  trend: z.array(dashboardTrendPointSchema),
  comparison: z.object({ level: z.enum(COMPARISON_LEVELS), rows: z.array(dashboardComparisonRowSchema) }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
