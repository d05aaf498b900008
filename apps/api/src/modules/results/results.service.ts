import type { AssignmentRef, OrgRef } from '@duikou/contracts';
import type { Policy, VerdictStatus } from '@duikou/policy';
import { regionInScope, type Actor, type RequestContext } from '../../core/actor.js';
import { AppError } from '../../core/app-error.js';
import { chinaToday, policyInForce } from '../policies/policies.service.js';
import { findAssignmentFacts, listVisibleAssignments, type AssignmentFacts } from './results.repository.js';

export const today = (ctx: RequestContext): string => chinaToday(ctx.clock.now());
export const currentYear = (ctx: RequestContext): number => Number(today(ctx).slice(0, 4));

/** The date whose policy version judges a year: its last day, today while it runs, its first day ahead of it. */
export function dateForYear(year: number, on: string): string {
  const y = Number(on.slice(0, 4));
  return year < y ? `${year}-12-31` : year === y ? on : `${year}-01-01`;
}

/** policyInForce, once per code and date in a request. */
export function policyCache(ctx: RequestContext): (code: string, on: string) => Promise<Policy> {
  const cache = new Map<string, Promise<Policy>>();
  return (code, on) => {
    const key = `${code}|${on}`;
    if (!cache.has(key)) cache.set(key, policyInForce(ctx.db, code, on).then((p) => p.policy));
    return cache.get(key)!;
  };
}

export const orgRef = (id: string, name: string): OrgRef => ({ id, name });

export function toAssignmentRef(f: AssignmentFacts): AssignmentRef {
  return {
    assignmentId: f.id, personId: f.personId, personName: f.personName, personTitle: f.personTitle, pairingId: f.pairingId,
    supportOrg: orgRef(f.supportOrgId, f.supportOrgName), recipientOrg: orgRef(f.recipientOrgId, f.recipientOrgName), department: f.department,
    mode: f.mode as AssignmentRef['mode'], status: f.status as AssignmentRef['status'], policyCode: f.policyCode, term: { start: f.start, end: f.end },
  };
}

/** Worst first: what a list of verdicts comes to. */
const SEVERITY: readonly VerdictStatus[] = ['unmet', 'at_risk', 'unknown', 'met', 'not_applicable'];
export const worstStatus = (statuses: readonly VerdictStatus[]): VerdictStatus => SEVERITY.find((s) => statuses.includes(s)) ?? 'not_applicable';
export const severityOf = (s: VerdictStatus): number => SEVERITY.indexOf(s);

/** The actor is this unit (or the administrator). */
export const actsFor = (actor: Actor, orgId: string): boolean => actor.scope.kind === 'all' || (actor.scope.kind === 'unit' && actor.orgId === orgId);
/** The actor is an office whose area holds this region (or the administrator). */
export const officeOver = (actor: Actor, regionPath: string | null): boolean =>
  actor.scope.kind === 'all' || (actor.scope.kind === 'region' && regionInScope(actor.scope, regionPath));
/** The actor is the dispatched person of this assignment. */
export const isPerson = (actor: Actor, personId: string): boolean => actor.personId !== null && actor.personId === personId;

/** Why a person could not be evaluated: a year without holiday calendar, or no policy version in force. */
export function skipReason(err: unknown): string | null {
  const e = err as { code?: unknown; year?: unknown };
  if (e?.code === 'CALENDAR_YEAR_MISSING' && typeof e.year === 'number') return `${e.year} 年的节假日日历尚未录入，无法计算工作日`;
  if (err instanceof AppError && err.status < 500) return err.message;
  return null;
}

/** A page of an in-memory list. */
export function pageItems<T>(items: readonly T[], q: { page: number; pageSize: number }): T[] {
  const offset = (q.page - 1) * q.pageSize;
  return items.slice(offset, offset + q.pageSize);
}

export interface FileAnswer { buffer: Buffer; filename: string; contentType: string }
export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The assignment a record is made for: the one named (in the caller's scope), or, for a dispatched
 * person, their own one under way today. Asked by that person's id, never by reading the area.
 */
export async function recordAssignment(ctx: RequestContext, assignmentId: string | undefined): Promise<AssignmentFacts> {
  if (assignmentId) {
    const f = await findAssignmentFacts(ctx.db, ctx.actor, assignmentId);
    if (!f) throw new AppError('VALIDATION_FAILED', '派驻记录不存在或不在您的范围内', { field: 'assignmentId' });
    return f;
  }
  if (ctx.actor.personId) {
    const on = today(ctx);
    const [current] = await listVisibleAssignments(ctx.db, ctx.actor, { personId: ctx.actor.personId, from: on, to: on, statuses: ['planned', 'on_duty'] });
    if (current) return current;
  }
  throw new AppError('VALIDATION_FAILED', '请选择派驻记录', { field: 'assignmentId' });
}

