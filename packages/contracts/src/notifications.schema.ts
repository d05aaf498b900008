import { z } from 'zod';
import { idSchema, isoDateSchema, listOf, paginationQuerySchema } from './common.schema.js';

// ── 消息中心 ─────────────────────────────────────────────────────────────────

export const NOTIFICATION_KINDS = ['due_date', 'approval', 'roll_call', 'consequence', 'report'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  due_date: '报送期限', approval: '待我审批', roll_call: '点名应答', consequence: '抽查后果', report: '统计报表',
};

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** A path of the web app where the user acts on it. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = paginationQuerySchema.pick({ page: true, pageSize: true }).extend({
  /** Only the unread ones. */
  unread: z.enum(['true', 'false'], { error: 'unread 须为 true 或 false' }).optional().transform((v) => v === 'true'),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** Unread first, newest first within each; `unread` counts all of the caller's unread ones. */
export const notificationListSchema = listOf(notificationSchema).extend({ unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const readAllResultSchema = z.object({ updated: z.number().int() });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;

/** What one run of the reminder job did. `ran` is false when another node of the cluster held the lock. */
export const reminderRunSchema = z.object({
  ran: z.boolean(),
  asOf: z.string(),
  /** Notifications created (a reminder already sent to a user is not sent again). */
  created: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  deliveries: z.object({ sent: z.number().int(), failed: z.number().int() }),
  /** What could not be computed (a year with no holiday calendar, a programme without a policy in force…). */
  warnings: z.array(z.string()),
});
export type ReminderRun = z.infer<typeof reminderRunSchema>;

// ── 时限日历 ─────────────────────────────────────────────────────────────────

/** How many days one deadline query may span (two years: a yearly view with its neighbours). */
export const DEADLINE_QUERY_MAX_DAYS = 731;

export const deadlineCalendarQuerySchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  programmeId: idSchema.optional(),
}).superRefine((v, ctx) => {
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 > DEADLINE_QUERY_MAX_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `查询跨度不能超过 ${DEADLINE_QUERY_MAX_DAYS} 天` });
  }
});
export type DeadlineCalendarQuery = z.infer<typeof deadlineCalendarQuerySchema>;

export const DEADLINE_KINDS = ['programme', 'monthly', 'quarterly', 'progress'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  programme: '项目节点', monthly: '月度统计', quarterly: '季度统计', progress: '季度工作反馈',
};

export const deadlineEntrySchema = z.object({
  /** Stable key of the entry: programme, kind and period. */
  key: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  /** 2026-10 (month reported), 2026-Q3 (quarter reported) or the programme deadline's key. */
  period: z.string(),
  label: z.string(),
  /** The date the notice names. */
  nominal: z.string(),
  /** The working day it lands on (节假日顺延). */
  due: z.string(),
  postponed: z.boolean(),
  /** Why it moved: the holiday or rest day of the nominal date. */
  postponedBecause: z.string().nullable(),
  reporter: z.string().nullable(),
  recipient: z.string().nullable(),
  programmeId: z.string(),
  programmeName: z.string(),
  policyCode: z.string(),
  policyVersion: z.number().int(),
  citation: z.string(),
});
export type DeadlineEntry = z.infer<typeof deadlineEntrySchema>;

export const deadlineCalendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(deadlineEntrySchema),
  total: z.number().int(),
  /** Programmes or years that could not be computed, said in Chinese. */
  warnings: z.array(z.string()),
});
export type DeadlineCalendar = z.infer<typeof deadlineCalendarSchema>;
