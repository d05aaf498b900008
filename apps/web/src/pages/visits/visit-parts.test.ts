import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Visit } from '@duikou/contracts';
import { leaderText, progressOf, toVisitCreate, toVisitForm, toVisitUpdate } from './visit-parts';

const visit: Visit = {
  id: 'v1', pairingId: 'p1', programmeName: 'x', policyCode: 'CX', supportOrg: { id: 's1', name: '省一院' }, recipientOrg: { id: 'r1', name: '武定县人民医院' },
  date: '2020-03-15', leaderName: '张建国', leaderPost: null, ledByLeadership: true, participants: null, content: '座谈', recordedBy: 'cx-support',
  createdAt: '', updatedAt: '', canEdit: true,
};

describe('visit parts', () => {
  it('builds a create body: trimmed, empty optional texts left out, the support unit only when asked', () => {
    const v = { pairingId: 'p1', supportOrgId: 's2', date: dayjs('2020-03-15'), leaderName: ' 张建国 ', leaderPost: ' ', ledByLeadership: true, participants: '', content: ' 座谈 ' };
    expect(toVisitCreate(v, false)).toEqual({ pairingId: 'p1', date: '2020-03-15', leaderName: '张建国', ledByLeadership: true, content: '座谈' });
    expect(toVisitCreate(v, true).supportOrgId).toBe('s2');
  });

  it('sends emptied optional texts on edit so they are cleared', () => {
    expect(toVisitUpdate({ date: dayjs('2020-03-15'), leaderName: '张', leaderPost: '', ledByLeadership: false, participants: ' ', content: 'x' })).toEqual({
      date: '2020-03-15', leaderName: '张', leaderPost: '', ledByLeadership: false, participants: '', content: 'x',
    });
  });

  it('fills the form from a visit and writes the leader and the progress', () => {
    const f = toVisitForm(visit);
    expect(f.date?.format('YYYY-MM-DD')).toBe('2020-03-15');
    expect(f.leaderPost).toBe('');
    expect(leaderText(visit)).toBe('张建国');
    expect(leaderText({ leaderName: '张建国', leaderPost: '院长' })).toBe('张建国（院长）');
    expect(progressOf(1, 2)).toEqual({ text: '1 / 2 次', reached: false });
    expect(progressOf(2, 2)).toEqual({ text: '2 / 2 次', reached: true });
    expect(progressOf(3, undefined)).toEqual({ text: '3 次', reached: null });
  });
});
