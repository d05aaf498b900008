import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar.js';
import { addDays } from '../calendar/dates.js';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { attendance, datesBetween, stay, workingDaysBetween } from '../test/facts.js';
import { fixtureCalendar } from '../test/holidays.fixture.js';
import type { AssignmentMode } from '../vocabulary.js';
import { evaluateOnSiteDays, type AttendanceFact } from './on-site-days.rule.js';

const cal = fixtureCalendar();

describe('on-site working days (CX 二（一）)', () => {
  // A one-year team: 2018-06-07 … 2019-06-06.
  const term = { id: 'asg-1', start: '2018-06-07', end: '2019-06-06', mode: 'resident' as AssignmentMode };
  const workingDays = workingDaysBetween(cal, term.start, term.end);
  /** The first `n` working days on duty, every other working day on leave: nothing unrecorded. */
  const onDutyFor = (n: number, days = workingDays): AttendanceFact[] =>
    [...attendance(days.slice(0, n), 'on_duty'), ...attendance(days.slice(n), 'leave')];
  const run = (facts: AttendanceFact[], today: string, assignment = term) =>
    evaluateOnSiteDays({ policy: CX_2018_POLICY, calendar: cal, today, assignment, attendance: facts });

  it('the one-year term has more working days than the 240 required', () => {
    expect(workingDays.length).toBeGreaterThan(240);
  });

  it.each([
    [240, 'met'],
    [239, 'unmet'],
    [241, 'met'],
  ])('a one-year term ended with %i working days on duty is %s', (n, status) => {
    const [v] = run(onDutyFor(n), '2019-06-10');
    expect(v).toMatchObject({ ruleId: 'on-site.working-days', status, figures: { required: 240, onSiteDays: n, termMonths: 12, unrecordedDays: 0 }, citation: '楚卫通〔2018〕43号 二（一）' });
    expect(v!.explanation).toContain(`在岗 ${n} 个工作日`);
    expect(v!.explanation).toContain('要求 240 个工作日');
    if (status === 'unmet') expect(v!.explanation).toContain('差 1 个工作日');
  });

  it('counts official business but not duty on rest days or holidays', () => {
    const facts = [...onDutyFor(239), { id: 'sat', date: '2018-06-09', status: 'on_duty' as const }, { id: 'nd', date: '2018-10-03', status: 'on_duty' as const }];
    expect(run(facts, '2019-06-10')[0]).toMatchObject({ status: 'unmet', figures: { onSiteDays: 239 } });
    const business = [...attendance(workingDays.slice(0, 230), 'on_duty'), ...attendance(workingDays.slice(230, 240), 'official_business'), ...attendance(workingDays.slice(240), 'leave')];
    expect(run(business, '2019-06-10')[0]).toMatchObject({ status: 'met', figures: { onSiteDays: 240 } });
  });

  it('counts the adjusted Saturday workdays (调休) as working days', () => {
    expect(workingDays).toContain('2018-09-29');
    expect(workingDays).toContain('2019-02-02');
    expect(workingDays).not.toContain('2018-10-01');
  });

  it('cites evidence: the assignment and every counted record', () => {
    const [v] = run(onDutyFor(240), '2019-06-10');
    expect(v!.evidence).toHaveLength(241);
    expect(v!.evidence[0]).toBe('asg-1');
    expect(v!.evidence).toContain(`att-${workingDays[0]}`);
    expect(v!.evidence).not.toContain(`att-${workingDays[240]}`);
  });

  it.each([
    [120, 'met'],
    [119, 'unmet'],
  ])('a half-year term ended with %i working days on duty is %s (requires 120)', (n, status) => {
    const half = { ...term, start: '2019-01-01', end: '2019-06-30' };
    const days = workingDaysBetween(cal, half.start, half.end);
    expect(run(onDutyFor(n, days), '2019-07-01', half)[0]).toMatchObject({ status, figures: { required: 120, termMonths: 6 } });
  });

  it('answers unknown for a term the notice gives no figure for (9 months)', () => {
    const [v] = run([], '2019-10-01', { ...term, start: '2019-01-01', end: '2019-09-30' });
    expect(v).toMatchObject({ status: 'unknown', figures: { termMonths: 9 } });
    expect(v!.explanation).toContain('9 个月');
  });

  describe('forecast at the current pace', () => {
    // A plain year with no holidays: 261 working days; today is the 150th, 111 remain.
    const plain = createCalendar({ years: [2027], days: [] });
    const year = { id: 'asg-2', start: '2027-01-01', end: '2027-12-31', mode: null };
    const days = workingDaysBetween(plain, year.start, year.end);
    const today = days[149]!;
    const runPlain = (facts: AttendanceFact[]) => evaluateOnSiteDays({ policy: CX_2018_POLICY, calendar: plain, today, assignment: year, attendance: facts });
    const onDuty = (n: number) => [...attendance(days.slice(0, n), 'on_duty'), ...attendance(days.slice(n, 150), 'leave')];

    it('is at risk when the pace falls short: 130 of 150 days → 226 at the end', () => {
      const [v] = runPlain(onDuty(130));
      expect(v).toMatchObject({ status: 'at_risk', figures: { onSiteDays: 130, elapsedDays: 150, remainingDays: 111, forecast: 226 } });
      expect(v!.explanation).toBe('已在岗 130 个工作日，要求 240 个工作日；按当前进度预计期满时 226 个工作日，可能不达标');
    });

    it('is met when on track: 145 of 150 days → 252', () => {
      const [v] = runPlain(onDuty(145));
      expect(v).toMatchObject({ status: 'met', figures: { forecast: 252 } });
      expect(v!.explanation).toContain('可达标');
    });

    it('is unmet once even full attendance cannot reach 240: 120 + 111 = 231', () => {
      const [v] = runPlain(onDuty(120));
      expect(v!.status).toBe('unmet');
      expect(v!.explanation).toContain('231 个工作日，无法达标');
    });

    it('is unknown when the unrecorded days decide it, and says how many', () => {
      const [v] = runPlain(attendance(days.slice(0, 130), 'on_duty'));
      expect(v).toMatchObject({ status: 'unknown', figures: { unrecordedDays: 20 } });
      expect(v!.explanation).toContain('20 个工作日无考勤记录');
    });

    it('stays decided when unrecorded days cannot change it', () => {
      const [v] = runPlain(attendance(days.slice(0, 145), 'on_duty'));
      expect(v).toMatchObject({ status: 'met', figures: { unrecordedDays: 5 } });
      expect(v!.explanation).toContain('另有 5 个工作日无考勤记录');
    });

    it('ignores records after today and keeps the last record of a date', () => {
      const facts = [...onDuty(130), ...attendance(days.slice(150), 'on_duty'), { id: 'fix', date: days[0]!, status: 'absent' as const }];
      expect(runPlain(facts)[0]).toMatchObject({ figures: { onSiteDays: 129 } });
    });
  });

  it('before the term starts: not applicable', () => {
    expect(run([], '2018-06-01')[0]).toMatchObject({ status: 'not_applicable', figures: { remainingDays: workingDays.length } });
  });

  it('a policy without the rule answers not applicable', () => {
    expect(evaluateOnSiteDays({ policy: MY_2018_POLICY, calendar: cal, today: '2019-01-01', assignment: term, attendance: [] })).toEqual([
      expect.objectContaining({ ruleId: 'on-site.working-days', status: 'not_applicable' }),
    ]);
  });

  it('throws CALENDAR_YEAR_MISSING for a term reaching into a year with no calendar', () => {
    expect(() => run([], '2020-06-01', { ...term, start: '2020-06-07', end: '2021-06-06' })).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2021 }));
  });
});

describe('MY interval visits 间隔去 (二（一）)', () => {
  const term = { id: 'asg-iv', start: '2018-05-15', end: '2020-05-14', mode: 'interval_visits' as AssignmentMode | null };
  /** A two-day visit starting on `from`, every 28 days, `n` times. */
  const visits = (from: string, n: number): AttendanceFact[] =>
    Array.from({ length: n }, (_, k) => datesBetween(addDays(from, 28 * k), addDays(from, 28 * k + 1))).flatMap((d) => attendance(d, 'on_duty'));
  const run = (facts: AttendanceFact[], today: string, assignment = term) =>
    evaluateOnSiteDays({ policy: MY_2018_POLICY, calendar: cal, today, assignment, attendance: facts });
  const byRule = (verdicts: ReturnType<typeof run>, ruleId: string) => verdicts.filter((v) => v.ruleId === ruleId);

  it('checks ≥12 visits in each year of the assignment: 12 met, 11 unmet', () => {
    const facts = [...visits('2018-05-21', 12), ...visits('2019-05-20', 11)];
    const verdicts = run(facts, '2020-06-01');
    expect(byRule(verdicts, 'on-site.visits-per-year').map((v) => [v.figures.year, v.figures.count, v.status])).toEqual([[1, 12, 'met'], [2, 11, 'unmet']]);
    expect(byRule(verdicts, 'on-site.visits-per-year')[1]!.explanation).toContain('差 1 次');
    expect(byRule(verdicts, 'on-site.duration')[0]).toMatchObject({ status: 'met', figures: { termMonths: 24 } });
    // 23 two-day visits are 46 days, short of three months (90 days) on site.
    expect(byRule(verdicts, 'on-site.cumulative')[0]).toMatchObject({ status: 'unmet', figures: { onSiteDays: 46, stays: 23, required: 90 } });
  });

  it('a year under way is on track or at risk by its pace', () => {
    expect(byRule(run(visits('2018-05-21', 5), '2018-10-01'), 'on-site.visits-per-year')[0]).toMatchObject({ status: 'met', figures: { count: 5 } });
    expect(byRule(run(visits('2018-05-21', 2), '2018-10-01'), 'on-site.visits-per-year')[0]).toMatchObject({ status: 'at_risk', figures: { count: 2 } });
  });

  it.each([
    ['a weekend inside a visit does not split it', [['2019-03-01', 'on_duty'], ['2019-03-04', 'on_duty']], 1, 4],
    ['a working day away splits it', [['2019-03-01', 'on_duty'], ['2019-03-05', 'on_duty']], 2, 2],
    ['a working day recorded as rest does not split it', [['2019-03-01', 'on_duty'], ['2019-03-04', 'rest'], ['2019-03-05', 'on_duty']], 1, 5],
    ['a day on leave splits it', [['2019-03-01', 'on_duty'], ['2019-03-04', 'leave'], ['2019-03-05', 'on_duty']], 2, 2],
    ['the National Day holiday inside a stay does not split it', [['2019-09-30', 'on_duty'], ['2019-10-08', 'on_duty']], 1, 9],
  ] as const)('%s', (_what, records, stays, days) => {
    const facts = records.map(([date, status]) => ({ id: date, date, status }));
    expect(byRule(run(facts, '2019-12-01'), 'on-site.cumulative')[0]).toMatchObject({ figures: { stays, onSiteDays: days } });
  });

  it('a last year shorter than a year owes its share: 231 of 365 days → 8 visits', () => {
    const long = { ...term, end: '2020-12-31' };
    const third = byRule(run(visits('2020-05-18', 8), '2021-01-05', long), 'on-site.visits-per-year')[2]!;
    expect(third).toMatchObject({ status: 'met', figures: { year: 3, from: '2020-05-15', to: '2020-12-31', count: 8, required: 8 } });
    expect(third.explanation).toContain('按 231/365 天折算');
    expect(byRule(run(visits('2020-05-18', 7), '2021-01-05', long), 'on-site.visits-per-year')[2]).toMatchObject({ status: 'unmet', figures: { count: 7 } });
  });

  it('checks the 2–3 year duration', () => {
    expect(byRule(run([], '2018-01-01', { ...term, end: '2020-12-31' }), 'on-site.duration')[0]).toMatchObject({ status: 'met', figures: { termMonths: 32 } });
    expect(byRule(run([], '2018-01-01', { ...term, end: '2019-11-14' }), 'on-site.duration')[0]).toMatchObject({ status: 'unmet', figures: { termMonths: 18 } });
  });

  it('asks for the mode when it is not recorded', () => {
    expect(run([], '2019-01-01', { ...term, mode: null })).toEqual([expect.objectContaining({ ruleId: 'on-site.cumulative', status: 'unknown' })]);
  });
});

describe('MY segmented stays 分段驻 (二（二）)', () => {
  const term = { id: 'asg-ss', start: '2019-01-01', end: '2020-12-31', mode: 'segmented_stays' as AssignmentMode };
  const run = (facts: AttendanceFact[], today: string, assignment = term) =>
    evaluateOnSiteDays({ policy: MY_2018_POLICY, calendar: cal, today, assignment, attendance: facts });
  const byRule = (verdicts: ReturnType<typeof run>, ruleId: string) => verdicts.filter((v) => v.ruleId === ruleId);
  const q1 = stay(cal, '2019-03-04', '2019-04-03'); // exactly one month
  const q2Short = stay(cal, '2019-05-06', '2019-06-04'); // one day short of a month
  const q2 = stay(cal, '2019-05-06', '2019-06-05');
  const q3 = stay(cal, '2019-07-01', '2019-07-31');
  const q4 = stay(cal, '2019-10-08', '2019-11-07');

  it('a quarter without a continuous month is missed; one day short is short', () => {
    const v = byRule(run([...q1, ...q2Short], '2019-07-15'), 'on-site.quarterly-stays')[0]!;
    expect(v).toMatchObject({ status: 'unmet', figures: { coveredQuarters: 1, missedQuarters: 1, missed: '2019 年第 2 季度', pending: '2019 年第 3 季度' } });
    expect(v.explanation).toContain('2019 年第 2 季度未连续驻点满 1 个月');
  });

  it('a stay of exactly one month covers its quarter', () => {
    expect(byRule(run([...q1, ...q2], '2019-07-15'), 'on-site.quarterly-stays')[0]).toMatchObject({ status: 'met', figures: { coveredQuarters: 2, missedQuarters: 0 } });
  });

  it('checks ≥6 stays a year separately from the quarterly rule, and says they disagree', () => {
    const oneYear = { ...term, end: '2019-12-31' };
    const verdicts = run([...q1, ...q2, ...q3, ...q4], '2020-01-10', oneYear);
    expect(byRule(verdicts, 'on-site.quarterly-stays')[0]).toMatchObject({ status: 'met', figures: { coveredQuarters: 4 } });
    const perYear = byRule(verdicts, 'on-site.stays-per-year')[0]!;
    expect(perYear).toMatchObject({ status: 'unmet', figures: { count: 4, required: 6 } });
    expect(perYear.explanation).toContain('差 2 次');
    expect(perYear.explanation).toContain('（注：分段驻：“每季度连续驻点 1 个月”即每年 4 次，与“每年不少于 6 次”不一致；两项分别核验）');
    expect(byRule(verdicts, 'on-site.duration')[0]).toMatchObject({ status: 'unmet', figures: { termMonths: 12 } });
    expect(byRule(verdicts, 'on-site.cumulative')[0]).toMatchObject({ status: 'unmet', figures: { stays: 4, required: 365 } });
  });

  it('a year under way behind its pace is at risk', () => {
    expect(byRule(run([...q1, ...q2], '2019-07-15'), 'on-site.stays-per-year')[0]).toMatchObject({ status: 'at_risk', figures: { count: 2 } });
  });

  it('an ongoing stay leaves its quarter pending, not missed', () => {
    const ongoing = stay(cal, '2019-06-17', '2019-07-01');
    const v = byRule(run([...q1, ...ongoing], '2019-07-01'), 'on-site.quarterly-stays')[0]!;
    expect(v.figures).toMatchObject({ missedQuarters: 0, pending: expect.stringContaining('2019 年第 2 季度') });
  });
});
