import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { evaluateStaffing, type StaffingInput } from './staffing.rule.js';

/** `n` persons, each on a one-year assignment starting on `start`. */
const sent = (n: number, start = '2019-03-01', end = '2020-02-28') =>
  Array.from({ length: n }, (_, i) => ({ id: `a-${start}-${i}`, personId: `p-${start}-${i}`, start, end }));
const input = (over: Partial<StaffingInput> & Pick<StaffingInput, 'assignments'>): StaffingInput => ({
  policy: CX_2018_POLICY, year: 2019, today: '2020-01-15', supportUnitId: 'su-1',
  pairing: { id: 'pr-1', recipientIsTcm: false, minPersonsPerSupportUnitPerYear: null }, ...over,
});

describe('staffing per pairing, support unit and year', () => {
  it.each([
    [5, 'met'], [4, 'unmet'], [6, 'met'],
  ] as const)('CX county hospital, %i persons in an ended year: %s (≥5)', (n, status) => {
    const v = evaluateStaffing(input({ assignments: sent(n) }));
    expect(v).toMatchObject({ ruleId: 'staffing', status, figures: { required: 5, sent: n }, citation: '楚卫通〔2018〕43号 二（一）' });
    expect(v.explanation).toContain(`已派出 ${n} 人`);
  });

  it.each([
    [3, 'met'], [2, 'unmet'],
  ] as const)('CX TCM hospital, %i persons: %s (≥3)', (n, status) => {
    expect(evaluateStaffing(input({ assignments: sent(n), pairing: { id: 'pr-2', recipientIsTcm: true, minPersonsPerSupportUnitPerYear: null } }))).toMatchObject({ status, figures: { required: 3 } });
  });

  it('counts a person once, and counts assignments reaching into the year from the year before', () => {
    const twice = [...sent(4), { id: 'a-again', personId: 'p-2019-03-01-0', start: '2019-09-01', end: '2019-12-31' }];
    expect(evaluateStaffing(input({ assignments: twice }))).toMatchObject({ status: 'unmet', figures: { sent: 4 }, evidence: expect.arrayContaining(['a-again']) });
    const carried = [...sent(4), ...sent(1, '2018-06-07', '2019-06-06')];
    expect(evaluateStaffing(input({ assignments: carried }))).toMatchObject({ status: 'met', figures: { sent: 5 } });
    expect(evaluateStaffing(input({ assignments: sent(5, '2020-01-01', '2020-12-31') }))).toMatchObject({ status: 'unmet', figures: { sent: 0 } });
  });

  it('a year under way that is short is at risk, naming the planned persons', () => {
    const v = evaluateStaffing(input({ today: '2019-06-30', assignments: [...sent(3), ...sent(2, '2019-09-01', '2020-08-31')] }));
    expect(v).toMatchObject({ status: 'at_risk', figures: { sent: 3, planned: 2 } });
    expect(v.explanation).toContain('另有 2 人计划派出');
  });

  it('does not guess whether the recipient is a TCM hospital', () => {
    expect(evaluateStaffing(input({ assignments: sent(4), pairing: { id: 'pr-3', recipientIsTcm: null, minPersonsPerSupportUnitPerYear: null } })).status).toBe('unknown');
  });

  it('CX ignores a pairing figure: the notice sets 5 for every county hospital', () => {
    expect(evaluateStaffing(input({ assignments: sent(2), pairing: { id: 'pr-4', recipientIsTcm: false, minPersonsPerSupportUnitPerYear: 1 } }))).toMatchObject({ status: 'unmet', figures: { required: 5 } });
  });

  it.each([
    [2, 2, 'met'], [2, 1, 'unmet'], [1, 1, 'met'],
  ] as const)('MY pairing requiring %i, %i sent: %s', (min, n, status) => {
    const v = evaluateStaffing(input({ policy: MY_2018_POLICY, assignments: sent(n), pairing: { id: 'pr-5', recipientIsTcm: null, minPersonsPerSupportUnitPerYear: min } }));
    expect(v).toMatchObject({ status, figures: { required: min }, citation: '绵阳市卫生计生委“传帮带”通知（2018年5月10日） 附件1' });
  });

  it('MY pairing with no requirement (人员数量不作要求) is not applicable', () => {
    const v = evaluateStaffing(input({ policy: MY_2018_POLICY, assignments: [], pairing: { id: 'pr-6', recipientIsTcm: true, minPersonsPerSupportUnitPerYear: null } }));
    expect(v).toMatchObject({ status: 'not_applicable', explanation: '该对口关系人员数量不作要求' });
  });
});
