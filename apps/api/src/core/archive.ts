import type { DbOrTx, Tx } from '@duikou/db';
import type { RemoveResult } from '@duikou/contracts';
import type { RequestContext } from './actor.js';
import { recordAudit } from './audit.js';

interface Target {
  entityType: string;
  entityId: string;
  /** How the audit summary names the record, e.g. 机构「绵阳富临医院」. */
  label: string;
  regionPath: string | null;
  before: unknown;
}

/**
 * Deletes a record nothing refers to; archives one that is referred to (SPEC: soft archive instead
 * of delete), in one transaction with its audit event.
 */
export async function deleteOrArchive(
  ctx: RequestContext, target: Target,
  ops: { countReferences(tx: DbOrTx): Promise<number>; archive(tx: Tx, at: Date): Promise<void>; remove(tx: Tx): Promise<void> },
): Promise<RemoveResult> {
  return ctx.db.transaction(async (tx) => {
    const refs = await ops.countReferences(tx);
    const audit = { entityType: target.entityType, entityId: target.entityId, regionPath: target.regionPath, before: target.before };
    if (refs > 0) {
      await ops.archive(tx, ctx.clock.now());
      await recordAudit(tx, ctx, { ...audit, action: 'archive', summary: `归档${target.label}（被 ${refs} 条记录引用）` });
      return { result: 'archived' as const };
    }
    await ops.remove(tx);
    await recordAudit(tx, ctx, { ...audit, action: 'delete', summary: `删除${target.label}` });
    return { result: 'deleted' as const };
  });
}

export async function restoreArchived(ctx: RequestContext, target: Omit<Target, 'before'>, restore: (tx: Tx, at: Date) => Promise<void>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await restore(tx, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'restore', entityType: target.entityType, entityId: target.entityId, regionPath: target.regionPath, summary: `恢复${target.label}` });
  });
}
