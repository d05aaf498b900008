import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  assignments, leaveDecisions, leaveRequests, notificationDeliveries, notifications, organisations, pairingSupportUnits, pairings, persons,
  programmes, quarterlyReports, regions, rowsOf, spotCheckResults, spotChecks, statutoryReports, users, type DbOrTx,
} from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { visibleProgrammeIds } from '../../core/scope.sql.js';

// ── The caller's own notifications ───────────────────────────────────────────

export type NotificationRow = typeof notifications.$inferSelect;

/** Unread first, then newest first. */
export async function listNotifications(db: DbOrTx, userId: string, q: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = and(eq(notifications.userId, userId), q.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [count]] = await Promise.all([
    db.select().from(notifications).where(where)
      .orderBy(sql`(${notifications.readAt} is null) desc`, desc(notifications.createdAt), desc(notifications.id)).limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`cast(count(*) as integer)` }).from(notifications).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`cast(count(*) as integer)` }).from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (a second call keeps the first time); undefined when it is not theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string, now: Date): Promise<{ row: NotificationRow; wasUnread: boolean } | undefined> {
  const [before] = await db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!before) return undefined;
  const [row] = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${now})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning();
  return { row: row!, wasUnread: before.readAt === null };
}

export async function markAllRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}

// ── Writes of the reminder job ───────────────────────────────────────────────

export type NewNotification = Pick<typeof notifications.$inferInsert, 'userId' | 'kind' | 'title' | 'body' | 'link' | 'dedupeKey'> & { createdAt: Date };

/** Inserts the reminders not sent before: (user, dedupe key) is unique, a repeat is skipped. Returns the rows created. */
export async function insertNotifications(db: DbOrTx, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  const created: NotificationRow[] = [];
  // 8 columns × 500 rows stays far below PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 500) {
    created.push(...await db.insert(notifications).values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] }).returning());
  }
  return created;
}

export async function insertDelivery(db: DbOrTx, v: typeof notificationDeliveries.$inferInsert): Promise<void> {
  await db.insert(notificationDeliveries).values(v);
}

export async function listDeliveries(db: DbOrTx, notificationIds: string[]) {
  if (notificationIds.length === 0) return [];
  return db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.notificationId, notificationIds)).orderBy(asc(notificationDeliveries.at));
}

/**
 * Takes the cluster-wide reminder lock for the current transaction (released at its end, also when a
 * node dies): false when another node is running the job.
 */
export async function tryReminderLock(db: DbOrTx): Promise<boolean> {
  // 0x64756b6f = 'duko': one fixed key for the reminder job.
  const rows = rowsOf<{ locked: boolean }>(await db.execute(sql`select pg_try_advisory_xact_lock(1685418863, 1) as locked`));
  return rows[0]?.locked === true;
}

// ── Facts the reminder job gathers ───────────────────────────────────────────

export interface ReminderUser {
  id: string; username: string; displayName: string; role: string; orgId: string; orgName: string; regionPath: string | null; personId: string | null;
}

/** Every enabled account, with its organisation's region path (offices act for their area). */
export async function listActiveUsers(db: DbOrTx): Promise<ReminderUser[]> {
  return db.select({
    id: users.id, username: users.username, displayName: users.displayName, role: users.role, orgId: users.orgId, orgName: organisations.name,
    regionPath: regions.path, personId: users.personId,
  }).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(isNull(users.disabledAt));
}

export interface ProgrammeFacts {
  id: string; name: string; policyCode: string; validFrom: string | null; validTo: string | null;
}

/** Programmes not archived whose validity meets [from, to]; in the scope when one is given. */
export async function listProgrammesMeeting(db: DbOrTx, from: string, to: string, opts: { scope?: Scope; programmeId?: string | undefined } = {}): Promise<ProgrammeFacts[]> {
  return db.select({ id: programmes.id, name: programmes.name, policyCode: programmes.policyCode, validFrom: programmes.validFrom, validTo: programmes.validTo })
    .from(programmes).where(and(
      isNull(programmes.archivedAt),
      sql`(${programmes.validFrom} is null or ${programmes.validFrom} <= ${to}) and (${programmes.validTo} is null or ${programmes.validTo} >= ${from})`,
      opts.scope && opts.scope.kind !== 'all' ? sql`${programmes.id} in (${visibleProgrammeIds(opts.scope)})` : undefined,
      opts.programmeId ? eq(programmes.id, opts.programmeId) : undefined,
    )).orderBy(asc(programmes.validFrom), asc(programmes.name));
}

/** The parties of each programme's live pairings: support units, and recipients with their region path. */
export async function listProgrammeParties(db: DbOrTx, programmeIds: string[], on: string) {
  if (programmeIds.length === 0) return { support: [], recipients: [] };
  const live = and(inArray(pairings.programmeId, programmeIds), isNull(pairings.archivedAt),
    sql`(${pairings.validFrom} is null or ${pairings.validFrom} <= ${on}) and (${pairings.validTo} is null or ${pairings.validTo} >= ${on})`);
  // Sequential: inside the reminder job's transaction there is one connection.
  const support = await db.selectDistinct({ programmeId: pairings.programmeId, orgId: pairingSupportUnits.orgId }).from(pairingSupportUnits)
    .innerJoin(pairings, eq(pairings.id, pairingSupportUnits.pairingId)).where(live);
  const recipients = await db.selectDistinct({ programmeId: pairings.programmeId, orgId: pairings.recipientOrgId, regionPath: regions.path }).from(pairings)
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId)).leftJoin(regions, eq(regions.code, organisations.regionCode)).where(live);
  return { support, recipients };
}

/** Statutory reports already sent (submitted or accepted) for these periods: no reminder for them. */
export async function listSentReports(db: DbOrTx, periods: string[]) {
  if (periods.length === 0) return [];
  return db.select({ kind: statutoryReports.kind, period: statutoryReports.period, orgId: statutoryReports.submitterOrgId }).from(statutoryReports)
    .where(and(inArray(statutoryReports.period, periods), inArray(statutoryReports.status, ['submitted', 'accepted'])));
}

/** Recipients owing a quarter's feedback: a person of theirs was on post in the quarter and has no report for it. */
export async function listRecipientsOwingProgress(db: DbOrTx, programmeIds: string[], quarter: string, from: string, to: string) {
  if (programmeIds.length === 0) return [];
  return db.selectDistinct({ programmeId: pairings.programmeId, orgId: pairings.recipientOrgId }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(and(
      inArray(pairings.programmeId, programmeIds), inArray(assignments.status, ['on_duty', 'completed', 'replaced']),
      sql`coalesce(${assignments.actualStart}, ${assignments.plannedStart}) <= ${to} and coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${from}`,
      sql`not exists (select 1 from ${quarterlyReports} q where q.assignment_id = ${assignments.id} and q.quarter = ${quarter})`,
    ));
}

/** Leave requests still pending, with their steps and the decisions taken so far. */
export async function listPendingLeave(db: DbOrTx) {
  const rows = await db.select({
    id: leaveRequests.id, startDate: leaveRequests.startDate, endDate: leaveRequests.endDate, workingDays: leaveRequests.workingDays,
    steps: leaveRequests.approvalsRequired, personName: persons.name, supportOrgId: assignments.supportOrgId,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name, regionPath: regions.path,
  }).from(leaveRequests)
    .innerJoin(assignments, eq(assignments.id, leaveRequests.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(leaveRequests.status, 'pending'));
  const decisions = rows.length === 0 ? [] : await db.select({ leaveId: leaveDecisions.leaveId, party: leaveDecisions.party }).from(leaveDecisions)
    .where(inArray(leaveDecisions.leaveId, rows.map((r) => r.id)));
  return { rows, decisions };
}

/** Roll calls still open (deadline ahead) that a person has not answered. */
export async function listOpenRollCalls(db: DbOrTx, now: Date) {
  return db.select({
    spotCheckId: spotChecks.id, personId: spotCheckResults.personId, deadline: spotChecks.rollCallDeadline, byOrgName: organisations.name,
  }).from(spotCheckResults)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckResults.spotCheckId))
    .innerJoin(organisations, eq(organisations.id, spotChecks.byOrgId))
    .where(and(eq(spotChecks.method, 'roll_call'), eq(spotCheckResults.result, 'pending'), sql`${spotChecks.rollCallDeadline} > ${now}`));
}
