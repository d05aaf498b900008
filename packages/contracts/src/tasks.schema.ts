import { z } from 'zod';
import { idSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';
import { assignmentRefSchema, quarterSchema, trueFalseQuery, yearQuerySchema, yearSchema } from './results.schema.js';

/** 年度任务 per dispatched person, set by the recipient; 季度进展 reported by the recipient to the support unit. */
export const TASK_PROGRESS_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskProgressStatus = (typeof TASK_PROGRESS_STATUSES)[number];
export const TASK_PROGRESS_STATUS_LABELS: Record<TaskProgressStatus, string> = { not_started: '未开始', in_progress: '进行中', done: '已完成' };

export const annualTaskCreateSchema = z.object({
  assignmentId: idSchema,
  year: yearSchema,
  title: textSchema(100),
  description: optionalTextSchema(1000),
  /** 目标 / 考核要求. */
  target: optionalTextSchema(300),
});
export type AnnualTaskCreate = z.infer<typeof annualTaskCreateSchema>;
export const annualTaskUpdateSchema = z.object({ title: textSchema(100), description: optionalTextSchema(1000), target: optionalTextSchema(300) }).partial();
export type AnnualTaskUpdate = z.infer<typeof annualTaskUpdateSchema>;

export const annualTaskListQuerySchema = paginationQuerySchema.extend({
  assignmentId: idSchema.optional(),
  year: yearQuerySchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type AnnualTaskListQuery = z.infer<typeof annualTaskListQuerySchema>;

export const annualTaskSchema = z.object({
  id: z.string(), assignment: assignmentRefSchema, year: z.number().int(), title: z.string(), description: z.string().nullable(), target: z.string().nullable(),
  /** As of the latest quarterly report that mentions it; null: never reported on. */
  latestStatus: z.enum(TASK_PROGRESS_STATUSES).nullable(), latestQuarter: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type AnnualTask = z.infer<typeof annualTaskSchema>;

const taskProgressInputSchema = z.object({
  taskId: idSchema,
  status: z.enum(TASK_PROGRESS_STATUSES, { error: '任务进展须为 not_started（未开始）、in_progress（进行中）或 done（已完成）' }),
  progress: optionalTextSchema(500),
});

export const quarterlyReportCreateSchema = z.object({
  assignmentId: idSchema,
  quarter: quarterSchema,
  /** 支援工作情况: what the person did this quarter. */
  summary: textSchema(2000),
  /** Progress of the person's annual tasks. */
  tasks: z.array(taskProgressInputSchema).max(50, { error: '任务不超过 50 项' }).default([]),
});
export type QuarterlyReportCreate = z.infer<typeof quarterlyReportCreateSchema>;
export const quarterlyReportUpdateSchema = z.object({ summary: textSchema(2000), tasks: z.array(taskProgressInputSchema).max(50, { error: '任务不超过 50 项' }) }).partial();
export type QuarterlyReportUpdate = z.infer<typeof quarterlyReportUpdateSchema>;

export const quarterlyReportListQuerySchema = paginationQuerySchema.extend({
  assignmentId: idSchema.optional(),
  year: yearQuerySchema.optional(),
  quarter: quarterSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type QuarterlyReportListQuery = z.infer<typeof quarterlyReportListQuerySchema>;

export const quarterlyReportSchema = z.object({
  id: z.string(), assignment: assignmentRefSchema, quarter: z.string(), summary: z.string(),
  tasks: z.array(z.object({ taskId: z.string(), title: z.string(), status: z.enum(TASK_PROGRESS_STATUSES), progress: z.string().nullable() })),
  /** The server's date when first submitted, and the due date and lateness the engine gives it. */
  submittedOn: z.string(), submittedBy: z.string(), due: z.string().nullable(), daysLate: z.number().int().nullable(),
  createdAt: z.string(), updatedAt: z.string(), canEdit: z.boolean(),
});
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;

export const quarterlyScheduleQuerySchema = paginationQuerySchema.extend({
  /** Quarters of this year (default: the current year). */
  year: yearQuerySchema.optional(),
  assignmentId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  /** Only persons with a quarter reported late or overdue. */
  lateOnly: trueFalseQuery,
});
export type QuarterlyScheduleQuery = z.infer<typeof quarterlyScheduleQuerySchema>;
export const quarterlyScheduleItemSchema = z.object({
  assignment: assignmentRefSchema,
  quarters: z.array(z.object({
    quarter: z.string(), nominal: z.string(), due: z.string().nullable(), postponed: z.boolean(),
    reportId: z.string().nullable(), submittedOn: z.string().nullable(), verdict: shownVerdictSchema,
  })),
  /** Worst status among the quarters. */
  status: z.enum(['met', 'unmet', 'at_risk', 'not_applicable', 'unknown']),
});
export const quarterlyScheduleSchema = z.object({
  year: z.number().int(), asOf: z.string(), items: z.array(quarterlyScheduleItemSchema), total: z.number().int(),
  skipped: z.array(z.object({ assignmentId: z.string(), personName: z.string(), message: z.string() })),
});
export type QuarterlySchedule = z.infer<typeof quarterlyScheduleSchema>;
