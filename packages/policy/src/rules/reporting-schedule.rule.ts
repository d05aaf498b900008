import { computeDeadline, type Calendar } from '../calendar/calendar.js';
import { addMonths, assertIsoDate, daysBetween, daysInMonth, monthOf, yearOf } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, type Verdict } from '../verdict.js';
import type { Party } from '../vocabulary.js';

export type ReportKind = 'monthly' | 'quarterly';

export interface ReportingDeadline {
  kind: ReportKind | 'programme';
  /** Month reported (2019-09), quarter reported (2019-Q3), or the programme deadline's key. */
  period: string;
  label: string;
  nominal: string;
  /** The nominal date, or the next working day when it falls on a rest day or holiday (节假日顺延). */
  due: string;
  postponed: boolean;
  reporter: Party | null;
  recipient: Party | null;
  citation: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dueDate(calendar: Calendar, nominal: string, postpone: boolean) {
  return postpone ? computeDeadline(calendar, nominal) : { nominal, due: nominal, postponed: false };
}

/**
 * Due dates of the regular reports whose nominal date lies in [from, to].
 * 楚卫通〔2018〕43号 三（八）: tertiary hospitals report monthly statistics by the 5th of each month;
 * counties report quarterly statistics by the 5th of the month after the quarter (5 Jan, Apr, Jul,
 * Oct); a deadline on a public holiday moves to the next working day (节假日顺延).
 */
export function listReportingDeadlines({ policy, calendar, from, to }: { policy: Policy; calendar: Calendar; from: string; to: string }): ReportingDeadline[] {
  assertIsoDate(from);
  assertIsoDate(to);
  const { monthlyReport, quarterlyReport } = policy.parameters;
  const deadlines: ReportingDeadline[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) {
    const [y, m] = [yearOf(month), monthOf(month)];
    // The reported period is the month (or quarter) that ended before the deadline's month.
    const previous = addMonths(month, -1);
    if (monthlyReport) {
      const { dayOfMonth, reporter, recipient, postponeOnHolidays } = monthlyReport.value;
      const nominal = `${y}-${pad(m)}-${pad(Math.min(dayOfMonth, daysInMonth(y, m)))}`;
      if (nominal >= from && nominal <= to) {
        deadlines.push({
          kind: 'monthly', period: previous.slice(0, 7), label: `${yearOf(previous)} 年 ${monthOf(previous)} 月统计表`,
          ...dueDate(calendar, nominal, postponeOnHolidays), reporter, recipient, citation: citeParameter(monthlyReport),
        });
      }
    }
    if (quarterlyReport && quarterlyReport.value.months.includes(m)) {
      const { dayOfMonth, reporter, recipient, postponeOnHolidays } = quarterlyReport.value;
      const nominal = `${y}-${pad(m)}-${pad(Math.min(dayOfMonth, daysInMonth(y, m)))}`;
      if (nominal >= from && nominal <= to) {
        const quarter = Math.floor((monthOf(previous) - 1) / 3) + 1;
        deadlines.push({
          kind: 'quarterly', period: `${yearOf(previous)}-Q${quarter}`, label: `${yearOf(previous)} 年第 ${quarter} 季度统计表`,
          ...dueDate(calendar, nominal, postponeOnHolidays), reporter, recipient, citation: citeParameter(quarterlyReport),
        });
      }
    }
  }
  return deadlines.sort((a, b) => (a.nominal < b.nominal ? -1 : a.nominal > b.nominal ? 1 : a.kind < b.kind ? -1 : 1));
}

/**
 * One-off deadlines of the programme falling in `year`, postponed past rest days and holidays.
 * - 楚卫通〔2018〕43号 三（六）: personnel selection and the attachment 2 form by 7 June.
 * - 绵阳“传帮带”通知 三、五: county work plans, registration (attachment 2) and statistics
 *   (attachment 3) forms by 20 May 2018; staff on post by 23 May; mentorship statistics
 *   (attachment 4) by 28 May.
 */
export function listProgrammeDeadlines(policy: Policy, year: number, calendar: Calendar): ReportingDeadline[] {
  return (policy.parameters.programmeDeadlines ?? []).flatMap((item) => {
    const d = item.value;
    const base = yearOf(d.date);
    if (d.repeatsYearly ? year < base : year !== base) return [];
    const month = monthOf(d.date);
    const nominal = `${year}-${pad(month)}-${pad(Math.min(Number(d.date.slice(8, 10)), daysInMonth(year, month)))}`;
    return [{
      kind: 'programme' as const, period: d.key, label: d.label, ...dueDate(calendar, nominal, d.postponeOnHolidays),
      reporter: d.reporter, recipient: d.recipient, citation: citeParameter(item),
    }];
  }).sort((a, b) => (a.nominal < b.nominal ? -1 : a.nominal > b.nominal ? 1 : 0));
}

export interface ReportSubmission { id: string; kind: ReportKind; period: string; submittedOn: string }

export interface ReportingScheduleInput {
  policy: Policy;
  calendar: Calendar;
  today: string;
  from: string;
  to: string;
  /** Reports already submitted by the reporter concerned. */
  submissions: readonly ReportSubmission[];
}

/**
 * Each regular report due in [from, to] (楚卫通〔2018〕43号 三（八）): met when submitted by its due
 * date, unmet when late or overdue, at_risk on the due day itself, not_applicable before it.
 */
export function evaluateReportingSchedule(input: ReportingScheduleInput): { deadlines: ReportingDeadline[]; verdicts: Verdict[] } {
  assertIsoDate(input.today);
  const deadlines = listReportingDeadlines(input);
  const verdicts = deadlines.map((d) => {
    const ruleId = d.kind === 'monthly' ? 'reporting.monthly' : 'reporting.quarterly';
    const sub = input.submissions
      .filter((s) => s.kind === d.kind && s.period === d.period)
      .sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : 1))[0];
    const moved = d.postponed ? `（原定 ${d.nominal}，节假日顺延）` : '';
    const head = `${d.label}截止 ${d.due}${moved}`;
    const figures = { period: d.period, nominal: d.nominal, due: d.due, submittedOn: sub?.submittedOn ?? null, daysLate: null as number | null };
    const base = { evidence: sub ? [sub.id] : [], citation: d.citation };
    if (sub) {
      const late = daysBetween(d.due, sub.submittedOn);
      figures.daysLate = Math.max(0, late);
      return late <= 0
        ? makeVerdict(ruleId, { status: 'met', explanation: `${head}，已于 ${sub.submittedOn} 报送`, figures, ...base })
        : makeVerdict(ruleId, { status: 'unmet', explanation: `${head}，${sub.submittedOn} 报送，逾期 ${late} 天`, figures, ...base });
    }
    if (input.today > d.due) {
      figures.daysLate = daysBetween(d.due, input.today);
      return makeVerdict(ruleId, { status: 'unmet', explanation: `${head}，已逾期 ${figures.daysLate} 天未报送`, figures, ...base });
    }
    return input.today === d.due
      ? makeVerdict(ruleId, { status: 'at_risk', explanation: `${head}，今日截止，尚未报送`, figures, ...base })
      : makeVerdict(ruleId, { status: 'not_applicable', explanation: `${head}，尚未到期`, figures, ...base });
  });
  return { deadlines, verdicts };
}
