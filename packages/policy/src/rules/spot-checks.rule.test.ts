import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { SpotCheckResult } from '../vocabulary.js';
import { evaluateMonthlySelfCheck, evaluateSpotChecks } from './spot-checks.rule.js';

/** Results one week apart from 2019-03-01, ids r0, r1, … */
const results = (...rs: SpotCheckResult[]) =>
  rs.map((result, i) => ({ id: `r${i}`, date: `2019-03-${String(1 + 7 * i).padStart(2, '0')}`, result }));
const statuses = (rs: ReturnType<typeof results>) =>
  evaluateSpotChecks({ policy: CX_2018_POLICY, personId: 'p-1', results: rs }).map((v) => [v.ruleId, v.status]);

describe('spot-check consequences (CX 二（四）（七）（八）)', () => {
  it.each([
    ['all present', ['present', 'present', 'present'], 'met', 'met', 'met'],
    ['one absence', ['present', 'absent'], 'at_risk', 'at_risk', 'unmet'],
    ['one absence, then present', ['absent', 'present'], 'at_risk', 'met', 'unmet'],
    ['2 absences, not consecutive', ['absent', 'present', 'absent'], 'unmet', 'at_risk', 'unmet'],
    ['2 consecutive absences', ['absent', 'absent'], 'unmet', 'unmet', 'unmet'],
    ['2 consecutive absences, then present', ['present', 'absent', 'absent', 'present'], 'unmet', 'unmet', 'unmet'],
    ['approved leave is no absence', ['on_leave', 'on_leave', 'absent'], 'at_risk', 'at_risk', 'unmet'],
    ['approved leave between absences ends the run', ['absent', 'on_leave', 'absent'], 'unmet', 'at_risk', 'unmet'],
  ] as const)('%s: replacement %s, promotion bar %s, notice %s', (_what, rs, replacement, bar, notice) => {
    expect(statuses(results(...rs))).toEqual([
      ['spot-checks.replacement', replacement], ['spot-checks.promotion-bar', bar], ['spot-checks.notice', notice],
    ]);
  });

  it('explains with the dates and cites the clauses', () => {
    const [replacement, bar, notice] = evaluateSpotChecks({ policy: CX_2018_POLICY, personId: 'p-1', results: results('absent', 'absent') });
    expect(replacement).toMatchObject({ figures: { absences: 2, limit: 2, dueSince: '2019-03-08' }, evidence: ['p-1', 'r0', 'r1'], citation: '楚卫通〔2018〕43号 二（四）' });
    expect(replacement!.explanation).toContain('支援医院应另派相应人员接替');
    expect(bar).toMatchObject({ figures: { since: '2019-03-08', longestConsecutiveAbsences: 2 }, citation: '楚卫通〔2018〕43号 二（七）' });
    expect(bar!.explanation).toBe('连续 2 次抽查不在岗（2019-03-01、2019-03-08），不得申报高一级专业技术职务，并对派驻医院通报批评');
    expect(notice).toMatchObject({ citation: '楚卫通〔2018〕43号 二（八）' });
    expect(notice!.explanation).toContain('应通报，并约谈有关单位领导和负责人');
  });

  it('orders the results by date before looking for consecutive absences', () => {
    const shuffled = [
      { id: 'c', date: '2019-03-20', result: 'absent' as const },
      { id: 'a', date: '2019-03-01', result: 'absent' as const },
      { id: 'b', date: '2019-03-10', result: 'present' as const },
    ];
    expect(statuses(shuffled)[1]).toEqual(['spot-checks.promotion-bar', 'at_risk']);
  });

  it('MY has none of these rules', () => {
    expect(evaluateSpotChecks({ policy: MY_2018_POLICY, personId: 'p-1', results: results('absent', 'absent') }).map((v) => v.status)).toEqual(['not_applicable', 'not_applicable', 'not_applicable']);
  });
});

describe('monthly self-check by the support unit (CX 二（六）)', () => {
  const run = (checks: string[], today: string) => evaluateMonthlySelfCheck({
    policy: CX_2018_POLICY, today, supportUnitId: 'su-1', period: { from: '2019-01-15', to: '2019-12-31' },
    checks: checks.map((date) => ({ id: `c-${date}`, date })),
  });

  it('lists the months owed', () => {
    const v = run(['2019-01-31', '2019-02-01', '2019-04-30', '2019-05-10'], '2019-07-10');
    expect(v).toMatchObject({ ruleId: 'spot-checks.monthly-self-check', status: 'unmet', figures: { monthsChecked: 4, monthsOwed: 2, owed: '2019-03、2019-06' }, citation: '楚卫通〔2018〕43号 二（六）' });
    expect(v.explanation).toContain('2 个月未抽查：2019-03、2019-06');
    expect(v.explanation).toContain('2019-07 尚未抽查');
  });

  it('does not owe the current month before it ends', () => {
    expect(run(['2019-01-20', '2019-02-20', '2019-03-20', '2019-04-20', '2019-05-20'], '2019-06-30')).toMatchObject({ status: 'met', figures: { monthsOwed: 0 } });
    expect(run(['2019-01-20', '2019-02-20', '2019-03-20', '2019-04-20', '2019-05-20'], '2019-07-01')).toMatchObject({ status: 'unmet', figures: { owed: '2019-06' } });
  });

  it('MY has no such rule', () => {
    expect(evaluateMonthlySelfCheck({ policy: MY_2018_POLICY, today: '2019-07-01', supportUnitId: 'su-1', period: { from: '2019-01-01', to: '2019-12-31' }, checks: [] }).status).toBe('not_applicable');
  });
});
