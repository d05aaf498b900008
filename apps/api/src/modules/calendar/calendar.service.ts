import { computeDeadline, createCalendar, describeDay, type Calendar } from '@duikou/policy';
import type { CalendarDay, CalendarYear, CalendarYearDetail, CalendarYearPut, Deadline } from '@duikou/contracts';
import type { Db } from '@duikou/db';
import type { RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import * as repo from './calendar.repository.js';

/** The calendar as the engine needs it, rebuilt from the database (a few hundred rows for all years). */
export async function loadCalendar(db: Db): Promise<Calendar> {
  const [years, days] = await Promise.all([repo.listCalendarYears(db), repo.listCalendarDays(db)]);
  return createCalendar({
    years: years.map((y) => y.year),
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'adjusted_workday', ...(d.name ? { name: d.name } : {}) })),
  });
}

export async function describeDate(ctx: RequestContext, date: string): Promise<CalendarDay> {
  return describeDay(await loadCalendar(ctx.db), date);
}

export async function deadlineFor(ctx: RequestContext, date: string): Promise<Deadline> {
  return computeDeadline(await loadCalendar(ctx.db), date);
}

const toYear = (y: Awaited<ReturnType<typeof repo.listCalendarYears>>[number]): CalendarYear => ({ ...y, loadedAt: y.loadedAt.toISOString() });

export async function listYears(ctx: RequestContext): Promise<CalendarYear[]> {
  return (await repo.listCalendarYears(ctx.db)).map(toYear);
}

export async function getYear(ctx: RequestContext, year: number): Promise<CalendarYearDetail> {
  const y = (await repo.listCalendarYears(ctx.db)).find((r) => r.year === year);
  if (!y) throw new AppError('CALENDAR_YEAR_MISSING', `${year} 年的节假日日历尚未录入，请管理员按国务院办公厅通知录入`);
  const days = await repo.listCalendarDays(ctx.db, year);
  return { ...toYear(y), days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'adjusted_workday', name: d.name })) };
}

const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * Enters or replaces a year's holidays and adjusted working days (the State Council's notice for
 * that year). Every date must lie in the year, appear once, and an adjusted working day must be a
 * Saturday or Sunday (that is what 调休 means).
 */
export async function putYear(ctx: RequestContext, year: number, input: CalendarYearPut): Promise<CalendarYearDetail> {
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 行日期 ${d.date} 不在 ${year} 年内`, { field: `days.${i}.date` });
    if (seen.has(d.date)) throw new AppError('VALIDATION_FAILED', `日期 ${d.date} 重复`, { field: `days.${i}.date` });
    seen.add(d.date);
    if (d.kind === 'adjusted_workday' && !isWeekend(d.date)) {
      throw new AppError('VALIDATION_FAILED', `${d.date} 是工作日，不能设为调休上班日（调休上班日应为周六或周日）`, { field: `days.${i}.kind` });
    }
  });
  const before = (await repo.listCalendarYears(ctx.db)).find((r) => r.year === year);
  await ctx.db.transaction(async (tx) => {
    await repo.replaceCalendarYear(tx, year, {
      source: 'manual', note: input.note ?? null, loadedBy: ctx.actor.username, at: ctx.clock.now(),
      days: input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })),
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create', entityType: 'calendar', entityId: String(year),
      summary: `${before ? '更新' : '录入'} ${year} 年节假日日历（${input.days.length} 个特殊日期）`,
      before: before ? { year, holidays: before.holidays, adjustedWorkdays: before.adjustedWorkdays, source: before.source } : null,
      after: { year, days: input.days },
    });
  });
  return getYear(ctx, year);
}

export async function deleteYear(ctx: RequestContext, year: number): Promise<void> {
  const before = (await repo.listCalendarYears(ctx.db)).find((r) => r.year === year);
  if (!before) throw notFound(`${year} 年日历`);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteCalendarYear(tx, year);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'calendar', entityId: String(year), summary: `删除 ${year} 年节假日日历`, before: toYear(before) });
  });
}
