import { describe, expect, it } from 'vitest';
import { ageOf, daysUntil, dueStateOf, groupByMonth, movedLabel } from './notification-parts';

describe('deadline helpers', () => {
  it('tells how close a due date is', () => {
    expect(daysUntil('2026-12-07', '2026-11-23')).toBe(14);
    expect(dueStateOf('2026-11-20', '2026-11-23')).toMatchObject({ state: 'past', label: '已过 3 天' });
    expect(dueStateOf('2026-11-23', '2026-11-23')).toMatchObject({ state: 'today', label: '今天截止' });
    expect(dueStateOf('2026-11-30', '2026-11-23')).toMatchObject({ state: 'soon', label: '7 天后截止' });
    expect(dueStateOf('2026-12-07', '2026-11-23').state).toBe('later');
  });

  it('says where a moved deadline came from', () => {
    expect(movedLabel({ postponed: false, nominal: '2026-12-07', postponedBecause: null })).toBeNull();
    expect(movedLabel({ postponed: true, nominal: '2026-10-05', postponedBecause: '国庆节' })).toBe('原定 2026-10-05（国庆节），节假日顺延');
  });

  it('groups by the month of the due date, in order', () => {
    const groups = groupByMonth([{ due: '2026-12-07' }, { due: '2026-10-09' }, { due: '2026-10-05' }]);
    expect(groups.map((g) => g.title)).toEqual(['2026 年 10 月', '2026 年 12 月']);
    expect(groups[0]!.items.map((i) => i.due)).toEqual(['2026-10-05', '2026-10-09']);
  });

  it('tells the age of a notification', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(ageOf('2026-11-23T01:59:40Z', now)).toBe('刚刚');
    expect(ageOf('2026-11-23T01:30:00Z', now)).toBe('30 分钟前');
    expect(ageOf('2026-11-22T22:00:00Z', now)).toBe('4 小时前');
    expect(ageOf('2026-11-20T02:00:00Z', now)).toBe('3 天前');
    expect(ageOf('2026-09-01T02:00:00Z', now)).toBe('2026-09-01');
  });
});
