import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { evaluateInsuranceAndSafety, type InsuranceAndSafetyInput } from './insurance-safety.rule.js';

const assignment = { id: 'a-1', start: '2018-06-07', end: '2019-06-06' };
const run = (over: Partial<InsuranceAndSafetyInput>) => evaluateInsuranceAndSafety({
  policy: CX_2018_POLICY, today: '2018-07-01', assignment,
  insurance: { id: 'ins-1', coverFrom: '2018-06-07', coverTo: '2019-06-06' }, safetyEducation: { id: 'se-1', date: '2018-06-05' }, ...over,
}).map((v) => [v.ruleId, v.status]);

describe('accident insurance and safety education (CX 三（七）)', () => {
  it.each([
    ['covered and educated', {}, 'met', 'met'],
    ['cover ends before the term', { insurance: { id: 'ins-1', coverFrom: '2018-06-07', coverTo: '2019-03-31' } }, 'unmet', 'met'],
    ['cover starts late, before the term starts', { today: '2018-06-01', insurance: { id: 'ins-1', coverFrom: '2018-06-10', coverTo: '2019-06-06' } }, 'at_risk', 'met'],
    ['nothing on record after the start', { insurance: null, safetyEducation: null }, 'unmet', 'unmet'],
    ['nothing on record before the start', { today: '2018-06-01', insurance: null, safetyEducation: null }, 'at_risk', 'at_risk'],
  ] as const)('%s: insurance %s, safety education %s', (_what, over, insurance, education) => {
    expect(run(over)).toEqual([['insurance', insurance], ['safety-education', education]]);
  });

  it('names the uncovered part', () => {
    const [v] = evaluateInsuranceAndSafety({ policy: CX_2018_POLICY, today: '2018-07-01', assignment, insurance: { id: 'i', coverFrom: '2018-06-07', coverTo: '2019-03-31' }, safetyEducation: null });
    expect(v!.explanation).toContain('未覆盖：2019-03-31 后至 2019-06-06');
  });

  it('MY has no such rule', () => {
    expect(run({ policy: MY_2018_POLICY })).toEqual([['insurance', 'not_applicable'], ['safety-education', 'not_applicable']]);
  });
});
