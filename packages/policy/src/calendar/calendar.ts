import { addDays, assertIsoDate, toDayNumber, yearOf } from './dates.js';

/** A date the State Council's yearly notice makes special: a holiday, or a weekend worked (调休). */
export interface SpecialDay {
  date: string;
  kind: 'holiday' | 'adjusted_workday';
  name?: string;
}

/** What the database holds: the years that have been loaded, and their special days. */
export interface CalendarInput {
  /** Years whose holiday notice has been loaded; any other year is refused, never guessed. */
  years: readonly number[];
  days: readonly SpecialDay[];
}

export type DayKind = 'workday' | 'rest' | 'holiday' | 'adjusted_workday';

export interface DayDescription {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  name?: string;
}

export interface Deadline {
  nominal: string;
  due: string;
  /** True when the nominal date was not a working day (节假日顺延). */
  postponed: boolean;
}

/**
 * A holiday-aware calendar built from data. Treat it as opaque and use the functions of this
 * module; it precomputes per-year running totals so a year-long range costs a few lookups.
 */
export interface Calendar {
  readonly years: readonly number[];
  readonly specialDays: ReadonlyMap<string, SpecialDay>;
  /** Per year: `runningWorkingDays[i]` = working days among the year's first `i` days. */
  readonly runningWorkingDays: ReadonlyMap<number, Uint16Array>;
}

/** Thrown whenever a computation touches a year with no holiday calendar loaded. */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING' as const;
  readonly year: number;

  constructor(year: number) {
    super(`${year} 年的节假日日历尚未录入，无法计算工作日`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

/**
 * Builds a calendar from the loaded years and their special days. Rejects (RangeError) a bad date,
 * a special day outside the loaded years, or a date listed twice: the data is wrong, not the day.
 */
export function createCalendar(input: CalendarInput): Calendar {
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  const loaded = new Set(years);
  const specialDays = new Map<string, SpecialDay>();
  for (const day of input.days) {
    assertIsoDate(day.date);
    if (!loaded.has(yearOf(day.date))) throw new RangeError(`特殊日期 ${day.date} 不在已录入的年份内`);
    if (specialDays.has(day.date)) throw new RangeError(`特殊日期 ${day.date} 重复`);
    specialDays.set(day.date, { date: day.date, kind: day.kind, ...(day.name ? { name: day.name } : {}) });
  }
  const specialsByYear = new Map<number, SpecialDay[]>();
  for (const day of specialDays.values()) {
    const year = yearOf(day.date);
    specialsByYear.set(year, [...(specialsByYear.get(year) ?? []), day]);
  }
  const runningWorkingDays = new Map<number, Uint16Array>();
  for (const year of years) {
    const first = toDayNumber(`${year}-01-01`);
    const working = new Uint8Array(toDayNumber(`${year + 1}-01-01`) - first);
    for (let i = 0; i < working.length; i++) working[i] = isWeekendDay(first + i) ? 0 : 1;
    // The notice's rulings override the weekday/weekend pattern.
    for (const day of specialsByYear.get(year) ?? []) working[toDayNumber(day.date) - first] = day.kind === 'adjusted_workday' ? 1 : 0;
    runningWorkingDays.set(year, runningTotals(working));
  }
  return { years, specialDays, runningWorkingDays };
}

/** `totals[i]` = sum of `perDay[0 … i-1]`. */
function runningTotals(perDay: ArrayLike<number>): Uint16Array {
  const totals = new Uint16Array(perDay.length + 1);
  for (let i = 0; i < perDay.length; i++) totals[i + 1] = totals[i]! + perDay[i]!;
  return totals;
}

/** Saturday or Sunday, from a day number (1970-01-01, day 0, was a Thursday). */
function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function isWorking(date: string, specialDays: ReadonlyMap<string, SpecialDay>): boolean {
  const special = specialDays.get(date);
  return special ? special.kind === 'adjusted_workday' : !isWeekendDay(toDayNumber(date));
}

function requireYear(calendar: Calendar, year: number): Uint16Array {
  const running = calendar.runningWorkingDays.get(year);
  if (!running) throw new CalendarYearMissingError(year);
  return running;
}

/** What kind of day a date is. Weekends are rest days unless worked (调休); holidays never work. */
export function describeDay(calendar: Calendar, date: string): DayDescription {
  assertIsoDate(date);
  requireYear(calendar, yearOf(date));
  const special = calendar.specialDays.get(date);
  if (special) {
    return { date, workingDay: special.kind === 'adjusted_workday', kind: special.kind, ...(special.name ? { name: special.name } : {}) };
  }
  const working = isWorking(date, calendar.specialDays);
  return { date, workingDay: working, kind: working ? 'workday' : 'rest' };
}

export function isWorkingDay(calendar: Calendar, date: string): boolean {
  assertIsoDate(date);
  requireYear(calendar, yearOf(date));
  return isWorking(date, calendar.specialDays);
}

/** Working days from `from` to `to`, both inclusive; 0 when `to` is before `from`. */
export function countWorkingDays(calendar: Calendar, from: string, to: string): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return 0;
  let total = 0;
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const running = requireYear(calendar, year);
    const first = toDayNumber(`${year}-01-01`);
    const lo = Math.max(start, first) - first;
    const hi = Math.min(end, first + running.length - 2) - first;
    total += running[hi + 1]! - running[lo]!;
  }
  return total;
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(calendar: Calendar, date: string): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = addDays(day, 1);
  return day;
}

/**
 * A nominal deadline moved past rest days and holidays to the next working day (节假日顺延). Throws
 * CalendarYearMissingError when the way there crosses a year not loaded. Remembered per calendar
 * (an answer depends on the calendar and the date only): a province's 15,000 assignments share a
 * few quarterly due dates, and each answer, or refusal, is worked out once.
 */
export function computeDeadline(calendar: Calendar, nominal: string): Deadline {
  let known = deadlinesOf.get(calendar);
  if (!known) { known = new Map(); deadlinesOf.set(calendar, known); }
  let answer = known.get(nominal);
  if (answer === undefined) {
    try {
      const due = nextWorkingDayOnOrAfter(calendar, nominal);
      answer = { nominal, due, postponed: due !== nominal };
    } catch (err) {
      if (!(err instanceof CalendarYearMissingError)) throw err;
      answer = err;
    }
    known.set(nominal, answer);
  }
  if (answer instanceof CalendarYearMissingError) throw answer;
  return { ...answer };
}
const deadlinesOf = new WeakMap<Calendar, Map<string, Deadline | CalendarYearMissingError>>();
