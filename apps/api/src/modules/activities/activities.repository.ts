import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { activities, activityAttachments, assignments, pairings, type DbOrTx } from '@duikou/db';
import type { ActivityListQuery } from '@duikou/contracts';
import type { Actor } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { visibleAssignmentIds } from '../results/results.repository.js';
import { inIds } from '../../core/sql-ids.js';

export type ActivityRow = typeof activities.$inferSelect;

const visible = (actor: Actor) => sql`${activities.assignmentId} in (${visibleAssignmentIds(actor)})`;

export async function listActivities(db: DbOrTx, actor: Actor, q: Omit<ActivityListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await db.select({ a: activities, total: totalCount }).from(activities)
    .innerJoin(assignments, eq(assignments.id, activities.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(allOf([
      visible(actor),
      q.assignmentId && eq(activities.assignmentId, q.assignmentId),
      q.personId && eq(assignments.personId, q.personId),
      q.kind && eq(activities.kind, q.kind),
      q.setting && eq(activities.setting, q.setting),
      q.from && sql`${activities.date} >= ${q.from}`,
      q.to && sql`${activities.date} <= ${q.to}`,
      q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
      q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    ]))
    .orderBy(desc(activities.date), desc(activities.createdAt)).limit(q.limit).offset(q.offset);
  return { rows: rows.map((r) => r.a), total: rows[0]?.total ?? 0 };
}

export async function findActivity(db: DbOrTx, actor: Actor, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(and(eq(activities.id, id), visible(actor)));
  return row;
}

/** Attachment names and sizes (not their content) of many activities. */
export async function listAttachmentMeta(db: DbOrTx, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db.select({ id: activityAttachments.id, activityId: activityAttachments.activityId, name: activityAttachments.name, type: activityAttachments.type, size: activityAttachments.size })
    .from(activityAttachments).where(inIds(activityAttachments.activityId, activityIds)).orderBy(asc(activityAttachments.name));
}

export async function findAttachment(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select({ file: activityAttachments }).from(activityAttachments)
    .innerJoin(activities, eq(activities.id, activityAttachments.activityId))
    .where(and(eq(activityAttachments.id, id), visible(actor)));
  return row?.file;
}

export async function insertActivity(db: DbOrTx, v: typeof activities.$inferInsert, files: Omit<typeof activityAttachments.$inferInsert, 'activityId'>[]): Promise<string> {
  const [row] = await db.insert(activities).values(v).returning({ id: activities.id });
  if (files.length) await db.insert(activityAttachments).values(files.map((f) => ({ ...f, activityId: row!.id })));
  return row!.id;
}

export async function updateActivity(db: DbOrTx, id: string, set: Partial<typeof activities.$inferInsert>) {
  await db.update(activities).set(set).where(eq(activities.id, id));
}

export async function deleteActivity(db: DbOrTx, id: string) {
  await db.delete(activities).where(eq(activities.id, id));
}

/** Remote guidance records (dates) of many assignments. */
export async function listGuidance(db: DbOrTx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.select({ id: activities.id, assignmentId: activities.assignmentId, date: activities.date }).from(activities)
    .where(and(inIds(activities.assignmentId, assignmentIds), eq(activities.setting, 'off_site'))).orderBy(asc(activities.date));
}
