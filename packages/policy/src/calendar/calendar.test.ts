import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureCalendar } from '../test/holidays.fixture.js';
import {
  CalendarYearMissingError, computeDeadline, countWorkingDays, createCalendar, describeDay, isWorkingDay, nextWorkingDayOnOrAfter,
  type Calendar,
} from './calendar.js';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';

const cal = fixtureCalendar();

/** Working days by walking the range day by day: the reference the fast path must agree with. */
function slowCount(calendar: Calendar, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (describeDay(calendar, d).workingDay) n++;
  return n;
}

function expectMissingYear(fn: () => unknown, year: number): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarYearMissingError);
    expect((e as CalendarYearMissingError).code).toBe('CALENDAR_YEAR_MISSING');
    expect((e as CalendarYearMissingError).year).toBe(year);
    return;
  }
  expect.fail(`expected CALENDAR_YEAR_MISSING for ${year}`);
}

describe('describeDay', () => {
  it.each([
    ['2019-10-01', { workingDay: false, kind: 'holiday', name: '国庆节' }],
    ['2019-10-05', { workingDay: false, kind: 'holiday', name: '国庆节' }],
    ['2019-09-29', { workingDay: true, kind: 'adjusted_workday', name: '国庆节' }],
    ['2019-10-12', { workingDay: true, kind: 'adjusted_workday', name: '国庆节' }],
    ['2019-10-08', { workingDay: true, kind: 'workday' }],
    ['2019-10-13', { workingDay: false, kind: 'rest' }],
    ['2019-02-02', { workingDay: true, kind: 'adjusted_workday', name: '春节' }],
    ['2019-02-03', { workingDay: true, kind: 'adjusted_workday', name: '春节' }],
    ['2019-02-08', { workingDay: false, kind: 'holiday', name: '春节' }],
    ['2020-01-31', { workingDay: false, kind: 'holiday', name: '春节' }],
    ['2020-02-03', { workingDay: true, kind: 'workday' }],
    ['2019-05-05', { workingDay: true, kind: 'adjusted_workday', name: '劳动节' }],
  ])('%s', (date, expected) => {
    expect(describeDay(cal, date)).toEqual({ date, ...expected });
  });

  it('rejects an impossible date instead of rolling it over', () => {
    expect(() => describeDay(cal, '2019-02-30')).toThrow(RangeError);
  });
});

describe('countWorkingDays', () => {
  it.each([
    // 2019: 261 weekdays, 17 of them holidays, 6 weekend days worked → 250.
    ['2019-01-01', '2019-12-31', 250],
    // National Day 2019: 09-29 (Sun, worked), 09-30, 10-08 … 10-11, 10-12 (Sat, worked).
    ['2019-09-28', '2019-10-13', 7],
    ['2019-10-01', '2019-10-07', 0],
    // Spring Festival 2019: 02-01, 02-02 and 02-03 (worked weekend), then 02-11.
    ['2019-02-01', '2019-02-11', 4],
    // Spring Festival 2020, extended to 02-02: 01-19 (Sun, worked), 01-20 … 01-23.
    ['2020-01-18', '2020-02-02', 5],
    ['2019-03-04', '2019-03-08', 5],
    ['2019-03-08', '2019-03-04', 0],
    ['2018-12-29', '2019-01-02', 2],
  ])('%s … %s: %i', (from, to, expected) => {
    expect(countWorkingDays(cal, from, to)).toBe(expected);
  });

  const dayIn = (fromYear: number, toYear: number) =>
    fc.integer({ min: toDayNumber(`${fromYear}-01-01`), max: toDayNumber(`${toYear}-12-31`) }).map(fromDayNumber);

  it('agrees with walking the range day by day', () => {
    fc.assert(fc.property(dayIn(2018, 2020), fc.integer({ min: 0, max: 400 }), (from, length) => {
      const to = addDays(from, length);
      if (to > '2020-12-31') return;
      expect(countWorkingDays(cal, from, to)).toBe(slowCount(cal, from, to));
    }), { numRuns: 200 });
  });

  it('of a range equals the sum over its two parts', () => {
    fc.assert(fc.property(fc.uniqueArray(dayIn(2018, 2020), { minLength: 3, maxLength: 3 }), (days) => {
      const [from, mid, to] = [...days].sort() as [string, string, string];
      expect(countWorkingDays(cal, from, to)).toBe(countWorkingDays(cal, from, mid) + countWorkingDays(cal, addDays(mid, 1), to));
    }), { numRuns: 500 });
  });

  it('touching any year that has no calendar throws CALENDAR_YEAR_MISSING, naming the first such year', () => {
    fc.assert(fc.property(
      fc.subarray([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]),
      dayIn(2015, 2025), fc.integer({ min: 0, max: 1500 }),
      (years, from, length) => {
        const to = addDays(from, length);
        const calendar = createCalendar({ years, days: [] });
        const span = Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, i) => Number(from.slice(0, 4)) + i);
        const missing = span.find((y) => !years.includes(y));
        if (missing === undefined) expect(countWorkingDays(calendar, from, to)).toBeGreaterThanOrEqual(0);
        else expectMissingYear(() => countWorkingDays(calendar, from, to), missing);
      },
    ), { numRuns: 300 });
  });

  it('is fast enough for year-long ranges', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) countWorkingDays(cal, '2018-06-07', '2020-06-06');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('deadlines', () => {
  it.each([
    ['2019-10-05', '2019-10-08', true],
    ['2019-01-05', '2019-01-07', true],
    ['2020-04-05', '2020-04-07', true],
    ['2019-02-05', '2019-02-11', true],
    ['2020-01-24', '2020-02-03', true],
    ['2019-09-29', '2019-09-29', false],
    ['2019-05-05', '2019-05-05', false],
    ['2019-06-05', '2019-06-05', false],
  ])('%s is due %s', (nominal, due, postponed) => {
    expect(computeDeadline(cal, nominal)).toEqual({ nominal, due, postponed });
    expect(nextWorkingDayOnOrAfter(cal, nominal)).toBe(due);
  });

  it('a due date is always the first working day not before the nominal date', () => {
    const day = fc.integer({ min: toDayNumber('2018-01-01'), max: toDayNumber('2020-12-20') }).map(fromDayNumber);
    fc.assert(fc.property(day, (nominal) => {
      const { due, postponed } = computeDeadline(cal, nominal);
      expect(due >= nominal).toBe(true);
      expect(isWorkingDay(cal, due)).toBe(true);
      expect(postponed).toBe(due !== nominal);
      for (let d = nominal; d < due; d = addDays(d, 1)) expect(isWorkingDay(cal, d)).toBe(false);
    }), { numRuns: 500 });
  });

  it('refuses to roll a deadline into a year with no calendar', () => {
    const only2019 = createCalendar({ years: [2019], days: [{ date: '2019-12-31', kind: 'holiday', name: '假设' }] });
    expectMissingYear(() => computeDeadline(only2019, '2019-12-31'), 2020);
    expect(computeDeadline(only2019, '2019-12-28')).toEqual({ nominal: '2019-12-28', due: '2019-12-30', postponed: true });
    // Asked again (the answers are remembered per calendar): the same refusal and the same answer,
    // whatever a caller did to the answer it was given.
    expectMissingYear(() => computeDeadline(only2019, '2019-12-31'), 2020);
    const given = computeDeadline(only2019, '2019-12-28');
    (given as { due: string }).due = '1999-01-01';
    expect(computeDeadline(only2019, '2019-12-28')).toEqual({ nominal: '2019-12-28', due: '2019-12-30', postponed: true });
    // Another calendar answers for itself.
    const both = createCalendar({ years: [2019, 2020], days: [{ date: '2019-12-31', kind: 'holiday', name: '假设' }] });
    expect(computeDeadline(both, '2019-12-31')).toEqual({ nominal: '2019-12-31', due: '2020-01-01', postponed: true });
  });

  it('refuses any date of a year with no calendar instead of guessing weekends', () => {
    expectMissingYear(() => describeDay(cal, '2021-01-04'), 2021);
    expectMissingYear(() => computeDeadline(cal, '2017-06-05'), 2017);
    expectMissingYear(() => countWorkingDays(cal, '2020-12-01', '2021-01-10'), 2021);
  });
});

describe('createCalendar', () => {
  it('rejects a special day outside the loaded years, a duplicate and a bad date', () => {
    expect(() => createCalendar({ years: [2019], days: [{ date: '2020-01-01', kind: 'holiday' }] })).toThrow(/不在已录入的年份内/);
    expect(() => createCalendar({ years: [2019], days: [{ date: '2019-10-01', kind: 'holiday' }, { date: '2019-10-01', kind: 'holiday' }] })).toThrow(/重复/);
    expect(() => createCalendar({ years: [2019], days: [{ date: '2019-02-30', kind: 'holiday' }] })).toThrow(RangeError);
  });

  it('treats a loaded year without special days as weekdays working', () => {
    const plain = createCalendar({ years: [2027], days: [] });
    expect(describeDay(plain, '2027-01-01')).toEqual({ date: '2027-01-01', workingDay: true, kind: 'workday' });
    expect(countWorkingDays(plain, '2027-01-01', '2027-12-31')).toBe(261);
  });
});
