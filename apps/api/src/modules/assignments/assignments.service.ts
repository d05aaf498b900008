import type { Readable } from 'node:stream';
import {
  TITLE_LEVEL_LABELS, evaluateEligibility, evaluateInsuranceAndSafety, evaluatePosts, evaluateStaffing, isTitleAtLeast, type AssignmentMode, type EducationLevel, type Policy,
  type Post, type TeamRole, type TitleLevel, type Verdict,
} from '@duikou/policy';
import type {
  Assignment, AssignmentCreate, AssignmentDetail, AssignmentExportQuery, AssignmentFlag, AssignmentListQuery, AssignmentReplace, AssignmentStatusChange,
  AssignmentUpdate, ListResponse, ShownVerdict, StaffingRow,
} from '@duikou/contracts';
import { ASSIGNMENT_TRANSITIONS, ASSIGNMENT_STATUS_LABELS, assignmentCreateSchema, assignmentUpdateSchema } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { groupBy } from '../../core/group-by.js';
import { findPerson } from '../persons/persons.repository.js';
import { chinaToday, policyInForce, showVerdict } from '../policies/policies.service.js';
import * as repo from './assignments.repository.js';
import { streamStaffTable } from './staff-table.xlsx.js';

type Row = repo.AssignmentRow;

/** Flags a list shows: what is missing or exceptional about an assignment. */
function flagsOf(a: Row['a']): AssignmentFlag[] {
  const flags: AssignmentFlag[] = [];
  if (!a.insuranceFrom || !a.insuranceTo) flags.push('no_insurance');
  else if (a.insuranceFrom > a.plannedStart || a.insuranceTo < a.plannedEnd) flags.push('insurance_gap');
  if (!a.safetyEducationDate) flags.push('no_safety_education');
  if (a.overrideReason) flags.push('eligibility_override');
  return flags;
}

function toAssignment(r: Row): Assignment {
  const a = r.a;
  return {
    id: a.id, pairingId: a.pairingId, programmeId: r.programmeId, programmeName: r.programmeName, policyCode: r.policyCode,
    personId: a.personId, personName: r.personName, personTitle: r.personTitle, personTitleLevel: r.personTitleLevel, personMobileMasked: r.personMobileMasked,
    supportOrgId: a.supportOrgId, supportOrgName: r.supportOrgName, recipientOrgId: r.recipientOrgId, recipientOrgName: r.recipientOrgName,
    mode: a.mode as Assignment['mode'], department: a.department, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd,
    actualStart: a.actualStart, actualEnd: a.actualEnd, batch: a.batch, role: a.role as Assignment['role'], post: a.post as Assignment['post'],
    insurer: a.insurer, insurancePolicyNo: a.insurancePolicyNo, insuranceFrom: a.insuranceFrom, insuranceTo: a.insuranceTo,
    safetyEducationDate: a.safetyEducationDate, status: a.status as Assignment['status'], statusReason: a.statusReason,
    overrideReason: a.overrideReason, overrideBy: a.overrideBy, overrideAt: a.overrideAt?.toISOString() ?? null,
    replacesId: a.replacesId, replacedById: r.replacedById, flags: flagsOf(a), archived: a.archivedAt !== null,
  };
}

export async function listAssignments(ctx: RequestContext, q: AssignmentListQuery): Promise<ListResponse<Assignment>> {
  const { rows, total } = await repo.listAssignments(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(toAssignment), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<Row> {
  const row = await repo.findAssignment(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('派驻记录');
  return row;
}

interface PersonFacts { id: string; name: string; education: string; workStartDate: string; titleLevel: string; employerOrgId: string }

function eligibilityOf(policy: Policy, person: PersonFacts, assignmentId: string, start: string, mode: AssignmentMode): Verdict[] {
  return evaluateEligibility({
    policy,
    person: { id: person.id, education: person.education as EducationLevel, workStartDate: person.workStartDate, title: person.titleLevel as TitleLevel },
    assignment: { id: assignmentId, start, mode },
  });
}

function postsOf(policy: Policy, person: PersonFacts, pairingId: string, role: TeamRole, post: Post | null) {
  return evaluatePosts({ policy, person: { id: person.id, title: person.titleLevel as TitleLevel, role }, pairing: { id: pairingId, form: null }, heldPost: post });
}

/** Refuses a post the policy does not offer this person at this pairing, with the engine's reason. */
function assertPostAllowed(policy: Policy, person: PersonFacts, pairingId: string, role: TeamRole, post: Post | null | undefined): void {
  if (!post) return;
  const result = postsOf(policy, person, pairingId, role, post);
  if (result.allowed.some((o) => o.post === post)) return;
  const why = result.verdicts.find((v) => v.status === 'unmet' || v.status === 'unknown' || v.status === 'not_applicable');
  throw new AppError('VALIDATION_FAILED', why?.explanation ?? `${policy.name}未允许该任职`, { field: 'post' });
}

/**
 * The eligibility gate of a dispatch. Unmet rules refuse it with the engine's explanations; an office
 * (assignment:override) may send the person anyway with a reason, which is kept and audited.
 */
function gateEligibility(ctx: RequestContext, verdicts: Verdict[], overrideReason: string | undefined, field: string): { overridden: boolean } {
  const unmet = verdicts.filter((v) => v.status === 'unmet');
  if (unmet.length === 0) return { overridden: false };
  if (!overrideReason) {
    throw new AppError('RULE_VIOLATION', `不符合选派条件：${unmet.map((v) => v.explanation).join('；')}`, {
      field, details: unmet.map((v) => ({ field, message: v.explanation, ruleId: v.ruleId, citation: v.citation })),
    });
  }
  if (!ctx.actor.permissions.has('assignment:override')) {
    throw new AppError('FORBIDDEN', '只有卫生健康行政部门可以破例派出不符合选派条件的人员', { field: 'overrideReason' });
  }
  return { overridden: true };
}

async function assertNoOverlap(ctx: RequestContext, personId: string, from: string, to: string, exceptId?: string): Promise<void> {
  const [other] = await repo.findOverlapping(ctx.db, personId, from, to, exceptId);
  if (other) throw new AppError('CONFLICT', `该人员在 ${other.plannedStart} 至 ${other.plannedEnd} 已有派驻，时间重叠`, { field: 'plannedStart' });
}

/** The pairing and person of a dispatch, each visible to the caller and belonging together. */
async function dispatchFacts(ctx: RequestContext, pairingId: string, personId: string) {
  const pairing = await repo.findPairingFacts(ctx.db, ctx.actor.scope, pairingId);
  if (!pairing || pairing.archivedAt) throw new AppError('VALIDATION_FAILED', '对口关系不存在或已归档', { field: 'pairingId' });
  const person = await findPerson(ctx.db, ctx.actor.scope, personId);
  if (!person || person.archivedAt) throw new AppError('VALIDATION_FAILED', '人员不存在或已归档', { field: 'personId' });
  if (!pairing.supportOrgIds.includes(person.employerOrgId)) {
    throw new AppError('VALIDATION_FAILED', `「${person.name}」所在的「${person.employerOrgName}」不是该对口关系的支援单位`, { field: 'personId' });
  }
  if (ctx.actor.scope.kind === 'unit' && ctx.actor.scope.orgId !== person.employerOrgId) throw forbidden('支援单位只能派出本单位人员');
  return { pairing, person };
}

function assertWithinPairing(pairing: { validFrom: string | null; validTo: string | null }, start: string, end: string): void {
  if (pairing.validFrom && start < pairing.validFrom) throw new AppError('VALIDATION_FAILED', `对口关系自 ${pairing.validFrom} 起有效，派驻不能早于该日`, { field: 'plannedStart' });
  if (pairing.validTo && end > pairing.validTo) throw new AppError('VALIDATION_FAILED', `对口关系有效期至 ${pairing.validTo}，派驻不能晚于该日`, { field: 'plannedEnd' });
}

const auditSummary = (verb: string, personName: string, recipient: string) => `${verb}「${personName}」到「${recipient}」`;

export async function createAssignment(ctx: RequestContext, input: AssignmentCreate): Promise<AssignmentDetail> {
  const v = assignmentCreateSchema.parse(input);
  const { pairing, person } = await dispatchFacts(ctx, v.pairingId, v.personId);
  assertWithinPairing(pairing, v.plannedStart, v.plannedEnd);
  await assertNoOverlap(ctx, person.id, v.plannedStart, v.plannedEnd);
  const { policy } = await policyInForce(ctx.db, pairing.policyCode, v.plannedStart);
  const eligibility = eligibilityOf(policy, person, 'new', v.plannedStart, v.mode);
  const { overridden } = gateEligibility(ctx, eligibility, v.overrideReason, 'personId');
  assertPostAllowed(policy, person, pairing.id, v.role, v.post);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      pairingId: pairing.id, personId: person.id, supportOrgId: person.employerOrgId, mode: v.mode, department: v.department,
      plannedStart: v.plannedStart, plannedEnd: v.plannedEnd, batch: v.batch ?? null, role: v.role, post: v.post ?? null,
      insurer: v.insurer ?? null, insurancePolicyNo: v.insurancePolicyNo ?? null, insuranceFrom: v.insuranceFrom ?? null, insuranceTo: v.insuranceTo ?? null,
      safetyEducationDate: v.safetyEducationDate ?? null, status: 'planned', eligibility,
      ...(overridden ? { overrideReason: v.overrideReason!, overrideBy: ctx.actor.username, overrideAt: now } : {}),
    };
    const newId = await repo.insertAssignment(tx, values);
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'assignment', entityId: newId, regionPath: pairing.recipientRegionPath,
      summary: `${auditSummary('派出', person.name, pairing.recipientOrgName)}${overridden ? `（不符合选派条件，破例派出：${v.overrideReason}）` : ''}`,
      after: { ...values, eligibility: eligibility.map((e) => ({ ruleId: e.ruleId, status: e.status })) },
    });
    return newId;
  });
  return getAssignment(ctx, id);
}

export async function getAssignment(ctx: RequestContext, id: string): Promise<AssignmentDetail> {
  const row = await findVisible(ctx, id);
  const a = row.a;
  const today = chinaToday(ctx.clock.now());
  const { policy } = await policyInForce(ctx.db, row.policyCode, a.plannedStart);
  const person = { id: a.personId, name: row.personName, education: row.personEducation, workStartDate: row.personWorkStartDate, titleLevel: row.personTitleLevel, employerOrgId: a.supportOrgId };
  const posts = postsOf(policy, person, a.pairingId, a.role as TeamRole, a.post as Post | null);
  const end = a.actualEnd ?? a.plannedEnd;
  const safety = evaluateInsuranceAndSafety({
    policy, today, assignment: { id: a.id, start: a.actualStart ?? a.plannedStart, end },
    insurance: a.insuranceFrom && a.insuranceTo ? { id: a.id, coverFrom: a.insuranceFrom, coverTo: a.insuranceTo } : null,
    safetyEducation: a.safetyEducationDate ? { id: a.id, date: a.safetyEducationDate } : null,
  });
  const eligibilityNow = eligibilityOf(policy, person, a.id, a.plannedStart, a.mode as AssignmentMode);
  return {
    ...toAssignment(row),
    verdicts: [...eligibilityNow, ...(a.post ? posts.verdicts : []), ...safety].map(showVerdict),
    eligibilityAtDispatch: (a.eligibility as Verdict[]).map(showVerdict),
    allowedPosts: posts.allowed,
  };
}

/** Units manage their own staff's assignments; offices those in their area. Recipients only read. */
function assertMayManage(ctx: RequestContext, row: Row): void {
  if (ctx.actor.scope.kind === 'unit' && ctx.actor.scope.orgId !== row.a.supportOrgId) throw forbidden('只有派出单位或卫生健康行政部门可以修改派驻记录');
}

export async function updateAssignment(ctx: RequestContext, id: string, input: AssignmentUpdate): Promise<AssignmentDetail> {
  const row = await findVisible(ctx, id);
  assertMayManage(ctx, row);
  const v = assignmentUpdateSchema.parse(input);
  const a = row.a;
  if (['completed', 'recalled', 'replaced'].includes(a.status)) {
    throw new AppError('CONFLICT', `派驻已「${ASSIGNMENT_STATUS_LABELS[a.status as 'completed']}」，不能再修改`);
  }
  const start = v.plannedStart ?? a.plannedStart;
  const end = v.plannedEnd ?? a.plannedEnd;
  if (start > end) throw new AppError('VALIDATION_FAILED', '计划结束日期不能早于开始日期', { field: v.plannedEnd ? 'plannedEnd' : 'plannedStart' });
  const insFrom = v.insuranceFrom ?? a.insuranceFrom;
  const insTo = v.insuranceTo ?? a.insuranceTo;
  if (insFrom && insTo && insFrom > insTo) throw new AppError('VALIDATION_FAILED', '保险止期不能早于起期', { field: 'insuranceTo' });
  const pairing = await repo.findPairingFacts(ctx.db, ctx.actor.scope, a.pairingId);
  if (!pairing) throw notFound('对口关系');
  if (v.plannedStart || v.plannedEnd) {
    assertWithinPairing(pairing, start, end);
    await assertNoOverlap(ctx, a.personId, start, end, id);
  }
  const { policy } = await policyInForce(ctx.db, row.policyCode, start);
  const person = { id: a.personId, name: row.personName, education: row.personEducation, workStartDate: row.personWorkStartDate, titleLevel: row.personTitleLevel, employerOrgId: a.supportOrgId };
  const role = (v.role ?? a.role) as TeamRole;
  assertPostAllowed(policy, person, a.pairingId, role, v.post === undefined ? (a.post as Post | null) : v.post);
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  await ctx.db.transaction(async (tx) => {
    await repo.updateAssignment(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'assignment', entityId: id, regionPath: row.recipientRegionPath,
      summary: `修改「${row.personName}」在「${row.recipientOrgName}」的派驻`, before: toAssignment(row), after: set,
    });
  });
  return getAssignment(ctx, id);
}

/** planned → on duty → completed | recalled, each with its date. */
export async function changeAssignmentStatus(ctx: RequestContext, id: string, input: AssignmentStatusChange): Promise<AssignmentDetail> {
  const row = await findVisible(ctx, id);
  assertMayManage(ctx, row);
  const from = row.a.status as keyof typeof ASSIGNMENT_TRANSITIONS;
  if (!ASSIGNMENT_TRANSITIONS[from].includes(input.status)) {
    throw new AppError('CONFLICT', `派驻状态不能从「${ASSIGNMENT_STATUS_LABELS[from]}」改为「${ASSIGNMENT_STATUS_LABELS[input.status]}」`, { field: 'status' });
  }
  const startedOn = row.a.actualStart ?? row.a.plannedStart;
  if (input.status !== 'on_duty' && from === 'on_duty' && input.date < startedOn) {
    throw new AppError('VALIDATION_FAILED', `结束日期不能早于到岗日期 ${startedOn}`, { field: 'date' });
  }
  if (input.status === 'recalled' && !input.reason) throw new AppError('VALIDATION_FAILED', '召回须填写原因', { field: 'reason' });
  const set = input.status === 'on_duty'
    ? { actualStart: input.date }
    : { actualEnd: from === 'planned' ? null : input.date };
  await ctx.db.transaction(async (tx) => {
    await repo.updateAssignment(tx, id, { ...set, status: input.status, statusReason: input.reason ?? null, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'assignment', entityId: id, regionPath: row.recipientRegionPath,
      summary: `「${row.personName}」派驻状态：${ASSIGNMENT_STATUS_LABELS[from]} → ${ASSIGNMENT_STATUS_LABELS[input.status]}（${input.date}）${input.reason ? `，原因：${input.reason}` : ''}`,
      before: { status: from }, after: { status: input.status, ...set, reason: input.reason },
    });
  });
  return getAssignment(ctx, id);
}

/**
 * Replaces a person (unfit, or the spot checks call for it): a colleague of the same support unit with
 * at least the same title level takes over from `startDate`; the two assignments link to each other.
 */
export async function replaceAssignment(ctx: RequestContext, id: string, input: AssignmentReplace): Promise<AssignmentDetail> {
  const row = await findVisible(ctx, id);
  assertMayManage(ctx, row);
  const old = row.a;
  if (old.status !== 'planned' && old.status !== 'on_duty') {
    throw new AppError('CONFLICT', `派驻已「${ASSIGNMENT_STATUS_LABELS[old.status as 'completed']}」，不能再替换`);
  }
  if (row.replacedById) throw new AppError('CONFLICT', '该派驻已有接替人员');
  if (input.personId === old.personId) throw new AppError('VALIDATION_FAILED', '接替人员不能是被替换的本人', { field: 'personId' });
  if (input.startDate > old.plannedEnd) throw new AppError('VALIDATION_FAILED', `接替开始日期不能晚于原派驻结束日期 ${old.plannedEnd}`, { field: 'startDate' });
  const startedOn = old.actualStart ?? old.plannedStart;
  if (old.status === 'on_duty' && input.startDate <= startedOn) throw new AppError('VALIDATION_FAILED', `接替开始日期应晚于原人员到岗日期 ${startedOn}`, { field: 'startDate' });
  const { pairing, person } = await dispatchFacts(ctx, old.pairingId, input.personId);
  if (person.employerOrgId !== old.supportOrgId) {
    throw new AppError('VALIDATION_FAILED', `接替人员须来自同一支援单位「${row.supportOrgName}」`, { field: 'personId' });
  }
  const { policy } = await policyInForce(ctx.db, pairing.policyCode, input.startDate);
  if (!isTitleAtLeast(person.titleLevel as TitleLevel, row.personTitleLevel as TitleLevel)) {
    throw new AppError('VALIDATION_FAILED', `接替人员职称（${TITLE_LEVEL_LABELS[person.titleLevel as TitleLevel]}）低于被替换人员（${TITLE_LEVEL_LABELS[row.personTitleLevel as TitleLevel]}），不符合“相应人员”要求`, { field: 'personId' });
  }
  await assertNoOverlap(ctx, person.id, input.startDate, old.plannedEnd);
  const eligibility = eligibilityOf(policy, person, 'new', input.startDate, old.mode as AssignmentMode);
  const { overridden } = gateEligibility(ctx, eligibility, input.overrideReason, 'personId');
  const role = old.role as TeamRole;
  const post = postsOf(policy, person, pairing.id, role, old.post as Post | null).allowed.some((o) => o.post === old.post) ? old.post : null;
  const now = ctx.clock.now();
  const dayBefore = new Date(Date.parse(`${input.startDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const newId = await ctx.db.transaction(async (tx) => {
    await repo.updateAssignment(tx, old.id, {
      status: 'replaced', statusReason: input.reason, actualEnd: old.status === 'on_duty' ? dayBefore : null, updatedAt: now,
    });
    const values = {
      pairingId: old.pairingId, personId: person.id, supportOrgId: old.supportOrgId, mode: old.mode, department: old.department,
      plannedStart: input.startDate, plannedEnd: old.plannedEnd, batch: old.batch, role: old.role, post, status: 'planned', eligibility,
      replacesId: old.id, ...(overridden ? { overrideReason: input.overrideReason!, overrideBy: ctx.actor.username, overrideAt: now } : {}),
    };
    const created = await repo.insertAssignment(tx, values);
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'assignment', entityId: old.id, regionPath: row.recipientRegionPath,
      summary: `「${row.personName}」由「${person.name}」自 ${input.startDate} 接替，原因：${input.reason}`, before: { status: old.status }, after: { status: 'replaced', replacedById: created },
    });
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'assignment', entityId: created, regionPath: row.recipientRegionPath,
      summary: `${auditSummary('派出', person.name, row.recipientOrgName)}，接替「${row.personName}」${overridden ? `（破例派出：${input.overrideReason}）` : ''}`, after: values,
    });
    return created;
  });
  return getAssignment(ctx, newId);
}

/** Posts the policy offers a person at a pairing (for the dispatch form), with the reasons. */
export async function listPostOptions(ctx: RequestContext, q: { pairingId: string; personId?: string | undefined; role: TeamRole }) {
  const pairing = await repo.findPairingFacts(ctx.db, ctx.actor.scope, q.pairingId);
  if (!pairing) throw new AppError('VALIDATION_FAILED', '对口关系不存在', { field: 'pairingId' });
  const person = q.personId ? await findPerson(ctx.db, ctx.actor.scope, q.personId) : undefined;
  if (q.personId && !person) throw new AppError('VALIDATION_FAILED', '人员不存在', { field: 'personId' });
  const { policy } = await policyInForce(ctx.db, pairing.policyCode, chinaToday(ctx.clock.now()));
  const result = evaluatePosts({
    policy, person: { id: person?.id ?? 'candidate', title: (person?.titleLevel as TitleLevel | undefined) ?? null, role: q.role },
    pairing: { id: pairing.id, form: null }, heldPost: null,
  });
  return { allowed: result.allowed, verdicts: result.verdicts.map(showVerdict) };
}

/** Persons sent per pairing, support unit and year vs the policy minimum (SPEC §4 staffing). */
export async function computeStaffing(ctx: RequestContext, q: { year: number; programmeId?: string | undefined; supportOrgId?: string | undefined; recipientOrgId?: string | undefined }): Promise<StaffingRow[]> {
  const { pairingRows, assignmentRows } = await repo.listStaffingFacts(ctx.db, ctx.actor.scope, q);
  const today = chinaToday(ctx.clock.now());
  const policies = new Map<string, Policy>();
  const rows: StaffingRow[] = [];
  const byPairingUnit = groupBy(assignmentRows, (a) => `${a.pairingId}|${a.supportOrgId}`);
  for (const p of pairingRows) {
    if (!policies.has(p.policyCode)) policies.set(p.policyCode, (await policyInForce(ctx.db, p.policyCode, `${q.year}-12-31`)).policy);
    const mine = byPairingUnit.get(`${p.pairingId}|${p.supportOrgId}`) ?? [];
    const verdict: ShownVerdict = showVerdict(evaluateStaffing({
      policy: policies.get(p.policyCode)!, year: q.year, today,
      pairing: { id: p.pairingId, recipientIsTcm: p.recipientOrgKind === 'tcm_hospital', minPersonsPerSupportUnitPerYear: p.minPersons },
      supportUnitId: p.supportOrgId, assignments: mine,
    }));
    const num = (x: unknown) => (typeof x === 'number' ? x : null);
    rows.push({
      pairingId: p.pairingId, programmeName: p.programmeName, recipientOrgId: p.recipientOrgId, recipientOrgName: p.recipientOrgName,
      supportOrgId: p.supportOrgId, supportOrgName: p.supportOrgName, required: num(verdict.figures.required),
      sent: num(verdict.figures.sent) ?? new Set(mine.filter((a) => a.start <= today).map((a) => a.personId)).size,
      planned: num(verdict.figures.planned) ?? 0, verdict,
    });
  }
  return rows;
}

const wholeYears = (from: string, to: string): number | null => {
  if (!from || !to) return null;
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10) || '1')];
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
};

/**
 * CX attachment 2 / MY attachment 3 for any filter. Phones are masked unless `reveal` is asked for,
 * which needs person:reveal and is audited (the forms filed with an office carry full numbers).
 */
export async function exportStaffTable(ctx: RequestContext, q: AssignmentExportQuery): Promise<{ stream: Readable; filename: string }> {
  if (q.reveal && !ctx.actor.permissions.has('person:reveal')) throw new AppError('FORBIDDEN', '导出完整手机号需要“查看完整个人信息”权限', { field: 'reveal' });
  const { layout, reveal, ...filter } = q;
  const rows = await repo.listAssignmentsForExport(ctx.db, ctx.actor.scope, filter);
  const today = chinaToday(ctx.clock.now());
  const year = (filter.activeOn ?? rows[0]?.a.plannedStart ?? today).slice(0, 4);
  const title = layout === 'cx' ? `${year} 年三级医院对口帮扶下派人员情况统计表` : '绵阳市对口支援人员信息统计表';
  // Audited before the first byte leaves: a download that fails midway was still asked for.
  if (reveal) {
    await recordAudit(ctx.db, ctx, {
      action: 'export', entityType: 'assignment', entityId: null, regionPath: ctx.actor.regionPath,
      summary: `导出${layout === 'cx' ? '楚雄附件2' : '绵阳附件3'}人员统计表（${rows.length} 人，含完整手机号）`, after: { filter, rows: rows.length },
    });
  }
  const stream = streamStaffTable(layout, { title, unit: ctx.actor.orgName, filledBy: ctx.actor.displayName, filledOn: today }, rows.map((r) => {
    const start = r.a.actualStart ?? r.a.plannedStart;
    const end = r.a.actualEnd ?? r.a.plannedEnd;
    return {
      name: r.personName, gender: r.personGender === 'female' ? '女' : '男', age: wholeYears(`${r.personBirthMonth}-01`, start),
      title: r.personTitle ?? TITLE_LEVEL_LABELS[r.personTitleLevel as TitleLevel] ?? '', specialty: [...new Set([r.a.department, r.personSpecialty].filter(Boolean))].join(' / '),
      workYears: wholeYears(r.personWorkStartDate, start), phone: reveal ? ctx.cipher.decrypt(r.personMobileCipher) : r.personMobileMasked,
      supportOrg: r.supportOrgName, recipientOrg: r.recipientOrgName, period: `${start} 至 ${end}`,
    };
  }));
  const filename = `${layout === 'cx' ? '附件2-下派人员情况统计表' : '附件3-对口支援人员信息统计表'}-${today}.xlsx`;
  return { stream, filename };
}
