import { randomUUID } from 'node:crypto';
import { maskIdNumber, maskPhone, personCreateSchema, personUpdateSchema } from '@duikou/contracts';
import type {
  ListResponse, Person, PersonCreate, PersonImportResult, PersonListQuery, PersonReveal, PersonUpdate, RegistrationFormFormat, RemoveResult,
} from '@duikou/contracts';
import type { persons } from '@duikou/db';
import { regionInScope, type RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound, type ErrorDetail } from '../../core/app-error.js';
import { deleteOrArchive, restoreArchived } from '../../core/archive.js';
import { recordAudit, recordAudits } from '../../core/audit.js';
import { findOrganisationFacts } from '../organisations/organisations.repository.js';
import * as repo from './persons.repository.js';
import { headerOf, readPersonTable, writePersonTemplate } from './person-table.xlsx.js';
import { REGISTRATION_FORM_TITLE_LINES, registrationFormRows } from './registration-form.layout.js';
import { renderRegistrationFormsDocx } from './registration-form.docx.js';
import { renderRegistrationFormsPdf } from './registration-form.pdf.js';

/** What lists, details and audit entries show: personal identifiers masked, never the plain values. */
export function toPerson(r: repo.PersonRow): Person {
  return {
    id: r.id, name: r.name, gender: r.gender as Person['gender'], birthMonth: r.birthMonth, ethnicity: r.ethnicity, party: r.party,
    education: r.education as Person['education'], degree: r.degree, workStartDate: r.workStartDate, school: r.school, graduationDate: r.graduationDate,
    employerOrgId: r.employerOrgId, employerOrgName: r.employerOrgName, post: r.post, title: r.title, titleLevel: r.titleLevel as Person['titleLevel'],
    specialty: r.specialty, specialtySince: r.specialtySince, idNumberMasked: r.idNumberMasked, mobileMasked: r.mobileMasked,
    officePhoneMasked: r.officePhoneMasked, qqWechat: r.qqWechat, resume: r.resume, recommendedForLeadership: r.recommendedForLeadership,
    recommendedPost: r.recommendedPost, employerOpinion: r.employerOpinion, archived: r.archivedAt !== null,
  };
}

export async function listPersons(ctx: RequestContext, q: PersonListQuery): Promise<ListResponse<Person>> {
  const { rows, total } = await repo.listPersons(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(toPerson), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.PersonRow> {
  const row = await repo.findPerson(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('人员');
  return row;
}

export async function getPerson(ctx: RequestContext, id: string): Promise<Person> {
  return toPerson(await findVisible(ctx, id));
}

/** A unit registers its own staff; an office the staff of units in its area. */
async function assertMayManageStaffOf(ctx: RequestContext, employerOrgId: string): Promise<string | null> {
  const [org] = await findOrganisationFacts(ctx.db, [employerOrgId]);
  if (!org || org.archivedAt) throw new AppError('VALIDATION_FAILED', '工作单位不存在或已归档', { field: 'employerOrgId' });
  const scope = ctx.actor.scope;
  const allowed = scope.kind === 'unit' ? org.id === scope.orgId : regionInScope(scope, org.regionPath);
  if (!allowed) throw new AppError('FORBIDDEN', `不能登记或修改「${org.name}」的人员`, { field: 'employerOrgId' });
  return org.regionPath;
}

function sensitiveColumns(ctx: RequestContext, v: { idNumber?: string; mobile?: string; officePhone?: string | null }) {
  return {
    ...(v.idNumber !== undefined && { idNumberCipher: ctx.cipher.encrypt(v.idNumber), idNumberIndex: ctx.cipher.blindIndex(v.idNumber), idNumberMasked: maskIdNumber(v.idNumber) }),
    ...(v.mobile !== undefined && { mobileCipher: ctx.cipher.encrypt(v.mobile), mobileMasked: maskPhone(v.mobile) }),
    ...(v.officePhone !== undefined && {
      officePhoneCipher: v.officePhone ? ctx.cipher.encrypt(v.officePhone) : null, officePhoneMasked: v.officePhone ? maskPhone(v.officePhone) : null,
    }),
  };
}

async function assertIdNumberFree(ctx: RequestContext, idNumber: string, exceptId?: string): Promise<void> {
  const other = await repo.findPersonIdByIndex(ctx.db, ctx.cipher.blindIndex(idNumber));
  if (other && other !== exceptId) throw new AppError('DUPLICATE', '该身份证号已登记', { field: 'idNumber' });
}

export async function createPerson(ctx: RequestContext, input: PersonCreate): Promise<Person> {
  const v = personCreateSchema.parse(input);
  const regionPath = await assertMayManageStaffOf(ctx, v.employerOrgId);
  await assertIdNumberFree(ctx, v.idNumber);
  const { idNumber, mobile, officePhone, ...plain } = v;
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertPerson(tx, { ...plain, ...sensitiveColumns(ctx, { idNumber, mobile, officePhone: officePhone ?? null }) } as typeof import('@duikou/db').persons.$inferInsert);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'person', entityId: newId, regionPath, summary: `登记人员「${v.name}」`, after: { ...plain, idNumber: maskIdNumber(idNumber), mobile: maskPhone(mobile) } });
    return newId;
  });
  return getPerson(ctx, id);
}

export async function updatePerson(ctx: RequestContext, id: string, input: PersonUpdate): Promise<Person> {
  const current = await findVisible(ctx, id);
  await assertMayManageStaffOf(ctx, current.employerOrgId);
  const v = personUpdateSchema.parse(input);
  const regionPath = v.employerOrgId ? await assertMayManageStaffOf(ctx, v.employerOrgId) : current.employerRegionPath;
  if (v.idNumber) await assertIdNumberFree(ctx, v.idNumber, id);
  // The ID number, birth month and gender must still agree after a partial change.
  const merged = personCreateSchema.safeParse({ ...stripNulls(toPerson(current)), idNumber: v.idNumber ?? ctx.cipher.decrypt(current.idNumberCipher), mobile: v.mobile ?? ctx.cipher.decrypt(current.mobileCipher), ...stripNulls(v) });
  if (!merged.success) {
    const issue = merged.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', issue.message, { field: issue.path.join('.') });
  }
  const { idNumber, mobile, officePhone, ...plain } = v;
  await ctx.db.transaction(async (tx) => {
    await repo.updatePerson(tx, id, { ...plain, ...sensitiveColumns(ctx, { idNumber, mobile, officePhone }), updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'person', entityId: id, regionPath, summary: `修改人员「${current.name}」`, before: toPerson(current),
      after: { ...plain, ...(idNumber && { idNumber: maskIdNumber(idNumber) }), ...(mobile && { mobile: maskPhone(mobile) }) },
    });
  });
  return getPerson(ctx, id);
}

const stripNulls = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== null)) as Partial<T>;

const plainOf = (ctx: RequestContext, row: repo.PersonRow): PersonReveal => ({
  idNumber: ctx.cipher.decrypt(row.idNumberCipher),
  mobile: ctx.cipher.decrypt(row.mobileCipher),
  officePhone: row.officePhoneCipher ? ctx.cipher.decrypt(row.officePhoneCipher) : null,
});

/** The plain ID number and phones: a permission of its own, and every look is in the audit log. */
export async function revealPerson(ctx: RequestContext, id: string): Promise<PersonReveal> {
  const row = await findVisible(ctx, id);
  await recordAudit(ctx.db, ctx, { action: 'reveal', entityType: 'person', entityId: id, regionPath: row.employerRegionPath, summary: `查看「${row.name}」的完整身份证号和电话` });
  return plainOf(ctx, row);
}

/** Deletes a person nothing refers to; archives one with assignments (restorable). */
export async function removePerson(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const current = await findVisible(ctx, id);
  await assertMayManageStaffOf(ctx, current.employerOrgId);
  if (ctx.actor.scope.kind === 'unit' && current.employerOrgId !== ctx.actor.orgId) throw forbidden();
  return deleteOrArchive(ctx, { entityType: 'person', entityId: id, label: `人员「${current.name}」`, regionPath: current.employerRegionPath, before: toPerson(current) }, {
    countReferences: (tx) => repo.countPersonReferences(tx, id),
    archive: (tx, at) => repo.setPersonArchived(tx, id, at),
    remove: (tx) => repo.deletePerson(tx, id),
  });
}

export async function restorePerson(ctx: RequestContext, id: string): Promise<Person> {
  const current = await findVisible(ctx, id);
  await assertMayManageStaffOf(ctx, current.employerOrgId);
  if (!current.archivedAt) return toPerson(current);
  await restoreArchived(ctx, { entityType: 'person', entityId: id, label: `人员「${current.name}」`, regionPath: current.employerRegionPath }, (tx) => repo.setPersonArchived(tx, id, null));
  return getPerson(ctx, id);
}

// ——— Import (people table, MY 附件2 fields one row per person) ———

/** The import template, listing the organisations whose staff the caller may register. */
export async function personImportTemplate(ctx: RequestContext): Promise<{ buffer: Buffer; filename: string }> {
  const names = await repo.listManageableEmployerNames(ctx.db, ctx.actor.scope);
  return { buffer: await writePersonTemplate(names), filename: '人员导入模板（附件2 报名表字段）.xlsx' };
}

/** A syntactically valid id standing in for an employer not resolved, so the row's other cells are still checked. */
const UNRESOLVED_EMPLOYER = '00000000-0000-4000-8000-000000000000';

/**
 * Imports people from an .xlsx: every row is read and checked (cell formats, the same rules as a
 * single registration, employer by exact name among the organisations the caller manages, ID numbers
 * unique in the file and in the database). If any cell is bad nothing is written and every bad cell is
 * answered (422 IMPORT_INVALID); otherwise all rows in one transaction, each with its audit event.
 */
export async function importPersons(ctx: RequestContext, buffer: Buffer): Promise<PersonImportResult> {
  const { rows, errors } = await readPersonTable(buffer);
  const names = [...new Set(rows.map((r) => r.employerName).filter(Boolean))];
  const employers = new Map((await repo.findEmployersByNames(ctx.db, ctx.actor.scope, names)).map((o) => [o.name, o]));
  const indexOf = (idNumber: unknown): string | null => (typeof idNumber === 'string' && idNumber ? ctx.cipher.blindIndex(idNumber.toUpperCase()) : null);
  const taken = await repo.findTakenIdNumberIndexes(ctx.db, rows.map((r) => indexOf(r.input.idNumber)).filter((x): x is string => !!x));
  const scope = ctx.actor.scope;
  const firstRowOf = new Map<string, number>();
  const planned: { row: number; value: ReturnType<typeof personCreateSchema.parse>; regionPath: string | null }[] = [];

  for (const r of rows) {
    const rowErrors: ErrorDetail[] = [];
    const fail = (field: string, message: string) => {
      const column = headerOf(field);
      if (r.badColumns.has(column)) return;
      r.badColumns.add(column);
      rowErrors.push({ row: r.row, column, field, message });
    };
    const employer = r.employerName ? employers.get(r.employerName) : undefined;
    if (r.employerName) {
      if (!employer || !employer.visible) fail('employerOrgId', `机构「${r.employerName}」不存在或不在您的范围内（须与机构全称完全一致，见模板「填写说明」）`);
      else if (employer.archivedAt) fail('employerOrgId', `机构「${r.employerName}」已归档，不能再登记其人员`);
      else if (scope.kind === 'unit' && employer.id !== scope.orgId) fail('employerOrgId', `只能导入本单位（${ctx.actor.orgName}）的人员，不能登记「${r.employerName}」的人员`);
      else if (scope.kind === 'region' && !regionInScope(scope, employer.regionPath)) fail('employerOrgId', `「${r.employerName}」不在本辖区内，不能登记其人员`);
    }
    const employerOk = !!employer && !r.badColumns.has(headerOf('employerOrgId'));
    const parsed = personCreateSchema.safeParse({ ...r.input, employerOrgId: employerOk ? employer.id : UNRESOLVED_EMPLOYER });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'employerOrgId' || !field) continue;
        fail(field, issue.message.includes(headerOf(field)) ? issue.message : `${headerOf(field)}：${issue.message}`);
      }
    }
    const index = r.badColumns.has(headerOf('idNumber')) ? null : indexOf(parsed.success ? parsed.data.idNumber : r.input.idNumber);
    if (index) {
      const first = firstRowOf.get(index);
      if (first !== undefined) fail('idNumber', `身份证号与第 ${first} 行重复`);
      else if (taken.has(index)) fail('idNumber', '该身份证号已登记，不能重复导入');
      if (first === undefined) firstRowOf.set(index, r.row);
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && r.badColumns.size === 0 && parsed.success && employerOk) {
      planned.push({ row: r.row, value: parsed.data, regionPath: employer.regionPath });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('IMPORT_INVALID', `导入失败：共 ${errors.length} 处错误，未写入任何数据。请修改后重新导入。`, { details: errors });
  }

  const values = planned.map((p) => {
    const { idNumber, mobile, officePhone, ...plain } = p.value;
    return { id: randomUUID(), ...plain, ...sensitiveColumns(ctx, { idNumber, mobile, officePhone: officePhone ?? null }) } as typeof persons.$inferInsert & { id: string };
  });
  await ctx.db.transaction(async (tx) => {
    await repo.insertPersons(tx, values);
    await recordAudits(tx, ctx, planned.map((p, i) => {
      const { idNumber, mobile, officePhone: _office, ...plain } = p.value;
      return {
        action: 'create' as const, entityType: 'person', entityId: values[i]!.id, regionPath: p.regionPath, summary: `导入人员「${p.value.name}」（第 ${p.row} 行）`,
        after: { ...plain, idNumber: maskIdNumber(idNumber), mobile: maskPhone(mobile) },
      };
    }));
    await recordAudit(tx, ctx, {
      action: 'import', entityType: 'person', regionPath: ctx.actor.scope.kind === 'all' ? null : ctx.actor.regionPath,
      summary: `导入人员表：新增 ${planned.length} 人`,
      after: { rows: planned.map((p, i) => ({ row: p.row, id: values[i]!.id, name: p.value.name })) },
    });
  });
  return { created: planned.length };
}

// ——— MY 附件2 对口支援人员报名表 (PDF / Word) ———

export interface FileAnswer { buffer: Buffer; filename: string; contentType: string }
const CONTENT_TYPES: Record<RegistrationFormFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function renderForms(ctx: RequestContext, rows: repo.PersonRow[], format: RegistrationFormFormat, cjkFont: string): Promise<Buffer> {
  const postings = await repo.findCurrentPostings(ctx.db, rows.map((r) => r.id));
  const forms = rows.map((r) => ({ name: r.name, rows: registrationFormRows(toPerson(r), plainOf(ctx, r), postings.get(r.id)) }));
  return format === 'pdf' ? renderRegistrationFormsPdf(forms, cjkFont) : renderRegistrationFormsDocx(forms);
}

/** Audits each person printed in full: the form carries the plain ID number and phones. */
async function auditFormExport(ctx: RequestContext, rows: repo.PersonRow[], format: RegistrationFormFormat): Promise<void> {
  // One transaction: every person printed is audited, or none (then the form is not sent).
  await ctx.db.transaction(async (tx) => recordAudits(tx, ctx, rows.map((r) => ({
    action: 'export' as const, entityType: 'person', entityId: r.id, regionPath: r.employerRegionPath,
    summary: `导出「${r.name}」的对口支援人员报名表（${format === 'pdf' ? 'PDF' : 'Word'}，含完整身份证号和电话）`,
    after: { export: 'registration-form', format, ...(rows.length > 1 && { batch: rows.length }) },
  }))));
}

/** One person's form, ID number and phones in full (the form is filed with the office). */
export async function registrationForm(ctx: RequestContext, id: string, format: RegistrationFormFormat, cjkFont: string): Promise<FileAnswer> {
  const row = await findVisible(ctx, id);
  const buffer = await renderForms(ctx, [row], format, cjkFont);
  await auditFormExport(ctx, [row], format);
  return { buffer, filename: `${REGISTRATION_FORM_TITLE_LINES[1]}-${row.name}.${format}`, contentType: CONTENT_TYPES[format] };
}

/** Several persons' forms in one PDF, one page each; every id must be visible (else 404, nothing exported). */
export async function registrationFormsPdf(ctx: RequestContext, ids: string[], cjkFont: string): Promise<FileAnswer> {
  const rows = await repo.findPersons(ctx.db, ctx.actor.scope, ids);
  if (rows.length !== ids.length) {
    const missing = ids.length - rows.length;
    throw new AppError('NOT_FOUND', `有 ${missing} 个人员不存在或不在您的范围内，未生成报名表`);
  }
  const buffer = await renderForms(ctx, rows, 'pdf', cjkFont);
  await auditFormExport(ctx, rows, 'pdf');
  return { buffer, filename: `${REGISTRATION_FORM_TITLE_LINES[1]}（${rows.length} 人）.pdf`, contentType: CONTENT_TYPES.pdf };
}
