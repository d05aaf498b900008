import { auditEvents, type DbOrTx } from '@duikou/db';
import type { AuditAction } from '@duikou/contracts';
import type { RequestContext } from './actor.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  summary?: string;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit event; called inside the same transaction as the write it records. */
export async function recordAudit(db: DbOrTx, ctx: Pick<RequestContext, 'actor' | 'ip' | 'clock'> | null, entry: AuditEntry, anon?: { username?: string; ip?: string | null }): Promise<void> {
  await db.insert(auditEvents).values({
    at: ctx?.clock.now() ?? new Date(),
    actorUserId: ctx?.actor.userId ?? null,
    actorUsername: ctx?.actor.username ?? anon?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    summary: entry.summary ?? null,
    regionPath: entry.regionPath ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
    ip: ctx?.ip ?? anon?.ip ?? null,
  });
}
