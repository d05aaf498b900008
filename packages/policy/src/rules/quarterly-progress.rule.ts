import { CalendarYearMissingError, computeDeadline, type Calendar } from '../calendar/calendar.js';
import { addDays, assertIsoDate, daysBetween, daysInMonth, lastOfMonth, maxDate, minDate, monthOf, yearOf } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';

export interface QuarterlyProgressReportFact { id: string; quarter: string; submittedOn: string }

export interface QuarterlyProgressInput {
  policy: Policy;
  calendar: Calendar;
  today: string;
  /** The dispatched person's term, both dates inclusive. */
  assignment: { id: string; start: string; end: string };
  reports: readonly QuarterlyProgressReportFact[];
}

export interface QuarterlyProgressDeadline {
  /** 2019-Q3. */
  quarter: string;
  nominal: string;
  /** null: the due date falls in a year whose holiday calendar is not loaded, so a postponement cannot be told. */
  due: string | null;
  postponed: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const quarterOf = (date: string): string => `${yearOf(date)}-Q${Math.floor((monthOf(date) - 1) / 3) + 1}`;
export function quarterBounds(quarter: string): { from: string; to: string } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return { from: `${y}-${pad(q * 3 - 2)}-01`, to: lastOfMonth(y, q * 3) };
}

/**
 * When a quarter's feedback is due. The notice says only "每个季度"; where the policy also has the
 * county's quarterly statistics (楚卫通〔2018〕43号 三（八）: the 5th of the month after the quarter,
 * 节假日顺延), the recipient's feedback is due by then, since the county's statistics sum it up.
 * Without such a schedule it is due on the quarter's last day.
 */
export function quarterlyProgressDeadline(policy: Policy, calendar: Calendar, quarter: string): QuarterlyProgressDeadline {
  const { to } = quarterBounds(quarter);
  const schedule = policy.parameters.quarterlyReport?.value;
  if (!schedule) return { quarter, nominal: to, due: to, postponed: false };
  const lastMonth = yearOf(to) * 12 + monthOf(to) - 1;
  let m = lastMonth + 1;
  while (!schedule.months.includes((m % 12) + 1)) m++;
  const [y, mo] = [Math.floor(m / 12), (m % 12) + 1];
  const nominal = `${y}-${pad(mo)}-${pad(Math.min(schedule.dayOfMonth, daysInMonth(y, mo)))}`;
  if (!schedule.postponeOnHolidays) return { quarter, nominal, due: nominal, postponed: false };
  try {
    return { quarter, ...computeDeadline(calendar, nominal) };
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return { quarter, nominal, due: null, postponed: false };
    throw err;
  }
}

/**
 * 楚卫通〔2018〕43号 二（三）、三（二）: every quarter the recipient hospital reports each dispatched
 * person's work to the support hospital. One verdict per quarter of the term: met when reported by
 * the due date, unmet when late or overdue, at_risk on the due day, not_applicable before it.
 */
export function evaluateQuarterlyProgress(input: QuarterlyProgressInput): { deadlines: QuarterlyProgressDeadline[]; verdicts: Verdict[] } {
  const { policy, calendar, today, assignment, reports } = input;
  assertIsoDate(today);
  assertIsoDate(assignment.start);
  assertIsoDate(assignment.end);
  const param = policy.parameters.quarterlyProgressFeedback;
  if (!param) return { deadlines: [], verdicts: [notInPolicy('progress.quarterly', policy.name)] };
  const citation = citeParameter(param);
  const deadlines: QuarterlyProgressDeadline[] = [];
  for (let q = quarterOf(assignment.start); quarterBounds(q).from <= assignment.end; q = quarterOf(addDays(quarterBounds(q).to, 1))) {
    deadlines.push(quarterlyProgressDeadline(policy, calendar, q));
  }
  const verdicts = deadlines.map((d) => {
    const { from, to } = quarterBounds(d.quarter);
    const period = `${maxDate(from, assignment.start)} 至 ${minDate(to, assignment.end)}`;
    const sub = reports.filter((r) => r.quarter === d.quarter).sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : 1))[0];
    const title = `${d.quarter.replace('-Q', ' 年第 ')} 季度（${period}）工作情况反馈`;
    const head = `${title}截止 ${d.due}${d.postponed ? `（原定 ${d.nominal}，节假日顺延）` : ''}`;
    const figures = { quarter: d.quarter, nominal: d.nominal, due: d.due, submittedOn: sub?.submittedOn ?? null, daysLate: null as number | null };
    const base = { evidence: [assignment.id, ...(sub ? [sub.id] : [])], citation };
    if (d.due === null) {
      // A holiday may still move the date later, never earlier: before the nominal date it is simply not due.
      const missing = `${yearOf(d.nominal)} 年的节假日日历尚未录入，无法确定是否顺延`;
      if (!sub && today < d.nominal) return makeVerdict('progress.quarterly', { status: 'not_applicable', explanation: `${title}原定 ${d.nominal} 截止，尚未到期`, figures, ...base });
      if (sub && sub.submittedOn <= d.nominal) return makeVerdict('progress.quarterly', { status: 'met', explanation: `${title}原定 ${d.nominal} 截止，已于 ${sub.submittedOn} 反馈`, figures, ...base });
      return makeVerdict('progress.quarterly', { status: 'unknown', explanation: `${title}原定 ${d.nominal} 截止，${missing}${sub ? `；${sub.submittedOn} 反馈` : '，尚未反馈'}`, figures, ...base });
    }
    const due = d.due;
    if (sub) {
      const late = daysBetween(due, sub.submittedOn);
      figures.daysLate = Math.max(0, late);
      return late <= 0
        ? makeVerdict('progress.quarterly', { status: 'met', explanation: `${head}，已于 ${sub.submittedOn} 反馈`, figures, ...base })
        : makeVerdict('progress.quarterly', { status: 'unmet', explanation: `${head}，${sub.submittedOn} 反馈，逾期 ${late} 天`, figures, ...base });
    }
    if (today > due) {
      figures.daysLate = daysBetween(due, today);
      return makeVerdict('progress.quarterly', { status: 'unmet', explanation: `${head}，已逾期 ${figures.daysLate} 天未反馈`, figures, ...base });
    }
    return today === due
      ? makeVerdict('progress.quarterly', { status: 'at_risk', explanation: `${head}，今日截止，尚未反馈`, figures, ...base })
      : makeVerdict('progress.quarterly', { status: 'not_applicable', explanation: `${head}，尚未到期`, figures, ...base });
  });
  return { deadlines, verdicts };
}
