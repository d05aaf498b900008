import { describe, expect, it } from 'vitest';
import { DASHBOARD_PARTS, partsChangedBy, planRecompute } from './dashboard-parts.js';

describe('partsChangedBy', () => {
  it.each([
    { kinds: ['leave'], parts: ['onSite', 'period', 'pendingLeave'] },
    { kinds: ['attendance', 'attendance_appeal', 'trip'], parts: ['onSite', 'period'] },
    { kinds: ['spot_check'], parts: ['consequences', 'period'] },
    { kinds: ['sanction', 'agreement', 'leadership_visit'], parts: ['agreements', 'consequences', 'visits'] },
    { kinds: ['annual_task', 'quarterly_report'], parts: ['quarterly'] },
    // An assignment: not the pairings' agreements and visits, nor the calendar; a person: nor the attendance counted.
    { kinds: ['assignment'], parts: ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'quarterly'] },
    { kinds: ['person'], parts: ['onSite', 'pendingLeave', 'staffing', 'consequences', 'quarterly'] },
    // A pairing's units and term: everything but the calendar.
    { kinds: ['pairing'], parts: ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'agreements', 'visits', 'quarterly'] },
    // Results, reports and accounts: the dashboard shows none of them.
    { kinds: ['mentorship', 'activity', 'appraisal', 'statutory_report', 'certificate', 'user', 'session'], parts: [] },
    { kinds: [], parts: [] },
  ])('$kinds → $parts', ({ kinds, parts }) => {
    const changed = partsChangedBy(kinds);
    expect(changed).not.toBe('all');
    expect([...(changed as Set<string>)].sort()).toEqual([...parts].sort());
  });

  it.each([
    ['organisation'], ['region'], ['programme'], ['policy'], ['calendar'], ['assignment', 'agreement', 'leadership_visit', 'calendar'], ['pairing', 'calendar'],
    // A kind it does not know may change anything.
    ['something_new'], ['leave', 'something_new'],
  ])('%s → every part', (...kinds) => {
    expect(partsChangedBy(kinds)).toBe('all');
  });

  it('names each part once', () => {
    expect(new Set(DASHBOARD_PARTS).size).toBe(DASHBOARD_PARTS.length);
  });

  describe('planRecompute', () => {
    const id = '3f1c2a4e-8d7b-4c6a-9e2f-1a2b3c4d5e6f';
    const other = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
    const plan = (...writes: { kind: string; id: string | null }[]) => {
      const p = planRecompute(writes);
      return p === 'all' ? p : Object.fromEntries([...p].map(([part, how]) => [part, how === 'whole' ? how : how.map((w) => w.id)]));
    };

    it('recomputes the item parts for the assignment named, the others whole', () => {
      expect(plan({ kind: 'assignment', id })).toEqual({
        onSite: [id], period: 'whole', pendingLeave: 'whole', staffing: [id], consequences: [id], quarterly: [id],
      });
    });

    it('traces a pairing to its item parts; its agreements and visits are recomputed whole', () => {
      expect(plan({ kind: 'pairing', id })).toEqual({
        onSite: [id], period: 'whole', pendingLeave: 'whole', staffing: [id], consequences: [id], quarterly: [id], agreements: 'whole', visits: 'whole',
      });
      expect(plan({ kind: 'pairing', id }, { kind: 'assignment', id: other })).toMatchObject({ staffing: [id, other], quarterly: [id, other] });
    });

    it('traces a leave decision to the on-site verdicts; its trend and the pending leave are counted whole', () => {
      expect(plan({ kind: 'leave', id })).toEqual({ onSite: [id], period: 'whole', pendingLeave: 'whole' });
      // An attendance edit is not traced: the on-site verdicts are counted whole.
      expect(plan({ kind: 'leave', id }, { kind: 'attendance', id: other })).toMatchObject({ onSite: 'whole' });
    });

    it('traces a spot check to its consequences; its trend is counted whole', () => {
      expect(plan({ kind: 'spot_check', id }, { kind: 'assignment', id: other })).toMatchObject({ period: 'whole', consequences: [id, other], staffing: [other] });
    });

    it.each([
      ['no entity named', [{ kind: 'assignment', id: null }]],
      ['not an id', [{ kind: 'assignment', id: 'export' }]],
      // A person's write changes the same lists, but is not traced to their items.
      ['an untraceable kind beside', [{ kind: 'assignment', id }, { kind: 'person', id: other }]],
    ])('recomputes the item parts whole when a write is untraceable: %s', (_, writes) => {
      expect(plan(...writes)).toMatchObject({ onSite: 'whole', staffing: 'whole', consequences: 'whole', quarterly: 'whole' });
    });

    it('keeps a part no write changes, and recomputes everything after a kind every part reads', () => {
      expect(plan({ kind: 'annual_task', id })).toEqual({ quarterly: 'whole' });
      expect(plan({ kind: 'assignment', id }, { kind: 'programme', id: other })).toBe('all');
    });
  });
});
