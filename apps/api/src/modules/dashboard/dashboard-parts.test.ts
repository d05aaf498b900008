import { describe, expect, it } from 'vitest';
import { DASHBOARD_PARTS, partsChangedBy } from './dashboard-parts.js';

describe('partsChangedBy', () => {
  it.each([
    { kinds: ['leave'], parts: ['onSite', 'period', 'pendingLeave'] },
    { kinds: ['attendance', 'attendance_appeal', 'trip'], parts: ['onSite', 'period'] },
    { kinds: ['spot_check'], parts: ['consequences', 'period'] },
    { kinds: ['sanction', 'agreement', 'leadership_visit'], parts: ['agreements', 'consequences', 'visits'] },
    { kinds: ['annual_task', 'quarterly_report'], parts: ['quarterly'] },
    // Results, reports and accounts: the dashboard shows none of them.
    { kinds: ['mentorship', 'activity', 'appraisal', 'statutory_report', 'certificate', 'user', 'session'], parts: [] },
    { kinds: [], parts: [] },
  ])('$kinds → $parts', ({ kinds, parts }) => {
    const changed = partsChangedBy(kinds);
    expect(changed).not.toBe('all');
    expect([...(changed as Set<string>)].sort()).toEqual([...parts].sort());
  });

  it.each([
    ['assignment'], ['pairing'], ['organisation'], ['region'], ['programme'], ['policy'], ['person'], ['calendar'],
    // A kind it does not know may change anything.
    ['something_new'], ['leave', 'something_new'],
  ])('%s → every part', (...kinds) => {
    expect(partsChangedBy(kinds)).toBe('all');
  });

  it('names each part once', () => {
    expect(new Set(DASHBOARD_PARTS).size).toBe(DASHBOARD_PARTS.length);
  });
});
