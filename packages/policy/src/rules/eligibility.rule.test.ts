import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { AssignmentMode, EducationLevel, TitleLevel } from '../vocabulary.js';
import { evaluateEligibility } from './eligibility.rule.js';

const person = (education: EducationLevel | null, workStartDate: string | null, title: TitleLevel | null = 'intermediate') =>
  ({ id: 'p-1', education, workStartDate, title });
const assignment = (mode: AssignmentMode | null = null, start = '2018-06-07') => ({ id: 'a-1', start, mode });

describe('CX education → years of work (二（二）)', () => {
  const workYears = (education: EducationLevel | null, workStartDate: string | null) =>
    evaluateEligibility({ policy: CX_2018_POLICY, person: person(education, workStartDate), assignment: assignment() })[0]!;

  it.each([
    // Assignment starts 2018-06-07.
    ['bachelor', '2013-06-07', 5, 'met'],           // exactly 5 years
    ['bachelor', '2013-07-01', 4, 'unmet'],         // 4 years 11 months
    ['bachelor', '2013-06-08', 4, 'unmet'],         // one day short
    ['associate', '2012-01-01', 6, 'met'],
    ['secondary', '2014-01-01', 4, 'unmet'],
    ['master', '2015-06-07', 3, 'met'],
    ['master', '2015-06-08', 2, 'unmet'],
    ['doctor', '2016-01-01', 2, 'unmet'],
    ['doctor', '2015-01-01', 3, 'met'],
  ] as const)('%s since %s: %i whole years → %s', (education, since, years, status) => {
    const v = workYears(education, since);
    expect(v).toMatchObject({ ruleId: 'eligibility.work-years', status, figures: { workYears: years, requiredYears: education === 'master' || education === 'doctor' ? 3 : 5 }, citation: '楚卫通〔2018〕43号 二（二）', evidence: ['p-1', 'a-1'] });
    expect(v.explanation).toContain(`工作满 ${years} 年`);
  });

  it.each([
    ['2013-05', 'met'],      // at least 5 years whatever the day
    ['2013-07', 'unmet'],    // at most 4 years 11 months
    ['2013-06', 'unknown'],  // 06-01 gives 5 years, 06-30 gives 4
  ] as const)('with only the month of work start known (%s): %s', (since, status) => {
    expect(workYears('bachelor', since).status).toBe(status);
  });

  it('never guesses a missing education or work start', () => {
    expect(workYears(null, '2010-01-01')).toMatchObject({ status: 'unknown', explanation: expect.stringContaining('学历未登记') });
    expect(workYears('bachelor', null)).toMatchObject({ status: 'unknown', explanation: expect.stringContaining('参工时间未登记') });
  });

  it('has no title-for-mode rule', () => {
    expect(evaluateEligibility({ policy: CX_2018_POLICY, person: person('bachelor', '2010-01-01'), assignment: assignment() })[1]).toMatchObject({ ruleId: 'eligibility.title-mode', status: 'not_applicable' });
  });
});

describe('MY title → mode (二（一）（二）)', () => {
  const titleMode = (title: TitleLevel | null, mode: AssignmentMode | null) =>
    evaluateEligibility({ policy: MY_2018_POLICY, person: person('bachelor', null, title), assignment: assignment(mode) })[1]!;

  it.each([
    ['associate_senior', 'interval_visits', 'met'],
    ['senior', 'interval_visits', 'met'],
    ['intermediate', 'interval_visits', 'unmet'],
    ['intermediate', 'segmented_stays', 'met'],
    ['associate_senior', 'segmented_stays', 'met'],
    ['junior', 'segmented_stays', 'unmet'],
    ['junior', 'resident', 'not_applicable'],
  ] as const)('%s title for %s: %s', (title, mode, status) => {
    expect(titleMode(title, mode)).toMatchObject({ ruleId: 'eligibility.title-mode', status });
  });

  it('lists the modes a title allows when no mode is chosen yet', () => {
    expect(titleMode('intermediate', null)).toMatchObject({ status: 'met', figures: { allowedModes: '分段驻' } });
    expect(titleMode('associate_senior', null)).toMatchObject({ status: 'met', figures: { allowedModes: '间隔去、分段驻' } });
    expect(titleMode('junior', null)).toMatchObject({ status: 'unmet', figures: { allowedModes: null } });
  });

  it('cites the clause of the chosen mode', () => {
    expect(titleMode('intermediate', 'interval_visits').citation).toBe('绵阳市卫生计生委“传帮带”通知（2018年5月10日） 二（一）');
    expect(titleMode('intermediate', 'interval_visits').explanation).toBe('中级职称，间隔去需副高级及以上职称，不符合');
  });

  it('never guesses a missing title', () => {
    expect(titleMode(null, 'interval_visits').status).toBe('unknown');
  });

  it('has no work-years rule', () => {
    expect(evaluateEligibility({ policy: MY_2018_POLICY, person: person('bachelor', '2017-01-01'), assignment: assignment() })[0]).toMatchObject({ status: 'not_applicable' });
  });
});
