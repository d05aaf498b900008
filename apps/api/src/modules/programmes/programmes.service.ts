import type { ListResponse, Programme, ProgrammeCreate, ProgrammeListQuery, ProgrammeUpdate, RemoveResult } from '@duikou/contracts';
import { regionInScope, type RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { deleteOrArchive, restoreArchived } from '../../core/archive.js';
import { recordAudit } from '../../core/audit.js';
import { findOrganisationFacts } from '../organisations/organisations.repository.js';
import * as repo from './programmes.repository.js';
import { resolvePolicyVersion } from '../policies/policies.service.js';

export async function listProgrammes(ctx: RequestContext, q: ProgrammeListQuery): Promise<ListResponse<Programme>> {
  const { rows, total } = await repo.listProgrammes(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(repo.toProgramme), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.ProgrammeRow> {
  const row = await repo.findProgramme(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('项目');
  return row;
}

export async function getProgramme(ctx: RequestContext, id: string): Promise<Programme> {
  return repo.toProgramme(await findVisible(ctx, id));
}

/** A programme is managed by the office that owns it and the offices above it. */
export function assertManagesProgramme(ctx: RequestContext, row: { ownerRegionPath: string | null }): void {
  if (!regionInScope(ctx.actor.scope, row.ownerRegionPath)) throw forbidden('该项目不由本辖区管理，只能查看，不能修改');
}

async function ownerPath(ctx: RequestContext, ownerOrgId: string): Promise<string | null> {
  const [owner] = await findOrganisationFacts(ctx.db, [ownerOrgId]);
  if (!owner || owner.archivedAt || !regionInScope(ctx.actor.scope, owner.regionPath)) {
    throw new AppError('VALIDATION_FAILED', '主管部门不存在或不在本辖区内', { field: 'ownerOrgId' });
  }
  if (owner.kind !== 'health_office') throw new AppError('VALIDATION_FAILED', `「${owner.name}」不是卫生健康行政部门，不能作为项目主管部门`, { field: 'ownerOrgId' });
  return owner.regionPath;
}

const checkPeriod = (from: string | null | undefined, to: string | null | undefined): void => {
  if (from && to && from > to) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', { field: 'validTo' });
};

/** A programme follows a policy the caller can read; its verdicts use the version in force on each date. */
async function assertPolicyKnown(ctx: RequestContext, code: string): Promise<void> {
  try {
    await resolvePolicyVersion(ctx, code);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', `政策「${code}」不存在或尚无已发布的现行版本`, { field: 'policyCode' });
    throw e;
  }
}

export async function createProgramme(ctx: RequestContext, input: ProgrammeCreate): Promise<Programme> {
  const regionPath = await ownerPath(ctx, input.ownerOrgId);
  await assertPolicyKnown(ctx, input.policyCode);
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      name: input.name, ownerOrgId: input.ownerOrgId, policyCode: input.policyCode, documentNo: input.documentNo ?? null,
      validFrom: input.validFrom ?? null, validTo: input.validTo ?? null, description: input.description ?? null,
    };
    const newId = await repo.insertProgramme(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'programme', entityId: newId, regionPath, summary: `新建项目「${input.name}」`, after: values });
    return newId;
  });
  return getProgramme(ctx, id);
}

export async function updateProgramme(ctx: RequestContext, id: string, input: ProgrammeUpdate): Promise<Programme> {
  const current = await findVisible(ctx, id);
  assertManagesProgramme(ctx, current);
  const regionPath = input.ownerOrgId ? await ownerPath(ctx, input.ownerOrgId) : current.ownerRegionPath;
  if (input.policyCode) await assertPolicyKnown(ctx, input.policyCode);
  checkPeriod(input.validFrom === undefined ? current.validFrom : input.validFrom, input.validTo === undefined ? current.validTo : input.validTo);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await ctx.db.transaction(async (tx) => {
    await repo.updateProgramme(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'programme', entityId: id, regionPath, summary: `修改项目「${current.name}」`, before: repo.toProgramme(current), after: set });
  });
  return getProgramme(ctx, id);
}

/** Deletes an empty programme; one that holds pairings is archived. */
export async function removeProgramme(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const current = await findVisible(ctx, id);
  assertManagesProgramme(ctx, current);
  return deleteOrArchive(ctx, { entityType: 'programme', entityId: id, label: `项目「${current.name}」`, regionPath: current.ownerRegionPath, before: repo.toProgramme(current) }, {
    countReferences: (tx) => repo.countPairings(tx, id),
    archive: (tx, at) => repo.updateProgramme(tx, id, { archivedAt: at, updatedAt: at }),
    remove: (tx) => repo.deleteProgramme(tx, id),
  });
}

export async function restoreProgramme(ctx: RequestContext, id: string): Promise<Programme> {
  const current = await findVisible(ctx, id);
  assertManagesProgramme(ctx, current);
  await restoreArchived(ctx, { entityType: 'programme', entityId: id, label: `项目「${current.name}」`, regionPath: current.ownerRegionPath },
    (tx, at) => repo.updateProgramme(tx, id, { archivedAt: null, updatedAt: at }));
  return getProgramme(ctx, id);
}
