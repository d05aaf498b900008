import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, daysInMonth, isIsoDate, termMonths, weekdayOf, wholeYearsBetween } from './dates.js';

describe('dates', () => {
  it('daysInMonth agrees with the JavaScript calendar for every month of every year (leap centuries included)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -2, max: 15 }), (year, month) => {
      expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }), { numRuns: 2000 });
    expect([1900, 2000, 2024, 2026].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
  });

  it.each([
    ['2019-02-28', true], ['2019-02-29', false], ['2020-02-29', true], ['2019-02-30', false],
    ['2019-13-01', false], ['2019-1-01', false], ['20190101', false], ['2019-04-31', false],
  ])('isIsoDate(%s) is %s', (date, expected) => {
    expect(isIsoDate(date)).toBe(expected);
  });

  it.each([
    ['2019-10-01', 2], ['2019-10-05', 6], ['2019-10-06', 0], ['1970-01-01', 4], ['2000-02-29', 2],
  ])('weekday of %s is %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2019-01-31', 1, '2019-02-28'], ['2020-01-31', 1, '2020-02-29'], ['2019-12-15', 1, '2020-01-15'],
    ['2019-03-31', -1, '2019-02-28'], ['2019-01-15', -1, '2018-12-15'], ['2018-05-15', 31, '2020-12-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('clamps 29 February to 28 February in a common year', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it.each([
    // A one-year CX team: 2018-06-07 … 2019-06-06.
    ['2018-06-07', '2019-06-06', 12],
    ['2018-06-10', '2019-06-05', 12],
    ['2018-06-07', '2018-12-06', 6],
    ['2019-01-01', '2019-06-30', 6],
    ['2018-06-07', '2019-03-06', 9],
    // MY pairing validity: 2018-05-15 … 2020-12-31 is two years and seven and a half months.
    ['2018-05-15', '2020-12-31', 32],
    ['2018-05-15', '2020-05-14', 24],
  ])('term %s … %s is %i months', (start, end, months) => {
    expect(termMonths(start, end)).toBe(months);
  });

  it.each([
    ['2013-06-07', '2018-06-07', 5], ['2013-06-08', '2018-06-07', 4], ['2013-07-01', '2018-06-07', 4],
    ['2016-02-29', '2021-02-28', 4], ['2016-02-29', '2021-03-01', 5], ['2018-06-07', '2018-06-06', -1],
  ])('whole years from %s to %s: %i', (from, to, years) => {
    expect(wholeYearsBetween(from, to)).toBe(years);
  });
});
