import { OUTCOME_INDICATOR_LABELS, quarterBounds } from '@duikou/policy';
import type { ListResponse, Outcome, OutcomeCreate, OutcomeListQuery, OutcomeTrend, OutcomeTrendQuery, OutcomeUpdate, RemoveResult } from '@duikou/contracts';
import { OUTCOME_FIGURES, type OutcomeFigure } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { findVisibleRecipient, listRecipientPolicyCodes } from '../results/results.repository.js';
import { actsFor, officeOver, orgRef, policyCache, today } from '../results/results.service.js';
import * as repo from './outcomes.repository.js';

type Row = repo.OutcomeRow['o'];
const FIGURES = Object.keys(OUTCOME_FIGURES) as OutcomeFigure[];

/** Entered by the recipient itself or by the county office over it (MY 四 assesses them; the county gathers them). */
const mayEdit = (ctx: RequestContext, org: { id: string; regionPath: string | null }) => ctx.actor.permissions.has('outcome:write')
  && (actsFor(ctx.actor, org.id) || (ctx.actor.role === 'county_office' && officeOver(ctx.actor, org.regionPath)));

function shape(ctx: RequestContext, r: repo.OutcomeRow): Outcome {
  const o = r.o;
  return {
    id: o.id, recipientOrg: orgRef(o.recipientOrgId, r.recipientOrgName), period: o.period,
    technologiesIntroduced: o.technologiesIntroduced, personsTrained: o.personsTrained, referralsUp: o.referralsUp, referralsDown: o.referralsDown,
    inCountyTreatmentRate: o.inCountyTreatmentRate, capabilityItemsMet: o.capabilityItemsMet, capabilityItemsTotal: o.capabilityItemsTotal, note: o.note,
    enteredBy: o.enteredBy, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(), canEdit: mayEdit(ctx, { id: o.recipientOrgId, regionPath: r.regionPath }),
  };
}

export async function listOutcomes(ctx: RequestContext, q: OutcomeListQuery): Promise<ListResponse<Outcome>> {
  const { rows, total } = await repo.listOutcomes(ctx.db, ctx.actor.scope, { ...q, ...pageOf(q) });
  return { items: rows.map((r) => shape(ctx, r)), total };
}

async function findVisible(ctx: RequestContext, id: string) {
  const row = await repo.findOutcome(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('成效指标');
  return row;
}

export async function getOutcome(ctx: RequestContext, id: string): Promise<Outcome> {
  return shape(ctx, await findVisible(ctx, id));
}

/** A period may be entered once it has begun. */
function checkPeriod(ctx: RequestContext, period: string): void {
  const from = period.includes('-Q') ? quarterBounds(period).from : `${period}-01-01`;
  if (from > today(ctx)) throw new AppError('VALIDATION_FAILED', `统计期 ${period} 尚未开始`, { field: 'period' });
}

const figuresOf = (input: Partial<Record<OutcomeFigure, number | null | undefined>>) =>
  Object.fromEntries(FIGURES.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as Partial<Record<OutcomeFigure, number | null>>;

export async function createOutcome(ctx: RequestContext, input: OutcomeCreate): Promise<Outcome> {
  const org = await findVisibleRecipient(ctx.db, ctx.actor.scope, input.recipientOrgId);
  if (!org) throw new AppError('VALIDATION_FAILED', '受援单位不存在或不在您的范围内', { field: 'recipientOrgId' });
  if (!mayEdit(ctx, org)) throw forbidden(`成效指标由受援单位「${org.name}」或其所在县市区卫生健康局填报`);
  checkPeriod(ctx, input.period);
  if (await repo.findByKey(ctx.db, org.id, input.period)) throw new AppError('DUPLICATE', `「${org.name}」${input.period} 的成效指标已填报，请修改原记录`, { field: 'period' });
  const now = ctx.clock.now();
  const values = { recipientOrgId: org.id, period: input.period, ...figuresOf(input), note: input.note ?? null, enteredBy: ctx.actor.username, createdAt: now, updatedAt: now };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertOutcome(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'outcome', entityId: newId, regionPath: org.regionPath, summary: `填报「${org.name}」${input.period} 成效指标`, after: values });
    return newId;
  });
  return getOutcome(ctx, id);
}

async function editable(ctx: RequestContext, id: string) {
  const row = await findVisible(ctx, id);
  if (!mayEdit(ctx, { id: row.o.recipientOrgId, regionPath: row.regionPath })) throw forbidden(`成效指标由受援单位「${row.recipientOrgName}」或其所在县市区卫生健康局修改`);
  return row;
}

export async function updateOutcome(ctx: RequestContext, id: string, input: OutcomeUpdate): Promise<Outcome> {
  const row = await editable(ctx, id);
  const met = input.capabilityItemsMet !== undefined ? input.capabilityItemsMet : row.o.capabilityItemsMet;
  const total = input.capabilityItemsTotal !== undefined ? input.capabilityItemsTotal : row.o.capabilityItemsTotal;
  if (met != null && total != null && met > total) throw new AppError('VALIDATION_FAILED', '达标项数不能多于总项数', { field: 'capabilityItemsMet' });
  const set = { ...figuresOf(input), ...(input.note !== undefined && { note: input.note || null }) };
  await ctx.db.transaction(async (tx) => {
    await repo.updateOutcome(tx, id, { ...set, enteredBy: ctx.actor.username, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'outcome', entityId: id, regionPath: row.regionPath, summary: `修改「${row.recipientOrgName}」${row.o.period} 成效指标`, before: row.o, after: set });
  });
  return getOutcome(ctx, id);
}

export async function removeOutcome(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const row = await editable(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteOutcome(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'outcome', entityId: id, regionPath: row.regionPath, summary: `删除「${row.recipientOrgName}」${row.o.period} 成效指标`, before: row.o });
  });
  return { result: 'deleted' };
}

/**
 * A recipient's figures over time (yearly or quarterly records), the indicators its policies assess
 * and, per year, what its signed agreements aimed at (technologies listed, persons to train).
 */
export async function outcomeTrend(ctx: RequestContext, q: OutcomeTrendQuery): Promise<OutcomeTrend> {
  const org = await findVisibleRecipient(ctx.db, ctx.actor.scope, q.recipientOrgId);
  if (!org) throw notFound('受援单位');
  const [records, signed, codes] = await Promise.all([repo.listOfRecipient(ctx.db, org.id), repo.listSignedAgreements(ctx.db, org.id), listRecipientPolicyCodes(ctx.db, org.id)]);
  const policyOf = policyCache(ctx);
  const indicators: OutcomeTrend['indicators'] = [];
  for (const code of codes) {
    for (const key of (await policyOf(code, today(ctx))).parameters.outcomeIndicators?.value ?? []) indicators.push({ key, label: OUTCOME_INDICATOR_LABELS[key], policyCode: code });
  }
  const points = records.filter((r: Row) => (q.granularity === 'quarter') === r.period.includes('-Q')).map((r: Row) => ({
    period: r.period, technologiesIntroduced: r.technologiesIntroduced, personsTrained: r.personsTrained, referralsUp: r.referralsUp, referralsDown: r.referralsDown,
    inCountyTreatmentRate: r.inCountyTreatmentRate, capabilityItemsMet: r.capabilityItemsMet, capabilityItemsTotal: r.capabilityItemsTotal,
    referralsTotal: r.referralsUp === null && r.referralsDown === null ? null : (r.referralsUp ?? 0) + (r.referralsDown ?? 0),
    capabilityRate: r.capabilityItemsMet !== null && r.capabilityItemsTotal ? Math.round((r.capabilityItemsMet / r.capabilityItemsTotal) * 1000) / 10 : null,
  }));
  const years = [...new Set(signed.map((a) => a.year))];
  const targets = years.map((year) => {
    const of = signed.filter((a) => a.year === year);
    const trainees = of.filter((a) => a.traineeTarget !== null);
    return { year, technologies: of.reduce((s, a) => s + a.technologies.length, 0), traineeTarget: trainees.length ? trainees.reduce((s, a) => s + a.traineeTarget!, 0) : null };
  });
  return { recipientOrg: orgRef(org.id, org.name), indicators, points, targets };
}
