import {
  CalendarYearMissingError, evaluateOnSiteDays, evaluateQuarterlyProgress, isWorkingDay, quarterBounds, type AssignmentMode, type AttendanceStatus, type Calendar, type Policy,
} from '@duikou/policy';
import type { AppraisalFigures } from '@duikou/contracts';
import type { DbOrTx } from '@duikou/db';
import type { AssignmentFacts } from '../results/results.repository.js';
import * as repo from './appraisals.repository.js';

const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addYears = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${y + n}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
const min = (a: string, b: string) => (a <= b ? a : b);

/**
 * The help years (帮扶年度) of a term: 12 months from its start each, the last one cut at the term's
 * end. A one-year CX team has one; a 2–3-year MY assignment two or three.
 */
export function helpYears(start: string, end: string): { from: string; to: string }[] {
  const periods: { from: string; to: string }[] = [];
  for (let n = 0; addYears(start, n) <= end; n++) periods.push({ from: addYears(start, n), to: min(addDays(addYears(start, n + 1), -1), end) });
  return periods;
}

/** The help year under way on a date, else the last one that ended before it, else the first. */
export function currentHelpYear(periods: readonly { from: string; to: string }[], on: string) {
  return periods.find((p) => p.from <= on && on <= p.to) ?? [...periods].reverse().find((p) => p.to < on) ?? periods[0]!;
}

/**
 * What the records say about one help year of an assignment, to pre-fill the appraisal: on-site days,
 * attendance, leave, spot checks, teaching and guidance, annual tasks and quarterly feedback, apprentices.
 */
export async function computeFigures(db: DbOrTx, f: AssignmentFacts, period: { from: string; to: string }, policy: Policy, calendar: Calendar, asOf: string): Promise<AppraisalFigures> {
  const upTo = min(asOf, period.to);
  const [termDays, leave, checks, acts, tasks, reports] = await Promise.all([
    repo.listAttendanceIn(db, f.id, f.start, min(asOf, f.end)),
    repo.listLeaveIn(db, f.id, period.from, upTo),
    repo.listSpotCheckResultsIn(db, f.id, period.from, upTo),
    repo.listActivitiesIn(db, f.id, period.from, upTo),
    repo.listTasksOfYears(db, f.id, Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))),
    repo.listReportsOf(db, f.id),
  ]);
  const apprentices = await repo.countApprentices(db, f.id, Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4)));

  let onSite: AppraisalFigures['onSite'] = null;
  try {
    const verdicts = evaluateOnSiteDays({
      policy, calendar, today: asOf, assignment: { id: f.id, start: f.start, end: f.end, mode: f.mode as AssignmentMode },
      attendance: termDays.map((d) => ({ id: d.date, date: d.date, status: d.status as AttendanceStatus })),
    });
    const headline = verdicts.find((v) => v.ruleId === 'on-site.working-days' || v.ruleId === 'on-site.cumulative');
    const num = (x: unknown) => (typeof x === 'number' ? x : null);
    if (headline) onSite = { ruleId: headline.ruleId, done: num(headline.figures.onSiteDays), required: num(headline.figures.required), forecast: num(headline.figures.forecast) };
  } catch (err) {
    // A term reaching into a year with no holiday calendar: the remaining days cannot be counted yet.
    if (!(err instanceof CalendarYearMissingError)) throw err;
  }

  const modeParam = f.mode === 'interval_visits' ? policy.parameters.intervalVisits : f.mode === 'segmented_stays' ? policy.parameters.segmentedStays : null;
  const counted: readonly string[] = modeParam?.value.countedStatuses ?? policy.parameters.onSiteDays?.value.countedStatuses ?? ['on_duty', 'official_business'];
  const workingOnly = !modeParam && (policy.parameters.onSiteDays?.value.workingDaysOnly ?? false);
  const inPeriod = termDays.filter((d) => d.date >= period.from && d.date <= upTo);
  const attendance: Record<string, number> = {};
  for (const d of inPeriod) attendance[d.status] = (attendance[d.status] ?? 0) + 1;
  const onSiteDaysInPeriod = inPeriod.filter((d) => counted.includes(d.status) && (!workingOnly || isWorkingDay(calendar, d.date))).length;

  const approved = leave.filter((l) => l.status === 'approved' || l.status === 'closed');
  const byKind: Record<string, number> = {};
  for (const a of acts) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;

  const latest = new Map<string, string>();
  for (const r of reports) for (const p of r.taskProgress) latest.set(p.taskId, p.status);
  const statusOf = (id: string) => latest.get(id);

  const periodReports = reports.filter((r) => {
    const b = quarterBounds(r.quarter);
    return b.from <= period.to && b.to >= period.from;
  });
  const { verdicts: quarterVerdicts } = evaluateQuarterlyProgress({
    policy, calendar, today: asOf, assignment: { id: f.id, start: f.start, end: f.end },
    reports: reports.map((r) => ({ id: r.id, quarter: r.quarter, submittedOn: r.submittedOn })),
  });
  const late = periodReports.filter((r) => {
    const v = quarterVerdicts.find((x) => x.figures.quarter === r.quarter);
    return typeof v?.figures.daysLate === 'number' && v.figures.daysLate > 0;
  }).length;

  return {
    period, asOf, onSite, onSiteDaysInPeriod, attendance,
    leave: { requests: leave.filter((l) => l.status !== 'cancelled').length, approved: approved.length, approvedWorkingDays: approved.reduce((s, l) => s + l.workingDays, 0) },
    spotChecks: {
      checks: checks.length, present: checks.filter((c) => c.result === 'present').length,
      absent: checks.filter((c) => c.result === 'absent').length, onLeave: checks.filter((c) => c.result === 'on_leave').length,
    },
    activities: { total: acts.length, onSite: acts.filter((a) => a.setting === 'on_site').length, offSite: acts.filter((a) => a.setting === 'off_site').length, byKind },
    tasks: {
      total: tasks.length, done: tasks.filter((t) => statusOf(t.id) === 'done').length, inProgress: tasks.filter((t) => statusOf(t.id) === 'in_progress').length,
      notStarted: tasks.filter((t) => statusOf(t.id) === 'not_started').length, unreported: tasks.filter((t) => !statusOf(t.id)).length,
    },
    quarterlyReports: { submitted: periodReports.length, late },
    apprentices,
  };
}
