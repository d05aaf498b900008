import { appraisalChainOf, evaluateAppraisalChain, evaluateAppraisalConsequence, PARTY_LABELS, type AppraisalGrade, type Party } from '@duikou/policy';
import type {
  Appraisal, AppraisalCreate, AppraisalDetail, AppraisalFigures, AppraisalListQuery, AppraisalOverview, AppraisalOverviewQuery, AppraisalPrefill, AppraisalStatus,
  AppraisalUpdate, ListResponse,
} from '@duikou/contracts';
import { APPRAISAL_GRADE_LABELS, APPRAISAL_OPINION_PARTIES, APPRAISAL_STEP_LABELS } from '@duikou/contracts';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { showVerdict } from '../policies/policies.service.js';
import { findAssignmentFacts, listAssignmentFacts, listVisibleAssignments, type AssignmentFacts } from '../results/results.repository.js';
import { currentYear, officeOver, pageItems, policyCache, today, toAssignmentRef, type FileAnswer, PDF } from '../results/results.service.js';
import { computeFigures, currentHelpYear, helpYears } from './appraisal-figures.js';
import { renderAppraisalFormPdf } from './appraisal-form.pdf.js';
import * as repo from './appraisals.repository.js';

const stepLabel = (party: string): string => APPRAISAL_STEP_LABELS[party] ?? PARTY_LABELS[party as Party] ?? party;
const statusOf = (row: { stage: number; chain: readonly string[] }): AppraisalStatus => (row.stage === 0 ? 'draft' : row.stage >= row.chain.length ? 'filed' : 'in_review');

/**
 * May this account act for `party` on an appraisal of this assignment? Each step belongs to one role:
 * the recipient unit itself, or the county / prefecture / provincial office whose area holds the recipient.
 * The administrator is no party to the chain.
 */
export function mayActAs(actor: Actor, party: string, f: AssignmentFacts): boolean {
  const office = (role: string) => actor.role === role && actor.scope.kind === 'region' && officeOver(actor, f.recipientRegionPath);
  switch (party) {
    case 'recipient_unit': case 'recipient_director': return actor.role === 'recipient_unit' && actor.orgId === f.recipientOrgId;
    case 'support_unit': return actor.role === 'support_unit' && actor.orgId === f.supportOrgId;
    case 'team_leader': return actor.role === 'team_leader' && actor.orgId === f.supportOrgId;
    case 'county_office': return office('county_office');
    case 'prefecture_office': case 'prefecture_project_office': return office('prefecture_office');
    case 'provincial_office': case 'provincial_project_office': return office('province_office');
    default: return false;
  }
}

function shape(ctx: RequestContext, row: repo.AppraisalRow, f: AssignmentFacts, steps: repo.StepRow[]): Appraisal {
  const awaiting = row.stage < row.chain.length ? row.chain[row.stage]! : null;
  return {
    id: row.id, assignment: toAssignmentRef(f), period: { from: row.periodFrom, to: row.periodTo }, year: row.year,
    chain: row.chain.map((party) => ({ party, label: stepLabel(party) })), stage: row.stage, awaiting, awaitingLabel: awaiting ? stepLabel(awaiting) : null,
    status: statusOf(row), grade: row.grade as AppraisalGrade | null, comments: row.comments, completedOn: row.completedOn,
    steps: steps.filter((s) => s.appraisalId === row.id).map((s) => ({
      party: s.party, label: stepLabel(s.party), action: s.action as 'submit' | 'approve' | 'send_back', comment: s.comment, actedBy: s.actedBy, actedAt: s.actedAt.toISOString(),
    })),
    mine: awaiting !== null && ctx.actor.permissions.has('appraisal:write') && mayActAs(ctx.actor, awaiting, f),
    createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listAppraisals(ctx: RequestContext, q: AppraisalListQuery): Promise<ListResponse<Appraisal>> {
  const rows = await repo.listAppraisals(ctx.db, ctx.actor, q);
  const [facts, steps] = await Promise.all([listAssignmentFacts(ctx.db, rows.map((r) => r.assignmentId)), repo.listSteps(ctx.db, rows.map((r) => r.id))]);
  let items = rows.map((r) => shape(ctx, r, facts.get(r.assignmentId)!, steps));
  if (q.todo) items = items.filter((i) => i.mine);
  return { items: pageItems(items, q), total: items.length };
}

async function findVisible(ctx: RequestContext, id: string) {
  const row = await repo.findAppraisal(ctx.db, ctx.actor, id);
  if (!row) throw notFound('年度鉴定');
  const f = (await listAssignmentFacts(ctx.db, [row.assignmentId])).get(row.assignmentId)!;
  return { row, f };
}

async function figuresOf(ctx: RequestContext, f: AssignmentFacts, period: { from: string; to: string }): Promise<AppraisalFigures> {
  const [policy, calendar] = await Promise.all([policyCache(ctx)(f.policyCode, f.start), loadCalendar(ctx.db)]);
  return computeFigures(ctx.db, f, period, policy, calendar, today(ctx));
}

export async function getAppraisal(ctx: RequestContext, id: string): Promise<AppraisalDetail> {
  const { row, f } = await findVisible(ctx, id);
  const steps = await repo.listSteps(ctx.db, [id]);
  const appraisal = shape(ctx, row, f, steps);
  const asOf = today(ctx);
  const policy = await policyCache(ctx)(f.policyCode, row.periodTo <= asOf ? row.periodTo : asOf);
  const period = { from: row.periodFrom, to: row.periodTo };
  const chain = evaluateAppraisalChain({ policy, today: asOf, assignmentId: f.id, period, appraisal: { id: row.id, chain: row.chain as Party[], stage: row.stage, completedOn: row.completedOn } });
  const verdicts = [showVerdict(chain.verdict)];
  if (row.completedOn) {
    verdicts.push(showVerdict(evaluateAppraisalConsequence({ policy, today: asOf, appraisal: { id: row.id, personId: f.personId, grade: row.grade as AppraisalGrade | null, decidedOn: row.completedOn } })));
  }
  const submitted = row.prefill as AppraisalFigures | null;
  return { ...appraisal, figures: submitted ?? (await figuresOf(ctx, f, period)), figuresSource: submitted ? 'submitted' : 'live', verdicts };
}

async function assignmentFor(ctx: RequestContext, id: string): Promise<AssignmentFacts> {
  const f = await findAssignmentFacts(ctx.db, ctx.actor, id);
  if (!f) throw new AppError('VALIDATION_FAILED', '派驻记录不存在或不在您的范围内', { field: 'assignmentId' });
  return f;
}

/** The help years of an assignment with their appraisals, and the figures of one of them. */
export async function prefill(ctx: RequestContext, q: { assignmentId: string; periodFrom?: string | undefined }): Promise<AppraisalPrefill> {
  const f = await assignmentFor(ctx, q.assignmentId);
  const periods = helpYears(f.start, f.end);
  const period = q.periodFrom ? periods.find((p) => p.from === q.periodFrom) : currentHelpYear(periods, today(ctx));
  if (!period) throw new AppError('VALIDATION_FAILED', `帮扶年度应从 ${periods.map((p) => p.from).join('、')} 之一开始`, { field: 'periodFrom' });
  const existing = await repo.listOfAssignment(ctx.db, f.id);
  const policy = await policyCache(ctx)(f.policyCode, period.to <= today(ctx) ? period.to : today(ctx));
  const chain = appraisalChainOf(policy);
  return {
    periods: periods.map((p) => ({ ...p, appraisalId: existing.find((e) => e.periodFrom === p.from)?.id ?? null })),
    figures: await figuresOf(ctx, f, period),
    chain: chain ? chain.map((party) => ({ party, label: stepLabel(party) })) : null,
  };
}

/** The recipient starts the appraisal of a help year; the chain is the policy's in force at its end. */
export async function createAppraisal(ctx: RequestContext, input: AppraisalCreate): Promise<AppraisalDetail> {
  const f = await assignmentFor(ctx, input.assignmentId);
  const asOf = today(ctx);
  const periods = helpYears(f.start, f.end);
  const period = input.periodFrom ? periods.find((p) => p.from === input.periodFrom) : currentHelpYear(periods, asOf);
  if (!period) throw new AppError('VALIDATION_FAILED', `帮扶年度应从 ${periods.map((p) => p.from).join('、')} 之一开始`, { field: 'periodFrom' });
  const policy = await policyCache(ctx)(f.policyCode, period.to <= asOf ? period.to : asOf);
  const chain = appraisalChainOf(policy);
  if (!chain) throw new AppError('CONFLICT', `「${policy.name}」未规定年度鉴定流程，不能登记年度鉴定`);
  if (!mayActAs(ctx.actor, chain[0]!, f)) {
    throw forbidden(chain[0] === 'recipient_unit' ? `年度鉴定由受援单位「${f.recipientOrgName}」作出` : `年度鉴定由${PARTY_LABELS[chain[0]!]}开始`);
  }
  if ((await repo.listOfAssignment(ctx.db, f.id)).some((e) => e.periodFrom === period.from)) {
    throw new AppError('DUPLICATE', `「${f.personName}」${period.from} 至 ${period.to} 帮扶年度的鉴定已登记`, { field: 'periodFrom' });
  }
  const now = ctx.clock.now();
  const values = {
    assignmentId: f.id, periodFrom: period.from, periodTo: period.to, year: Number(period.to.slice(0, 4)), chain, stage: 0,
    grade: input.grade ?? null, comments: input.comments ?? null, createdBy: ctx.actor.username, createdAt: now, updatedAt: now,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertAppraisal(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'appraisal', entityId: newId, regionPath: f.recipientRegionPath, summary: `开始「${f.personName}」${period.from} 至 ${period.to} 帮扶年度的年度鉴定`, after: values });
    return newId;
  });
  return getAppraisal(ctx, id);
}

/** Grade and comments change only while the appraisal is with the recipient (new, or sent back to it). */
export async function updateAppraisal(ctx: RequestContext, id: string, input: AppraisalUpdate): Promise<AppraisalDetail> {
  const { row, f } = await findVisible(ctx, id);
  if (row.stage !== 0) throw new AppError('CONFLICT', `鉴定已提交，当前等待${stepLabel(row.chain[row.stage] ?? '')}${row.stage >= row.chain.length ? '（已备案）' : ''}；如需修改请由审核方退回`);
  if (!mayActAs(ctx.actor, row.chain[0]!, f)) throw forbidden(`只有${stepLabel(row.chain[0]!)}一方可以修改鉴定内容`);
  const set = { ...(input.grade !== undefined && { grade: input.grade }), ...(input.comments !== undefined && { comments: input.comments }) };
  await ctx.db.transaction(async (tx) => {
    await repo.updateAppraisal(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'appraisal', entityId: id, regionPath: f.recipientRegionPath, summary: `修改「${f.personName}」年度鉴定`, before: { grade: row.grade, comments: row.comments }, after: set });
  });
  return getAppraisal(ctx, id);
}

function requireAwaited(ctx: RequestContext, row: repo.AppraisalRow, f: AssignmentFacts): string {
  if (row.stage >= row.chain.length) throw new AppError('CONFLICT', `该鉴定已于 ${row.completedOn} 完成备案`);
  const party = row.chain[row.stage]!;
  if (!mayActAs(ctx.actor, party, f)) throw forbidden(`当前等待「${stepLabel(party)}」`);
  return party;
}

/**
 * The awaited party completes its step: the recipient submits its grade and comments (with the record
 * figures as they stand), the county gives its opinion, the prefecture approves, the province files.
 */
export async function forwardAppraisal(ctx: RequestContext, id: string, comment: string | undefined): Promise<AppraisalDetail> {
  const { row, f } = await findVisible(ctx, id);
  const party = requireAwaited(ctx, row, f);
  const first = row.stage === 0;
  if (first && !row.grade) throw new AppError('VALIDATION_FAILED', '请先评定鉴定等次', { field: 'grade' });
  if (first && !row.comments) throw new AppError('VALIDATION_FAILED', '请先填写鉴定意见', { field: 'comments' });
  if (APPRAISAL_OPINION_PARTIES.includes(party) && !comment) throw new AppError('VALIDATION_FAILED', `${stepLabel(party)}须填写意见`, { field: 'comment' });
  const stage = row.stage + 1;
  const done = stage >= row.chain.length;
  const now = ctx.clock.now();
  const asOf = today(ctx);
  const figures = first ? await figuresOf(ctx, f, { from: row.periodFrom, to: row.periodTo }) : undefined;
  await ctx.db.transaction(async (tx) => {
    await repo.updateAppraisal(tx, id, { stage, updatedAt: now, ...(figures && { prefill: figures }), ...(done && { completedOn: asOf }) });
    await repo.insertStep(tx, { appraisalId: id, party, action: first ? 'submit' : 'approve', comment: first ? row.comments : comment ?? null, actedBy: ctx.actor.username, actedAt: now });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'appraisal', entityId: id, regionPath: f.recipientRegionPath,
      summary: `${stepLabel(party)}：「${f.personName}」年度鉴定${first ? `（${APPRAISAL_GRADE_LABELS[row.grade as AppraisalGrade]}）提交` : '同意'}${comment ? `，${comment}` : ''}${done ? '，已完成备案' : `，转${stepLabel(row.chain[stage]!)}`}`,
      after: { stage, ...(done && { completedOn: asOf }) },
    });
  });
  return getAppraisal(ctx, id);
}

/** The awaited reviewer sends the appraisal back one step for correction, with the reason. */
export async function sendBackAppraisal(ctx: RequestContext, id: string, reason: string): Promise<AppraisalDetail> {
  const { row, f } = await findVisible(ctx, id);
  const party = requireAwaited(ctx, row, f);
  if (row.stage === 0) throw new AppError('CONFLICT', '鉴定尚未提交，无需退回');
  const stage = row.stage - 1;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAppraisal(tx, id, { stage, updatedAt: now });
    await repo.insertStep(tx, { appraisalId: id, party, action: 'send_back', comment: reason, actedBy: ctx.actor.username, actedAt: now });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'appraisal', entityId: id, regionPath: f.recipientRegionPath,
      summary: `${stepLabel(party)}将「${f.personName}」年度鉴定退回${stepLabel(row.chain[stage]!)}修改：${reason}`, after: { stage, reason },
    });
  });
  return getAppraisal(ctx, id);
}

/** The appraisal form as printed (年度鉴定表), with the figures and every party's opinion. */
export async function appraisalFormPdf(ctx: RequestContext, id: string, fontSetting: string): Promise<FileAnswer> {
  const detail = await getAppraisal(ctx, id);
  const { f } = await findVisible(ctx, id);
  const buffer = await renderAppraisalFormPdf({ ...detail, programmeName: f.programmeName, personGender: f.personGender }, fontSetting);
  return { buffer, filename: `年度鉴定表-${f.personName}-${detail.period.from}.pdf`, contentType: PDF };
}

/**
 * Every help year in scope ending in a year, under a policy with an appraisal chain: its appraisal, if
 * started, and the engine's chain verdict — the office sees whose appraisal is missing or stuck where.
 */
export async function appraisalOverview(ctx: RequestContext, q: AppraisalOverviewQuery): Promise<AppraisalOverview> {
  const year = q.year ?? currentYear(ctx);
  const asOf = today(ctx);
  const people = await listVisibleAssignments(ctx.db, ctx.actor, { supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId, to: `${year}-12-31` });
  const existing = await repo.listOfAssignments(ctx.db, people.map((p) => p.id));
  const policyOf = policyCache(ctx);
  const counts = { none: 0, draft: 0, in_review: 0, filed: 0 };
  const items: AppraisalOverview['items'] = [];
  for (const f of people) {
    for (const period of helpYears(f.start, f.end).filter((p) => p.to.startsWith(`${year}-`))) {
      const policy = await policyOf(f.policyCode, period.to <= asOf ? period.to : asOf);
      if (!appraisalChainOf(policy)) continue;
      const a = existing.find((e) => e.assignmentId === f.id && e.periodFrom === period.from);
      const status = a ? statusOf(a) : null;
      counts[status ?? 'none']++;
      if (q.unfinishedOnly && status === 'filed') continue;
      const { next, verdict } = evaluateAppraisalChain({ policy, today: asOf, assignmentId: f.id, period, appraisal: a ? { id: a.id, chain: a.chain as Party[], stage: a.stage, completedOn: a.completedOn } : null });
      items.push({
        assignment: toAssignmentRef(f), period, appraisalId: a?.id ?? null, status, grade: (a?.grade as AppraisalGrade | null) ?? null,
        awaitingLabel: next ? stepLabel(next) : null, verdict: showVerdict(verdict),
      });
    }
  }
  return { year, asOf, items: pageItems(items, q), total: items.length, counts };
}
