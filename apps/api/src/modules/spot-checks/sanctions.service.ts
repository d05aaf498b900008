import type { ListResponse, Sanction, SanctionCreate, SanctionListQuery } from '@duikou/contracts';
import { SANCTION_DOCUMENT_MAX_BYTES, SANCTION_KIND_LABELS, sanctionCreateSchema } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { findPersons } from '../persons/persons.repository.js';
import * as repo from './spot-checks.repository.js';
import { viewerOf } from './spot-checks.service.js';

async function toSanctions(ctx: RequestContext, rows: repo.SanctionRow[]): Promise<Sanction[]> {
  const names = await repo.namesOf(ctx.db, [...new Set(rows.flatMap((r) => r.orgIds))], [...new Set(rows.flatMap((r) => r.personIds))]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind as Sanction['kind'], date: r.date, byOrgId: r.byOrgId, byOrgName: r.byOrgName,
    orgs: r.orgIds.map((id) => ({ id, name: names.orgs.get(id) ?? '' })),
    persons: r.personIds.map((id) => ({ id, name: names.persons.get(id) ?? '' })),
    spotCheckId: r.spotCheckId, summary: r.summary,
    document: r.documentName && r.documentType ? { name: r.documentName, type: r.documentType, size: r.documentSize ?? 0 } : null,
    createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
  }));
}

export async function listSanctions(ctx: RequestContext, q: SanctionListQuery): Promise<ListResponse<Sanction>> {
  const { rows, total } = await repo.listSanctions(ctx.db, viewerOf(ctx), q);
  return { items: await toSanctions(ctx, rows), total };
}

export async function getSanction(ctx: RequestContext, id: string): Promise<Sanction> {
  const row = await repo.findSanction(ctx.db, viewerOf(ctx), id);
  if (!row) throw notFound('通报/约谈记录');
  return (await toSanctions(ctx, [row]))[0]!;
}

export async function getSanctionDocument(ctx: RequestContext, id: string): Promise<{ name: string; type: string; content: Buffer }> {
  const row = await repo.findSanctionDocument(ctx.db, viewerOf(ctx), id);
  if (!row) throw notFound('通报/约谈记录');
  if (!row.base64 || !row.name || !row.type) throw notFound('该记录的文件');
  return { name: row.name, type: row.type, content: Buffer.from(row.base64, 'base64') };
}

/**
 * An office records a notice (通报) or an interview (约谈) of units and persons, optionally following a
 * spot check, with its document. Every unit, person and check named must be one the office sees.
 */
export async function createSanction(ctx: RequestContext, input: SanctionCreate): Promise<Sanction> {
  const v = sanctionCreateSchema.parse(input);
  const scope = ctx.actor.scope;
  const visibleOrgs = await repo.visibleOrganisationsAmong(ctx.db, scope, v.orgIds);
  v.orgIds.forEach((id, i) => {
    if (!visibleOrgs.has(id)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个单位不存在或不在管辖范围内`, { field: `orgIds.${i}` });
  });
  const people = new Set((await findPersons(ctx.db, scope, v.personIds)).map((p) => p.id));
  v.personIds.forEach((id, i) => {
    if (!people.has(id)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 名人员不存在或不在管辖范围内`, { field: `personIds.${i}` });
  });
  if (v.spotCheckId && !(await repo.findSpotCheck(ctx.db, viewerOf(ctx), v.spotCheckId))) {
    throw new AppError('VALIDATION_FAILED', '关联的抽查记录不存在或不在管辖范围内', { field: 'spotCheckId' });
  }
  let documentSize = 0;
  if (v.document) {
    documentSize = Buffer.byteLength(v.document.base64, 'base64');
    if (documentSize === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空', { field: 'document.base64' });
    if (documentSize > SANCTION_DOCUMENT_MAX_BYTES) throw new AppError('VALIDATION_FAILED', '文件不能超过 2 MB', { field: 'document.base64' });
  }
  const values = {
    kind: v.kind, date: v.date, byOrgId: ctx.actor.orgId, orgIds: [...new Set(v.orgIds)], personIds: [...new Set(v.personIds)],
    spotCheckId: v.spotCheckId ?? null, summary: v.summary, documentName: v.document?.name ?? null, documentType: v.document?.type ?? null,
    document: v.document?.base64 ?? null, regionPath: ctx.actor.regionPath, createdBy: ctx.actor.username, createdAt: ctx.clock.now(),
  };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertSanction(tx, values);
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'sanction', entityId: newId, regionPath: ctx.actor.regionPath,
      summary: `${SANCTION_KIND_LABELS[v.kind]}（${v.date}）：${values.orgIds.length} 个单位、${values.personIds.length} 人${v.document ? `，附文件「${v.document.name}」` : ''}`,
      after: { ...values, document: v.document ? { name: v.document.name, type: v.document.type, size: documentSize } : null },
    });
    return newId;
  });
  return getSanction(ctx, id);
}
