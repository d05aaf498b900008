import type { AuditEvent, AuditListQuery, ListResponse } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import * as repo from './audit.repository.js';

export async function listAuditEvents(ctx: RequestContext, q: AuditListQuery): Promise<ListResponse<AuditEvent>> {
  const { rows, total } = await repo.listAuditEvents(ctx.db, ctx.actor.scope, q);
  return { items: rows.map(({ total: _t, at, ...r }) => ({ ...r, at: at.toISOString() })), total };
}
