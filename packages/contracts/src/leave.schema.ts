import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';

export const LEAVE_KINDS = ['sick', 'personal', 'family', 'emergency_recall', 'other'] as const;
export const LEAVE_KIND_LABELS: Record<(typeof LEAVE_KINDS)[number], string> = { sick: '病假', personal: '事假', family: '探亲', emergency_recall: '卫生应急调回', other: '其他' };
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'closed'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = { pending: '审批中', approved: '已批准', rejected: '已驳回', cancelled: '已撤回', closed: '已销假' };

const attachmentSchema = z.object({
  name: textSchema(120),
  type: z.enum(['application/pdf', 'image/jpeg', 'image/png'], { error: '附件须为 PDF、JPG 或 PNG' }),
  base64: z.string().max(2_800_000, { error: '附件不能超过 2 MB' }).regex(/^[A-Za-z0-9+/]+=*$/, { error: '附件内容不是有效的 base64' }),
});

export const leaveCreateSchema = z.object({
  /** Staff leave their own active assignment out; units and offices name it. */
  assignmentId: idSchema.optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  kind: z.enum(LEAVE_KINDS, { error: '请选择请假类别' }),
  reason: textSchema(500),
  attachment: attachmentSchema.optional(),
}).refine((v) => v.startDate <= v.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type LeaveCreate = z.infer<typeof leaveCreateSchema>;

export const leaveDecisionSchema = z.object({ decision: z.enum(['approve', 'reject'], { error: '须为 approve 或 reject' }), comment: optionalTextSchema(500) });
export const leaveReturnSchema = z.object({ date: isoDateSchema });
export const leaveListQuerySchema = paginationQuerySchema.extend({
  status: z.enum(LEAVE_STATUSES).optional(),
  assignmentId: idSchema.optional(),
  /** Only leave waiting for the caller's decision. */
  todo: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type LeaveListQuery = z.infer<typeof leaveListQuerySchema>;

const stepSchema = z.object({
  party: z.string(), label: z.string(),
  decision: z.enum(['approve', 'reject']).nullable(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), comment: z.string().nullable(),
});
export const leaveSchema = z.object({
  id: z.string(), assignmentId: z.string(), personName: z.string(), supportOrgName: z.string(), recipientOrgName: z.string(),
  startDate: z.string(), endDate: z.string(), kind: z.enum(LEAVE_KINDS), reason: z.string(), emergencyRecall: z.boolean(),
  workingDays: z.number().int(), calendarDays: z.number().int(), status: z.enum(LEAVE_STATUSES),
  approvals: z.array(stepSchema), filings: z.array(z.object({ party: z.string(), label: z.string() })),
  /** The party whose decision is awaited, if any; `mine`: the caller may decide it now. */
  awaiting: z.string().nullable(), mine: z.boolean(),
  attachmentName: z.string().nullable(), returnedOn: z.string().nullable(), requestedBy: z.string(), createdAt: z.string(),
});
export type Leave = z.infer<typeof leaveSchema>;
export const leaveDetailSchema = leaveSchema.extend({ verdicts: z.array(shownVerdictSchema) });

export const tripCreateSchema = z.object({
  assignmentId: idSchema.optional(), startDate: isoDateSchema, endDate: isoDateSchema, destination: textSchema(100), reason: optionalTextSchema(300),
}).refine((v) => v.startDate <= v.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export const tripSchema = z.object({
  id: z.string(), assignmentId: z.string(), personName: z.string(), recipientOrgName: z.string(), startDate: z.string(), endDate: z.string(),
  destination: z.string(), reason: z.string().nullable(), reportedBy: z.string(), createdAt: z.string(),
});
