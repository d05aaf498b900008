import diff from 'microdiff';
import {
  PARTY_LABELS, RULE_LABELS, evaluateEligibility, evaluateLeave, findPolicyConflicts, listProgrammeDeadlines, listReportingDeadlines,
  parsePolicyDocument, type Party, type Policy, type Verdict,
} from '@duikou/policy';
import type {
  EligibilitySandbox, LeaveSandbox, LeaveSandboxResult, PolicyDeadline, PolicyDiff, PolicyPublish, PolicyUpdate, PolicyVersionDetail,
  PolicyVersionSummary, ShownVerdict,
} from '@duikou/contracts';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import * as repo from './policies.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Today's date in China, the calendar the notices and their effective dates use. */
export const chinaToday = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The version in force on a date: the published one with the latest effective date not after it. */
export function pickCurrent(rows: repo.PolicyVersionRow[], code: string, on: string): repo.PolicyVersionRow | undefined {
  return rows
    .filter((r) => r.code === code && r.status === 'published' && (!r.effectiveFrom || r.effectiveFrom <= on))
    .sort((a, b) => (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '') || b.version - a.version)[0];
}

function mayEdit(ctx: RequestContext, row: repo.PolicyVersionRow): boolean {
  if (!ctx.actor.permissions.has('policy:write') || row.status !== 'draft') return false;
  return ctx.actor.scope.kind === 'all' || row.ownerOrgId === ctx.actor.orgId;
}

function toSummary(ctx: RequestContext, row: repo.PolicyVersionRow, current: repo.PolicyVersionRow | undefined): PolicyVersionSummary {
  return {
    id: row.id, code: row.code, version: row.version, name: row.name, status: row.status as 'draft' | 'published',
    effectiveFrom: row.effectiveFrom, ownerOrgId: row.ownerOrgId, ownerOrgName: row.ownerOrgName ?? (row.ownerOrgId ? null : '系统预置'),
    regionCode: row.regionCode, regionName: row.regionName,
    basedOnId: row.basedOnId, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), publishedAt: row.publishedAt?.toISOString() ?? null,
    current: current?.id === row.id, programmes: row.programmes, editable: mayEdit(ctx, row),
  };
}

export async function listPolicyVersions(ctx: RequestContext, code?: string): Promise<PolicyVersionSummary[]> {
  const rows = await repo.listPolicyVersions(ctx.db, ctx.actor.scope, code);
  const today = chinaToday(ctx.clock.now());
  return rows.map((r) => toSummary(ctx, r, pickCurrent(rows, r.code, today)));
}

/** A version by id, or the version of a code (CX, MY) in force today, among those the caller may read. */
export async function resolvePolicyVersion(ctx: RequestContext, ref: string): Promise<repo.PolicyVersionRow> {
  if (UUID.test(ref)) {
    const row = await repo.findPolicyVersion(ctx.db, ctx.actor.scope, ref);
    if (!row) throw notFound('政策版本');
    return row;
  }
  const current = pickCurrent(await repo.listPolicyVersions(ctx.db, ctx.actor.scope, ref), ref, chinaToday(ctx.clock.now()));
  if (!current) throw notFound(`政策「${ref}」`);
  return current;
}

export async function getPolicyVersion(ctx: RequestContext, ref: string): Promise<PolicyVersionDetail> {
  const row = await resolvePolicyVersion(ctx, ref);
  const siblings = await repo.listPolicyVersions(ctx.db, ctx.actor.scope, row.code);
  const parsed = parsePolicyDocument(row.document);
  return {
    ...toSummary(ctx, row, pickCurrent(siblings, row.code, chinaToday(ctx.clock.now()))),
    document: row.document as Record<string, unknown>,
    conflicts: parsed.ok ? findPolicyConflicts(parsed.policy) : [],
  };
}

/** Validates a document with the engine's schema; every bad parameter is named. */
function validateDocument(document: unknown) {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) {
    throw new AppError('POLICY_INVALID', `政策参数有 ${parsed.issues.length} 处错误`, {
      field: `document.${parsed.issues[0]!.path}`,
      details: parsed.issues.map((i) => ({ field: `document.${i.path}`, message: i.message })),
    });
  }
  return parsed.policy;
}

function assertMayEdit(ctx: RequestContext, row: repo.PolicyVersionRow): void {
  if (row.status !== 'draft') throw new AppError('CONFLICT', `${row.code} 第 ${row.version} 版已发布，不能直接修改；请复制为新草稿后修改`);
  if (!mayEdit(ctx, row)) throw forbidden('只有起草该版本的部门可以修改');
}

/** Copies a version into a new draft owned by the caller's office. */
export async function clonePolicyVersion(ctx: RequestContext, ref: string): Promise<PolicyVersionDetail> {
  const source = await resolvePolicyVersion(ctx, ref);
  if (ctx.actor.scope.kind !== 'all' && ctx.actor.orgKind !== 'health_office') throw forbidden('只有卫生健康行政部门可以起草政策版本');
  const id = await ctx.db.transaction(async (tx) => {
    const version = await repo.nextVersionNumber(tx, source.code);
    const document = { ...(source.document as Record<string, unknown>), version };
    const newId = await repo.insertPolicyVersion(tx, {
      code: source.code, version, name: source.name, status: 'draft', effectiveFrom: null, document,
      ownerOrgId: ctx.actor.orgId, regionCode: ctx.actor.scope.kind === 'all' ? source.regionCode : ctx.actor.regionCode, basedOnId: source.id, createdBy: ctx.actor.username, createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'policy', entityId: newId, regionPath: ctx.actor.regionPath, summary: `由 ${source.code} 第 ${source.version} 版复制出第 ${version} 版草稿` });
    return newId;
  });
  return getPolicyVersion(ctx, id);
}

export async function updatePolicyDraft(ctx: RequestContext, id: string, input: PolicyUpdate): Promise<PolicyVersionDetail> {
  const row = await resolvePolicyVersion(ctx, id);
  assertMayEdit(ctx, row);
  if (input.document) {
    const doc = validateDocument(input.document);
    if (doc.code !== row.code) throw new AppError('POLICY_INVALID', `政策编码不能改变（应为 ${row.code}）`, { field: 'document.code' });
  }
  const set = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.effectiveFrom !== undefined && { effectiveFrom: input.effectiveFrom }),
    ...(input.document !== undefined && { document: { ...input.document, version: row.version } }),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updatePolicyVersion(tx, id, set);
    const changes = input.document ? diff(row.document as Record<string, unknown>, input.document as Record<string, unknown>).filter((c) => c.path[0] !== 'version') : [];
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'policy', entityId: id, regionPath: row.ownerRegionPath,
      summary: `修改 ${row.code} 第 ${row.version} 版草稿（${changes.length} 处参数变化）`,
      before: { name: row.name, effectiveFrom: row.effectiveFrom }, after: { ...input, document: undefined, changes },
    });
  });
  return getPolicyVersion(ctx, id);
}

/** Publishes a draft with its effective date; from then on it never changes. */
export async function publishPolicyDraft(ctx: RequestContext, id: string, input: PolicyPublish): Promise<PolicyVersionDetail> {
  const row = await resolvePolicyVersion(ctx, id);
  assertMayEdit(ctx, row);
  validateDocument(row.document);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePolicyVersion(tx, id, { status: 'published', effectiveFrom: input.effectiveFrom, publishedAt: ctx.clock.now(), publishedBy: ctx.actor.username });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'policy', entityId: id, regionPath: row.ownerRegionPath, summary: `发布 ${row.code} 第 ${row.version} 版，${input.effectiveFrom} 起施行${input.note ? `（${input.note}）` : ''}` });
  });
  return getPolicyVersion(ctx, id);
}

export async function deletePolicyDraft(ctx: RequestContext, id: string): Promise<void> {
  const row = await resolvePolicyVersion(ctx, id);
  assertMayEdit(ctx, row);
  await ctx.db.transaction(async (tx) => {
    await repo.deletePolicyVersion(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'policy', entityId: id, regionPath: row.ownerRegionPath, summary: `删除 ${row.code} 第 ${row.version} 版草稿`, before: { name: row.name } });
  });
}

/** Parameter-by-parameter difference between two versions. */
export async function diffPolicyVersions(ctx: RequestContext, id: string, againstId: string): Promise<PolicyDiff> {
  const [to, from] = await Promise.all([resolvePolicyVersion(ctx, id), resolvePolicyVersion(ctx, againstId)]);
  const changes = diff(from.document as Record<string, unknown>, to.document as Record<string, unknown>)
    .filter((c) => c.path[0] !== 'version')
    .map((c) => ({ path: c.path.join('.'), before: 'oldValue' in c ? c.oldValue : null, after: 'value' in c ? c.value : null }));
  return { from: { id: from.id, code: from.code, version: from.version }, to: { id: to.id, code: to.code, version: to.version }, changes };
}

/** The engine's policy of a stored version; a stored document that no longer parses is reported, never guessed around. */
async function loadPolicy(ctx: RequestContext, ref: string): Promise<Policy> {
  const row = await resolvePolicyVersion(ctx, ref);
  const parsed = parsePolicyDocument(row.document);
  if (!parsed.ok) throw new AppError('POLICY_INVALID', `${row.code} 第 ${row.version} 版的参数无效：${parsed.issues[0]!.path} ${parsed.issues[0]!.message}`);
  return parsed.policy;
}

/** Adds the rule's Chinese name to a verdict for display. */
export function showVerdict(v: Verdict): ShownVerdict {
  return { ...v, ruleLabel: (RULE_LABELS as Record<string, string>)[v.ruleId] ?? v.ruleId };
}

const partyLabel = (p: Party | null): string | null => (p ? PARTY_LABELS[p] : null);

/** Rule sandbox: would this person be eligible for this dispatch under this version? */
export async function tryEligibility(ctx: RequestContext, ref: string, input: EligibilitySandbox): Promise<{ verdicts: ShownVerdict[] }> {
  const policy = await loadPolicy(ctx, ref);
  const verdicts = evaluateEligibility({
    policy,
    person: { id: 'sandbox-person', education: input.education ?? null, workStartDate: input.workStartDate ?? null, title: input.titleLevel ?? null },
    assignment: { id: 'sandbox-assignment', start: input.startDate, mode: input.mode ?? null },
  });
  return { verdicts: verdicts.map((v) => showVerdict({ ...v, evidence: [] })) };
}

/** Rule sandbox: the working days a leave costs and the approvals and filings it needs, by the holiday calendar. */
export async function tryLeave(ctx: RequestContext, ref: string, input: LeaveSandbox): Promise<LeaveSandboxResult> {
  const [policy, calendar] = await Promise.all([loadPolicy(ctx, ref), loadCalendar(ctx.db)]);
  const result = evaluateLeave({
    policy, calendar, today: chinaToday(ctx.clock.now()),
    leave: { id: 'sandbox-leave', from: input.startDate, to: input.endDate, emergencyRecall: input.emergencyRecall },
  });
  const calendarDays = Math.round((Date.parse(input.endDate) - Date.parse(input.startDate)) / 86_400_000) + 1;
  return { ...result, calendarDays, verdicts: result.verdicts.map((v) => showVerdict({ ...v, evidence: [] })) };
}

/** A year's reporting and programme deadlines under a version, postponed past rest days and holidays. */
export async function listDeadlines(ctx: RequestContext, ref: string, year: number): Promise<PolicyDeadline[]> {
  const [policy, calendar] = await Promise.all([loadPolicy(ctx, ref), loadCalendar(ctx.db)]);
  const all = [...listProgrammeDeadlines(policy, year, calendar), ...listReportingDeadlines({ policy, calendar, from: `${year}-01-01`, to: `${year}-12-31` })];
  return all.sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind))
    .map((d) => ({ ...d, reporter: partyLabel(d.reporter), recipient: partyLabel(d.recipient) }));
}

/**
 * The policy a programme runs under on a date: the published version of its code in force then.
 * Read for any caller who may see the programme, since the programme's rules bind everyone in it.
 */
export async function policyInForce(db: RequestContext['db'], code: string, on: string): Promise<{ policy: Policy; versionId: string; version: number }> {
  const row = pickCurrent(await repo.listPolicyVersions(db, { kind: 'all' }, code), code, on);
  if (!row) throw new AppError('CONFLICT', `政策「${code}」在 ${on} 没有施行中的版本，无法判定`);
  const parsed = parsePolicyDocument(row.document);
  if (!parsed.ok) throw new AppError('POLICY_INVALID', `${row.code} 第 ${row.version} 版的参数无效：${parsed.issues[0]!.path} ${parsed.issues[0]!.message}`);
  return { policy: parsed.policy, versionId: row.id, version: row.version };
}
