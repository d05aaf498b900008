import { evaluateAnnualAgreement, PARTY_LABELS, type Party, type Policy } from '@duikou/policy';
import type {
  Agreement, AgreementCoverage, AgreementCoverageQuery, AgreementCreate, AgreementDetail, AgreementListQuery, AgreementStatus, AgreementUpdate, ListResponse, RemoveResult,
} from '@duikou/contracts';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { showVerdict } from '../policies/policies.service.js';
import { listPairingUnits } from '../results/results.repository.js';
import { actsFor, currentYear, dateForYear, officeOver, orgRef, pageItems, policyCache, today } from '../results/results.service.js';
import * as repo from './agreements.repository.js';

const statusOf = (a: { supportSignedOn: string | null; recipientSignedOn: string | null; filedOn: string | null }): AgreementStatus =>
  a.filedOn ? 'filed' : a.supportSignedOn && a.recipientSignedOn ? 'signed' : 'draft';

/** The office roles that may file for a policy's `filedWith` party (any office when the policy names none). */
const FILING_ROLES: Partial<Record<Party, string>> = {
  prefecture_office: 'prefecture_office', prefecture_project_office: 'prefecture_office',
  provincial_office: 'province_office', provincial_project_office: 'province_office', county_office: 'county_office',
};

/** Which side of the agreement the caller signs for, if any. */
function sideOf(actor: Actor, row: repo.AgreementRow): 'support_unit' | 'recipient_unit' | null {
  if (actor.scope.kind !== 'unit' || !actor.permissions.has('agreement:write')) return null;
  if (actor.orgId === row.a.supportOrgId) return 'support_unit';
  if (actor.orgId === row.recipientOrgId) return 'recipient_unit';
  return null;
}

function mayFile(actor: Actor, row: repo.AgreementRow, policy: Policy): boolean {
  if (!actor.permissions.has('agreement:file') || !officeOver(actor, row.regionPath)) return false;
  if (actor.scope.kind === 'all') return true;
  const filedWith = policy.parameters.annualAgreement?.value.filedWith ?? null;
  const role = filedWith ? FILING_ROLES[filedWith] : undefined;
  return !role || actor.role === role;
}

type PolicyOf = ReturnType<typeof policyCache>;

async function shape(ctx: RequestContext, row: repo.AgreementRow, policyOf: PolicyOf): Promise<Agreement> {
  const a = row.a;
  const status = statusOf(a);
  const policy = await policyOf(row.policyCode, dateForYear(a.year, today(ctx)));
  const side = sideOf(ctx.actor, row);
  const parties = ctx.actor.permissions.has('agreement:write') && (actsFor(ctx.actor, a.supportOrgId) || actsFor(ctx.actor, row.recipientOrgId));
  return {
    id: a.id, pairingId: a.pairingId, programmeName: row.programmeName, policyCode: row.policyCode, year: a.year,
    supportOrg: orgRef(a.supportOrgId, row.supportOrgName), recipientOrg: orgRef(row.recipientOrgId, row.recipientOrgName),
    departments: a.departments, technologies: a.technologies, traineeTarget: a.traineeTarget, trainees: a.trainees, capabilityTargets: a.capabilityTargets,
    content: a.content, draftedBy: a.draftedBy as Agreement['draftedBy'],
    supportSignedOn: a.supportSignedOn, supportSignedBy: a.supportSignedBy, recipientSignedOn: a.recipientSignedOn, recipientSignedBy: a.recipientSignedBy,
    filedOn: a.filedOn, filedBy: a.filedBy, filedCopies: a.filedCopies, status,
    createdBy: a.createdBy, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
    canEdit: parties && !a.supportSignedOn && !a.recipientSignedOn,
    canSign: side === 'support_unit' ? !a.supportSignedOn : side === 'recipient_unit' ? !a.recipientSignedOn : false,
    canFile: status === 'signed' && mayFile(ctx.actor, row, policy),
  };
}

async function verdictOf(ctx: RequestContext, row: repo.AgreementRow, policyOf: PolicyOf) {
  const a = row.a;
  const policy = await policyOf(row.policyCode, dateForYear(a.year, today(ctx)));
  return showVerdict(evaluateAnnualAgreement({ policy, today: today(ctx), year: a.year, pairingId: a.pairingId, supportUnitId: a.supportOrgId, agreement: a }));
}

export async function listAgreements(ctx: RequestContext, q: AgreementListQuery): Promise<ListResponse<Agreement>> {
  const { rows, total } = await repo.listAgreements(ctx.db, ctx.actor.scope, { ...q, ...pageOf(q) });
  const policyOf = policyCache(ctx);
  const items: Agreement[] = [];
  for (const r of rows) items.push(await shape(ctx, r, policyOf));
  return { items, total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.AgreementRow> {
  const row = await repo.findAgreement(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('帮扶协议');
  return row;
}

export async function getAgreement(ctx: RequestContext, id: string): Promise<AgreementDetail> {
  const row = await findVisible(ctx, id);
  const policyOf = policyCache(ctx);
  return { ...(await shape(ctx, row, policyOf)), verdict: await verdictOf(ctx, row, policyOf) };
}

const label = (row: { supportOrgName: string; recipientOrgName: string }, year: number) => `${row.supportOrgName}—${row.recipientOrgName} ${year} 年度帮扶协议`;

/**
 * Either side drafts the year's agreement of a support unit with the recipient of a pairing; one per
 * support unit, pairing and year, within the pairing's validity.
 */
export async function createAgreement(ctx: RequestContext, input: AgreementCreate): Promise<AgreementDetail> {
  const units = await listPairingUnits(ctx.db, ctx.actor.scope, { pairingId: input.pairingId, allUnits: true });
  if (units.length === 0) throw new AppError('VALIDATION_FAILED', '对口关系不存在或不在您的范围内', { field: 'pairingId' });
  const recipient = units[0]!;
  const supportOrgId = input.supportOrgId
    ?? (units.some((u) => u.supportOrgId === ctx.actor.orgId) ? ctx.actor.orgId : units.length === 1 ? recipient.supportOrgId : undefined);
  if (!supportOrgId) throw new AppError('VALIDATION_FAILED', '该对口关系有多个支援单位，请选择签订协议的支援单位', { field: 'supportOrgId' });
  const unit = units.find((u) => u.supportOrgId === supportOrgId);
  if (!unit) throw new AppError('VALIDATION_FAILED', '所选单位不是该对口关系的支援单位', { field: 'supportOrgId' });
  const asSupport = actsFor(ctx.actor, supportOrgId);
  const asRecipient = actsFor(ctx.actor, recipient.recipientOrgId);
  if (!asSupport && !asRecipient) throw forbidden('帮扶协议由支援单位或受援单位起草');
  const valid = await listPairingUnits(ctx.db, ctx.actor.scope, { pairingId: input.pairingId, supportOrgId, year: input.year, allUnits: true });
  if (valid.length === 0) throw new AppError('VALIDATION_FAILED', `该对口关系在 ${input.year} 年不在有效期内`, { field: 'year' });
  if (await repo.findByKey(ctx.db, input.pairingId, supportOrgId, input.year)) {
    throw new AppError('DUPLICATE', `${unit.supportOrgName}与${unit.recipientOrgName}的 ${input.year} 年度帮扶协议已存在`, { field: 'year' });
  }
  const now = ctx.clock.now();
  const values = {
    pairingId: input.pairingId, supportOrgId, year: input.year, departments: input.departments, technologies: input.technologies.map((t) => ({ name: t.name, target: t.target ?? null })),
    traineeTarget: input.traineeTarget ?? null, trainees: input.trainees.map((t) => ({ name: t.name, department: t.department ?? null })),
    capabilityTargets: input.capabilityTargets.map((c) => ({ item: c.item, target: c.target ?? null })), content: input.content ?? null,
    draftedBy: asRecipient && !asSupport ? 'recipient_unit' : 'support_unit', createdBy: ctx.actor.username, createdAt: now, updatedAt: now,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertAgreement(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'agreement', entityId: newId, regionPath: unit.recipientRegionPath, summary: `起草${label(unit, input.year)}`, after: values });
    return newId;
  });
  return getAgreement(ctx, id);
}

/** Content changes only while neither side has signed: a signature covers the text it was given. */
export async function updateAgreement(ctx: RequestContext, id: string, input: AgreementUpdate): Promise<AgreementDetail> {
  const row = await findVisible(ctx, id);
  if (row.a.supportSignedOn || row.a.recipientSignedOn) throw new AppError('CONFLICT', '协议已有一方签订，不能再修改内容');
  if (!actsFor(ctx.actor, row.a.supportOrgId) && !actsFor(ctx.actor, row.recipientOrgId)) throw forbidden('只有协议双方可以修改协议');
  const set = {
    ...(input.departments !== undefined && { departments: input.departments }),
    ...(input.technologies !== undefined && { technologies: input.technologies.map((t) => ({ name: t.name, target: t.target ?? null })) }),
    ...(input.traineeTarget !== undefined && { traineeTarget: input.traineeTarget }),
    ...(input.trainees !== undefined && { trainees: input.trainees.map((t) => ({ name: t.name, department: t.department ?? null })) }),
    ...(input.capabilityTargets !== undefined && { capabilityTargets: input.capabilityTargets.map((c) => ({ item: c.item, target: c.target ?? null })) }),
    ...(input.content !== undefined && { content: input.content || null }),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateAgreement(tx, id, { ...set, updatedAt: ctx.clock.now() });
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row.a[k as keyof typeof row.a]]));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'agreement', entityId: id, regionPath: row.regionPath, summary: `修改${label(row, row.a.year)}`, before, after: set });
  });
  return getAgreement(ctx, id);
}

/** The caller signs for its side: the support unit or the recipient. */
export async function signAgreement(ctx: RequestContext, id: string, signedOn: string): Promise<AgreementDetail> {
  const row = await findVisible(ctx, id);
  const side = sideOf(ctx.actor, row);
  if (!side) throw forbidden('只有协议的支援单位或受援单位可以签订');
  const signed = side === 'support_unit' ? row.a.supportSignedOn : row.a.recipientSignedOn;
  if (signed) throw new AppError('CONFLICT', `${side === 'support_unit' ? '支援单位' : '受援单位'}已于 ${signed} 签订`);
  if (signedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', `签订日期不能晚于今天（${today(ctx)}）`, { field: 'signedOn' });
  const set = side === 'support_unit'
    ? { supportSignedOn: signedOn, supportSignedBy: ctx.actor.username }
    : { recipientSignedOn: signedOn, recipientSignedBy: ctx.actor.username };
  await ctx.db.transaction(async (tx) => {
    await repo.updateAgreement(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'agreement', entityId: id, regionPath: row.regionPath,
      summary: `${side === 'support_unit' ? '支援单位' : '受援单位'}签订${label(row, row.a.year)}（${signedOn}）`, after: set,
    });
  });
  return getAgreement(ctx, id);
}

/** The office the policy names files the signed agreement (CX: two copies with the prefecture). */
export async function fileAgreement(ctx: RequestContext, id: string, input: { filedOn: string; copies?: number | undefined }): Promise<AgreementDetail> {
  const row = await findVisible(ctx, id);
  const policy = await policyCache(ctx)(row.policyCode, dateForYear(row.a.year, today(ctx)));
  if (!mayFile(ctx.actor, row, policy)) {
    const filedWith = policy.parameters.annualAgreement?.value.filedWith;
    throw forbidden(filedWith ? `帮扶协议报${PARTY_LABELS[filedWith]}备案` : '只有受援单位所在辖区的卫生健康行政部门可以备案');
  }
  if (row.a.filedOn) throw new AppError('CONFLICT', `该协议已于 ${row.a.filedOn} 备案`);
  if (!row.a.supportSignedOn || !row.a.recipientSignedOn) throw new AppError('CONFLICT', '双方签订后才能备案');
  const lastSigned = row.a.supportSignedOn > row.a.recipientSignedOn ? row.a.supportSignedOn : row.a.recipientSignedOn;
  if (input.filedOn < lastSigned) throw new AppError('VALIDATION_FAILED', `备案日期不能早于签订日期 ${lastSigned}`, { field: 'filedOn' });
  if (input.filedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', `备案日期不能晚于今天（${today(ctx)}）`, { field: 'filedOn' });
  const required = policy.parameters.annualAgreement?.value.copiesFiled ?? null;
  const copies = input.copies ?? required;
  if (required !== null && copies !== null && copies < required) throw new AppError('VALIDATION_FAILED', `政策要求一式 ${required} 份备案`, { field: 'copies' });
  const set = { filedOn: input.filedOn, filedBy: ctx.actor.username, filedCopies: copies };
  await ctx.db.transaction(async (tx) => {
    await repo.updateAgreement(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'agreement', entityId: id, regionPath: row.regionPath, summary: `${label(row, row.a.year)}备案（${input.filedOn}${copies ? `，${copies} 份` : ''}）`, after: set });
  });
  return getAgreement(ctx, id);
}

/** A draft nobody has signed may be deleted by either side. */
export async function removeAgreement(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const row = await findVisible(ctx, id);
  if (!actsFor(ctx.actor, row.a.supportOrgId) && !actsFor(ctx.actor, row.recipientOrgId)) throw forbidden('只有协议双方可以删除协议草稿');
  if (row.a.supportSignedOn || row.a.recipientSignedOn) throw new AppError('CONFLICT', '已签订的协议不能删除');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteAgreement(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'agreement', entityId: id, regionPath: row.regionPath, summary: `删除${label(row, row.a.year)}（草稿）`, before: row.a });
  });
  return { result: 'deleted' };
}

/**
 * Every support unit of every pairing in scope valid in the year, with its agreement (if any) and the
 * engine's verdict: the office sees which have none, or are not yet signed or filed.
 */
export async function agreementCoverage(ctx: RequestContext, q: AgreementCoverageQuery): Promise<AgreementCoverage> {
  const year = q.year ?? currentYear(ctx);
  const asOf = today(ctx);
  const [units, existing] = await Promise.all([
    listPairingUnits(ctx.db, ctx.actor.scope, { year, programmeId: q.programmeId }),
    repo.listYearAgreements(ctx.db, ctx.actor.scope, year),
  ]);
  const byKey = new Map(existing.map((a) => [`${a.pairingId}|${a.supportOrgId}`, a]));
  const policyOf = policyCache(ctx);
  const counts = { none: 0, draft: 0, signed: 0, filed: 0 };
  const items: AgreementCoverage['items'] = [];
  for (const u of units) {
    const a = byKey.get(`${u.pairingId}|${u.supportOrgId}`) ?? null;
    const status = a ? statusOf(a) : null;
    counts[status ?? 'none']++;
    const policy = await policyOf(u.policyCode, dateForYear(year, asOf));
    const verdict = showVerdict(evaluateAnnualAgreement({ policy, today: asOf, year, pairingId: u.pairingId, supportUnitId: u.supportOrgId, agreement: a }));
    if (q.missingOnly && !['unmet', 'at_risk'].includes(verdict.status)) continue;
    items.push({
      pairingId: u.pairingId, programmeName: u.programmeName, policyCode: u.policyCode, recipientOrg: orgRef(u.recipientOrgId, u.recipientOrgName),
      supportOrg: orgRef(u.supportOrgId, u.supportOrgName), agreementId: a?.id ?? null, status, verdict,
    });
  }
  return { year, asOf, items: pageItems(items, q), total: items.length, counts };
}
