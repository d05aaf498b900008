import type { ListResponse, Pairing, PairingCreate, PairingImportResult, PairingListQuery, PairingTableLayout, PairingUpdate, RemoveResult } from '@duikou/contracts';
import { pairingCreateSchema, pairingUpdateSchema } from '@duikou/contracts';
import { regionInScope, type RequestContext } from '../../core/actor.js';
import { AppError, notFound, type ErrorDetail } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { findOrganisationFacts, findOrganisationsByNames } from '../organisations/organisations.repository.js';
import { findRegionNamesByPaths } from '../regions/regions.repository.js';
import { findProgramme, type ProgrammeRow } from '../programmes/programmes.repository.js';
import { assertManagesProgramme } from '../programmes/programmes.service.js';
import * as repo from './pairings.repository.js';
import { readPairingTable, writePairingTable, type PairingTableRow } from './pairing-table.xlsx.js';
import { countReferencingRows } from '../../core/references.js';

async function withSupportUnits(ctx: RequestContext, rows: repo.PairingRow[]): Promise<Pairing[]> {
  const supports = await repo.listSupportUnits(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => repo.toPairing(r, supports));
}

export async function listPairings(ctx: RequestContext, q: PairingListQuery): Promise<ListResponse<Pairing>> {
  const { rows, total } = await repo.listPairings(ctx.db, ctx.actor.scope, q);
  return { items: await withSupportUnits(ctx, rows), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.PairingRow> {
  const row = await repo.findPairing(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('对口关系');
  return row;
}

export async function getPairing(ctx: RequestContext, id: string): Promise<Pairing> {
  const [p] = await withSupportUnits(ctx, [await findVisible(ctx, id)]);
  return p!;
}

/** The programme must be visible, managed by the caller and not archived. */
async function managedProgramme(ctx: RequestContext, programmeId: string, field = 'programmeId'): Promise<ProgrammeRow> {
  const programme = await findProgramme(ctx.db, ctx.actor.scope, programmeId);
  if (!programme) throw new AppError('VALIDATION_FAILED', '项目不存在', { field });
  assertManagesProgramme(ctx, programme);
  if (programme.archivedAt) throw new AppError('VALIDATION_FAILED', `项目「${programme.name}」已归档，不能再添加或修改对口关系`, { field });
  return programme;
}

/**
 * The parties of a pairing: the recipient lies in the caller's area; support units may sit
 * anywhere (provincial, out-of-province and military hospitals support county hospitals).
 */
async function checkParties(ctx: RequestContext, recipientOrgId: string, supportOrgIds: string[]): Promise<string | null> {
  const facts = await findOrganisationFacts(ctx.db, [recipientOrgId, ...supportOrgIds]);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const recipient = byId.get(recipientOrgId);
  if (!recipient || !regionInScope(ctx.actor.scope, recipient.regionPath)) {
    throw new AppError('VALIDATION_FAILED', '受援单位不存在或不在本辖区内', { field: 'recipientOrgId' });
  }
  if (recipient.archivedAt) throw new AppError('VALIDATION_FAILED', `受援单位「${recipient.name}」已归档`, { field: 'recipientOrgId' });
  if (recipient.kind === 'health_office' || recipient.kind === 'platform') throw new AppError('VALIDATION_FAILED', `「${recipient.name}」是行政部门，不能作为受援单位`, { field: 'recipientOrgId' });
  for (const [i, id] of supportOrgIds.entries()) {
    const s = byId.get(id);
    if (!s) throw new AppError('VALIDATION_FAILED', '支援单位不存在', { field: `supportOrgIds.${i}` });
    if (s.archivedAt) throw new AppError('VALIDATION_FAILED', `支援单位「${s.name}」已归档`, { field: `supportOrgIds.${i}` });
    if (s.kind === 'health_office' || s.kind === 'platform') throw new AppError('VALIDATION_FAILED', `「${s.name}」是行政部门，不能作为支援单位`, { field: `supportOrgIds.${i}` });
    if (id === recipientOrgId) throw new AppError('VALIDATION_FAILED', '受援单位不能同时是支援单位', { field: `supportOrgIds.${i}` });
  }
  return recipient.regionPath;
}

/** A pairing's validity lies inside its programme's period. */
function checkValidity(programme: ProgrammeRow, from: string | null, to: string | null): void {
  if (from && to && from > to) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', { field: 'validTo' });
  if (from && programme.validFrom && from < programme.validFrom) throw new AppError('VALIDATION_FAILED', `开始日期不能早于项目开始日期 ${programme.validFrom}`, { field: 'validFrom' });
  if (to && programme.validTo && to > programme.validTo) throw new AppError('VALIDATION_FAILED', `结束日期不能晚于项目结束日期 ${programme.validTo}`, { field: 'validTo' });
}

async function assertNotDuplicate(ctx: RequestContext, programmeId: string, recipientOrgId: string, supportOrgIds: string[], exceptId?: string): Promise<void> {
  const keys = await repo.listProgrammePairingKeys(ctx.db, programmeId);
  const existing = keys.get(repo.pairingKey(recipientOrgId, supportOrgIds));
  if (existing && existing !== exceptId) throw new AppError('DUPLICATE', '本项目中已有相同受援单位和支援单位的对口关系', { field: 'supportOrgIds' });
}

export async function createPairing(ctx: RequestContext, input: PairingCreate): Promise<Pairing> {
  const v = pairingCreateSchema.parse(input);
  const programme = await managedProgramme(ctx, v.programmeId);
  const regionPath = await checkParties(ctx, v.recipientOrgId, v.supportOrgIds);
  const validFrom = v.validFrom ?? programme.validFrom;
  const validTo = v.validTo ?? programme.validTo;
  checkValidity(programme, validFrom, validTo);
  await assertNotDuplicate(ctx, v.programmeId, v.recipientOrgId, v.supportOrgIds);
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      programmeId: v.programmeId, recipientOrgId: v.recipientOrgId, needs: v.needs,
      minPersonsPerSupportUnitPerYear: v.minPersonsPerSupportUnitPerYear ?? null, validFrom, validTo, remarks: v.remarks || null,
    };
    const newId = await repo.insertPairing(tx, values, v.supportOrgIds);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'pairing', entityId: newId, regionPath, summary: '新建对口关系', after: { ...values, supportOrgIds: v.supportOrgIds } });
    return newId;
  });
  return getPairing(ctx, id);
}

export async function updatePairing(ctx: RequestContext, id: string, input: PairingUpdate): Promise<Pairing> {
  const v = pairingUpdateSchema.parse(input);
  const before = await getPairing(ctx, id);
  const current = await findVisible(ctx, id);
  const programme = await managedProgramme(ctx, current.programmeId);
  const recipientOrgId = v.recipientOrgId ?? current.recipientId;
  const supportOrgIds = v.supportOrgIds ?? before.supportUnits.map((s) => s.id);
  const regionPath = await checkParties(ctx, recipientOrgId, supportOrgIds);
  const validFrom = v.validFrom === undefined ? current.validFrom : v.validFrom;
  const validTo = v.validTo === undefined ? current.validTo : v.validTo;
  checkValidity(programme, validFrom, validTo);
  await assertNotDuplicate(ctx, current.programmeId, recipientOrgId, supportOrgIds, id);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePairing(tx, id, {
      recipientOrgId, validFrom, validTo, updatedAt: ctx.clock.now(),
      ...(v.needs !== undefined && { needs: v.needs }),
      ...(v.minPersonsPerSupportUnitPerYear !== undefined && { minPersonsPerSupportUnitPerYear: v.minPersonsPerSupportUnitPerYear }),
      ...(v.remarks !== undefined && { remarks: v.remarks || null }),
    });
    if (v.supportOrgIds) await repo.replaceSupportUnits(tx, id, v.supportOrgIds);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'pairing', entityId: id, regionPath, summary: `修改对口关系（受援单位「${before.recipient.name}」）`, before, after: v });
  });
  return getPairing(ctx, id);
}

/**
 * A pairing can be deleted until records hang on it (assignments, agreements, visits…); after that it
 * is ended by its validity date instead, so the history it carries stays whole.
 */
export async function removePairing(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const before = await getPairing(ctx, id);
  const current = await findVisible(ctx, id);
  await managedProgramme(ctx, current.programmeId);
  await ctx.db.transaction(async (tx) => {
    const refs = await countReferencingRows(tx, 'pairings', id);
    if (refs.total > 0) {
      const assignments = refs.byTable.assignments ?? 0;
      const what = assignments > 0 ? `已有 ${assignments} 条派驻记录` : `已有 ${refs.total} 条相关记录（协议、走访等）`;
      throw new AppError('CONFLICT', `该对口关系下${what}，不能删除；如需终止，请修改其有效期结束日期`, { field: 'id' });
    }
    await repo.deletePairing(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'pairing', entityId: id, regionPath: current.recipientRegionPath, summary: `删除对口关系（受援单位「${before.recipient.name}」）`, before });
  });
  return { result: 'deleted' };
}

export async function exportPairingTable(ctx: RequestContext, layout: PairingTableLayout, programmeId?: string): Promise<{ buffer: Buffer; filename: string }> {
  let title = layout === 'cx' ? '三级医院对口帮扶贫困县县级医院关系调整表' : '对口支援关系安排表';
  if (programmeId) {
    const programme = await findProgramme(ctx.db, ctx.actor.scope, programmeId);
    if (!programme) throw new AppError('VALIDATION_FAILED', '项目不存在', { field: 'programmeId' });
    title = layout === 'cx' ? `${programme.name}关系调整表` : `${programme.name}对口支援关系安排表`;
  }
  const { rows } = await repo.listPairings(ctx.db, ctx.actor.scope, { page: 1, pageSize: 1, programmeId, all: true });
  const pairings = await withSupportUnits(ctx, rows);
  const tableRows: PairingTableRow[] = pairings.map((p) => ({
    county: p.countyName, recipient: p.recipient.name, supports: p.supportUnits.map((s) => s.name), needs: p.needs,
    minPersons: p.minPersonsPerSupportUnitPerYear, remarks: p.remarks,
  }));
  return { buffer: await writePairingTable(layout, title, tableRows), filename: `${title}.xlsx` };
}

/** The county cell must name the recipient's county (北川县 for 北川羌族自治县 is accepted). */
function countyMatches(county: string, regionName: string | null): boolean {
  if (!regionName) return false;
  if (county === regionName) return true;
  const stem = county.replace(/(自治县|县|市|区)$/, '');
  return stem.length >= 2 && regionName.startsWith(stem);
}

/**
 * Imports a pairing table into a programme: every row is checked first and, if any cell is bad,
 * nothing is written and every bad cell is answered. A row matching an existing pairing (same
 * recipient and support units) updates it; any other row creates one.
 */
export async function importPairingTable(ctx: RequestContext, layout: PairingTableLayout, programmeId: string, buffer: Buffer): Promise<PairingImportResult> {
  const programme = await managedProgramme(ctx, programmeId);
  const { pairings, errors } = await readPairingTable(buffer, layout);
  const names = [...new Set(pairings.flatMap((p) => [p.recipient, ...p.supports]).filter(Boolean))];
  const orgs = new Map((await findOrganisationsByNames(ctx.db, names)).map((o) => [o.name, o]));
  const existing = await repo.listProgrammePairingKeys(ctx.db, programmeId);
  const countyOf = await findRegionNamesByPaths(ctx.db, [...orgs.values()].map((o) => o.regionPath));
  const seen = new Map<string, number>();
  const recipientColumn = layout === 'cx' ? '受援贫困县县级医院' : '受援单位';
  const supportColumn = layout === 'cx' ? '支援医院' : '支援单位';
  const planned: { row: number; recipientOrgId: string; supportOrgIds: string[]; p: (typeof pairings)[number]; existingId?: string; regionPath: string | null }[] = [];
  for (const p of pairings) {
    const rowErrors: ErrorDetail[] = [];
    const recipient = orgs.get(p.recipient);
    if (p.recipient && !recipient) rowErrors.push({ row: p.row, column: recipientColumn, message: `机构「${p.recipient}」不存在，请先在机构管理中登记` });
    else if (recipient?.archivedAt) rowErrors.push({ row: p.row, column: recipientColumn, message: `机构「${p.recipient}」已归档` });
    else if (recipient && !regionInScope(ctx.actor.scope, recipient.regionPath)) rowErrors.push({ row: p.row, column: recipientColumn, message: `机构「${p.recipient}」不在本辖区内` });
    else if (recipient && (recipient.kind === 'health_office' || recipient.kind === 'platform')) rowErrors.push({ row: p.row, column: recipientColumn, message: `「${p.recipient}」是行政部门，不能作为受援单位` });
    const supportIds: string[] = [];
    for (const s of p.supports) {
      const org = orgs.get(s);
      if (!org) rowErrors.push({ row: p.row, column: supportColumn, message: `机构「${s}」不存在，请先在机构管理中登记` });
      else if (org.archivedAt) rowErrors.push({ row: p.row, column: supportColumn, message: `机构「${s}」已归档` });
      else if (org.kind === 'health_office' || org.kind === 'platform') rowErrors.push({ row: p.row, column: supportColumn, message: `「${s}」是行政部门，不能作为支援单位` });
      else if (org.id === recipient?.id) rowErrors.push({ row: p.row, column: supportColumn, message: '受援单位不能同时是支援单位' });
      else if (supportIds.includes(org.id)) rowErrors.push({ row: p.row, column: supportColumn, message: `支援单位「${s}」重复` });
      else supportIds.push(org.id);
    }
    if (p.supports.length > 20) rowErrors.push({ row: p.row, column: supportColumn, message: '支援单位不能超过 20 个' });
    if (recipient && p.county) {
      const regionName = countyOf.get(recipient.regionPath ?? '') ?? null;
      if (!countyMatches(p.county, regionName)) rowErrors.push({ row: p.row, column: '受援县市区', message: `受援单位「${p.recipient}」属于「${regionName ?? '未知区划'}」，与「${p.county}」不符` });
    }
    if (rowErrors.length === 0 && recipient) {
      const key = repo.pairingKey(recipient.id, supportIds);
      const first = seen.get(key);
      if (first) rowErrors.push({ row: p.row, column: recipientColumn, message: `与第 ${first} 行重复（相同受援单位和支援单位）` });
      seen.set(key, p.row);
      planned.push({ row: p.row, recipientOrgId: recipient.id, supportOrgIds: supportIds, p, existingId: existing.get(key), regionPath: recipient.regionPath });
    }
    errors.push(...rowErrors);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('IMPORT_INVALID', `导入失败：共 ${errors.length} 处错误，未写入任何数据。请修改后重新导入。`, { details: errors });
  }
  let created = 0;
  let updated = 0;
  await ctx.db.transaction(async (tx) => {
    for (const item of planned) {
      const fields = {
        ...(layout === 'my' && { needs: item.p.needs, remarks: item.p.remarks }),
        ...(item.p.minPersons !== undefined && { minPersonsPerSupportUnitPerYear: item.p.minPersons }),
      };
      if (item.existingId) {
        await repo.updatePairing(tx, item.existingId, { ...fields, updatedAt: ctx.clock.now() });
        updated++;
      } else {
        await repo.insertPairing(tx, {
          programmeId, recipientOrgId: item.recipientOrgId, needs: [], validFrom: programme.validFrom, validTo: programme.validTo, ...fields,
        }, item.supportOrgIds);
        created++;
      }
    }
    await recordAudit(tx, ctx, {
      action: 'import', entityType: 'pairing', regionPath: programme.ownerRegionPath,
      summary: `导入对口关系表（${layout === 'cx' ? '楚雄附件1' : '绵阳附件1'}）到项目「${programme.name}」：新增 ${created}，更新 ${updated}`,
      after: { programmeId, layout, rows: planned.map((p) => ({ row: p.row, recipient: p.p.recipient, supports: p.p.supports })) },
    });
  });
  return { created, updated, rows: planned.length };
}
