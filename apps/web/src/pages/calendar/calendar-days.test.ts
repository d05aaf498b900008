import { describe, expect, it } from 'vitest';
import { checkDays, parseCalendarRows, parseCsv, parseDateCell, toCsv } from './calendar-days';
import { monthNotes } from './calendar-year.view';

describe('calendar import', () => {
  it('reads dates written in the usual ways', () => {
    expect(parseDateCell('2019-10-01')).toBe('2019-10-01');
    expect(parseDateCell('2019/10/1')).toBe('2019-10-01');
    expect(parseDateCell('2019年2月4日')).toBe('2019-02-04');
    expect(parseDateCell('20190204')).toBe('2019-02-04');
    expect(parseDateCell(new Date(Date.UTC(2019, 1, 4)))).toBe('2019-02-04');
    expect(parseDateCell(43500)).toBe('2019-02-04');
    expect(parseDateCell({ richText: [{ text: '2019-05-01' }] })).toBe('2019-05-01');
    expect(parseDateCell('2019-02-30')).toBeNull();
    expect(parseDateCell('国庆')).toBeNull();
  });

  it('parses a sheet with headers in any order, reporting the rows it cannot read by file row', () => {
    const { days, issues } = parseCalendarRows([
      ['名称', '日期', '类型'],
      ['元旦', '2019-01-01', '法定节假日'],
      [],
      ['春节', '2019-02-02', '调休上班'],
      ['', '2019-02-04', '休'],
      ['春节', 'abc', '法定节假日'],
      ['春节', '2019-02-05', '放半天'],
    ]);
    expect(days).toEqual([
      { date: '2019-01-01', kind: 'holiday', name: '元旦' },
      { date: '2019-02-02', kind: 'adjusted_workday', name: '春节' },
      { date: '2019-02-04', kind: 'holiday' },
    ]);
    expect(issues.map((i) => i.row)).toEqual([6, 7]);
    expect(issues[0]!.message).toContain('abc');
    expect(issues[1]!.message).toContain('放半天');
  });

  it('reads a CSV without headers and round-trips its own export', () => {
    expect(parseCalendarRows(parseCsv('2019-10-01,holiday,国庆节\n2019-10-12,adjusted_workday,"国庆节"\n')).days).toEqual([
      { date: '2019-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2019-10-12', kind: 'adjusted_workday', name: '国庆节' },
    ]);
    const days = [{ date: '2019-10-01', kind: 'holiday' as const, name: '国庆节, "长假"' }, { date: '2019-10-12', kind: 'adjusted_workday' as const }];
    expect(parseCalendarRows(parseCsv(toCsv(days))).days).toEqual([{ date: '2019-10-01', kind: 'holiday', name: '国庆节, "长假"' }, { date: '2019-10-12', kind: 'adjusted_workday' }]);
    expect(parseCalendarRows([['x', 'y']]).issues[0]!.message).toContain('日期');
  });

  it('checks rows as the server does', () => {
    const problems = checkDays(2019, [
      { key: 'a', date: '2019-10-01', kind: 'holiday', name: '' },
      { key: 'b', date: '2019-10-01', kind: 'holiday', name: '' },
      { key: 'c', date: '2019-10-08', kind: 'adjusted_workday', name: '' },
      { key: 'd', date: '2020-01-01', kind: 'holiday', name: '' },
      { key: 'e', date: null, kind: null, name: '' },
    ]);
    expect([...problems.keys()]).toEqual([1, 2, 3, 4]);
    expect(problems.get(1)).toEqual(['与第 1 行日期重复']);
    expect(problems.get(2)).toEqual(['调休上班日应为周六或周日']);
    expect(problems.get(3)).toEqual(['日期不在 2019 年内']);
    expect(problems.get(4)).toEqual(['请选择日期', '请选择类型']);
  });

  it('sums up a month as runs of named days', () => {
    expect(monthNotes([
      { date: '2019-02-02', kind: 'adjusted_workday', name: '春节' },
      { date: '2019-02-03', kind: 'adjusted_workday', name: '春节' },
      ...[4, 5, 6, 7, 8, 9, 10].map((d) => ({ date: `2019-02-${String(d).padStart(2, '0')}`, kind: 'holiday' as const, name: '春节' })),
    ])).toEqual([{ kind: 'adjusted_workday', text: '调休上班 2–3日（春节）' }, { kind: 'holiday', text: '春节 4–10日' }]);
  });
});
