import { createRequire } from 'node:module';
import { calendarDays, calendarYears } from '../schema.js';
import type { Db } from '../client.js';

export interface CalendarDayInput { date: string; kind: 'holiday' | 'adjusted_workday'; name: string | null }

/** First and last year of the calendar shipped with Duikou (the programmes of the notices start in 2018). */
export const SHIPPED_CALENDAR_YEARS = { from: 2018, to: 2026 } as const;

/**
 * Holidays and adjusted working days of a year from the `chinese-days` package, which follows the
 * State Council's yearly notice. Its data ends with 2026: later years are entered by an administrator.
 */
export function readPackagedCalendarYear(year: number): CalendarDayInput[] {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const name = (v: string) => v.split(',')[1] ?? null;
  const pick = (map: Record<string, string>, kind: CalendarDayInput['kind']) =>
    Object.entries(map).filter(([d]) => d.startsWith(`${year}-`)).map(([date, v]) => ({ date, kind, name: name(v) }));
  return [...pick(data.holidays, 'holiday'), ...pick(data.workdays, 'adjusted_workday')].sort((a, b) => a.date.localeCompare(b.date));
}

export function packagedCalendarSource(): string {
  const require = createRequire(import.meta.url);
  return `chinese-days@${(require('chinese-days/package.json') as { version: string }).version}`;
}

/** Loads the shipped calendar years that are not loaded yet (reference data, in every installation). */
export async function seedCalendar(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    const have = new Set((await tx.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
    const loaded: number[] = [];
    for (let year = SHIPPED_CALENDAR_YEARS.from; year <= SHIPPED_CALENDAR_YEARS.to; year++) {
      if (have.has(year)) continue;
      const days = readPackagedCalendarYear(year);
      if (days.length === 0) continue;
      await tx.insert(calendarYears).values({ year, source: packagedCalendarSource(), note: '国务院办公厅节假日安排（随系统预置）' });
      await tx.insert(calendarDays).values(days.map((d) => ({ ...d, year })));
      loaded.push(year);
    }
    return loaded;
  });
}
