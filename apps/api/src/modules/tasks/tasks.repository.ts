import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { annualTasks, assignments, pairings, quarterlyReports, type DbOrTx } from '@duikou/db';
import type { AnnualTaskListQuery, QuarterlyReportListQuery } from '@duikou/contracts';
import type { Actor } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { visibleAssignmentIds } from '../results/results.repository.js';
import { inIds } from '../../core/sql-ids.js';

type Page = { limit: number; offset: number };

export async function listTasks(db: DbOrTx, actor: Actor, q: Omit<AnnualTaskListQuery, 'page' | 'pageSize'> & Page) {
  const rows = await db.select({ t: annualTasks, total: totalCount }).from(annualTasks)
    .innerJoin(assignments, eq(assignments.id, annualTasks.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(allOf([
      sql`${annualTasks.assignmentId} in (${visibleAssignmentIds(actor)})`,
      q.assignmentId && eq(annualTasks.assignmentId, q.assignmentId),
      q.year !== undefined && eq(annualTasks.year, q.year),
      q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
      q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    ]))
    .orderBy(desc(annualTasks.year), asc(annualTasks.assignmentId), asc(annualTasks.createdAt))
    .limit(q.limit).offset(q.offset);
  return { rows: rows.map((r) => r.t), total: rows[0]?.total ?? 0 };
}

export async function findTask(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(annualTasks).where(and(eq(annualTasks.id, id), sql`${annualTasks.assignmentId} in (${visibleAssignmentIds(actor)})`));
  return row;
}

export async function listTasksOf(db: DbOrTx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.select().from(annualTasks).where(inIds(annualTasks.assignmentId, assignmentIds)).orderBy(asc(annualTasks.createdAt));
}

export async function insertTask(db: DbOrTx, v: typeof annualTasks.$inferInsert): Promise<string> {
  const [row] = await db.insert(annualTasks).values(v).returning({ id: annualTasks.id });
  return row!.id;
}

export async function updateTask(db: DbOrTx, id: string, set: Partial<typeof annualTasks.$inferInsert>) {
  await db.update(annualTasks).set(set).where(eq(annualTasks.id, id));
}

export async function deleteTask(db: DbOrTx, id: string) {
  await db.delete(annualTasks).where(eq(annualTasks.id, id));
}

/** Quarterly reports that mention a task. */
export async function countReportsMentioning(db: DbOrTx, assignmentId: string, taskId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`cast(count(*) as integer)` }).from(quarterlyReports)
    .where(and(eq(quarterlyReports.assignmentId, assignmentId), sql`${quarterlyReports.taskProgress} @> ${JSON.stringify([{ taskId }])}::jsonb`));
  return row?.n ?? 0;
}

export async function listReports(db: DbOrTx, actor: Actor, q: Omit<QuarterlyReportListQuery, 'page' | 'pageSize'> & Page) {
  const rows = await db.select({ r: quarterlyReports, total: totalCount }).from(quarterlyReports)
    .innerJoin(assignments, eq(assignments.id, quarterlyReports.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(allOf([
      sql`${quarterlyReports.assignmentId} in (${visibleAssignmentIds(actor)})`,
      q.assignmentId && eq(quarterlyReports.assignmentId, q.assignmentId),
      q.year !== undefined && sql`${quarterlyReports.quarter} like ${`${q.year}-Q%`}`,
      q.quarter && eq(quarterlyReports.quarter, q.quarter),
      q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
      q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    ]))
    .orderBy(desc(quarterlyReports.quarter), asc(quarterlyReports.assignmentId))
    .limit(q.limit).offset(q.offset);
  return { rows: rows.map((r) => r.r), total: rows[0]?.total ?? 0 };
}

export async function findReport(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(quarterlyReports).where(and(eq(quarterlyReports.id, id), sql`${quarterlyReports.assignmentId} in (${visibleAssignmentIds(actor)})`));
  return row;
}

/** Every report of these assignments: the engine judges each quarter against them. */
export async function listReportsOf(db: DbOrTx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.select().from(quarterlyReports).where(inIds(quarterlyReports.assignmentId, assignmentIds)).orderBy(asc(quarterlyReports.quarter));
}

export async function findReportByQuarter(db: DbOrTx, assignmentId: string, quarter: string) {
  const [row] = await db.select({ id: quarterlyReports.id }).from(quarterlyReports).where(and(eq(quarterlyReports.assignmentId, assignmentId), eq(quarterlyReports.quarter, quarter)));
  return row;
}

export async function insertReport(db: DbOrTx, v: typeof quarterlyReports.$inferInsert): Promise<string> {
  const [row] = await db.insert(quarterlyReports).values(v).returning({ id: quarterlyReports.id });
  return row!.id;
}

export async function updateReport(db: DbOrTx, id: string, set: Partial<typeof quarterlyReports.$inferInsert>) {
  await db.update(quarterlyReports).set(set).where(eq(quarterlyReports.id, id));
}
