import { evaluateMentorship, SUPPORT_UNIT_LEVELS, type SupportUnitLevel } from '@duikou/policy';
import type {
  Apprentice, ApprenticeInput, Assessment, ListResponse, Mentorship, MentorshipCreate, MentorshipExportQuery, MentorshipListQuery, MentorshipUpdate,
  MentorshipVerdicts, MentorshipVerdictsQuery, RecipientDepartments, RemoveResult,
} from '@duikou/contracts';
import { ASSESSMENT_RESULT_LABELS } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { showVerdict } from '../policies/policies.service.js';
import {
  findVisibleRecipient, listAssignmentFacts, listPairingUnits, listVisibleAssignments, nextDocumentNumber, type AssignmentFacts,
} from '../results/results.repository.js';
import { actsFor, isPerson, officeOver, orgRef, pageItems, PDF, policyCache, recordAssignment, today, toAssignmentRef, XLSX, type FileAnswer } from '../results/results.service.js';
import { renderMentorshipCertificatePdf } from './mentorship-certificate.pdf.js';
import { writeMentorshipTable } from './mentorship-table.xlsx.js';
import * as repo from './mentorships.repository.js';

const mentorTitle = (f: AssignmentFacts) => [f.personSpecialty, f.personTitle].filter(Boolean).join(' ') || '—';
/** The mentor, the support unit and the recipient keep the agreement; the units assess and certify. */
const mayEdit = (ctx: RequestContext, f: AssignmentFacts) => ctx.actor.permissions.has('mentorship:write')
  && (isPerson(ctx.actor, f.personId) || actsFor(ctx.actor, f.supportOrgId) || actsFor(ctx.actor, f.recipientOrgId));
const mayAssess = (ctx: RequestContext, f: AssignmentFacts) => ctx.actor.permissions.has('mentorship:write')
  && ctx.actor.role !== 'staff' && ctx.actor.role !== 'team_leader' && (actsFor(ctx.actor, f.supportOrgId) || actsFor(ctx.actor, f.recipientOrgId));

function toApprentice(a: repo.ApprenticeRow): Apprentice {
  return {
    id: a.id, mentorshipId: a.mentorshipId, name: a.name, specialtyTitle: a.specialtyTitle, department: a.department, learningSpecialty: a.learningSpecialty,
    learningGoal: a.learningGoal, assessmentResult: a.assessmentResult as Apprentice['assessmentResult'], assessedOn: a.assessedOn, assessmentComments: a.assessmentComments,
    assessedBy: a.assessedBy, certificateNo: a.certificateNo, certificateIssuedOn: a.certificateIssuedOn,
  };
}

async function shape(ctx: RequestContext, rows: readonly repo.MentorshipRow[]): Promise<Mentorship[]> {
  const [facts, apprentices] = await Promise.all([listAssignmentFacts(ctx.db, rows.map((r) => r.assignmentId)), repo.listApprentices(ctx.db, rows.map((r) => r.id))]);
  return rows.map((m) => {
    const f = facts.get(m.assignmentId)!;
    return {
      id: m.id, assignment: toAssignmentRef(f), year: m.year, signedOn: m.signedOn, plan: m.plan, mentorSpecialtyTitle: mentorTitle(f),
      apprentices: apprentices.filter((a) => a.mentorshipId === m.id).map(toApprentice),
      createdBy: m.createdBy, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(), canEdit: mayEdit(ctx, f), canAssess: mayAssess(ctx, f),
    };
  });
}

export async function listMentorships(ctx: RequestContext, q: MentorshipListQuery): Promise<ListResponse<Mentorship>> {
  const { rows, total } = await repo.listMentorships(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  return { items: await shape(ctx, rows), total };
}

async function findVisible(ctx: RequestContext, id: string) {
  const m = await repo.findMentorship(ctx.db, ctx.actor, id);
  if (!m) throw notFound('师带徒协议');
  return { m, f: (await listAssignmentFacts(ctx.db, [m.assignmentId])).get(m.assignmentId)! };
}

export async function getMentorship(ctx: RequestContext, id: string): Promise<Mentorship> {
  return (await shape(ctx, [(await findVisible(ctx, id)).m]))[0]!;
}


const apprenticeValues = (mentorshipId: string, list: readonly ApprenticeInput[], from = 0) => list.map((a, i) => ({
  mentorshipId, name: a.name, specialtyTitle: a.specialtyTitle, department: a.department ?? null, learningSpecialty: a.learningSpecialty, learningGoal: a.learningGoal, position: from + i,
}));

function checkSignedOn(ctx: RequestContext, signedOn: string | null | undefined): void {
  if (signedOn && signedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', `签订日期不能晚于今天（${today(ctx)}）`, { field: 'signedOn' });
}

/** A support person's agreement for a year, with its apprentices (MY 二（三）: 签订“师带徒”协议). */
export async function createMentorship(ctx: RequestContext, input: MentorshipCreate): Promise<Mentorship> {
  const f = await recordAssignment(ctx, input.assignmentId);
  if (!mayEdit(ctx, f)) throw forbidden('师带徒协议由支援人员本人、支援单位或受援单位登记');
  if (input.year < Number(f.start.slice(0, 4)) || input.year > Number(f.end.slice(0, 4))) throw new AppError('VALIDATION_FAILED', `年份须在派驻期 ${f.start} 至 ${f.end} 内`, { field: 'year' });
  checkSignedOn(ctx, input.signedOn);
  if (await repo.findByKey(ctx.db, f.id, input.year)) throw new AppError('DUPLICATE', `「${f.personName}」${input.year} 年的师带徒协议已登记，请在其中添加跟学人员`, { field: 'year' });
  const now = ctx.clock.now();
  const values = { assignmentId: f.id, year: input.year, signedOn: input.signedOn ?? null, plan: input.plan ?? null, createdBy: ctx.actor.username, createdAt: now, updatedAt: now };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertMentorship(tx, values);
    await repo.insertApprentices(tx, apprenticeValues(newId, input.apprentices));
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'mentorship', entityId: newId, regionPath: f.recipientRegionPath,
      summary: `登记「${f.personName}」${input.year} 年师带徒协议（跟学人员 ${input.apprentices.length} 人：${input.apprentices.map((a) => a.name).join('、')}）`, after: { ...values, apprentices: input.apprentices },
    });
    return newId;
  });
  return getMentorship(ctx, id);
}

async function editable(ctx: RequestContext, id: string) {
  const found = await findVisible(ctx, id);
  if (!mayEdit(ctx, found.f)) throw forbidden('只有支援人员本人、支援单位或受援单位可以修改师带徒协议');
  return found;
}

export async function updateMentorship(ctx: RequestContext, id: string, input: MentorshipUpdate): Promise<Mentorship> {
  const { m, f } = await editable(ctx, id);
  checkSignedOn(ctx, input.signedOn);
  const set = { ...(input.signedOn !== undefined && { signedOn: input.signedOn }), ...(input.plan !== undefined && { plan: input.plan || null }) };
  await ctx.db.transaction(async (tx) => {
    await repo.updateMentorship(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'mentorship', entityId: id, regionPath: f.recipientRegionPath, summary: `修改「${f.personName}」${m.year} 年师带徒协议`, before: { signedOn: m.signedOn, plan: m.plan }, after: set });
  });
  return getMentorship(ctx, id);
}

export async function removeMentorship(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const { m, f } = await editable(ctx, id);
  const apprentices = await repo.listApprentices(ctx.db, [id]);
  if (apprentices.some((a) => a.certificateNo)) throw new AppError('CONFLICT', '已颁发师带徒证书的协议不能删除');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteMentorship(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'mentorship', entityId: id, regionPath: f.recipientRegionPath, summary: `删除「${f.personName}」${m.year} 年师带徒协议`, before: { ...m, apprentices } });
  });
  return { result: 'deleted' };
}

export async function addApprentice(ctx: RequestContext, id: string, input: ApprenticeInput): Promise<Mentorship> {
  const { m, f } = await editable(ctx, id);
  const existing = await repo.listApprentices(ctx.db, [id]);
  if (existing.length >= 20) throw new AppError('VALIDATION_FAILED', '一份协议不超过 20 名跟学人员', { field: 'name' });
  await ctx.db.transaction(async (tx) => {
    const [newId] = await repo.insertApprentices(tx, apprenticeValues(id, [input], existing.length));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'mentorship', entityId: id, regionPath: f.recipientRegionPath, summary: `「${f.personName}」${m.year} 年师带徒协议添加跟学人员「${input.name}」`, after: { apprenticeId: newId, ...input } });
  });
  return getMentorship(ctx, id);
}

async function findVisibleApprentice(ctx: RequestContext, id: string) {
  const row = await repo.findApprentice(ctx.db, ctx.actor, id);
  if (!row) throw notFound('跟学人员');
  return { ...row, f: (await listAssignmentFacts(ctx.db, [row.m.assignmentId])).get(row.m.assignmentId)! };
}

export async function updateApprentice(ctx: RequestContext, id: string, input: Partial<ApprenticeInput>): Promise<Mentorship> {
  const { a, m, f } = await findVisibleApprentice(ctx, id);
  if (!mayEdit(ctx, f)) throw forbidden('只有支援人员本人、支援单位或受援单位可以修改跟学人员');
  if (a.certificateNo && (input.name !== undefined || input.learningSpecialty !== undefined)) throw new AppError('CONFLICT', `已颁发证书 ${a.certificateNo}，姓名和跟学专业不能再修改`);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, k === 'department' ? v || null : v]));
  await ctx.db.transaction(async (tx) => {
    await repo.updateApprentice(tx, id, set);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'mentorship', entityId: m.id, regionPath: f.recipientRegionPath, summary: `修改跟学人员「${a.name}」`, before: toApprentice(a), after: set });
  });
  return getMentorship(ctx, m.id);
}

export async function removeApprentice(ctx: RequestContext, id: string): Promise<Mentorship> {
  const { a, m, f } = await findVisibleApprentice(ctx, id);
  if (!mayEdit(ctx, f)) throw forbidden('只有支援人员本人、支援单位或受援单位可以移除跟学人员');
  if (a.certificateNo) throw new AppError('CONFLICT', `已颁发证书 ${a.certificateNo}，不能移除`);
  if ((await repo.listApprentices(ctx.db, [m.id])).length <= 1) throw new AppError('CONFLICT', '协议至少保留 1 名跟学人员；如需作废请删除整份协议');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteApprentice(tx, id);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'mentorship', entityId: m.id, regionPath: f.recipientRegionPath, summary: `移除跟学人员「${a.name}」`, before: toApprentice(a) });
  });
  return getMentorship(ctx, m.id);
}

/** The support or recipient unit records the assessment (考核); a failed one cannot carry a certificate. */
export async function assessApprentice(ctx: RequestContext, id: string, input: Assessment): Promise<Mentorship> {
  const { a, m, f } = await findVisibleApprentice(ctx, id);
  if (!mayAssess(ctx, f)) throw forbidden('考核由支援单位或受援单位登记');
  if (input.assessedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', `考核日期不能晚于今天（${today(ctx)}）`, { field: 'assessedOn' });
  if (a.certificateNo && input.result !== 'passed') throw new AppError('CONFLICT', `已颁发证书 ${a.certificateNo}，不能改为考核不合格`);
  const set = { assessmentResult: input.result, assessedOn: input.assessedOn, assessmentComments: input.comments ?? null, assessedBy: ctx.actor.username };
  await ctx.db.transaction(async (tx) => {
    await repo.updateApprentice(tx, id, set);
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'mentorship', entityId: m.id, regionPath: f.recipientRegionPath,
      summary: `跟学人员「${a.name}」${ASSESSMENT_RESULT_LABELS[input.result]}（${input.assessedOn}）`, before: { assessmentResult: a.assessmentResult }, after: set,
    });
  });
  return getMentorship(ctx, m.id);
}

/** 考核合格后颁发师带徒证书: a numbered certificate, MY-SD-2026-0001 (policy code, 师带, year, running number). */
export async function issueApprenticeCertificate(ctx: RequestContext, id: string): Promise<Mentorship> {
  const { a, m, f } = await findVisibleApprentice(ctx, id);
  if (!mayAssess(ctx, f)) throw forbidden('师带徒证书由支援单位或受援单位颁发');
  if (a.assessmentResult !== 'passed') throw new AppError('CONFLICT', `「${a.name}」${a.assessmentResult === 'failed' ? '考核不合格' : '尚未考核'}，考核合格后才能颁发证书`);
  if (a.certificateNo) throw new AppError('CONFLICT', `已颁发证书 ${a.certificateNo}`);
  const issuedOn = today(ctx);
  const year = Number(issuedOn.slice(0, 4));
  await ctx.db.transaction(async (tx) => {
    const n = await nextDocumentNumber(tx, 'mentorship_certificate', year);
    const certificateNo = `${f.policyCode}-SD-${year}-${String(n).padStart(4, '0')}`;
    await repo.updateApprentice(tx, id, { certificateNo, certificateIssuedOn: issuedOn });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'mentorship', entityId: m.id, regionPath: f.recipientRegionPath, summary: `向「${a.name}」颁发师带徒证书 ${certificateNo}`, after: { apprenticeId: id, certificateNo, certificateIssuedOn: issuedOn } });
  });
  return getMentorship(ctx, m.id);
}

export async function apprenticeCertificatePdf(ctx: RequestContext, id: string, fontSetting: string): Promise<FileAnswer> {
  const { a, m, f } = await findVisibleApprentice(ctx, id);
  if (!a.certificateNo || !a.certificateIssuedOn) throw new AppError('CONFLICT', `「${a.name}」尚未颁发师带徒证书`);
  const buffer = await renderMentorshipCertificatePdf({
    number: a.certificateNo, issuedOn: a.certificateIssuedOn, apprentice: a.name, apprenticeTitle: a.specialtyTitle, learningSpecialty: a.learningSpecialty,
    learningGoal: a.learningGoal, year: m.year, mentor: f.personName, mentorTitle: mentorTitle(f), supportOrg: f.supportOrgName, recipientOrg: f.recipientOrgName,
  }, fontSetting);
  return { buffer, filename: `师带徒证书-${a.name}-${a.certificateNo}.pdf`, contentType: PDF };
}

/** A certificate number's apprentice, if the caller sees it (for verification). */
export async function findCertificate(ctx: RequestContext, number: string) {
  const row = await repo.findByCertificateNo(ctx.db, ctx.actor, number);
  if (!row) return null;
  const f = (await listAssignmentFacts(ctx.db, [row.m.assignmentId])).get(row.m.assignmentId)!;
  return { apprentice: row.a, mentorship: row.m, facts: f };
}

// ── The engine's verdicts and attachment 4 ────────────────────────────────────

/** The calendar years a term touches. */
const yearsOf = (f: AssignmentFacts): number[] => {
  const years: number[] = [];
  for (let y = Number(f.start.slice(0, 4)); y <= Number(f.end.slice(0, 4)); y++) years.push(y);
  return years;
};

/**
 * Per support unit at a recipient under a policy with the mentorship rule: the ratio of each mentor
 * and year (市属 1 带 4, 县属 1 带 3), yearly rotation and the 3-year coverage of the main departments.
 */
export async function mentorshipVerdicts(ctx: RequestContext, q: MentorshipVerdictsQuery): Promise<MentorshipVerdicts> {
  const asOf = today(ctx);
  const policyOf = policyCache(ctx);
  const units = await listPairingUnits(ctx.db, ctx.actor.scope, { pairingId: q.pairingId, supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId });
  const departments = new Map((await repo.listDepartments(ctx.db, [...new Set(units.map((u) => u.recipientOrgId))])).map((d) => [d.orgId, d.departments]));
  // One query each for the people, their agreements and the apprentices; grouped per unit below.
  const everyone = await listVisibleAssignments(ctx.db, ctx.actor, { pairingId: q.pairingId, supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId });
  const allAgreements = await repo.listOfAssignments(ctx.db, everyone.map((p) => p.id));
  const allApprentices = await repo.listApprentices(ctx.db, allAgreements.map((a) => a.id));
  const items: MentorshipVerdicts['items'] = [];
  for (const u of units) {
    const policy = await policyOf(u.policyCode, asOf);
    if (!policy.parameters.mentorship) continue;
    const people = everyone.filter((p) => p.pairingId === u.pairingId && p.supportOrgId === u.supportOrgId);
    const personOf = new Map(people.map((p) => [p.id, p.personId]));
    const agreements = allAgreements.filter((a) => personOf.has(a.assignmentId));
    const mentors = [...new Map(people.map((p) => [p.personId, { personId: p.personId, name: p.personName, years: [] as number[] }])).values()];
    for (const p of people) mentors.find((m) => m.personId === p.personId)!.years.push(...yearsOf(p));
    for (const m of mentors) m.years = [...new Set(m.years)].sort();
    const level = (SUPPORT_UNIT_LEVELS as readonly string[]).includes(u.supportOrgLevel ?? '') ? (u.supportOrgLevel as SupportUnitLevel) : null;
    const main = departments.get(u.recipientOrgId) ?? null;
    const verdicts = evaluateMentorship({
      policy, today: asOf, supportUnit: { id: u.supportOrgId, level }, mentors, recipientMainDepartments: main,
      agreements: agreements.map((a) => ({
        id: a.id, mentorId: personOf.get(a.assignmentId)!, year: a.year,
        // Apprentices are recipient staff, not persons of the platform: one name is one apprentice at this recipient.
        apprentices: allApprentices.filter((x) => x.mentorshipId === a.id).map((x) => ({ personId: `${u.recipientOrgId}:${x.name.trim()}`, name: x.name, department: x.department ?? x.learningSpecialty })),
      })),
    });
    items.push({
      pairingId: u.pairingId, policyCode: u.policyCode, recipientOrg: orgRef(u.recipientOrgId, u.recipientOrgName), supportOrg: orgRef(u.supportOrgId, u.supportOrgName),
      supportOrgLevel: level, mainDepartments: main, mentors, verdicts: verdicts.map(showVerdict),
    });
  }
  return { asOf, items: pageItems(items, q), total: items.length };
}

/** MY 附件4, one group of rows per agreement in scope (filtered by year, pairing or unit). */
export async function exportMentorshipTable(ctx: RequestContext, q: MentorshipExportQuery): Promise<FileAnswer> {
  const rows = await repo.listAllMentorships(ctx.db, ctx.actor, q);
  const [facts, apprentices] = await Promise.all([listAssignmentFacts(ctx.db, rows.map((r) => r.assignmentId)), repo.listApprentices(ctx.db, rows.map((r) => r.id))]);
  const groups = rows.map((m) => ({ m, f: facts.get(m.assignmentId)! }))
    .sort((x, y) => x.f.supportOrgName.localeCompare(y.f.supportOrgName, 'zh') || x.f.recipientOrgName.localeCompare(y.f.recipientOrgName, 'zh') || x.f.personName.localeCompare(y.f.personName, 'zh') || x.m.year - y.m.year)
    .map(({ m, f }) => ({
      supportOrg: f.supportOrgName, recipientOrg: f.recipientOrgName, mentorName: f.personName, mentorSpecialtyTitle: mentorTitle(f), signedOn: m.signedOn ?? '未签订',
      apprentices: apprentices.filter((a) => a.mentorshipId === m.id),
    }));
  const buffer = await writeMentorshipTable(groups);
  return { buffer, filename: `绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执${q.year ? `（${q.year}年）` : ''}.xlsx`, contentType: XLSX };
}

// ── The recipient's main departments ──────────────────────────────────────────

async function recipientFor(ctx: RequestContext, orgId: string) {
  const org = await findVisibleRecipient(ctx.db, ctx.actor.scope, orgId);
  if (!org) throw notFound('受援单位');
  return org;
}
const mayEditDepartments = (ctx: RequestContext, org: { id: string; regionPath: string | null }) =>
  ctx.actor.permissions.has('mentorship:write') && ctx.actor.role !== 'staff' && ctx.actor.role !== 'team_leader' && ctx.actor.role !== 'support_unit'
  && (actsFor(ctx.actor, org.id) || officeOver(ctx.actor, org.regionPath));

export async function getDepartments(ctx: RequestContext, orgId: string): Promise<RecipientDepartments> {
  const org = await recipientFor(ctx, orgId);
  const [row, suggestions] = await Promise.all([repo.findDepartments(ctx.db, orgId), repo.listNeeds(ctx.db, orgId)]);
  return {
    org: orgRef(org.id, org.name), departments: row?.departments ?? null, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt.toISOString() ?? null,
    suggestions, canEdit: mayEditDepartments(ctx, org),
  };
}

/** The recipient (or an office over it) records its main departments, which the apprentices must cover. */
export async function putDepartments(ctx: RequestContext, orgId: string, departments: string[]): Promise<RecipientDepartments> {
  const org = await recipientFor(ctx, orgId);
  if (!mayEditDepartments(ctx, org)) throw forbidden('主要科室由受援单位或其所在辖区的卫生健康行政部门登记');
  const unique = [...new Set(departments)];
  const before = await repo.findDepartments(ctx.db, orgId);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertDepartments(tx, { orgId, departments: unique, updatedBy: ctx.actor.username, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entityType: 'recipient_departments', entityId: orgId, regionPath: org.regionPath, summary: `登记「${org.name}」主要科室：${unique.join('、') || '（无）'}`, before: before?.departments ?? null, after: unique });
  });
  return getDepartments(ctx, orgId);
}
