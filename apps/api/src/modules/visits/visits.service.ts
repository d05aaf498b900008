import { evaluateLeadershipVisits } from '@duikou/policy';
import type { ListResponse, RemoveResult, Visit, VisitCreate, VisitListQuery, VisitUpdate, VisitVerdicts, VisitVerdictsQuery } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { groupBy } from '../../core/group-by.js';
import { pageOf } from '../../core/pagination.js';
import { showVerdict } from '../policies/policies.service.js';
import { listPairingUnits } from '../results/results.repository.js';
import { actsFor, currentYear, dateForYear, orgRef, pageItems, policyCache, today } from '../results/results.service.js';
import * as repo from './visits.repository.js';

/** Visits are the support unit's own record (支援医院…赴受援医院进行指导、座谈、交流). */
const mayEdit = (ctx: RequestContext, supportOrgId: string) => ctx.actor.permissions.has('visit:write') && actsFor(ctx.actor, supportOrgId);

function shape(ctx: RequestContext, r: repo.VisitRow): Visit {
  const v = r.v;
  return {
    id: v.id, pairingId: v.pairingId, programmeName: r.programmeName, policyCode: r.policyCode,
    supportOrg: orgRef(v.supportOrgId, r.supportOrgName), recipientOrg: orgRef(r.recipientOrgId, r.recipientOrgName),
    date: v.date, leaderName: v.leaderName, leaderPost: v.leaderPost, ledByLeadership: v.ledByLeadership, participants: v.participants, content: v.content,
    recordedBy: v.recordedBy, createdAt: v.createdAt.toISOString(), updatedAt: v.updatedAt.toISOString(), canEdit: mayEdit(ctx, v.supportOrgId),
  };
}

export async function listVisits(ctx: RequestContext, q: VisitListQuery): Promise<ListResponse<Visit>> {
  const { rows, total } = await repo.listVisits(ctx.db, ctx.actor.scope, { ...q, ...pageOf(q) });
  return { items: rows.map((r) => shape(ctx, r)), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.VisitRow> {
  const row = await repo.findVisit(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('指导记录');
  return row;
}

export async function getVisit(ctx: RequestContext, id: string): Promise<Visit> {
  return shape(ctx, await findVisible(ctx, id));
}

const describe = (v: { date: string; leaderName: string; ledByLeadership: boolean }, unit: { supportOrgName: string; recipientOrgName: string }) =>
  `${unit.supportOrgName}${v.date} 赴${unit.recipientOrgName}指导（${v.ledByLeadership ? `院领导${v.leaderName}带队` : `${v.leaderName}带队`}）`;

export async function createVisit(ctx: RequestContext, input: VisitCreate): Promise<Visit> {
  const units = await listPairingUnits(ctx.db, ctx.actor.scope, { pairingId: input.pairingId, allUnits: true });
  if (units.length === 0) throw new AppError('VALIDATION_FAILED', '对口关系不存在或不在您的范围内', { field: 'pairingId' });
  const supportOrgId = input.supportOrgId ?? (units.some((u) => u.supportOrgId === ctx.actor.orgId) ? ctx.actor.orgId : undefined);
  if (!supportOrgId) throw new AppError('VALIDATION_FAILED', '请选择赴受援医院的支援单位', { field: 'supportOrgId' });
  const unit = units.find((u) => u.supportOrgId === supportOrgId);
  if (!unit) throw new AppError('VALIDATION_FAILED', '所选单位不是该对口关系的支援单位', { field: 'supportOrgId' });
  if (!mayEdit(ctx, supportOrgId)) throw forbidden(`指导记录由支援单位「${unit.supportOrgName}」登记`);
  if (input.date > today(ctx)) throw new AppError('VALIDATION_FAILED', `日期不能晚于今天（${today(ctx)}）`, { field: 'date' });
  const now = ctx.clock.now();
  const values = {
    pairingId: input.pairingId, supportOrgId, date: input.date, leaderName: input.leaderName, leaderPost: input.leaderPost ?? null, ledByLeadership: input.ledByLeadership,
    participants: input.participants ?? null, content: input.content, recordedBy: ctx.actor.username, createdAt: now, updatedAt: now,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertVisit(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'leadership_visit', entityId: newId, regionPath: unit.recipientRegionPath, summary: `登记${describe(input, unit)}`, after: values });
    return newId;
  });
  return getVisit(ctx, id);
}

async function editable(ctx: RequestContext, id: string): Promise<repo.VisitRow> {
  const row = await findVisible(ctx, id);
  if (!mayEdit(ctx, row.v.supportOrgId)) throw forbidden(`只有支援单位「${row.supportOrgName}」可以修改其指导记录`);
  return row;
}

export async function updateVisit(ctx: RequestContext, id: string, input: VisitUpdate): Promise<Visit> {
  const row = await editable(ctx, id);
  if (input.date && input.date > today(ctx)) throw new AppError('VALIDATION_FAILED', `日期不能晚于今天（${today(ctx)}）`, { field: 'date' });
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === '' ? null : v]));
  await ctx.db.transaction(async (tx) => {
    await repo.updateVisit(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'leadership_visit', entityId: id, regionPath: row.regionPath, summary: `修改${describe(row.v, row)}`, before: row.v, after: set });
  });
  return getVisit(ctx, id);
}

export async function removeVisit(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const row = await editable(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteVisit(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'leadership_visit', entityId: id, regionPath: row.regionPath, summary: `删除${describe(row.v, row)}`, before: row.v });
  });
  return { result: 'deleted' };
}

/**
 * Each support unit of each pairing in scope under a policy with the rule (CX 三（二）: ≥2 visits a
 * year, ≥1 led by the hospital's leadership), with the engine's verdict for the year.
 */
export async function visitVerdicts(ctx: RequestContext, q: VisitVerdictsQuery): Promise<VisitVerdicts> {
  const year = q.year ?? currentYear(ctx);
  const asOf = today(ctx);
  const [units, visits] = await Promise.all([
    listPairingUnits(ctx.db, ctx.actor.scope, { year, programmeId: q.programmeId, supportOrgId: q.supportOrgId }),
    repo.listYearVisits(ctx.db, ctx.actor.scope, year),
  ]);
  const policyOf = policyCache(ctx);
  const items: VisitVerdicts['items'] = [];
  const byPairingUnit = groupBy(visits, (v) => `${v.pairingId}|${v.supportOrgId}`);
  for (const u of units) {
    const policy = await policyOf(u.policyCode, dateForYear(year, asOf));
    if (!policy.parameters.leadershipVisits) continue;
    const own = byPairingUnit.get(`${u.pairingId}|${u.supportOrgId}`) ?? [];
    const verdict = showVerdict(evaluateLeadershipVisits({ policy, today: asOf, year, pairingId: u.pairingId, visits: own }));
    if (q.shortOnly && !['unmet', 'at_risk', 'unknown'].includes(verdict.status)) continue;
    items.push({
      pairingId: u.pairingId, policyCode: u.policyCode, recipientOrg: orgRef(u.recipientOrgId, u.recipientOrgName), supportOrg: orgRef(u.supportOrgId, u.supportOrgName),
      visits: own.length, ledByLeadership: own.filter((v) => v.ledByLeadership).length, verdict,
    });
  }
  return { year, asOf, items: pageItems(items, q), total: items.length };
}
