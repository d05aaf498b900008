import { evaluateMonthlySelfCheck, evaluateSpotChecks, type Policy, type SpotCheckResult } from '@duikou/policy';
import type {
  Consequences, ConsequencesQuery, ListResponse, PersonSpotCheckVerdicts, RollCall, RollCallAnswer, SelfCheckVerdict, SpotCheck, SpotCheckCreate,
  SpotCheckDetail, SpotCheckListQuery, SpotCheckRedraw, SpotCheckResultUpdate, SpotCheckMethod,
} from '@duikou/contracts';
import { ROLL_CALL_MINUTES, ROLL_CALL_TIMEOUT_REASON, SPOT_CHECK_METHOD_LABELS, SPOT_CHECK_RESULT_LABELS } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { groupBy } from '../../core/group-by.js';
import { findAssignment } from '../assignments/assignments.repository.js';
import { chinaToday, policyInForce, showVerdict } from '../policies/policies.service.js';
import { drawSample, newSeed } from './sampling.js';
import * as repo from './spot-checks.repository.js';

/** What a check stores about its sample in `population`: the filter and scope it was drawn from, and for a random draw the ids drawn from. */
type Population =
  | { kind: 'random'; scope: repo.PopulationScope; filter: Omit<repo.PopulationFilter, 'date'>; ids: string[] }
  | { kind: 'picked'; scope: repo.PopulationScope; filter: Omit<repo.PopulationFilter, 'date'>; size: number };

const NO_FILTER = { programmeId: null, supportOrgId: null, recipientOrgId: null };

/**
 * A check's stored population. Rows written without the draw (imported, or the demo generator's
 * `{ supportOrgId }`) count as named persons: there is no seed to re-draw them with, and no count of
 * those on post (`size` -1).
 */
function populationOf(row: repo.SpotCheckRow): Population {
  const raw = (row.population ?? {}) as Partial<Population> & Record<string, unknown>;
  if ((raw.kind === 'random' && Array.isArray(raw.ids)) || raw.kind === 'picked') return raw as Population;
  const f = (raw.filter ?? raw) as Record<string, unknown>;
  const id = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { kind: 'picked', scope: { kind: 'all' }, filter: { programmeId: id(f.programmeId), supportOrgId: id(f.supportOrgId), recipientOrgId: id(f.recipientOrgId) }, size: -1 };
}

/** Staff and team leaders read only their own results. */
export function viewerOf(ctx: RequestContext): repo.Viewer {
  const { actor } = ctx;
  return { scope: actor.scope, personId: actor.personId, ownOnly: actor.role === 'staff' || actor.role === 'team_leader' };
}

/** Beijing wall-clock time of an instant, as people read a deadline: 2026-11-23 10:30. */
export const beijingTime = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The checker's organisation records and reviews results; the administrator may too. */
const isChecker = (ctx: RequestContext, row: repo.SpotCheckRow): boolean => ctx.actor.scope.kind === 'all' || row.byOrgId === ctx.actor.orgId;

/**
 * Roll calls past their deadline: pending results become absent 「点名超时未应答」, for the checker to
 * review. Done lazily whenever checks are read or answered (no timer), in one transaction with its audit.
 * Returns the persons whose results it closed.
 */
export async function settleRollCalls(ctx: RequestContext, spotCheckId?: string): Promise<string[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const closed = await repo.closeOverdueRollCalls(tx, now, spotCheckId);
    if (closed.length === 0) return [];
    const byCheck = groupBy(closed, (c) => c.spotCheckId);
    const paths = await repo.regionPathsOf(tx, [...byCheck.keys()]);
    for (const [id, rows] of byCheck) {
      await recordAudit(tx, null, {
        action: 'update', entityType: 'spot_check', entityId: id, regionPath: paths.get(id) ?? null,
        summary: `点名截止：${rows.length} 人未应答，记为不在岗（${ROLL_CALL_TIMEOUT_REASON}），待抽查单位复核`,
        after: { result: 'absent', reason: ROLL_CALL_TIMEOUT_REASON, reviewed: false, assignmentIds: rows.map((r) => r.assignmentId) },
      }, { username: 'system' });
    }
    return [...new Set(closed.map((c) => c.personId))];
  });
}

function populationScopeOf(ctx: RequestContext): repo.PopulationScope {
  const s = ctx.actor.scope;
  if (s.kind === 'all') return { kind: 'all' };
  if (s.kind === 'region') return { kind: 'region', regionPath: s.regionPath };
  return { kind: 'unit', orgId: s.orgId };
}

type Counts = SpotCheck['counts'];
const emptyCounts = (): Counts => ({ total: 0, pending: 0, present: 0, absent: 0, onLeave: 0, unreviewed: 0 });

function addCount(c: Counts, result: string, reviewed: boolean, n: number): void {
  c.total += n;
  if (result === 'pending') c.pending += n;
  else if (result === 'present') c.present += n;
  else if (result === 'absent') c.absent += n;
  else if (result === 'on_leave') c.onLeave += n;
  if (result === 'absent' && !reviewed) c.unreviewed += n;
}

function toSpotCheck(ctx: RequestContext, row: repo.SpotCheckRow, counts: Counts): SpotCheck {
  const population = populationOf(row);
  return {
    id: row.id, method: row.method as SpotCheckMethod, date: row.date, byOrgId: row.byOrgId, byOrgName: row.byOrgName,
    sampleKind: population.kind, sampleSize: row.sampleSize, seed: population.kind === 'random' ? row.seed : null,
    rollCallDeadline: row.rollCallDeadline?.toISOString() ?? null,
    open: row.rollCallDeadline !== null && row.rollCallDeadline > ctx.clock.now(),
    counts, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), mine: isChecker(ctx, row),
  };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.SpotCheckRow> {
  const row = await repo.findSpotCheck(ctx.db, viewerOf(ctx), id);
  if (!row) throw notFound('抽查记录');
  return row;
}

export async function listSpotChecks(ctx: RequestContext, q: SpotCheckListQuery): Promise<ListResponse<SpotCheck>> {
  await settleRollCalls(ctx);
  const v = viewerOf(ctx);
  const { rows, total } = await repo.listSpotChecks(ctx.db, v, q);
  const counts = new Map(rows.map((r) => [r.id, emptyCounts()]));
  for (const c of await repo.countResults(ctx.db, v, rows.map((r) => r.id))) addCount(counts.get(c.spotCheckId)!, c.result, c.reviewed, c.n);
  return { items: rows.map((r) => toSpotCheck(ctx, r, counts.get(r.id)!)), total };
}

export async function getSpotCheck(ctx: RequestContext, id: string, settled = false): Promise<SpotCheckDetail> {
  if (!settled) await settleRollCalls(ctx, id);
  const row = await findVisible(ctx, id);
  const results = await repo.listResults(ctx.db, viewerOf(ctx), id);
  const counts = emptyCounts();
  for (const r of results) addCount(counts, r.r.result, r.r.reviewed, 1);
  const population = populationOf(row);
  // A row stored without the draw has no count of those on post: the persons checked are the most that is known.
  const size = population.kind === 'random' ? population.ids.length : population.size >= 0 ? population.size : row.sampleSize ?? results.length;
  return {
    ...toSpotCheck(ctx, row, counts),
    population: { ...population.filter, size },
    results: results.map((r) => ({
      assignmentId: r.r.assignmentId, personId: r.r.personId, personName: r.personName, supportOrgId: r.supportOrgId, supportOrgName: r.supportOrgName,
      recipientOrgId: r.recipientOrgId, recipientOrgName: r.recipientOrgName, department: r.department,
      result: r.r.result as SpotCheckDetail['results'][number]['result'], reason: r.r.reason, evidence: r.r.evidence, reviewed: r.r.reviewed,
      answeredAt: r.r.answeredAt?.toISOString() ?? null, recordedBy: r.r.recordedBy,
    })),
  };
}

/**
 * A spot check of the staff on post on a date: a random draw (seeded, reproducible) from those the
 * caller may check — a support unit its own staff, an office those under its pairings — or named
 * assignments. A roll call gives the sampled staff `rollCallMinutes` to answer from the check-in page.
 */
export async function createSpotCheck(ctx: RequestContext, input: SpotCheckCreate): Promise<SpotCheckDetail> {
  const now = ctx.clock.now();
  const today = chinaToday(now);
  if (input.date > today) throw new AppError('VALIDATION_FAILED', `抽查日期不能晚于今天（${today}）`, { field: 'date' });
  if (input.method === 'roll_call' && input.date !== today) throw new AppError('VALIDATION_FAILED', `点名只能针对当天（${today}）发起`, { field: 'date' });
  const scope = populationScopeOf(ctx);
  const sample = input.sample;
  const filter = sample.kind === 'random'
    ? { programmeId: sample.programmeId ?? null, supportOrgId: sample.supportOrgId ?? null, recipientOrgId: sample.recipientOrgId ?? null }
    : NO_FILTER;
  const onPost = await repo.findPopulation(ctx.db, scope, { date: input.date, ...filter });
  const personOf = new Map(onPost.map((a) => [a.id, a.personId]));

  let chosen: string[];
  let population: Population;
  let seed: string | null = null;
  if (sample.kind === 'random') {
    if (onPost.length === 0) throw new AppError('VALIDATION_FAILED', `${input.date} 没有可抽查的在岗人员（按所选项目、单位筛选）`, { field: 'sample' });
    seed = sample.seed ?? newSeed();
    const ids = onPost.map((a) => a.id);
    chosen = drawSample(ids, sample.size, seed);
    population = { kind: 'random', scope, filter, ids };
  } else {
    chosen = [...new Set(sample.assignmentIds)];
    sample.assignmentIds.forEach((id, i) => {
      if (!personOf.has(id)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个派驻不存在、不在管辖范围内或 ${input.date} 不在岗`, { field: `sample.assignmentIds.${i}` });
    });
    population = { kind: 'picked', scope, filter, size: onPost.length };
  }
  const minutes = input.method === 'roll_call' ? input.rollCallMinutes ?? ROLL_CALL_MINUTES.default : null;
  const deadline = minutes === null ? null : new Date(now.getTime() + minutes * 60_000);
  const values = {
    byOrgId: ctx.actor.orgId, regionPath: ctx.actor.regionPath, method: input.method, date: input.date, seed, sampleSize: chosen.length,
    population, rollCallDeadline: deadline, createdBy: ctx.actor.username, createdAt: now,
  };
  const drawn = sample.kind === 'random' ? `随机抽取 ${chosen.length} 人（在岗 ${onPost.length} 人，随机种子 ${seed}）` : `指定 ${chosen.length} 人`;
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertSpotCheck(tx, values, chosen.map((assignmentId) => ({ assignmentId, personId: personOf.get(assignmentId)! })));
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'spot_check', entityId: newId, regionPath: ctx.actor.regionPath,
      summary: `${SPOT_CHECK_METHOD_LABELS[input.method]}（${input.date}）：${drawn}${deadline ? `，${minutes} 分钟内应答，截止 ${beijingTime(deadline)}` : ''}`,
      after: { ...values, population: { ...population, ids: undefined }, assignmentIds: chosen },
    });
    return newId;
  });
  return getSpotCheck(ctx, id, true);
}

/** Draws a random sample again from its recorded seed and population, and says whether it matches what was recorded. */
export async function redrawSpotCheck(ctx: RequestContext, id: string): Promise<SpotCheckRedraw> {
  const row = await findVisible(ctx, id);
  const population = populationOf(row);
  if (population.kind !== 'random' || !row.seed) throw new AppError('CONFLICT', '该抽查没有记录随机种子（指定人员抽查或导入的记录），无法按种子重现抽样');
  const drawn = drawSample(population.ids, row.sampleSize ?? 0, row.seed).sort();
  const recorded = (await repo.listResults(ctx.db, { scope: { kind: 'all' }, personId: null, ownOnly: false }, id)).map((r) => r.r.assignmentId).sort();
  const now = (await repo.findPopulation(ctx.db, population.scope, { date: row.date, ...population.filter })).map((a) => a.id);
  return {
    spotCheckId: id, seed: row.seed, size: row.sampleSize ?? 0, drawn, recorded,
    matches: drawn.length === recorded.length && drawn.every((d, i) => d === recorded[i]),
    populationUnchanged: now.length === population.ids.length && now.every((d, i) => d === population.ids[i]),
    populationSize: population.ids.length,
  };
}

async function checkerRow(ctx: RequestContext, id: string): Promise<repo.SpotCheckRow> {
  const row = await findVisible(ctx, id);
  if (!isChecker(ctx, row)) throw forbidden(`只有抽查单位「${row.byOrgName}」可以记录和复核抽查结果`);
  return row;
}

/**
 * The checker records or reviews one person's result. `on_leave` needs an approved leave covering the
 * date; `absent` needs a reason. Recording a result marks it reviewed unless told otherwise.
 */
export async function recordResult(ctx: RequestContext, id: string, assignmentId: string, input: SpotCheckResultUpdate): Promise<SpotCheckDetail> {
  await settleRollCalls(ctx, id);
  const row = await checkerRow(ctx, id);
  const [current] = await repo.listResults(ctx.db, viewerOf(ctx), id, assignmentId);
  if (!current) throw notFound('该人员的抽查结果');
  if (input.result === 'on_leave' && !(await repo.findCoveringLeave(ctx.db, assignmentId, row.date))) {
    throw new AppError('VALIDATION_FAILED', `「${current.personName}」在 ${row.date} 没有已批准的请假，不能记为请假；请核实后记为在岗或不在岗`, { field: 'result' });
  }
  const before = { result: current.r.result, reason: current.r.reason, evidence: current.r.evidence, reviewed: current.r.reviewed };
  const set = {
    result: input.result, reason: input.reason ?? null, evidence: input.evidence ?? current.r.evidence,
    reviewed: input.reviewed ?? true, recordedBy: ctx.actor.username,
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateResult(tx, id, assignmentId, set);
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'spot_check', entityId: id, regionPath: row.regionPath,
      summary: `抽查（${row.date}）「${current.personName}」：${SPOT_CHECK_RESULT_LABELS[before.result as 'pending']} → ${SPOT_CHECK_RESULT_LABELS[input.result]}${input.reason ? `，${input.reason}` : ''}${set.reviewed ? '（已复核）' : ''}`,
      before: { assignmentId, ...before }, after: { assignmentId, ...set },
    });
  });
  return getSpotCheck(ctx, id, true);
}

/** Ends a roll call now: who has not answered is recorded absent for review. */
export async function closeRollCall(ctx: RequestContext, id: string): Promise<SpotCheckDetail> {
  const row = await checkerRow(ctx, id);
  if (row.method !== 'roll_call') throw new AppError('CONFLICT', '只有点名可以结束应答；其他抽查请逐人记录结果');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.endRollCall(tx, id, now);
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'spot_check', entityId: id, regionPath: row.regionPath,
      summary: `结束点名（${row.date}）`, before: { rollCallDeadline: row.rollCallDeadline }, after: { rollCallDeadline: now < (row.rollCallDeadline ?? now) ? now : row.rollCallDeadline },
    });
  });
  await settleRollCalls(ctx, id);
  return getSpotCheck(ctx, id, true);
}

// ── Roll calls, from the staff member's side ──────────────────────────────────

function requirePerson(ctx: RequestContext): string {
  if (!ctx.actor.personId) throw forbidden('当前账号未关联派驻人员，不能应答点名');
  return ctx.actor.personId;
}

export async function listMyRollCalls(ctx: RequestContext): Promise<ListResponse<RollCall>> {
  if (!ctx.actor.personId) return { items: [], total: 0 };
  await settleRollCalls(ctx);
  const rows = await repo.listPendingRollCalls(ctx.db, ctx.actor.personId);
  const items = rows.map((r) => ({
    spotCheckId: r.spotCheckId, assignmentId: r.assignmentId, date: r.date, deadline: r.deadline!.toISOString(), byOrgName: r.byOrgName,
    recipientOrgName: r.recipientOrgName, department: r.department, result: r.result as RollCall['result'], answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
  return { items, total: items.length };
}

/**
 * A staff member answers a roll call before its deadline: present, with the time and the location as
 * evidence. A resend (same or another clientId) after answering returns the answer already recorded.
 */
export async function answerRollCall(ctx: RequestContext, spotCheckId: string, input: RollCallAnswer): Promise<RollCall> {
  const personId = requirePerson(ctx);
  await settleRollCalls(ctx, spotCheckId);
  const found = await repo.findRollCallResult(ctx.db, spotCheckId, personId);
  if (!found || found.method !== 'roll_call' || !found.deadline) throw notFound('点名');
  const now = ctx.clock.now();
  const { r } = found;
  if (r.result === 'pending' && now <= found.deadline) {
    const place = input.lat !== undefined && input.lng !== undefined
      ? `定位 ${input.lat.toFixed(6)}, ${input.lng.toFixed(6)}${input.accuracyM !== undefined ? `（精度约 ${Math.round(input.accuracyM)} 米）` : ''}`
      : '未提供定位';
    const evidence = `${beijingTime(now)} 本人应答点名，${place}；客户端 ${input.clientId}`;
    await ctx.db.transaction(async (tx) => {
      await repo.updateResult(tx, spotCheckId, r.assignmentId, { result: 'present', answeredAt: now, evidence, recordedBy: ctx.actor.username, reviewed: false });
      await recordAudit(tx, ctx, {
        action: 'update', entityType: 'spot_check', entityId: spotCheckId, regionPath: found.regionPath,
        summary: `应答点名：${evidence}`, before: { assignmentId: r.assignmentId, result: 'pending' }, after: { assignmentId: r.assignmentId, result: 'present', ...input },
      });
    });
  } else if (!(r.result === 'present' && r.answeredAt)) {
    throw new AppError('CONFLICT', r.reason === ROLL_CALL_TIMEOUT_REASON || r.result === 'pending'
      ? `点名已于 ${beijingTime(found.deadline)} 截止，未能应答；如有异议，请联系抽查单位说明情况`
      : `抽查单位已记录结果（${SPOT_CHECK_RESULT_LABELS[r.result as 'absent']}），不能再应答`);
  }
  const [row] = await repo.listResults(ctx.db, { scope: { kind: 'all' }, personId, ownOnly: true }, spotCheckId, r.assignmentId);
  const check = await repo.findSpotCheck(ctx.db, { scope: { kind: 'all' }, personId, ownOnly: true }, spotCheckId);
  return {
    spotCheckId, assignmentId: r.assignmentId, date: check!.date, deadline: found.deadline.toISOString(), byOrgName: check!.byOrgName,
    recipientOrgName: row!.recipientOrgName, department: row!.department, result: row!.r.result as RollCall['result'], answeredAt: row!.r.answeredAt?.toISOString() ?? null,
  };
}

// ── Consequences (the engine's verdicts) ──────────────────────────────────────

/** policyInForce, once per code in a request. */
function policyCache(ctx: RequestContext, on: string): (code: string) => Promise<Policy> {
  const cache = new Map<string, Promise<Policy>>();
  return (code) => {
    if (!cache.has(code)) cache.set(code, policyInForce(ctx.db, code, on).then((p) => p.policy));
    return cache.get(code)!;
  };
}

async function personVerdicts(policyOf: (code: string) => Promise<Policy>, rows: repo.OutcomeRow[], policyCode: string): Promise<PersonSpotCheckVerdicts> {
  const first = rows[0]!;
  const verdicts = evaluateSpotChecks({
    policy: await policyOf(policyCode), personId: first.personId,
    results: rows.map((r) => ({ id: r.spotCheckId, date: r.date, result: r.result as SpotCheckResult })),
  });
  return {
    personId: first.personId, personName: first.personName, supportOrgId: first.supportOrgId, supportOrgName: first.supportOrgName, policyCode,
    assignmentIds: [...new Set(rows.map((r) => r.assignmentId))], checks: rows.length, absences: rows.filter((r) => r.result === 'absent').length,
    verdicts: verdicts.map(showVerdict),
  };
}

type Term = Awaited<ReturnType<typeof repo.listSupportUnitTerms>>[number];
const monthIndex = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));

/**
 * A unit's terms (sorted by unit, policy and start) joined into the periods it had staff on post: terms
 * that overlap or fall in the same or the next calendar month join; a month with nobody on post owes no check.
 */
function mergeTerms(terms: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (const t of terms) {
    const last = out[out.length - 1];
    if (last && last.supportOrgId === t.supportOrgId && last.policyCode === t.policyCode && monthIndex(t.from) <= monthIndex(last.to) + 1) {
      if (t.to > last.to) last.to = t.to;
    } else out.push({ ...t });
  }
  return out;
}

/** Only the verdicts of these persons and the self-checks of these support units (the dashboard's recomputation after a write naming them). */
export interface ConsequencesOf { personIds: readonly string[]; supportOrgIds: readonly string[] }

/**
 * Spot-check consequences in the caller's scope: per person with an absence, the engine's verdicts
 * (replacement due, promotion bar and public criticism of the dispatching unit, notice and interview);
 * per support unit, its monthly self-checks (any check it made in a month, of any method).
 */

export async function computeConsequences(ctx: RequestContext, q: ConsequencesQuery, only?: ConsequencesOf): Promise<Consequences> {
  await settleRollCalls(ctx);
  const today = chinaToday(ctx.clock.now());
  const policyOf = policyCache(ctx, today);
  const v = viewerOf(ctx);
  const [outcomes, terms] = await Promise.all([
    repo.listOutcomes(ctx.db, v, { ...q, absentOnce: true, ...(only && { personIds: only.personIds }) }),
    v.ownOnly ? [] : repo.listSupportUnitTerms(ctx.db, ctx.actor.scope, { ...q, ...(only && { supportOrgIds: only.supportOrgIds }) }),
  ]);
  const persons: PersonSpotCheckVerdicts[] = [];
  for (const rows of groupBy(outcomes, (r) => `${r.personId}|${r.policyCode}`).values()) {
    if (rows.some((r) => r.result === 'absent')) persons.push(await personVerdicts(policyOf, rows, rows[0]!.policyCode));
  }
  const selfChecks: SelfCheckVerdict[] = [];
  if (!v.ownOnly) {
    const periods = mergeTerms(terms).filter((p) => p.from <= today);
    const checks = groupBy(await repo.listChecksBy(ctx.db, [...new Set(periods.map((p) => p.supportOrgId))]), (c) => c.byOrgId);
    for (const p of periods) {
      const verdict = evaluateMonthlySelfCheck({
        policy: await policyOf(p.policyCode), today, supportUnitId: p.supportOrgId, period: { from: p.from, to: p.to },
        checks: (checks.get(p.supportOrgId) ?? []).map((c) => ({ id: c.id, date: c.date })),
      });
      selfChecks.push({ supportOrgId: p.supportOrgId, supportOrgName: p.supportOrgName, policyCode: p.policyCode, period: { from: p.from, to: p.to }, verdict: showVerdict(verdict) });
    }
  }
  return { asOf: today, persons, selfChecks };
}

/** The spot-check verdicts of one assignment's person (all their results the caller sees), under the assignment's policy. */
export async function assignmentVerdicts(ctx: RequestContext, assignmentId: string): Promise<PersonSpotCheckVerdicts & { assignmentId: string }> {
  const v = viewerOf(ctx);
  const assignment = await findAssignment(ctx.db, ctx.actor.scope, assignmentId);
  if (!assignment || (v.ownOnly && assignment.a.personId !== v.personId)) throw notFound('派驻记录');
  await settleRollCalls(ctx);
  const today = chinaToday(ctx.clock.now());
  const rows = await repo.listOutcomes(ctx.db, v, { personId: assignment.a.personId });
  const policyOf = policyCache(ctx, today);
  if (rows.length === 0) {
    const verdicts = evaluateSpotChecks({ policy: await policyOf(assignment.policyCode), personId: assignment.a.personId, results: [] });
    return {
      assignmentId, personId: assignment.a.personId, personName: assignment.personName, supportOrgId: assignment.a.supportOrgId, supportOrgName: assignment.supportOrgName,
      policyCode: assignment.policyCode, assignmentIds: [], checks: 0, absences: 0, verdicts: verdicts.map(showVerdict),
    };
  }
  return { assignmentId, ...(await personVerdicts(policyOf, rows, assignment.policyCode)) };
}
