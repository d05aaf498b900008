import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  activities, annualTasks, appraisalSteps, appraisals, assignments, attendanceDays, leaveRequests, mentorshipApprentices, mentorships, pairings, quarterlyReports,
  spotCheckResults, spotChecks, type DbOrTx,
} from '@duikou/db';
import type { AppraisalListQuery } from '@duikou/contracts';
import type { Actor } from '../../core/actor.js';
import { allOf } from '../../core/pagination.js';
import { visibleAssignmentIds } from '../results/results.repository.js';
import { inIds } from '../../core/sql-ids.js';

export type AppraisalRow = typeof appraisals.$inferSelect;
export type StepRow = typeof appraisalSteps.$inferSelect;

const visible = (actor: Actor) => sql`${appraisals.assignmentId} in (${visibleAssignmentIds(actor)})`;
const statusCondition = {
  draft: sql`${appraisals.stage} = 0`,
  in_review: sql`${appraisals.stage} > 0 and ${appraisals.stage} < jsonb_array_length(${appraisals.chain})`,
  filed: sql`${appraisals.stage} >= jsonb_array_length(${appraisals.chain})`,
} as const;

/** Appraisals in scope matching the filters (capped: `todo` filters in memory). */
export async function listAppraisals(db: DbOrTx, actor: Actor, q: Omit<AppraisalListQuery, 'page' | 'pageSize' | 'todo'>) {
  return db.select({ ap: appraisals }).from(appraisals)
    .innerJoin(assignments, eq(assignments.id, appraisals.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(allOf([
      visible(actor),
      q.year !== undefined && eq(appraisals.year, q.year),
      q.assignmentId && eq(appraisals.assignmentId, q.assignmentId),
      q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
      q.status && statusCondition[q.status],
      q.grade && eq(appraisals.grade, q.grade),
    ]))
    .orderBy(desc(appraisals.periodTo), asc(appraisals.createdAt)).limit(2000)
    .then((rows) => rows.map((r) => r.ap));
}

export async function findAppraisal(db: DbOrTx, actor: Actor, id: string): Promise<AppraisalRow | undefined> {
  const [row] = await db.select().from(appraisals).where(and(eq(appraisals.id, id), visible(actor)));
  return row;
}

/** The appraisals of many assignments (for the overview of help years). */
export async function listOfAssignments(db: DbOrTx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.select({ id: appraisals.id, assignmentId: appraisals.assignmentId, periodFrom: appraisals.periodFrom, grade: appraisals.grade, completedOn: appraisals.completedOn, stage: appraisals.stage, chain: appraisals.chain })
    .from(appraisals).where(inIds(appraisals.assignmentId, assignmentIds));
}

export async function listOfAssignment(db: DbOrTx, assignmentId: string) {
  return db.select({ id: appraisals.id, periodFrom: appraisals.periodFrom, grade: appraisals.grade, completedOn: appraisals.completedOn, stage: appraisals.stage, chain: appraisals.chain })
    .from(appraisals).where(eq(appraisals.assignmentId, assignmentId)).orderBy(asc(appraisals.periodFrom));
}

export async function listSteps(db: DbOrTx, ids: readonly string[]): Promise<StepRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(appraisalSteps).where(inIds(appraisalSteps.appraisalId, ids)).orderBy(asc(appraisalSteps.actedAt), asc(appraisalSteps.id));
}

export async function insertAppraisal(db: DbOrTx, v: typeof appraisals.$inferInsert): Promise<string> {
  const [row] = await db.insert(appraisals).values(v).returning({ id: appraisals.id });
  return row!.id;
}

export async function updateAppraisal(db: DbOrTx, id: string, set: Partial<typeof appraisals.$inferInsert>) {
  await db.update(appraisals).set(set).where(eq(appraisals.id, id));
}

export async function insertStep(db: DbOrTx, v: typeof appraisalSteps.$inferInsert) {
  await db.insert(appraisalSteps).values(v);
}

// ── The records behind the pre-filled figures ─────────────────────────────────

export async function listAttendanceIn(db: DbOrTx, assignmentId: string, from: string, to: string) {
  return db.select({ date: attendanceDays.date, status: attendanceDays.status }).from(attendanceDays)
    .where(and(eq(attendanceDays.assignmentId, assignmentId), sql`${attendanceDays.date} between ${from} and ${to}`)).orderBy(asc(attendanceDays.date));
}

/** Leave starting in the period. */
export async function listLeaveIn(db: DbOrTx, assignmentId: string, from: string, to: string) {
  return db.select({ id: leaveRequests.id, status: leaveRequests.status, workingDays: leaveRequests.workingDays }).from(leaveRequests)
    .where(and(eq(leaveRequests.assignmentId, assignmentId), sql`${leaveRequests.startDate} between ${from} and ${to}`));
}

export async function listSpotCheckResultsIn(db: DbOrTx, assignmentId: string, from: string, to: string) {
  return db.select({ result: spotCheckResults.result }).from(spotCheckResults)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckResults.spotCheckId))
    .where(and(eq(spotCheckResults.assignmentId, assignmentId), sql`${spotChecks.date} between ${from} and ${to}`, sql`${spotCheckResults.result} <> 'pending'`));
}

export async function listActivitiesIn(db: DbOrTx, assignmentId: string, from: string, to: string) {
  return db.select({ kind: activities.kind, setting: activities.setting }).from(activities)
    .where(and(eq(activities.assignmentId, assignmentId), sql`${activities.date} between ${from} and ${to}`));
}

export async function listTasksOfYears(db: DbOrTx, assignmentId: string, fromYear: number, toYear: number) {
  return db.select({ id: annualTasks.id }).from(annualTasks)
    .where(and(eq(annualTasks.assignmentId, assignmentId), sql`${annualTasks.year} between ${fromYear} and ${toYear}`));
}

export async function listReportsOf(db: DbOrTx, assignmentId: string) {
  return db.select({ id: quarterlyReports.id, quarter: quarterlyReports.quarter, submittedOn: quarterlyReports.submittedOn, taskProgress: quarterlyReports.taskProgress })
    .from(quarterlyReports).where(eq(quarterlyReports.assignmentId, assignmentId)).orderBy(asc(quarterlyReports.quarter));
}

export async function countApprentices(db: DbOrTx, assignmentId: string, fromYear: number, toYear: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`cast(count(*) as integer)` }).from(mentorshipApprentices)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipApprentices.mentorshipId))
    .where(and(eq(mentorships.assignmentId, assignmentId), sql`${mentorships.year} between ${fromYear} and ${toYear}`));
  return row?.n ?? 0;
}
