import { describe, expect, it } from 'vitest';
import { labelFigures, lateness, quarterLabel, quarterOf, reportableQuarters, taskLinesFor, taskLinesOf, termYears } from './task-parts';

describe('quarters', () => {
  it('names and finds quarters', () => {
    expect(quarterLabel('2026-Q3')).toBe('2026 年第三季度');
    expect(quarterLabel('bad')).toBe('bad');
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
  });

  it('offers the quarters of the term begun by today, newest first', () => {
    expect(reportableQuarters({ start: '2026-03-01', end: '2026-12-31' }, '2026-11-23')).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    expect(reportableQuarters({ start: '2025-11-15', end: '2026-05-14' }, '2026-11-23')).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
    expect(reportableQuarters({ start: '2027-01-01', end: '2027-12-31' }, '2026-11-23')).toEqual([]);
  });

  it('lists the years of a term', () => {
    expect(termYears({ start: '2018-09-01', end: '2019-08-31' })).toEqual([2018, 2019]);
  });
});

describe('lateness', () => {
  it('says late, on time or not yet due', () => {
    expect(lateness({ due: '2026-10-08', daysLate: 46 })).toEqual({ text: '逾期 46 天（截止 2026-10-08）', late: true });
    expect(lateness({ due: '2026-10-08', daysLate: 0 })).toEqual({ text: '按时（截止 2026-10-08）', late: false });
    expect(lateness({ due: null, daysLate: null }).late).toBe(false);
  });
});

describe('task lines', () => {
  it('sends only the tasks given a status, without empty progress', () => {
    expect(taskLinesOf([
      { taskId: 'a', title: 'A', status: 'done', progress: '  ' },
      { taskId: 'b', title: 'B' },
      { taskId: 'c', title: 'C', status: 'in_progress', progress: ' 已培训 2 批 ' },
    ])).toEqual([{ taskId: 'a', status: 'done' }, { taskId: 'c', status: 'in_progress', progress: '已培训 2 批' }]);
    expect(taskLinesOf(undefined)).toEqual([]);
  });

  it('fills a line per task with what the report said', () => {
    const lines = taskLinesFor(
      [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
      [{ taskId: 'b', title: 'B', status: 'done', progress: null }, { taskId: 'x', title: '（已删除的任务）', status: 'in_progress', progress: '半' }],
    );
    expect(lines).toEqual([
      { taskId: 'a', title: 'A', status: undefined, progress: undefined },
      { taskId: 'b', title: 'B', status: 'done', progress: undefined },
      { taskId: 'x', title: '（已删除的任务）', status: 'in_progress', progress: '半' },
    ]);
  });
});

describe('labelFigures', () => {
  it('renames and drops figures', () => {
    expect(labelFigures({ figures: { quarter: '2026-Q1', due: '2026-04-07', offSiteMonths: 5 } }, { quarter: null, offSiteMonths: '月份' }).figures)
      .toEqual({ due: '2026-04-07', 月份: 5 });
  });
});
