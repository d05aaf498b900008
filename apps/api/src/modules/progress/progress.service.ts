import { evaluateOnSiteDays, type AssignmentMode, type AttendanceStatus, type Calendar, type Policy } from '@duikou/policy';
import type { AssignmentProgress, AtRisk, AtRiskQuery } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/app-error.js';
import { findAssignment, listAssignmentsForExport, type AssignmentRow } from '../assignments/assignments.repository.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { chinaToday, policyInForce, showVerdict } from '../policies/policies.service.js';
import * as repo from './progress.repository.js';

type Status = AssignmentProgress['status'];
/** Worst first: what a list of verdicts comes to. */
const SEVERITY: readonly Status[] = ['unmet', 'at_risk', 'unknown', 'met', 'not_applicable'];
const HEADLINE_RULES = ['on-site.working-days', 'on-site.cumulative'];
const num = (x: unknown): number | null => (typeof x === 'number' ? x : null);

/** The version of each policy in force on each assignment's start, read once per code and date in a request. */
function policyCache(ctx: RequestContext): (code: string, on: string) => Promise<Policy> {
  const cache = new Map<string, Promise<Policy>>();
  return (code, on) => {
    const key = `${code}|${on}`;
    if (!cache.has(key)) cache.set(key, policyInForce(ctx.db, code, on).then((p) => p.policy));
    return cache.get(key)!;
  };
}

const termOf = (a: AssignmentRow['a']) => ({ start: a.actualStart ?? a.plannedStart, end: a.actualEnd ?? a.plannedEnd });

/** On-site verdicts of one assignment as of today, from its attendance days, with the headline figures. */
function progressOf(row: AssignmentRow, policy: Policy, calendar: Calendar, today: string, days: { date: string; status: string }[]): AssignmentProgress {
  const a = row.a;
  const term = termOf(a);
  const verdicts = evaluateOnSiteDays({
    policy, calendar, today, assignment: { id: a.id, ...term, mode: a.mode as AssignmentMode },
    // An attendance day is keyed by its assignment and date: the date identifies it in the evidence.
    attendance: days.map((d) => ({ id: d.date, date: d.date, status: d.status as AttendanceStatus })),
  });
  const attendance: Record<string, number> = {};
  for (const d of days) attendance[d.status] = (attendance[d.status] ?? 0) + 1;
  const headline = verdicts.find((v) => HEADLINE_RULES.includes(v.ruleId));
  const status = SEVERITY.find((s) => verdicts.some((v) => v.status === s)) ?? 'not_applicable';
  return {
    assignmentId: a.id, personId: a.personId, personName: row.personName, supportOrgId: a.supportOrgId, supportOrgName: row.supportOrgName,
    recipientOrgId: row.recipientOrgId, recipientOrgName: row.recipientOrgName, programmeName: row.programmeName, policyCode: row.policyCode,
    mode: a.mode as AssignmentProgress['mode'], assignmentStatus: a.status as AssignmentProgress['assignmentStatus'],
    term, asOf: today, attendance,
    figures: headline ? { ruleId: headline.ruleId, done: num(headline.figures.onSiteDays), required: num(headline.figures.required), forecast: num(headline.figures.forecast) } : null,
    status, verdicts: verdicts.map(showVerdict),
  };
}

/** On-site days so far vs required, and the forecast at the end of the term, for one assignment as of today. */
export async function getAssignmentProgress(ctx: RequestContext, id: string): Promise<AssignmentProgress> {
  const row = await findAssignment(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('派驻记录');
  const today = chinaToday(ctx.clock.now());
  const [{ policy }, calendar, attendance] = await Promise.all([
    policyInForce(ctx.db, row.policyCode, termOf(row.a).start), loadCalendar(ctx.db), repo.listAttendance(ctx.db, [id], today),
  ]);
  return progressOf(row, policy, calendar, today, attendance.get(id) ?? []);
}

/** Why an assignment could not be evaluated: a year without holiday calendar, or no policy version in force. */
function skipReason(err: unknown): string | null {
  const e = err as { code?: unknown; year?: unknown };
  if (e?.code === 'CALENDAR_YEAR_MISSING' && typeof e.year === 'number') return `${e.year} 年的节假日日历尚未录入，无法计算工作日`;
  if (err instanceof AppError && err.status < 500) return err.message;
  return null;
}

/**
 * Assignments in the caller's scope (planned or on duty) whose on-site verdicts are at risk or already
 * unmet, worst first. One query for the assignments per status, one for all their attendance days.
 */
export async function listAtRisk(ctx: RequestContext, q: AtRiskQuery): Promise<AtRisk> {
  const today = chinaToday(ctx.clock.now());
  const filter = { programmeId: q.programmeId, pairingId: q.pairingId, supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId, mode: q.mode };
  const rows = [
    ...(await listAssignmentsForExport(ctx.db, ctx.actor.scope, { ...filter, status: 'on_duty' })),
    ...(await listAssignmentsForExport(ctx.db, ctx.actor.scope, { ...filter, status: 'planned' })),
  ];
  const [calendar, attendance] = await Promise.all([loadCalendar(ctx.db), repo.listAttendance(ctx.db, rows.map((r) => r.a.id), today)]);
  const policyOf = policyCache(ctx);
  const wanted: readonly Status[] = q.status ? [q.status] : ['unmet', 'at_risk'];
  const flagged: AssignmentProgress[] = [];
  const skipped: AtRisk['skipped'] = [];
  for (const row of rows) {
    try {
      const p = progressOf(row, await policyOf(row.policyCode, termOf(row.a).start), calendar, today, attendance.get(row.a.id) ?? []);
      if (wanted.includes(p.status)) flagged.push(p);
    } catch (err) {
      const message = skipReason(err);
      if (message === null) throw err;
      skipped.push({ assignmentId: row.a.id, personName: row.personName, message });
    }
  }
  flagged.sort((x, y) => SEVERITY.indexOf(x.status) - SEVERITY.indexOf(y.status));
  const offset = (q.page - 1) * q.pageSize;
  return { asOf: today, items: flagged.slice(offset, offset + q.pageSize), total: flagged.length, skipped };
}
