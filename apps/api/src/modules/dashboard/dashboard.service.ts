import type { FastifyBaseLogger } from 'fastify';
import { describeDay } from '@duikou/policy';
import {
  LEAVE_APPROVAL_OVERDUE_DAYS, type AssignmentProgress, type AtRisk, type AttentionItem, type AttentionSeverity, type Dashboard, type DashboardComparisonRow,
  type AgreementCoverage, type Consequences, type DashboardCrumb, type DashboardQuery, type QuarterlySchedule, type ShownVerdict, type StaffingRow, type VisitVerdicts,
} from '@duikou/contracts';
import type { RequestContext, Scope } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/app-error.js';
import { agreementCoverage } from '../agreements/agreements.service.js';
import { computeStaffing } from '../assignments/assignments.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { mayDecide } from '../leave/leave.service.js';
import { chinaToday } from '../policies/policies.service.js';
import { judgeAssignments } from '../progress/progress.service.js';
import { computeConsequences, settleRollCalls, type ConsequencesOf } from '../spot-checks/spot-checks.service.js';
import { quarterlySchedule } from '../tasks/tasks.service.js';
import { visitVerdicts } from '../visits/visits.service.js';
import * as repo from './dashboard.repository.js';
import { cachedDashboard, type WrittenEntity } from './dashboard-cache.js';
import { DASHBOARD_PARTS, planRecompute, type DashboardPart } from './dashboard-parts.js';

/** Every engine list is read whole, in one page: the dashboard counts all its items (the API caps a page at 200). */
const ALL = { page: 1, pageSize: 100_000 } as const;
const DAY_MS = 86_400_000;
type SkippedProgress = AtRisk['skipped'][number];

interface Target {
  /** The scope the figures are computed in: the caller's, or a region or unit inside it. */
  scope: Scope;
  breakdown: repo.Breakdown;
  kind: Dashboard['scope']['kind'];
  name: string;
  regionCode: string | null;
  orgId: string | null;
  crumbs: DashboardCrumb[];
}

const isIn = (path: string | null | undefined, area: string) => !!path && path.startsWith(area);

/** The regions from the caller's area down to `path` (the caller's own region first). */
async function crumbsDownTo(ctx: RequestContext, path: string): Promise<DashboardCrumb[]> {
  const { scope } = ctx.actor;
  const root: DashboardCrumb = { name: scope.kind === 'all' ? '全部地区' : (ctx.actor.regionName ?? ctx.actor.orgName), regionCode: null, orgId: null };
  const below = (await repo.listRegionChain(ctx.db, path)).filter((r) => scope.kind === 'all' || (scope.kind === 'region' && r.path.startsWith(scope.regionPath) && r.path !== scope.regionPath));
  return [root, ...below.map((r) => ({ name: r.name, regionCode: r.code, orgId: null }))];
}

/** The area to show: the caller's, or a region or unit inside it (403 outside it, 404 if it does not exist). */
async function resolveTarget(ctx: RequestContext, q: DashboardQuery): Promise<Target> {
  const { actor } = ctx;
  const scope = actor.scope;
  if (q.orgId) {
    const org = await repo.findOrganisation(ctx.db, q.orgId);
    if (!org) throw new AppError('NOT_FOUND', '单位不存在', { field: 'orgId' });
    const allowed = scope.kind === 'all' || (scope.kind === 'region' ? isIn(org.region_path, scope.regionPath) : org.id === scope.orgId);
    if (!allowed) throw forbidden(scope.kind === 'unit' ? '单位账号只能查看本单位的看板' : `「${org.name}」不在您的管辖范围内`);
    const up = scope.kind === 'unit' ? [] : await crumbsDownTo(ctx, org.region_path ?? '');
    return {
      scope: { kind: 'unit', orgId: org.id, regionPath: org.region_path }, breakdown: { level: 'person', path: '' },
      kind: 'unit', name: org.name, regionCode: null, orgId: org.id, crumbs: [...up, { name: org.name, regionCode: null, orgId: scope.kind === 'unit' ? null : org.id }],
    };
  }
  if (q.regionCode) {
    if (scope.kind === 'unit') throw forbidden('单位账号只能查看本单位的看板');
    const region = await repo.findRegion(ctx.db, q.regionCode);
    if (!region) throw new AppError('NOT_FOUND', '行政区划不存在', { field: 'regionCode' });
    if (scope.kind === 'region' && !region.path.startsWith(scope.regionPath)) throw forbidden(`「${region.name}」不在您的管辖范围内`);
    const level = (await repo.hasChildRegions(ctx.db, region.code)) ? 'region' : 'unit';
    return {
      scope: { kind: 'region', regionPath: region.path }, breakdown: { level, path: region.path }, kind: 'region', name: region.name,
      regionCode: region.code, orgId: null, crumbs: await crumbsDownTo(ctx, region.path),
    };
  }
  if (scope.kind === 'unit') {
    return { scope, breakdown: { level: 'person', path: '' }, kind: 'unit', name: actor.orgName, regionCode: null, orgId: actor.orgId, crumbs: [{ name: actor.orgName, regionCode: null, orgId: null }] };
  }
  if (scope.kind === 'all') {
    return { scope, breakdown: { level: 'region', path: '' }, kind: 'all', name: '全部地区', regionCode: null, orgId: null, crumbs: [{ name: '全部地区', regionCode: null, orgId: null }] };
  }
  const level = actor.regionCode && (await repo.hasChildRegions(ctx.db, actor.regionCode)) ? 'region' : 'unit';
  return {
    scope, breakdown: { level, path: scope.regionPath }, kind: 'region', name: actor.regionName ?? actor.orgName, regionCode: actor.regionCode, orgId: null,
    crumbs: [{ name: actor.regionName ?? actor.orgName, regionCode: null, orgId: null }],
  };
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The 12 months ending with today's, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const SEVERITY_RANK: Record<AttentionSeverity, number> = { high: 0, medium: 1, low: 2 };

/** Worst first, then the larger count; ties keep their order. */
export function rankAttention(items: readonly AttentionItem[]): AttentionItem[] {
  return [...items].filter((i) => i.count > 0).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count);
}

const shortStatus = (v: ShownVerdict) => v.status === 'unmet' || v.status === 'at_risk';

/** Leave requests waiting: which are overdue, and which of those wait on the caller. */
function judgePendingLeave(ctx: RequestContext, rows: readonly repo.PendingLeaveRow[], today: string) {
  const now = ctx.clock.now().getTime();
  const overdue: { row: repo.PendingLeaveRow; label: string; mine: boolean; days: number }[] = [];
  for (const r of rows) {
    const step = r.approvals_required.find((s) => !r.parties.includes(s.party));
    if (!step) continue;
    const since = new Date(r.last_at ?? r.created_at).getTime();
    const days = Math.floor((now - since) / DAY_MS);
    if (days < LEAVE_APPROVAL_OVERDUE_DAYS && r.start_date > today) continue;
    overdue.push({ row: r, label: step.label, days, mine: mayDecide(ctx.actor, step.party, { recipientOrgId: r.recipient_org_id, supportOrgId: r.support_org_id, regionPath: r.region_path }) });
  }
  return overdue;
}

const why = (o: { row: repo.PendingLeaveRow; label: string; days: number }, today: string) =>
  `${o.row.person_name} ${o.row.start_date} 起的请假等待「${o.label}」审批${o.days >= LEAVE_APPROVAL_OVERDUE_DAYS ? ` ${o.days} 天` : ''}${o.row.start_date <= today ? '，请假已开始' : ''}`;

/**
 * 监管看板 of the caller's area (or a region or unit inside it): today's attendance, the engine's verdicts
 * rolled up (each read from its own module, the on-site ones from the day's cache), a ranked list of what
 * needs attention, 12 months of trends and the figures of each child region, unit or person. Kept per
 * area: today's figures are always counted afresh, the caller's own writes recompute at once, and
 * check-ins and other people's writes reach the verdicts within about a minute (dashboard-cache.ts).
 */
export async function getDashboard(ctx: RequestContext, q: DashboardQuery, log?: Pick<FastifyBaseLogger, 'error'>): Promise<Dashboard> {
  // What the answer depends on besides the data: whose area, which party the caller is (approvals
  // waiting on "you"), what is drilled into, and the day.
  const a = ctx.actor;
  const key = JSON.stringify([a.role, a.orgId, a.scope, q.regionCode ?? null, q.orgId ?? null, chinaToday(ctx.clock.now())]);
  const computed = await cachedDashboard(ctx.db, key, {
    userId: a.userId,
    compute: () => computeDashboard(ctx, q),
    withToday: async (kept) => withToday(kept, await repo.countToday(ctx.db, kept.target.scope, kept.target.breakdown, kept.today)),
    recompute: (kept, kinds) => recomputeDashboard(ctx, kept, kinds),
    refresh: (kept, writes) => refreshDashboard(ctx, kept, writes),
    refreshAfterMs: VERDICTS_REFRESH_MS,
    now: () => ctx.clock.now().getTime(),
    onRefreshError: (err) => log?.error({ err }, 'dashboard background refresh failed'),
  });
  return computed.dashboard;
}

/** Kept verdicts and trends that have missed check-ins or other people's writes are recomputed in the background after this long. */
export const VERDICTS_REFRESH_MS = 60_000;

/** An answer as kept: the dashboard, the unranked list and what today's live figures are counted in. */
export interface Computed {
  dashboard: Dashboard;
  items: AttentionItem[];
  target: Target;
  today: string;
  expectCheckIn: boolean;
  /** What the answer was computed from, kept so that a write recomputes only the parts it can change. */
  parts: Parts;
}

/** The list's items that come from today's attendance (all others are verdicts). */
function todayItems(t: Dashboard['today']): AttentionItem[] {
  return [
    { key: 'absent-today', severity: 'medium', title: '今日缺勤', count: t.absent, link: '/attendance', ruleId: null,
      explanation: `今日考勤记为缺勤 ${t.absent} 人` },
    { key: 'not-checked-in', severity: 'low', title: '今日尚未打卡', count: t.notCheckedIn, link: '/attendance', ruleId: null,
      explanation: `驻点人员中今日既无考勤记录也无请假的有 ${t.notCheckedIn} 人` },
  ];
}

function todayFigures(rows: readonly repo.TodayRow[], workingDay: boolean | null, expectCheckIn: boolean): Dashboard['today'] {
  const total = rows.find((r) => r.total);
  return {
    dispatched: total?.dispatched ?? 0, onPost: total?.on_post ?? 0, onLeave: total?.on_leave ?? 0, absent: total?.absent ?? 0,
    notCheckedIn: expectCheckIn ? (total?.not_checked_in ?? 0) : 0, workingDay,
  };
}

/**
 * A kept answer with today's attendance counted afresh: the figures, their two list items and each
 * comparison row's today columns. Null when the persons dispatched changed (not a check-in's doing):
 * then everything is recomputed.
 */
export function withToday(kept: Computed, rows: readonly repo.TodayRow[]): Computed | null {
  const d = kept.dashboard;
  const dispatchedOf = new Map(rows.filter((r) => !r.total && r.k !== null).map((r) => [r.k!, r]));
  const shown = new Map(d.comparison.rows.map((r) => [r.key, r]));
  for (const [k, r] of dispatchedOf) if (r.dispatched > 0 && shown.get(k)?.dispatched !== r.dispatched) return null;
  for (const r of d.comparison.rows) if (r.dispatched > 0 && !dispatchedOf.has(r.key)) return null;
  const today = todayFigures(rows, d.today.workingDay, kept.expectCheckIn);
  if (today.dispatched !== d.today.dispatched) return null;
  const fresh = new Map(todayItems(today).map((i) => [i.key, i]));
  const items = kept.items.map((i) => fresh.get(i.key) ?? i);
  const comparisonRows = d.comparison.rows.map((r) => {
    const t = dispatchedOf.get(r.key);
    return { ...r, onPost: t?.on_post ?? 0, onLeave: t?.on_leave ?? 0, absent: t?.absent ?? 0, notCheckedIn: kept.expectCheckIn ? (t?.not_checked_in ?? 0) : 0 };
  });
  return {
    ...kept, items,
    dashboard: { ...d, today, attention: rankAttention(items), comparison: { ...d.comparison, rows: comparisonRows } },
  };
}

/** What each part of the answer keeps: only what the answer shows of it (the lists are large). */
interface Parts {
  onSite: { counts: repo.JudgedRow[]; samples: { status: string; progress: AssignmentProgress | SkippedProgress }[] };
  period: repo.PeriodRow[];
  pendingLeave: repo.PendingLeaveRow[];
  staffing: StaffingRow[];
  consequences: { persons: Consequences['persons']; selfChecks: Consequences['selfChecks'] };
  agreements: AgreementCoverage['items'];
  visits: VisitVerdicts['items'];
  quarterly: { i: QuarterlySchedule['items'][number]; x: QuarterlySchedule['items'][number]['quarters'][number] }[];
  calendar: { workingDay: boolean | null };
}

type PartComputers = { [P in DashboardPart]: () => Promise<Parts[P]> };
type ItemPart = 'onSite' | 'staffing' | 'consequences' | 'quarterly';
/** A part judged item by item, recomputed for the items writes touched and merged into what was kept. */
type ItemComputers = { [P in ItemPart]: (kept: Parts[P], touched: repo.Touched) => Promise<Parts[P]> };

/**
 * Code-point order of the keys, left to right. Each list part is kept in such an order, whole or after
 * a merge alike, so that its first item (the attention list's example) does not depend on how it was computed.
 */
function byKeys<T>(keys: (x: T) => readonly string[]): (a: T, b: T) => number {
  return (a, b) => {
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  };
}
const STAFFING_ORDER = byKeys<StaffingRow>((r) => [r.programmeName, r.recipientOrgName, r.supportOrgName, r.pairingId, r.supportOrgId]);
const PERSON_ORDER = byKeys<Consequences['persons'][number]>((p) => [p.supportOrgName, p.personName, p.personId, p.policyCode]);
const SELF_CHECK_ORDER = byKeys<Consequences['selfChecks'][number]>((c) => [c.supportOrgName, c.supportOrgId, c.policyCode, c.period.from]);
const QUARTER_ORDER = byKeys<Parts['quarterly'][number]>(({ i, x }) => [
  i.assignment.recipientOrg.name, i.assignment.supportOrg.name, i.assignment.personName, i.assignment.term.start, i.assignment.assignmentId, x.quarter,
]);

const unique = <T,>(xs: readonly T[]) => [...new Set(xs)];

/** How each part is computed, in the area shown, as the caller would see the engine's lists there (role and account unchanged). */
function partComputers(ctx: RequestContext, target: Target, today: string): { whole: PartComputers; items: ItemComputers } {
  const sub: RequestContext = { ...ctx, actor: { ...ctx.actor, scope: target.scope } };
  const year = Number(today.slice(0, 4));
  const months = lastTwelveMonths(today);
  const b = target.breakdown;
  const staffing = async (f: { supportOrgId?: string; recipientOrgId?: string } = {}) => (await computeStaffing(sub, { year, ...f })).filter((r) => shortStatus(r.verdict));
  const consequences = async (only?: ConsequencesOf): Promise<Parts['consequences']> => {
    const c = await computeConsequences(sub, {}, only);
    // Spot-check consequences of persons still on assignment (a finished assignment's are history).
    const current = await repo.listCurrent(ctx.db, [...new Set(c.persons.flatMap((p) => p.assignmentIds))]);
    const recentMonths = new Set(months);
    return {
      persons: c.persons.filter((p) => p.assignmentIds.some((id) => current.has(id))).sort(PERSON_ORDER),
      selfChecks: c.selfChecks.filter((s) => s.verdict.status === 'unmet' && String(s.verdict.figures.owed ?? '').split('、').some((m) => recentMonths.has(m))).sort(SELF_CHECK_ORDER),
    };
  };
  const quarterly = async (assignmentId?: string) => (await quarterlySchedule(sub, { ...ALL, lateOnly: true, assignmentId })).items
    .flatMap((i) => i.quarters.filter((x) => x.verdict.status === 'unmet').map((x) => ({ i, x })));
  // The day's cache of on-site verdicts, completed with the assignments not judged since they changed; the counts read it.
  // Counted with the unjudged found in the same pass, and again only if some had to be judged. With `lastKnownExcept`
  // (a recompute after writes naming these assignments) the others count with their last verdict, even if stale.
  const onSite = async (opts: repo.LastKnown = {}): Promise<Parts['onSite']> => {
    let counts = await repo.countJudged(ctx.db, target.scope, b, today, opts);
    const unjudged = counts.find((r) => r.total)?.unjudged ?? [];
    if (unjudged.length > 0) {
      await judgeAssignments(sub, unjudged);
      counts = await repo.countJudged(ctx.db, target.scope, b, today, opts);
    }
    const total = counts.find((r) => r.total);
    const firsts = [total?.first_unmet, total?.first_at_risk, total?.first_skipped].filter((id): id is string => !!id);
    // The examples by today's names: a judgement cached before a rename or a pairing's move keeps the old ones.
    const samples = (await repo.readJudged<AssignmentProgress | SkippedProgress>(ctx.db, firsts, today, opts)).map(({ status, progress, names }) => ({
      status, progress: status === 'skipped' ? { ...progress, personName: names.personName } : { ...progress, ...names },
    }));
    return { counts, samples };
  };
  const whole: PartComputers = {
    onSite: () => onSite(),
    period: () => repo.countPeriod(ctx.db, target.scope, b, `${months[0]}-01`, today),
    pendingLeave: () => repo.listPendingLeave(ctx.db, target.scope, b),
    staffing: async () => (await staffing()).sort(STAFFING_ORDER),
    consequences: () => consequences(),
    agreements: async () => (await agreementCoverage(sub, { ...ALL, missingOnly: true })).items.filter((i) => shortStatus(i.verdict)),
    visits: async () => (await visitVerdicts(sub, { ...ALL, shortOnly: true })).items.filter((i) => shortStatus(i.verdict)),
    quarterly: async () => (await quarterly()).sort(QUARTER_ORDER),
    calendar: async () => {
      try { return { workingDay: describeDay(await loadCalendar(ctx.db), today).workingDay }; } catch { return { workingDay: null }; }
    },
  };
  const items: ItemComputers = {
    // The assignments the writes name are judged today (a leave decision's, say); the others the morning's first
    // check-ins made stale count with their last verdict, as the kept answer did, until the background refresh.
    onSite: async (_kept, touched) => onSite({ lastKnownExcept: onSiteNamed(touched) }),
    // The rows of each pairing unit an assignment or pairing write touched (all pairings between its support and
    // recipient units) replace the kept ones; a written pairing's kept rows are dropped too (its units may have changed).
    staffing: async (kept, touched) => {
      const units = staffingUnits(touched);
      const written = new Set(touched.pairingUnits.map((u) => u.pairing_id));
      const fresh = await Promise.all([...units.values()].map((u) => staffing(u)));
      return [...kept.filter((r) => !units.has(`${r.supportOrgId}|${r.recipientOrgId}`) && !written.has(r.pairingId)), ...fresh.flat()].sort(STAFFING_ORDER);
    },
    // The verdicts of each person touched, and the self-checks of each support unit touched or checking.
    // Roll calls past their deadline are closed first: whoever they mark absent is recomputed too.
    consequences: async (kept, touched) => {
      const theirs = consequenceRows(touched);
      const personIds = unique([...theirs.map((a) => a.person_id), ...await settleRollCalls(sub)]);
      const supportOrgIds = unique([...theirs.map((a) => a.support_org_id), ...touched.checkerOrgIds]);
      const fresh = await consequences({ personIds, supportOrgIds });
      const [persons, units] = [new Set(personIds), new Set(supportOrgIds)];
      return {
        persons: [...kept.persons.filter((p) => !persons.has(p.personId)), ...fresh.persons].sort(PERSON_ORDER),
        selfChecks: [...kept.selfChecks.filter((c) => !units.has(c.supportOrgId)), ...fresh.selfChecks].sort(SELF_CHECK_ORDER),
      };
    },
    quarterly: async (kept, touched) => {
      const ids = unique(named(touched).map((a) => a.id));
      const fresh = await Promise.all(ids.map((id) => quarterly(id)));
      const gone = new Set(ids);
      return [...kept.filter(({ i }) => !gone.has(i.assignment.assignmentId)), ...fresh.flat()].sort(QUARTER_ORDER);
    },
  };
  return { whole, items };
}

/** The assignments written, or under a pairing written (staffing and quarterly reports do not follow the persons a spot check covers, nor leave). */
const named = (touched: repo.Touched) => touched.assignments.filter((a) => a.via === 'assignment' || a.via === 'pairing');
/** The assignments whose spot-check consequences the writes can change (a leave decision changes none). */
const consequenceRows = (touched: repo.Touched) => touched.assignments.filter((a) => a.via !== 'leave');
/** The assignments whose on-site verdicts the writes can change: written, under a pairing written, or on leave decided. */
const onSiteNamed = (touched: repo.Touched) => unique(touched.assignments.filter((a) => a.via !== 'spot_check').map((a) => a.id));
/** The pairing units (support → recipient) of the assignments and pairings written, as they are now. */
function staffingUnits(touched: repo.Touched): Map<string, { supportOrgId: string; recipientOrgId: string }> {
  const units = [...named(touched), ...touched.pairingUnits].map((u) => ({ supportOrgId: u.support_org_id, recipientOrgId: u.recipient_org_id }));
  return new Map(units.map((u) => [`${u.supportOrgId}|${u.recipientOrgId}`, u]));
}

const isItemPart = (p: DashboardPart): p is ItemPart => p === 'onSite' || p === 'staffing' || p === 'consequences' || p === 'quarterly';

/**
 * Past this many items to recompute, a part is recomputed whole: one query per item would cost more.
 * (In the morning every first check-in of a planned assignment writes an assignment's audit line, and
 * a spot check can cover hundreds.)
 */
const MAX_ITEMS = 20;
function itemsOf(part: ItemPart, touched: repo.Touched): number {
  if (part === 'onSite') return onSiteNamed(touched).length;
  if (part === 'staffing') return staffingUnits(touched).size;
  const rows = part === 'consequences' ? consequenceRows(touched) : named(touched);
  return new Set(rows.map((a) => (part === 'consequences' ? a.person_id : a.id))).size;
}

/**
 * The parts of an answer: all computed (no `kept`), or per the plan — a part it does not name kept, an
 * item part whose writes were traced recomputed for the items they touched, the others whole.
 */
async function computeParts(
  computers: ReturnType<typeof partComputers>, plan: ReadonlyMap<DashboardPart, 'whole' | WrittenEntity[]> | 'all', kept?: Parts, touched?: repo.Touched | null,
): Promise<Parts> {
  const one = async <P extends DashboardPart>(name: P): Promise<Parts[P]> => {
    if (plan === 'all' || !kept) return computers.whole[name]();
    const how = plan.get(name);
    if (how === undefined) return kept[name];
    // The on-site part has no cap: its traced path judges fewer assignments than the whole one, however many.
    if (how !== 'whole' && touched?.complete && isItemPart(name) && (name === 'onSite' || itemsOf(name, touched) <= MAX_ITEMS)) {
      return (computers.items[name] as (k: Parts[P], t: repo.Touched) => Promise<Parts[P]>)(kept[name], touched);
    }
    return computers.whole[name]();
  };
  const entries = await Promise.all(DASHBOARD_PARTS.map(async (name) => [name, await one(name)] as const));
  return Object.fromEntries(entries) as unknown as Parts;
}

async function computeDashboard(ctx: RequestContext, q: DashboardQuery): Promise<Computed> {
  const verdictsAt = ctx.clock.now().toISOString();
  const target = await resolveTarget(ctx, q);
  const today = chinaToday(ctx.clock.now());
  const [parts, todayRows] = await Promise.all([
    computeParts(partComputers(ctx, target, today), 'all'),
    repo.countToday(ctx.db, target.scope, target.breakdown, today),
  ]);
  return assemble(ctx, target, today, parts, todayRows, verdictsAt);
}

/**
 * A kept answer after these writes: the parts they can change recomputed (the item parts for the
 * items they name, where they can be traced), the others kept, today's figures counted afresh.
 * `verdictsAt` stays the kept one: the kept parts may have missed check-ins since (they reach them by
 * the refresh). Null when the writes can change every part.
 */
export async function recomputeDashboard(ctx: RequestContext, kept: Computed, writes: readonly WrittenEntity[]): Promise<Computed | null> {
  return recomputeAfter(ctx, kept, writes, kept.dashboard.verdictsAt);
}

/** What check-ins change: attendance days, so the on-site verdicts (the stale ones judged) and the trend. */
const CHECK_INS: WrittenEntity = { kind: 'attendance', id: null };

/**
 * The background refresh of a kept answer (DECISIONS 35): what the writes since it can change and
 * what check-ins change recomputed, the other parts kept, as of now. Null when the writes can change
 * every part, or on a new day (then it is computed whole).
 */
export async function refreshDashboard(ctx: RequestContext, kept: Computed, writes: readonly WrittenEntity[]): Promise<Computed | null> {
  // A new day moves every verdict (deadlines pass, days are counted): computed whole.
  if (chinaToday(ctx.clock.now()) !== kept.today) return null;
  return recomputeAfter(ctx, kept, [...writes, CHECK_INS], ctx.clock.now().toISOString());
}

async function recomputeAfter(ctx: RequestContext, kept: Computed, writes: readonly WrittenEntity[], verdictsAt: string): Promise<Computed | null> {
  const plan = planRecompute(writes);
  if (plan === 'all') return null;
  const traced = [...plan.values()].flatMap((how) => (how === 'whole' ? [] : how));
  const [parts, todayRows] = await Promise.all([
    (async () => computeParts(partComputers(ctx, kept.target, kept.today), plan, kept.parts, traced.length > 0 ? await repo.traceWrites(ctx.db, traced) : null))(),
    repo.countToday(ctx.db, kept.target.scope, kept.target.breakdown, kept.today),
  ]);
  return assemble(ctx, kept.target, kept.today, parts, todayRows, verdictsAt);
}

/** The answer from its parts: figures, the ranked list, trends and the comparison of the children. */
async function assemble(ctx: RequestContext, target: Target, today: string, parts: Parts, todayRows: readonly repo.TodayRow[], verdictsAt: string): Promise<Computed> {
  const months = lastTwelveMonths(today);
  const b = target.breakdown;
  const { workingDay } = parts.calendar;
  const expectCheckIn = workingDay !== false;
  const { persons, selfChecks } = parts.consequences;
  const unmetOf = (ruleId: string) => persons.flatMap((p) => p.verdicts.filter((v) => v.ruleId === ruleId && v.status === 'unmet').map((v) => ({ p, v })));
  const replacements = unmetOf('spot-checks.replacement');
  const bars = unmetOf('spot-checks.promotion-bar');
  const notices = unmetOf('spot-checks.notice');

  const staffShort = parts.staffing;
  const agreementsShort = parts.agreements;
  const visitsShort = parts.visits;
  const lateQuarters = parts.quarterly;
  const overdue = judgePendingLeave(ctx, parts.pendingLeave, today);
  const overdueMine = overdue.filter((o) => o.mine);
  const overdueOthers = overdue.filter((o) => !o.mine);

  const judged = parts.onSite;
  const judgedTotal = judged.counts.find((r) => r.total);
  const sample = (status: 'unmet' | 'at_risk') => judged.samples.find((s) => s.status === status)?.progress as AssignmentProgress | undefined;
  const skippedSample = judged.samples.find((s) => s.status === 'skipped')?.progress as SkippedProgress | undefined;
  const onSiteWhy = (p: AssignmentProgress | undefined) => {
    const v = p?.verdicts.find((x) => x.status === p.status);
    return p && v ? `${p.personName}（${p.recipientOrgName}）：${v.explanation}` : '';
  };
  const today_ = todayFigures(todayRows, workingDay, expectCheckIn);
  const figures = {
    atRisk: judgedTotal?.at_risk ?? 0, onSiteUnmet: judgedTotal?.unmet ?? 0, notJudged: judgedTotal?.skipped ?? 0,
    staffingShort: staffShort.length, replacementsDue: replacements.length, promotionBars: bars.length, noticesDue: notices.length,
    selfChecksOwed: selfChecks.length, agreementsMissing: agreementsShort.length, quarterlyLate: lateQuarters.length, visitsShort: visitsShort.length,
    overdueApprovals: overdue.length, overdueApprovalsMine: overdueMine.length,
  };

  const sev = (unmet: boolean): AttentionSeverity => (unmet ? 'high' : 'medium');
  const first = <T,>(xs: readonly T[], f: (x: T) => string) => (xs.length > 0 ? f(xs[0]!) : '');
  const items: AttentionItem[] = [
    { key: 'leave-overdue-mine', severity: 'high', title: '待您审批的请假已逾期', count: overdueMine.length, link: '/leave?tab=todo', ruleId: 'leave.approvals',
      explanation: `${overdueMine.length} 件请假等待您审批已超过 ${LEAVE_APPROVAL_OVERDUE_DAYS} 天或已到请假开始日期；${first(overdueMine, (o) => why(o, today))}` },
    { key: 'on-site-unmet', severity: 'high', title: '在岗天数已无法达标', count: figures.onSiteUnmet, link: '/progress/at-risk?status=unmet', ruleId: sample('unmet')?.figures?.ruleId ?? null,
      explanation: onSiteWhy(sample('unmet')) },
    { key: 'replacement-due', severity: 'high', title: '应另派人员接替', count: replacements.length, link: '/spot-checks/consequences', ruleId: 'spot-checks.replacement',
      explanation: first(replacements, ({ p, v }) => `${p.personName}（${p.supportOrgName}）：${v.explanation}`) },
    { key: 'promotion-bar', severity: 'high', title: '连续抽查不在岗：不得申报职称、通报批评派出医院', count: bars.length, link: '/spot-checks/consequences', ruleId: 'spot-checks.promotion-bar',
      explanation: first(bars, ({ p, v }) => `${p.personName}（${p.supportOrgName}）：${v.explanation}`) },
    ...(['unmet', 'at_risk'] as const).map((status): AttentionItem => {
      const rows = staffShort.filter((r) => r.verdict.status === status);
      return { key: `staffing-${status}`, severity: sev(status === 'unmet'), title: status === 'unmet' ? '派出人数不足' : '派出人数尚未达到最低要求', count: rows.length, link: '/staffing', ruleId: 'staffing',
        explanation: first(rows, (r) => `${r.supportOrgName} → ${r.recipientOrgName}：${r.verdict.explanation}`) };
    }),
    { key: 'on-site-at-risk', severity: 'medium', title: '在岗天数可能不达标', count: figures.atRisk, link: '/progress/at-risk?status=at_risk', ruleId: sample('at_risk')?.figures?.ruleId ?? null,
      explanation: onSiteWhy(sample('at_risk')) },
    { key: 'notice-due', severity: 'medium', title: '无故不在岗：应通报、约谈', count: notices.length, link: '/spot-checks/consequences', ruleId: 'spot-checks.notice',
      explanation: first(notices, ({ p, v }) => `${p.personName}（${p.supportOrgName}）：${v.explanation}`) },
    { key: 'self-check-owed', severity: 'medium', title: '支援单位每月自查欠缺', count: selfChecks.length, link: '/spot-checks/consequences', ruleId: 'spot-checks.monthly-self-check',
      explanation: first(selfChecks, (s) => `${s.supportOrgName}：${s.verdict.explanation}`) },
    ...(['unmet', 'at_risk'] as const).map((status): AttentionItem => {
      const rows = agreementsShort.filter((r) => r.verdict.status === status);
      return { key: `agreement-${status}`, severity: sev(status === 'unmet'), title: '年度帮扶协议未签订或未备案', count: rows.length, link: '/agreements?tab=coverage&missingOnly=true', ruleId: 'annual-agreement',
        explanation: first(rows, (r) => `${r.supportOrg.name} → ${r.recipientOrg.name}：${r.verdict.explanation}`) };
    }),
    { key: 'quarterly-late', severity: 'medium', title: '季度进展逾期未反馈', count: lateQuarters.length, link: '/tasks?tab=quarterly&lateOnly=true', ruleId: lateQuarters[0]?.x.verdict.ruleId ?? null,
      explanation: first(lateQuarters, ({ i, x }) => `${i.assignment.personName}（${i.assignment.recipientOrg.name}）${x.quarter}：${x.verdict.explanation}`) },
    ...(['unmet', 'at_risk'] as const).map((status): AttentionItem => {
      const rows = visitsShort.filter((r) => r.verdict.status === status);
      return { key: `visits-${status}`, severity: sev(status === 'unmet'), title: '院领导带队赴受援医院次数不足', count: rows.length, link: '/leadership-visits?shortOnly=true', ruleId: 'leadership-visits',
        explanation: first(rows, (r) => `${r.supportOrg.name} → ${r.recipientOrg.name}：${r.verdict.explanation}`) };
    }),
    { key: 'leave-overdue', severity: 'medium', title: '辖区内请假审批逾期', count: overdueOthers.length, link: '/leave', ruleId: 'leave.approvals',
      explanation: `等待${[...countBy(overdueOthers.map((o) => o.label))].map(([label, n]) => `「${label}」${n} 件`).join('、')}；${first(overdueOthers, (o) => why(o, today))}` },
    ...todayItems(today_),
    { key: 'not-judged', severity: 'low', title: '无法判定在岗天数', count: figures.notJudged, link: '/calendar', ruleId: null,
      explanation: skippedSample ? `${skippedSample.personName}：${skippedSample.message}` : '' },
  ];

  const dashboard: Dashboard = {
    asOf: today,
    verdictsAt,
    scope: { kind: target.kind, name: target.name, regionCode: target.regionCode, orgId: target.orgId },
    crumbs: target.crumbs,
    today: today_,
    figures,
    attention: rankAttention(items),
    trend: buildTrend(months, parts.period),
    comparison: { level: b.level, rows: await buildComparison(ctx, target, todayRows, parts.period, judged.counts, expectCheckIn) },
  };
  return { dashboard, items, target, today, expectCheckIn, parts };
}

function countBy(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function buildTrend(months: readonly string[], rows: readonly repo.PeriodRow[]): Dashboard['trend'] {
  const by = new Map(months.map((m) => [m, { month: m, onSiteDays: 0, leaveDays: 0, spotCheckAbsences: 0 }]));
  for (const r of rows) {
    if (r.month === null) continue;
    const p = by.get(r.month);
    if (!p) continue;
    p.onSiteDays += Number(r.on_site);
    p.leaveDays += Number(r.leave);
    p.spotCheckAbsences += Number(r.absences);
  }
  return [...by.values()];
}

const emptyRow = (key: string, name: string): DashboardComparisonRow => ({
  key, name, regionCode: null, orgId: null, assignmentId: null, dispatched: 0, onPost: 0, onLeave: 0, absent: 0, notCheckedIn: 0, atRisk: 0,
  onSiteDays: 0, leaveDays: 0, spotCheckAbsences: 0,
});

/** One row per child (every region below; the units and persons with figures), named and linked for drill-down. */
async function buildComparison(
  ctx: RequestContext, target: Target, today: readonly repo.TodayRow[], period: readonly repo.PeriodRow[], judged: readonly repo.JudgedRow[], expectCheckIn: boolean,
): Promise<DashboardComparisonRow[]> {
  const rows = new Map<string, DashboardComparisonRow>();
  const { level, path } = target.breakdown;
  if (level === 'region') {
    for (const r of await repo.listChildRegions(ctx.db, target.regionCode)) rows.set(r.code, { ...emptyRow(r.code, r.name), regionCode: r.code });
  }
  const row = (k: string) => {
    if (!rows.has(k)) rows.set(k, emptyRow(k, k));
    return rows.get(k)!;
  };
  for (const t of today) {
    if (t.total || t.k === null) continue;
    Object.assign(row(t.k), { dispatched: t.dispatched, onPost: t.on_post, onLeave: t.on_leave, absent: t.absent, notCheckedIn: expectCheckIn ? t.not_checked_in : 0 });
  }
  for (const p of period) {
    if (p.k === null) continue;
    const r = row(p.k);
    r.onSiteDays += Number(p.on_site);
    r.leaveDays += Number(p.leave);
    r.spotCheckAbsences += Number(p.absences);
  }
  for (const j of judged) if (!j.total && j.k !== null) row(j.k).atRisk = j.unmet + j.at_risk;

  if (level === 'region') {
    if (rows.has('_self')) rows.get('_self')!.name = `${target.name}本级`;
    if (rows.has('_outside')) rows.get('_outside')!.name = '辖区外单位';
  } else if (level === 'unit') {
    for (const o of await repo.listOrganisations(ctx.db, [...rows.keys()])) {
      Object.assign(rows.get(o.id)!, { name: o.name, orgId: isIn(o.region_path, path) ? o.id : null });
    }
  } else {
    for (const a of await repo.listAssignmentNames(ctx.db, [...rows.keys()])) {
      const other = target.orgId && a.recipient_name !== target.name ? a.recipient_name : a.support_name;
      Object.assign(rows.get(a.id)!, { name: `${a.person_name}（${other}）`, assignmentId: a.id });
    }
  }
  const list = [...rows.values()];
  return level === 'region' ? list : list.sort((x, y) => y.dispatched - x.dispatched || x.name.localeCompare(y.name, 'zh-CN'));
}
