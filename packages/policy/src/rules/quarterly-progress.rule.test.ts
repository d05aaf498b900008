import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { createCalendar } from '../calendar/calendar.js';
import { fixtureCalendar, HOLIDAYS_2018_2020 } from '../test/holidays.fixture.js';
import { evaluateQuarterlyProgress, quarterlyProgressDeadline, type QuarterlyProgressReportFact } from './quarterly-progress.rule.js';

const cal = fixtureCalendar();
const assignment = { id: 'a-1', start: '2019-03-15', end: '2019-09-14' };
const run = (reports: QuarterlyProgressReportFact[], today: string, policy = CX_2018_POLICY) =>
  evaluateQuarterlyProgress({ policy, calendar: cal, today, assignment, reports });
const report = (quarter: string, submittedOn: string): QuarterlyProgressReportFact => ({ id: `r-${quarter}`, quarter, submittedOn });

describe('quarterly feedback from the recipient to the support hospital (CX 二（三）)', () => {
  it('covers every quarter the term touches, due with the county statistics and postponed past holidays', () => {
    expect(run([], '2019-01-01').deadlines).toEqual([
      { quarter: '2019-Q1', nominal: '2019-04-05', due: '2019-04-08', postponed: true },  // Qingming, then the weekend
      { quarter: '2019-Q2', nominal: '2019-07-05', due: '2019-07-05', postponed: false },
      { quarter: '2019-Q3', nominal: '2019-10-05', due: '2019-10-08', postponed: true },  // National Day
    ]);
    expect(quarterlyProgressDeadline(CX_2018_POLICY, cal, '2019-Q4')).toMatchObject({ nominal: '2020-01-05', due: '2020-01-06' });
  });

  it.each([
    ['on the postponed due date', [report('2019-Q1', '2019-04-08')], '2019-05-01', 'met', 0],
    ['a day late', [report('2019-Q1', '2019-04-09')], '2019-05-01', 'unmet', 1],
    ['never, 23 days after the due date', [], '2019-05-01', 'unmet', 23],
    ['not yet, on the due day', [], '2019-04-08', 'at_risk', null],
    ['not yet, before the due day', [], '2019-04-07', 'not_applicable', null],
    ['only another quarter reported', [report('2019-Q2', '2019-04-01')], '2019-05-01', 'unmet', 23],
  ] as const)('Q1 reported %s: %s', (_what, reports, today, status, daysLate) => {
    const [q1] = run([...reports], today).verdicts;
    expect(q1).toMatchObject({ ruleId: 'progress.quarterly', status, figures: { quarter: '2019-Q1', due: '2019-04-08', daysLate }, citation: '楚卫通〔2018〕43号 二（三）' });
  });

  it('explains with the period of the term and the dates', () => {
    const [q1] = run([], '2019-05-01').verdicts;
    expect(q1!.explanation).toBe('2019 年第 1 季度（2019-03-15 至 2019-03-31）工作情况反馈截止 2019-04-08（原定 2019-04-05，节假日顺延），已逾期 23 天未反馈');
    expect(run([report('2019-Q1', '2019-04-02')], '2019-05-01').verdicts[0]!.evidence).toEqual(['a-1', 'r-2019-Q1']);
  });

  it('without the county schedule a quarter is due on its last day', () => {
    const policy = { ...CX_2018_POLICY, parameters: { ...CX_2018_POLICY.parameters, quarterlyReport: null } };
    expect(quarterlyProgressDeadline(policy, cal, '2019-Q2')).toEqual({ quarter: '2019-Q2', nominal: '2019-06-30', due: '2019-06-30', postponed: false });
  });

  it('a due date in a year without holiday calendar is not guessed', () => {
    const only2019 = createCalendar({ years: [2019], days: HOLIDAYS_2018_2020.filter((d) => d.date.startsWith('2019')) });
    const late = { id: 'a-2', start: '2019-10-01', end: '2019-12-31' };
    const run2020 = (today: string, reports: QuarterlyProgressReportFact[] = []) =>
      evaluateQuarterlyProgress({ policy: CX_2018_POLICY, calendar: only2019, today, assignment: late, reports });
    expect(run2020('2019-12-01').deadlines).toEqual([{ quarter: '2019-Q4', nominal: '2020-01-05', due: null, postponed: false }]);
    expect(run2020('2019-12-01').verdicts[0]).toMatchObject({ status: 'not_applicable' });
    expect(run2020('2020-01-06').verdicts[0]).toMatchObject({ status: 'unknown', figures: { due: null } });
    expect(run2020('2020-01-06').verdicts[0]!.explanation).toContain('2020 年的节假日日历尚未录入');
    expect(run2020('2020-01-06', [report('2019-Q4', '2019-12-30')]).verdicts[0]!.status).toBe('met');
  });

  it('MY has no such rule', () => {
    expect(run([], '2019-05-01', MY_2018_POLICY)).toEqual({ deadlines: [], verdicts: [expect.objectContaining({ status: 'not_applicable' })] });
  });
});
