import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, textSchema } from './common.schema.js';

export const ATTENDANCE_STATUSES = ['on_duty', 'rest', 'leave', 'official_business', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = { on_duty: '在岗', rest: '休息', leave: '请假', official_business: '因公外出', absent: '缺勤' };
export const ATTENDANCE_SOURCE_LABELS: Record<string, string> = { check_in: '打卡', unit: '单位填报', leave: '请假', appeal: '申诉更正', roll_call: '点名' };

const latitude = z.number({ error: '纬度应为数字' }).min(-90, { error: '纬度应在 -90 到 90 之间' }).max(90, { error: '纬度应在 -90 到 90 之间' });
const longitude = z.number({ error: '经度应为数字' }).min(-180, { error: '经度应在 -180 到 180 之间' }).max(180, { error: '经度应在 -180 到 180 之间' });

/** One tap on the check-in page; `clientId` makes a retry or a queued resend count once. */
export const checkInCreateSchema = z.object({
  clientId: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '客户端编号应为 8–64 位字母、数字、- 或 _' }),
  kind: z.enum(['in', 'out'], { error: '打卡类型须为 in（签到）或 out（签退）' }),
  /** The phone's time of the tap (ISO 8601 with offset); a queued check-in keeps it. */
  at: z.iso.datetime({ offset: true, error: '打卡时间应为带时区的 ISO 时间' }),
  lat: latitude.optional(),
  lng: longitude.optional(),
  accuracyM: z.number().min(0).max(100_000).optional(),
  fieldReason: optionalTextSchema(200),
}).refine((v) => (v.lat === undefined) === (v.lng === undefined), { error: '经纬度须同时提供', path: ['lng'] });
export type CheckInCreate = z.infer<typeof checkInCreateSchema>;

export const checkInSchema = z.object({
  id: z.string(), clientId: z.string(), assignmentId: z.string(), kind: z.enum(['in', 'out']), at: z.string(), date: z.string(), receivedAt: z.string(),
  lat: z.number().nullable(), lng: z.number().nullable(), distanceM: z.number().nullable(), fence: z.enum(['inside', 'outside', 'unknown']),
  fieldReason: z.string().nullable(), sentLate: z.boolean(), duplicate: z.boolean(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const checkInTodaySchema = z.object({
  date: z.string(), workingDay: z.boolean(), dayName: z.string().nullable(),
  assignment: z.object({ id: z.string(), recipientOrgName: z.string(), department: z.string(), plannedStart: z.string(), plannedEnd: z.string(), status: z.string() }).nullable(),
  fence: z.object({ lat: z.number(), lng: z.number(), radiusM: z.number() }).nullable(),
  checkIns: z.array(checkInSchema),
});

export const geofenceSchema = z.object({ lat: latitude, lng: longitude, radiusM: z.number().int().min(50, { error: '半径不少于 50 米' }).max(20_000, { error: '半径不超过 20 公里' }) });
export const orgIdParamsSchema = z.object({ orgId: idSchema });

export const monthParamsSchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应为 YYYY-MM' }) });
export const monthQuerySchema = z.object({ recipientOrgId: idSchema.optional() });
const dayCellSchema = z.object({ status: z.enum(ATTENDANCE_STATUSES), source: z.string(), note: z.string().nullable() });
export const attendanceMonthSchema = z.object({
  month: z.string(), recipientOrgId: z.string(), recipientOrgName: z.string(),
  confirmed: z.object({ at: z.string(), by: z.string() }).nullable(),
  days: z.array(z.object({ date: z.string(), workingDay: z.boolean(), name: z.string().nullable() })),
  rows: z.array(z.object({
    assignmentId: z.string(), personName: z.string(), department: z.string(), supportOrgName: z.string(), from: z.string(), to: z.string(),
    cells: z.record(z.string(), dayCellSchema),
    counts: z.record(z.string(), z.number().int()),
    /** Working days on post with no record yet. */
    missing: z.number().int(),
  })),
});
export type AttendanceMonth = z.infer<typeof attendanceMonthSchema>;
export const attendanceEntriesSchema = z.object({
  recipientOrgId: idSchema.optional(),
  entries: z.array(z.object({ assignmentId: idSchema, date: isoDateSchema, status: z.enum(ATTENDANCE_STATUSES, { error: '考勤状态不在可选范围内' }), note: optionalTextSchema(200) }))
    .min(1, { error: '至少填写一项' }).max(2000, { error: '一次最多 2000 项' }),
});
export type AttendanceEntries = z.infer<typeof attendanceEntriesSchema>;

export const APPEAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const APPEAL_STATUS_LABELS: Record<(typeof APPEAL_STATUSES)[number], string> = { pending: '待处理', approved: '已同意', rejected: '已驳回' };
export const appealCreateSchema = z.object({
  assignmentId: idSchema, date: isoDateSchema, requestedStatus: z.enum(ATTENDANCE_STATUSES, { error: '考勤状态不在可选范围内' }), reason: textSchema(500),
});
export const appealDecisionSchema = z.object({ decision: z.enum(['approve', 'reject'], { error: '须为 approve 或 reject' }), comment: optionalTextSchema(500) });
export const appealListQuerySchema = z.object({ status: z.enum(APPEAL_STATUSES).optional(), recipientOrgId: idSchema.optional() });
export const appealSchema = z.object({
  id: z.string(), assignmentId: z.string(), personName: z.string(), recipientOrgName: z.string(), date: z.string(),
  currentStatus: z.string().nullable(), requestedStatus: z.enum(ATTENDANCE_STATUSES), reason: z.string(), status: z.enum(APPEAL_STATUSES),
  requestedBy: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), decisionComment: z.string().nullable(), createdAt: z.string(),
});
export type Appeal = z.infer<typeof appealSchema>;
