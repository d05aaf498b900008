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

/** Appends many audit events in a few statements (an import of thousands of rows, one line each). */
export async function recordAudits(db: DbOrTx, ctx: Pick<RequestContext, 'actor' | 'ip' | 'clock'>, entries: readonly AuditEntry[]): Promise<void> {
  const at = ctx.clock.now();
  const rows = entries.map((entry) => ({
    at, actorUserId: ctx.actor.userId, actorUsername: ctx.actor.username, action: entry.action, entityType: entry.entityType,
    entityId: entry.entityId ?? null, summary: entry.summary ?? null, regionPath: entry.regionPath ?? null,
    before: (entry.before ?? null) as never, after: (entry.after ?? null) as never, ip: ctx.ip,
  }));
  // PostgreSQL takes at most 65,535 parameters in one statement: 11 columns × 1,000 rows stays well under.
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditEvents).values(rows.slice(i, i + 1000));
}
