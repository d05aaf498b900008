import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { fixtureCalendar } from '../test/holidays.fixture.js';
import { evaluateReportingSchedule, listProgrammeDeadlines, listReportingDeadlines, type ReportSubmission } from './reporting-schedule.rule.js';

const cal = fixtureCalendar();
const year2019 = listReportingDeadlines({ policy: CX_2018_POLICY, calendar: cal, from: '2019-01-01', to: '2019-12-31' });

describe('CX monthly and quarterly statistics (三（八）)', () => {
  it('has 12 monthly and 4 quarterly deadlines in a year', () => {
    expect(year2019.filter((d) => d.kind === 'monthly')).toHaveLength(12);
    expect(year2019.filter((d) => d.kind === 'quarterly').map((d) => [d.nominal, d.period])).toEqual([
      ['2019-01-05', '2018-Q4'], ['2019-04-05', '2019-Q1'], ['2019-07-05', '2019-Q2'], ['2019-10-05', '2019-Q3'],
    ]);
  });

  it.each([
    ['2019-01-05', '2018-12', '2019-01-07', true],  // Saturday
    ['2019-02-05', '2019-01', '2019-02-11', true],  // Spring Festival
    ['2019-04-05', '2019-03', '2019-04-08', true],  // Qingming, then the weekend
    ['2019-05-05', '2019-04', '2019-05-05', false], // a Sunday worked (调休): no postponement
    ['2019-06-05', '2019-05', '2019-06-05', false],
    ['2019-10-05', '2019-09', '2019-10-08', true],  // National Day
  ])('the monthly report nominally due %s (for %s) is due %s', (nominal, period, due, postponed) => {
    expect(year2019.find((d) => d.kind === 'monthly' && d.nominal === nominal)).toMatchObject({
      period, due, postponed, reporter: 'support_unit', recipient: 'provincial_project_office', citation: '楚卫通〔2018〕43号 三（八）',
    });
  });

  it('the quarterly report of 2020 Q1 moves past Qingming 2020 to 04-07', () => {
    const [q] = listReportingDeadlines({ policy: CX_2018_POLICY, calendar: cal, from: '2020-04-01', to: '2020-04-30' }).filter((d) => d.kind === 'quarterly');
    expect(q).toMatchObject({ period: '2020-Q1', nominal: '2020-04-05', due: '2020-04-07', reporter: 'county_office', label: '2020 年第 1 季度统计表' });
  });

  it('judges submissions against the postponed due date', () => {
    const run = (submissions: ReportSubmission[], today: string) =>
      evaluateReportingSchedule({ policy: CX_2018_POLICY, calendar: cal, today, from: '2019-10-01', to: '2019-10-31', submissions })
        .verdicts.filter((v) => v.ruleId === 'reporting.monthly');
    const sub = (submittedOn: string): ReportSubmission[] => [{ id: 's-1', kind: 'monthly', period: '2019-09', submittedOn }];
    // Due 10-08 after National Day: on 10-08 it is on time, not three days late.
    expect(run(sub('2019-10-08'), '2019-10-20')[0]).toMatchObject({ status: 'met', evidence: ['s-1'], figures: { due: '2019-10-08', daysLate: 0 } });
    expect(run(sub('2019-10-09'), '2019-10-20')[0]).toMatchObject({ status: 'unmet', figures: { daysLate: 1 } });
    expect(run([], '2019-10-10')[0]).toMatchObject({ status: 'unmet', figures: { daysLate: 2 } });
    expect(run([], '2019-10-10')[0]!.explanation).toBe('2019 年 9 月统计表截止 2019-10-08（原定 2019-10-05，节假日顺延），已逾期 2 天未报送');
    expect(run([], '2019-10-08')[0]!.status).toBe('at_risk');
    expect(run([], '2019-10-07')[0]!.status).toBe('not_applicable');
    // A quarterly submission does not answer for the monthly report.
    expect(run([{ id: 'q', kind: 'quarterly', period: '2019-09', submittedOn: '2019-10-01' }], '2019-10-10')[0]!.status).toBe('unmet');
  });

  it('MY has no regular reports', () => {
    expect(listReportingDeadlines({ policy: MY_2018_POLICY, calendar: cal, from: '2019-01-01', to: '2019-12-31' })).toEqual([]);
  });
});

describe('programme deadlines', () => {
  it('CX: personnel selection form by 7 June 2018, a Thursday', () => {
    expect(listProgrammeDeadlines(CX_2018_POLICY, 2018, cal)).toEqual([expect.objectContaining({
      kind: 'programme', period: 'selection-form', nominal: '2018-06-07', due: '2018-06-07', postponed: false, citation: '楚卫通〔2018〕43号 三（六）',
    })]);
    expect(listProgrammeDeadlines(CX_2018_POLICY, 2019, cal)).toEqual([]);
  });

  it('MY 2018: Sunday 20 May moves to Monday 21 May; 23 and 28 May stand', () => {
    expect(listProgrammeDeadlines(MY_2018_POLICY, 2018, cal).map((d) => [d.period, d.nominal, d.due, d.postponed])).toEqual([
      ['county-work-plan', '2018-05-20', '2018-05-21', true],
      ['registration-forms', '2018-05-20', '2018-05-21', true],
      ['staff-on-post', '2018-05-23', '2018-05-23', false],
      ['mentorship-statistics', '2018-05-28', '2018-05-28', false],
    ]);
  });

  it('a yearly deadline recurs from its first year on', () => {
    const item = CX_2018_POLICY.parameters.programmeDeadlines![0]!;
    const yearly = { ...CX_2018_POLICY, parameters: { ...CX_2018_POLICY.parameters, programmeDeadlines: [{ ...item, value: { ...item.value, repeatsYearly: true } }] } };
    expect(listProgrammeDeadlines(yearly, 2017, cal)).toEqual([]);
    // 2019-06-07 is the Dragon Boat Festival: due Monday 06-10.
    expect(listProgrammeDeadlines(yearly, 2019, cal)[0]).toMatchObject({ nominal: '2019-06-07', due: '2019-06-10', postponed: true });
  });
});
