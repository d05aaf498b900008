import { asc, eq, sql } from 'drizzle-orm';
import { calendarDays, calendarYears, type DbOrTx } from '@duikou/db';

export async function listCalendarYears(db: DbOrTx) {
  return db.select({
    year: calendarYears.year, source: calendarYears.source, note: calendarYears.note, loadedAt: calendarYears.loadedAt, loadedBy: calendarYears.loadedBy,
    holidays: sql<number>`(select cast(count(*) as integer) from calendar_days d where d.year = "calendar_years"."year" and d.kind = 'holiday')`,
    adjustedWorkdays: sql<number>`(select cast(count(*) as integer) from calendar_days d where d.year = "calendar_years"."year" and d.kind = 'adjusted_workday')`,
  }).from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function listCalendarDays(db: DbOrTx, year?: number) {
  const q = db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, year: calendarDays.year }).from(calendarDays);
  return (year === undefined ? q : q.where(eq(calendarDays.year, year))).orderBy(asc(calendarDays.date));
}

/** Replaces a year's special days in one go (the caller's transaction). */
export async function replaceCalendarYear(db: DbOrTx, year: number, v: { source: string; note: string | null; loadedBy: string; at: Date; days: { date: string; kind: string; name: string | null }[] }): Promise<void> {
  await db.delete(calendarYears).where(eq(calendarYears.year, year)); // cascades to its days
  await db.insert(calendarYears).values({ year, source: v.source, note: v.note, loadedBy: v.loadedBy, loadedAt: v.at });
  await db.insert(calendarDays).values(v.days.map((d) => ({ ...d, year })));
}

export async function deleteCalendarYear(db: DbOrTx, year: number): Promise<void> {
  await db.delete(calendarYears).where(eq(calendarYears.year, year));
}
