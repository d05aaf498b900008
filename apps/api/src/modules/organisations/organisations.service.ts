import type { ListResponse, Organisation, OrganisationCreate, OrganisationListQuery, OrganisationUpdate, RemoveResult } from '@duikou/contracts';
import { organisationCreateSchema } from '@duikou/contracts';
import { regionInScope, type RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { deleteOrArchive, restoreArchived } from '../../core/archive.js';
import { recordAudit } from '../../core/audit.js';
import { findRegionUnscoped } from '../regions/regions.repository.js';
import * as repo from './organisations.repository.js';

export async function listOrganisations(ctx: RequestContext, q: OrganisationListQuery): Promise<ListResponse<Organisation>> {
  const { rows, total } = await repo.listOrganisations(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(repo.toOrganisation), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.OrganisationRow> {
  const row = await repo.findOrganisation(ctx.db, ctx.actor.scope, id);
  if (!row) throw notFound('机构');
  return row;
}

export async function getOrganisation(ctx: RequestContext, id: string): Promise<Organisation> {
  return repo.toOrganisation(await findVisible(ctx, id));
}

/** The region must exist and lie in the caller's area: an office registers organisations of its area only. */
async function regionPathFor(ctx: RequestContext, code: string): Promise<string> {
  const region = await findRegionUnscoped(ctx.db, code);
  if (!region || region.archivedAt) throw new AppError('VALIDATION_FAILED', `区划 ${code} 不存在`, { field: 'regionCode' });
  if (!regionInScope(ctx.actor.scope, region.path)) throw new AppError('FORBIDDEN', `区划「${region.name}」不在本辖区内，不能在此登记机构`, { field: 'regionCode' });
  return region.path;
}

function assertManages(ctx: RequestContext, row: repo.OrganisationRow): void {
  if (!regionInScope(ctx.actor.scope, row.regionPath)) throw forbidden('该机构不在本辖区内，只能查看，不能修改');
}

async function assertNameFree(ctx: RequestContext, name: string, exceptId?: string): Promise<void> {
  const other = await repo.findOrganisationByName(ctx.db, name);
  if (other && other.id !== exceptId) throw new AppError('DUPLICATE', `机构名称「${name}」已存在`, { field: 'name' });
}

export async function createOrganisation(ctx: RequestContext, input: OrganisationCreate): Promise<Organisation> {
  const v = organisationCreateSchema.parse(input);
  const regionPath = await regionPathFor(ctx, v.regionCode);
  await assertNameFree(ctx, v.name);
  const id = await ctx.db.transaction(async (tx) => {
    const values = { name: v.name, shortName: v.shortName ?? null, kind: v.kind, grade: v.grade, regionCode: v.regionCode, adminLevel: v.adminLevel ?? null };
    const newId = await repo.insertOrganisation(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'organisation', entityId: newId, regionPath, summary: `新建机构「${v.name}」`, after: values });
    return newId;
  });
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(ctx: RequestContext, id: string, input: OrganisationUpdate): Promise<Organisation> {
  const current = await findVisible(ctx, id);
  assertManages(ctx, current);
  const regionPath = input.regionCode ? await regionPathFor(ctx, input.regionCode) : current.regionPath;
  if (input.name) await assertNameFree(ctx, input.name, id);
  const set = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.shortName !== undefined && { shortName: input.shortName || null }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.grade !== undefined && { grade: input.grade }),
    ...(input.regionCode !== undefined && { regionCode: input.regionCode }),
    ...(input.adminLevel !== undefined && { adminLevel: input.adminLevel }),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'organisation', entityId: id, regionPath, summary: `修改机构「${current.name}」`, before: repo.toOrganisation(current), after: set });
  });
  return getOrganisation(ctx, id);
}

/** Deletes an organisation nothing refers to; one named in pairings, programmes or accounts is archived. */
export async function removeOrganisation(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const current = await findVisible(ctx, id);
  assertManages(ctx, current);
  return deleteOrArchive(ctx, { entityType: 'organisation', entityId: id, label: `机构「${current.name}」`, regionPath: current.regionPath, before: repo.toOrganisation(current) }, {
    countReferences: (tx) => repo.countReferences(tx, id),
    archive: (tx, at) => repo.updateOrganisation(tx, id, { archivedAt: at, updatedAt: at }),
    remove: (tx) => repo.deleteOrganisation(tx, id),
  });
}

export async function restoreOrganisation(ctx: RequestContext, id: string): Promise<Organisation> {
  const current = await findVisible(ctx, id);
  assertManages(ctx, current);
  await restoreArchived(ctx, { entityType: 'organisation', entityId: id, label: `机构「${current.name}」`, regionPath: current.regionPath },
    (tx, at) => repo.updateOrganisation(tx, id, { archivedAt: null, updatedAt: at }));
  return getOrganisation(ctx, id);
}
