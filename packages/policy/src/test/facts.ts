import { isWorkingDay, type Calendar } from '../calendar/calendar.js';
import { addDays } from '../calendar/dates.js';
import type { AttendanceFact } from '../rules/on-site-days.rule.js';
import type { AttendanceStatus } from '../vocabulary.js';

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

export function workingDaysBetween(calendar: Calendar, from: string, to: string): string[] {
  return datesBetween(from, to).filter((d) => isWorkingDay(calendar, d));
}

/** Attendance records with ids `att-<date>`. */
export function attendance(dates: readonly string[], status: AttendanceStatus): AttendanceFact[] {
  return dates.map((date) => ({ id: `att-${date}`, date, status }));
}

/** On-duty records for the working days of a stay (weekends and holidays inside carry no record). */
export function stay(calendar: Calendar, from: string, to: string): AttendanceFact[] {
  return attendance(workingDaysBetween(calendar, from, to), 'on_duty');
}
