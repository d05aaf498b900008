/**
 * Plain 'YYYY-MM-DD' date arithmetic in UTC day numbers (days since 1970-01-01). No time zones, no
 * library: a date here is a calendar day in China, never an instant.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (2019-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Throws a RangeError naming the bad value unless it is a real YYYY-MM-DD date. */
export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`不是有效的日期（应为 YYYY-MM-DD）：${value}`);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days of a month (1–12) of a year: by table, since every date check asks it (no Date object per call). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Day number of a date: consecutive integers for consecutive days. */
export function toDayNumber(date: string): number {
  assertIsoDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Same day `months` later; the end of a shorter month clamps (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date);
  const total = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function firstOfMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

export function lastOfMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/**
 * Length of a term from `start` to `end` (both inclusive) in whole months, rounded to the
 * nearest month: 2018-06-07 … 2019-06-06 is 12, 2018-06-10 … 2019-06-05 is 12, … 2018-12-06 is 6.
 */
export function termMonths(start: string, end: string): number {
  const endExclusive = toDayNumber(end) + 1;
  let n = 0;
  while (toDayNumber(addMonths(start, n + 1)) <= endExclusive) n++;
  const below = endExclusive - toDayNumber(addMonths(start, n));
  const above = toDayNumber(addMonths(start, n + 1)) - endExclusive;
  return above < below ? n + 1 : n;
}

/** Whole years from `from` to `to`: the number of anniversaries of `from` reached by `to`. */
export function wholeYearsBetween(from: string, to: string): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const years = yearOf(to) - yearOf(from);
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
