import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { AppraisalGrade } from '../vocabulary.js';
import { evaluateAppraisalConsequence } from './appraisal-consequence.rule.js';

const run = (grade: AppraisalGrade | null, today: string, decidedOn: string | null = '2019-07-01', policy = CX_2018_POLICY) =>
  evaluateAppraisalConsequence({ policy, today, appraisal: { id: 'ap-1', personId: 'p-1', grade, decidedOn } });

describe('unqualified appraisal → 2 years without promotion (CX 二（七）)', () => {
  it.each([
    ['2020-01-01', 'unmet'],
    ['2021-06-30', 'unmet'],
    ['2021-07-01', 'met'],
  ])('decided 2019-07-01, on %s: %s', (today, status) => {
    const v = run('unqualified', today);
    expect(v).toMatchObject({ ruleId: 'appraisal.promotion-bar', status, figures: { barUntil: '2021-06-30', allowedFrom: '2021-07-01', years: 2 }, citation: '楚卫通〔2018〕43号 二（七）' });
    expect(v.explanation).toContain('限制至 2021-06-30');
  });

  it.each(['qualified', 'excellent'] as const)('%s bars nothing', (grade) => {
    expect(run(grade, '2020-01-01').status).toBe('met');
  });

  it('does not guess an undecided grade or a missing date', () => {
    expect(run(null, '2020-01-01').status).toBe('unknown');
    expect(run('unqualified', '2020-01-01', null).status).toBe('unknown');
  });

  it('MY has no such rule', () => {
    expect(run('unqualified', '2020-01-01', '2019-07-01', MY_2018_POLICY).status).toBe('not_applicable');
  });
});
