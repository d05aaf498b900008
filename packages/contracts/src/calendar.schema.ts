import { z } from 'zod';
import { isoDateSchema, optionalTextSchema } from './common.schema.js';

export const DAY_KINDS = ['workday', 'rest', 'holiday', 'adjusted_workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export const DAY_KIND_LABELS: Record<DayKind, string> = { workday: '工作日', rest: '休息日', holiday: '法定节假日', adjusted_workday: '调休上班' };

export const calendarDaySchema = z.object({
  date: z.string(), workingDay: z.boolean(), kind: z.enum(DAY_KINDS), name: z.string().optional(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const deadlineSchema = z.object({ nominal: z.string(), due: z.string(), postponed: z.boolean() });
export type Deadline = z.infer<typeof deadlineSchema>;
export const deadlineQuerySchema = z.object({ date: isoDateSchema });
export const dateParamsSchema = z.object({ date: isoDateSchema });

export const calendarYearSchema = z.object({
  year: z.number().int(), source: z.string(), note: z.string().nullable(), loadedAt: z.string(), loadedBy: z.string().nullable(),
  holidays: z.number().int(), adjustedWorkdays: z.number().int(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarSpecialDaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(['holiday', 'adjusted_workday'], { error: '类型须为 法定节假日(holiday) 或 调休上班(adjusted_workday)' }),
  name: optionalTextSchema(30),
});
export type CalendarSpecialDay = z.infer<typeof calendarSpecialDaySchema>;

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' }) });
export const calendarYearDetailSchema = calendarYearSchema.extend({ days: z.array(calendarSpecialDaySchema.extend({ name: z.string().nullable().optional() })) });
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;
export const calendarYearPutSchema = z.object({
  note: optionalTextSchema(200),
  days: z.array(calendarSpecialDaySchema).min(1, { error: '至少录入一天（法定节假日或调休上班日）' }).max(120, { error: '一年最多 120 个特殊日期' }),
});
export type CalendarYearPut = z.infer<typeof calendarYearPutSchema>;
