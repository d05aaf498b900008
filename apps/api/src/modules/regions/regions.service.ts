import type { Region, RegionCreate, RegionListQuery, RegionUpdate, RemoveResult, ListResponse } from '@duikou/contracts';
import { REGION_LEVEL_LABELS } from '@duikou/contracts';
import { regionInScope, type RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { deleteOrArchive, restoreArchived } from '../../core/archive.js';
import { recordAudit } from '../../core/audit.js';
import * as repo from './regions.repository.js';

const RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, zone: 2 };
/** GB/T 2260: a province's children share its first 2 digits, a prefecture's its first 4. */
const PREFIX_LENGTH: Record<string, number> = { province: 2, prefecture: 4 };

export async function listRegions(ctx: RequestContext, q: RegionListQuery): Promise<ListResponse<Region>> {
  const { rows, total } = await repo.listRegions(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(repo.toRegion), total };
}

export async function getRegion(ctx: RequestContext, code: string): Promise<Region> {
  const r = await repo.findRegion(ctx.db, ctx.actor.scope, code);
  if (!r) throw notFound('行政区划');
  return repo.toRegion(r);
}

/** Offices manage regions strictly below their own; the administrator manages all. */
function assertMayManageUnder(ctx: RequestContext, parentPath: string | null): void {
  if (ctx.actor.scope.kind === 'all') return;
  if (!parentPath || !regionInScope(ctx.actor.scope, parentPath)) throw forbidden('只能管理本辖区以下的行政区划');
}

async function checkPlacement(ctx: RequestContext, code: string, level: string, parentCode: string | null): Promise<repo.RegionRecord | undefined> {
  if (!parentCode) {
    if (level !== 'province') throw new AppError('VALIDATION_FAILED', '除省级外，行政区划必须有上级区划', { field: 'parentCode' });
    if (ctx.actor.scope.kind !== 'all') throw forbidden('只有系统管理员可以新建省级区划');
    return undefined;
  }
  const parent = await repo.findRegionUnscoped(ctx.db, parentCode);
  if (!parent || parent.archivedAt) throw new AppError('VALIDATION_FAILED', `上级区划 ${parentCode} 不存在`, { field: 'parentCode' });
  assertMayManageUnder(ctx, parent.path);
  if ((RANK[level] ?? 0) <= (RANK[parent.level] ?? 0)) {
    throw new AppError('VALIDATION_FAILED', `${REGION_LEVEL_LABELS[level as 'county']}区划不能设在${REGION_LEVEL_LABELS[parent.level as 'county']}区划「${parent.name}」之下`, { field: 'level' });
  }
  const n = PREFIX_LENGTH[parent.level];
  if (n && code.slice(0, n) !== parent.code.slice(0, n)) {
    throw new AppError('VALIDATION_FAILED', `编码 ${code} 与上级「${parent.name}」（${parent.code}）不符：前 ${n} 位应为 ${parent.code.slice(0, n)}`, { field: 'code' });
  }
  return parent;
}

export async function createRegion(ctx: RequestContext, input: RegionCreate): Promise<Region> {
  const parentCode = input.parentCode ?? null;
  const parent = await checkPlacement(ctx, input.code, input.level, parentCode);
  if (await repo.findRegionUnscoped(ctx.db, input.code)) throw new AppError('DUPLICATE', `区划编码 ${input.code} 已存在`, { field: 'code' });
  const path = `${parent?.path ?? ''}${input.code}/`;
  await ctx.db.transaction(async (tx) => {
    const row = { code: input.code, name: input.name, level: input.level, parentCode, path, isLocalCode: !/^\d{6}$/.test(input.code) };
    await repo.insertRegion(tx, row);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'region', entityId: input.code, regionPath: path, summary: `新建区划「${input.name}」`, after: row });
  });
  return getRegion(ctx, input.code);
}

export async function updateRegion(ctx: RequestContext, code: string, input: RegionUpdate): Promise<Region> {
  const current = await repo.findRegion(ctx.db, ctx.actor.scope, code);
  if (!current) throw notFound('行政区划');
  assertMayManageUnder(ctx, await parentPathOf(ctx, current));
  const level = input.level ?? current.level;
  const parentCode = input.parentCode === undefined ? current.parentCode : input.parentCode;
  const parent = await checkPlacement(ctx, code, level, parentCode);
  const path = `${parent?.path ?? ''}${code}/`;
  if (parent && parent.path.startsWith(current.path)) throw new AppError('VALIDATION_FAILED', '不能把区划移到它自己的下级之下', { field: 'parentCode' });
  await ctx.db.transaction(async (tx) => {
    await repo.updateRegion(tx, code, { name: input.name ?? current.name, level, parentCode, path, updatedAt: ctx.clock.now() });
    if (path !== current.path) await repo.rewriteDescendantPaths(tx, current.path, path);
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'region', entityId: code, regionPath: path, summary: `修改区划「${current.name}」`,
      before: repo.toRegion(current), after: { ...repo.toRegion(current), name: input.name ?? current.name, level, parentCode },
    });
  });
  return getRegion(ctx, code);
}

async function parentPathOf(ctx: RequestContext, region: repo.RegionRecord): Promise<string | null> {
  return region.parentCode ? (await repo.findRegionUnscoped(ctx.db, region.parentCode))?.path ?? null : null;
}

/** Deletes a region nothing refers to; one with sub-regions or organisations is archived instead. */
export async function removeRegion(ctx: RequestContext, code: string): Promise<RemoveResult> {
  const current = await repo.findRegion(ctx.db, ctx.actor.scope, code);
  if (!current) throw notFound('行政区划');
  assertMayManageUnder(ctx, await parentPathOf(ctx, current));
  return deleteOrArchive(ctx, { entityType: 'region', entityId: code, label: `区划「${current.name}」`, regionPath: current.path, before: repo.toRegion(current) }, {
    countReferences: (tx) => repo.countReferences(tx, code),
    archive: (tx, at) => repo.updateRegion(tx, code, { archivedAt: at, updatedAt: at }),
    remove: (tx) => repo.deleteRegion(tx, code),
  });
}

export async function restoreRegion(ctx: RequestContext, code: string): Promise<Region> {
  const current = await repo.findRegion(ctx.db, ctx.actor.scope, code);
  if (!current) throw notFound('行政区划');
  assertMayManageUnder(ctx, await parentPathOf(ctx, current));
  await restoreArchived(ctx, { entityType: 'region', entityId: code, label: `区划「${current.name}」`, regionPath: current.path },
    (tx, at) => repo.updateRegion(tx, code, { archivedAt: null, updatedAt: at }));
  return getRegion(ctx, code);
}
