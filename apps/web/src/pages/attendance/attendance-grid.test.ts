import { describe, expect, it } from 'vitest';
import type { AttendanceMonth } from '@duikou/contracts';
import { cellKey, countsLine, describeEntryError, entriesOf, fillBlanks, missingAfterEdits } from './attendance-grid';

// 2026-11-16 (Mon) … 2026-11-22 (Sun); the person is on post from the 17th.
const days = ['16', '17', '18', '19', '20', '21', '22'].map((d, i) => ({ date: `2026-11-${d}`, workingDay: i < 5, name: null }));
const month: Pick<AttendanceMonth, 'days' | 'rows'> = {
  days,
  rows: [{
    assignmentId: 'a1', personName: '李医生', department: '儿科', supportOrgName: '云南省第一人民医院', from: '2026-11-17', to: '2026-12-31',
    cells: { '2026-11-17': { status: 'on_duty', source: 'check_in', note: null } }, counts: { on_duty: 1 }, missing: 2,
  }],
};

describe('attendance month grid', () => {
  it('fills only blank working days on post up to today, keeping records and edits', () => {
    const edits = { [cellKey('a1', '2026-11-18')]: { status: 'absent' as const } };
    const r = fillBlanks(month, edits, { status: 'on_duty', working: true, until: '2026-11-19' });
    expect(r.filled).toBe(1); // the 19th; the 16th is before the post, the 17th recorded, the 18th edited, the 20th after today
    expect(r.edits[cellKey('a1', '2026-11-19')]).toEqual({ status: 'on_duty' });
    expect(r.edits[cellKey('a1', '2026-11-18')]).toEqual({ status: 'absent' });
    const rest = fillBlanks(month, {}, { status: 'rest', working: false, until: '2026-11-30' });
    expect(Object.keys(rest.edits).sort()).toEqual([cellKey('a1', '2026-11-21'), cellKey('a1', '2026-11-22')]);
  });

  it('sends only the edits that change something, and counts what still blocks 确认', () => {
    const edits = {
      [cellKey('a1', '2026-11-17')]: { status: 'on_duty' as const }, // same as saved
      [cellKey('a1', '2026-11-18')]: { status: 'official_business' as const, note: ' 下乡义诊 ' },
    };
    expect(entriesOf(month, edits)).toEqual([{ assignmentId: 'a1', date: '2026-11-18', status: 'official_business', note: '下乡义诊' }]);
    expect(missingAfterEdits(month, {}, '2026-11-20')).toBe(3);
    expect(missingAfterEdits(month, edits, '2026-11-20')).toBe(2);
  });

  it('names the person and day of a refused entry, and lists counts in order', () => {
    const entries = [{ assignmentId: 'a1', date: '2026-11-18', status: 'rest' as const }];
    expect(describeEntryError(month, entries, 'entries.0.date', '不在派驻期内')).toBe('李医生 11-18：不在派驻期内');
    expect(describeEntryError(month, entries, undefined, '服务器错误')).toBe('服务器错误');
    expect(countsLine({ absent: 1, on_duty: 18, leave: 0 })).toEqual([{ status: 'on_duty', n: 18 }, { status: 'absent', n: 1 }]);
  });
});
