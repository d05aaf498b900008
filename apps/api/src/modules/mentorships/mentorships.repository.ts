import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { assignments, mentorshipApprentices, mentorships, pairings, recipientDepartments, type DbOrTx } from '@duikou/db';
import type { MentorshipListQuery } from '@duikou/contracts';
import type { Actor } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { visibleAssignmentIds } from '../results/results.repository.js';
import { inIds } from '../../core/sql-ids.js';

export type MentorshipRow = typeof mentorships.$inferSelect;
export type ApprenticeRow = typeof mentorshipApprentices.$inferSelect;

const visible = (actor: Actor) => sql`${mentorships.assignmentId} in (${visibleAssignmentIds(actor)})`;

function filtered(actor: Actor, q: Omit<MentorshipListQuery, 'page' | 'pageSize'>) {
  return allOf([
    visible(actor),
    q.year !== undefined && eq(mentorships.year, q.year),
    q.assignmentId && eq(mentorships.assignmentId, q.assignmentId),
    q.pairingId && eq(assignments.pairingId, q.pairingId),
    q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
    q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
  ]);
}

export async function listMentorships(db: DbOrTx, actor: Actor, q: Omit<MentorshipListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await db.select({ m: mentorships, total: totalCount }).from(mentorships)
    .innerJoin(assignments, eq(assignments.id, mentorships.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(filtered(actor, q))
    .orderBy(desc(mentorships.year), asc(mentorships.createdAt)).limit(q.limit).offset(q.offset);
  return { rows: rows.map((r) => r.m), total: rows[0]?.total ?? 0 };
}

/** Every matching mentorship (for attachment 4), capped. */
export async function listAllMentorships(db: DbOrTx, actor: Actor, q: Omit<MentorshipListQuery, 'page' | 'pageSize'>) {
  return db.select({ m: mentorships }).from(mentorships)
    .innerJoin(assignments, eq(assignments.id, mentorships.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(filtered(actor, q)).orderBy(asc(mentorships.year), asc(mentorships.createdAt)).limit(5000)
    .then((rows) => rows.map((r) => r.m));
}

export async function findMentorship(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(mentorships).where(and(eq(mentorships.id, id), visible(actor)));
  return row;
}

export async function findByKey(db: DbOrTx, assignmentId: string, year: number) {
  const [row] = await db.select({ id: mentorships.id }).from(mentorships).where(and(eq(mentorships.assignmentId, assignmentId), eq(mentorships.year, year)));
  return row;
}

export async function listOfAssignments(db: DbOrTx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.select().from(mentorships).where(inIds(mentorships.assignmentId, assignmentIds)).orderBy(asc(mentorships.year));
}

export async function listApprentices(db: DbOrTx, mentorshipIds: readonly string[]): Promise<ApprenticeRow[]> {
  if (mentorshipIds.length === 0) return [];
  return db.select().from(mentorshipApprentices).where(inIds(mentorshipApprentices.mentorshipId, mentorshipIds))
    .orderBy(asc(mentorshipApprentices.mentorshipId), asc(mentorshipApprentices.position), asc(mentorshipApprentices.name));
}

export async function findApprentice(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select({ a: mentorshipApprentices, m: mentorships }).from(mentorshipApprentices)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipApprentices.mentorshipId))
    .where(and(eq(mentorshipApprentices.id, id), visible(actor)));
  return row;
}

export async function findByCertificateNo(db: DbOrTx, actor: Actor, number: string) {
  const [row] = await db.select({ a: mentorshipApprentices, m: mentorships }).from(mentorshipApprentices)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipApprentices.mentorshipId))
    .where(and(eq(mentorshipApprentices.certificateNo, number), visible(actor)));
  return row;
}

export async function insertMentorship(db: DbOrTx, v: typeof mentorships.$inferInsert): Promise<string> {
  const [row] = await db.insert(mentorships).values(v).returning({ id: mentorships.id });
  return row!.id;
}

export async function updateMentorship(db: DbOrTx, id: string, set: Partial<typeof mentorships.$inferInsert>) {
  await db.update(mentorships).set(set).where(eq(mentorships.id, id));
}

export async function deleteMentorship(db: DbOrTx, id: string) {
  await db.delete(mentorships).where(eq(mentorships.id, id));
}

export async function insertApprentices(db: DbOrTx, values: (typeof mentorshipApprentices.$inferInsert)[]): Promise<string[]> {
  if (values.length === 0) return [];
  return (await db.insert(mentorshipApprentices).values(values).returning({ id: mentorshipApprentices.id })).map((r) => r.id);
}

export async function updateApprentice(db: DbOrTx, id: string, set: Partial<typeof mentorshipApprentices.$inferInsert>) {
  await db.update(mentorshipApprentices).set(set).where(eq(mentorshipApprentices.id, id));
}

export async function deleteApprentice(db: DbOrTx, id: string) {
  await db.delete(mentorshipApprentices).where(eq(mentorshipApprentices.id, id));
}

export async function findDepartments(db: DbOrTx, orgId: string) {
  const [row] = await db.select().from(recipientDepartments).where(eq(recipientDepartments.orgId, orgId));
  return row;
}

export async function listDepartments(db: DbOrTx, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db.select().from(recipientDepartments).where(inArray(recipientDepartments.orgId, [...orgIds]));
}

export async function upsertDepartments(db: DbOrTx, v: typeof recipientDepartments.$inferInsert) {
  await db.insert(recipientDepartments).values(v).onConflictDoUpdate({ target: recipientDepartments.orgId, set: { departments: v.departments, updatedBy: v.updatedBy, updatedAt: v.updatedAt } });
}

/** The specialty needs of the pairings a recipient takes part in (MY 附件1 受援单位专业需求). */
export async function listNeeds(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ needs: pairings.needs }).from(pairings).where(and(eq(pairings.recipientOrgId, orgId), sql`${pairings.archivedAt} is null`));
  return [...new Set(rows.flatMap((r) => r.needs))];
}
