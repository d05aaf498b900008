import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { evaluateLeadershipVisits } from './leadership-visits.rule.js';

const visit = (date: string, ledByLeadership: boolean | null) => ({ id: `v-${date}`, date, ledByLeadership });
const run = (visits: ReturnType<typeof visit>[], today = '2020-01-05', policy = CX_2018_POLICY) =>
  evaluateLeadershipVisits({ policy, today, year: 2019, pairingId: 'pr-1', visits });

describe('support hospital visits ≥2 a year, ≥1 led by its leadership (CX 三（二）)', () => {
  it.each([
    ['2 visits, 1 led', [visit('2019-03-01', true), visit('2019-09-01', false)], 'met'],
    ['3 visits, 2 led', [visit('2019-03-01', true), visit('2019-06-01', true), visit('2019-09-01', false)], 'met'],
    ['2 visits, none led', [visit('2019-03-01', false), visit('2019-09-01', false)], 'unmet'],
    ['1 visit, led', [visit('2019-03-01', true)], 'unmet'],
    ['2 visits, one leader not recorded', [visit('2019-03-01', false), visit('2019-09-01', null)], 'unknown'],
    ['visits of other years do not count', [visit('2018-12-31', true), visit('2020-01-02', true), visit('2019-05-01', false)], 'unmet'],
  ])('%s: %s', (_what, visits, status) => {
    expect(run(visits)).toMatchObject({ ruleId: 'leadership-visits', status, citation: '楚卫通〔2018〕43号 三（二）' });
  });

  it('explains with the numbers', () => {
    expect(run([visit('2019-03-01', false), visit('2019-09-01', false)]).explanation)
      .toBe('2019 年赴受援医院 2 次（院领导带队 0 次），要求不少于 2 次、院领导带队不少于 1 次，不符合');
  });

  it('a year under way that is short is at risk', () => {
    expect(run([visit('2019-03-01', true)], '2019-06-30')).toMatchObject({ status: 'at_risk', figures: { visits: 1, ledByLeadership: 1 } });
  });

  it('MY has no such rule', () => {
    expect(run([], '2020-01-05', MY_2018_POLICY).status).toBe('not_applicable');
  });
});
