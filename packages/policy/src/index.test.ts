import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { parsePolicyDocument, type Policy } from './index.js';
import { attendance, datesBetween } from './test/facts.js';
import { fixtureCalendar } from './test/holidays.fixture.js';

/** A region's programme whose notice has none of the rules: every rule must answer not_applicable. */
function emptyPolicy(): Policy {
  const parsed = parsePolicyDocument({
    id: 'xx-2030', code: 'XX', version: 1, name: '某地对口支援', effectiveFrom: '2030-01-01',
    notice: { number: null, title: '某通知', issuer: '某卫生健康委', issuedOn: '2030-01-01' }, parameters: {},
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.policy;
}

describe('public API', () => {
  it('exports what the API and web use', () => {
    for (const name of [
      'parsePolicyDocument', 'findPolicyConflicts', 'createCalendar', 'describeDay', 'computeDeadline', 'countWorkingDays',
      'nextWorkingDayOnOrAfter', 'CalendarYearMissingError', 'SHIPPED_POLICIES', 'findShippedPolicy', 'evaluateEligibility',
      'evaluateOnSiteDays', 'evaluateStaffing', 'evaluateLeave', 'evaluateSpotChecks', 'evaluateMonthlySelfCheck',
      'evaluateAppraisalConsequence', 'evaluateMentorship', 'evaluateLeadershipVisits', 'evaluateReportingSchedule',
      'listReportingDeadlines', 'listProgrammeDeadlines', 'evaluatePosts', 'evaluateInsuranceAndSafety',
      'TITLE_LEVEL_LABELS', 'EDUCATION_LABELS', 'VERDICT_STATUS_LABELS', 'RULE_LABELS',
      'evaluateAnnualAgreement', 'evaluateQuarterlyProgress', 'evaluateOffSiteGuidance', 'evaluateAppraisalChain', 'appraisalChainOf',
    ]) expect(api, name).toHaveProperty(name);
  });

  it('orders title levels 初级 < 中级 < 副高 < 正高', () => {
    expect(api.TITLE_LEVELS.map((t) => api.TITLE_LEVEL_LABELS[t])).toEqual(['无职称', '初级', '中级', '副高级', '正高级']);
    expect(api.isTitleAtLeast('associate_senior', 'intermediate')).toBe(true);
    expect(api.isTitleAtLeast('intermediate', 'associate_senior')).toBe(false);
  });

  it('every rule answers not_applicable under a policy without parameters', () => {
    const policy = emptyPolicy();
    const calendar = fixtureCalendar();
    const today = '2019-06-01';
    const verdicts = [
      ...api.evaluateEligibility({ policy, person: { id: 'p', education: 'bachelor', workStartDate: '2010-01-01', title: 'senior' }, assignment: { id: 'a', start: '2019-01-01', mode: null } }),
      ...api.evaluateOnSiteDays({ policy, calendar, today, assignment: { id: 'a', start: '2019-01-01', end: '2019-12-31', mode: null }, attendance: [] }),
      api.evaluateStaffing({ policy, year: 2019, today, pairing: { id: 'pr', recipientIsTcm: false, minPersonsPerSupportUnitPerYear: 3 }, supportUnitId: 's', assignments: [] }),
      ...api.evaluateLeave({ policy, calendar, today, leave: { id: 'l', from: '2019-03-04', to: '2019-03-08', emergencyRecall: true } }).verdicts,
      ...api.evaluateSpotChecks({ policy, personId: 'p', results: [{ id: 'r', date: '2019-03-01', result: 'absent' }] }),
      api.evaluateMonthlySelfCheck({ policy, today, supportUnitId: 's', period: { from: '2019-01-01', to: '2019-12-31' }, checks: [] }),
      api.evaluateAppraisalConsequence({ policy, today, appraisal: { id: 'ap', personId: 'p', grade: 'unqualified', decidedOn: '2019-01-01' } }),
      ...api.evaluateMentorship({ policy, today, supportUnit: { id: 's', level: 'municipal' }, mentors: [], agreements: [], recipientMainDepartments: null }),
      api.evaluateLeadershipVisits({ policy, today, year: 2019, pairingId: 'pr', visits: [] }),
      ...api.evaluatePosts({ policy, person: { id: 'p', title: 'senior', role: 'leader' }, pairing: { id: 'pr', form: 'trusteeship' }, heldPost: 'vice_president' }).verdicts,
      ...api.evaluateInsuranceAndSafety({ policy, today, assignment: { id: 'a', start: '2019-01-01', end: '2019-12-31' }, insurance: null, safetyEducation: null }),
      api.evaluateAnnualAgreement({ policy, today, year: 2019, pairingId: 'pr', supportUnitId: 's', agreement: null }),
      ...api.evaluateQuarterlyProgress({ policy, calendar, today, assignment: { id: 'a', start: '2019-01-01', end: '2019-12-31' }, reports: [] }).verdicts,
      api.evaluateOffSiteGuidance({ policy, calendar, today, assignment: { id: 'a', start: '2019-01-01', end: '2019-12-31', mode: 'segmented_stays' }, attendance: [], guidance: [] }).verdict,
      api.evaluateAppraisalChain({ policy, today, assignmentId: 'a', period: { from: '2018-01-01', to: '2018-12-31' }, appraisal: null }).verdict,
    ];
    expect(verdicts.length).toBeGreaterThanOrEqual(20);
    for (const v of verdicts) {
      expect(v.status, v.ruleId).toBe('not_applicable');
      expect(v.explanation).toContain('某地对口支援');
      expect(Object.keys(api.RULE_LABELS)).toContain(v.ruleId);
    }
    expect(api.evaluateReportingSchedule({ policy, calendar, today, from: '2019-01-01', to: '2019-12-31', submissions: [] })).toEqual({ deadlines: [], verdicts: [] });
    expect(api.listProgrammeDeadlines(policy, 2019, calendar)).toEqual([]);
    expect(api.findPolicyConflicts(policy)).toEqual([]);
  });

  it('answers in Chinese with the figures it used and cites the clause; with no records at all it does not guess', () => {
    const calendar = fixtureCalendar();
    const evaluate = (attendance: api.AttendanceFact[]) => api.evaluateOnSiteDays({
      policy: api.CX_2018_POLICY, calendar, today: '2019-06-10',
      assignment: { id: 'a', start: '2018-06-07', end: '2019-06-06', mode: 'resident' }, attendance,
    })[0]!;
    expect(evaluate([])).toMatchObject({ status: 'unknown', figures: { onSiteDays: 0, required: 240 } });
    // A record for every day (all on leave): nothing is unknown any more.
    const verdict = evaluate(attendance(datesBetween('2018-06-07', '2019-06-06'), 'leave'));
    expect(verdict).toMatchObject({ status: 'unmet', figures: { onSiteDays: 0, required: 240, unrecordedDays: 0 }, citation: '楚卫通〔2018〕43号 二（一）' });
    expect(verdict.explanation).toMatch(/^派驻期已结束，在岗 0 个工作日，要求 240 个工作日，差 240 个工作日$/);
  });
});
