import { and, asc, inArray, sql } from 'drizzle-orm';
import { assignments, attendanceDays, queryNamed, type Db, type DbOrTx } from '@duikou/db';

/**
 * Attendance of many assignments in one query: the days within each term (actual start, else planned)
 * up to `until`, as the engine reads them — it needs the dates, not only counts per status, to tell
 * working days from holidays and to find continuous stays.
 */
export async function listAttendance(db: DbOrTx, assignmentIds: string[], until: string): Promise<Map<string, { date: string; status: string }[]>> {
  const byAssignment = new Map<string, { date: string; status: string }[]>(assignmentIds.map((id) => [id, []]));
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await db.select({ assignmentId: attendanceDays.assignmentId, date: attendanceDays.date, status: attendanceDays.status })
    .from(attendanceDays)
    .innerJoin(assignments, sql`${assignments.id} = ${attendanceDays.assignmentId}`)
    .where(and(
      inArray(attendanceDays.assignmentId, assignmentIds),
      sql`${attendanceDays.date} >= coalesce(${assignments.actualStart}, ${assignments.plannedStart})`,
      sql`${attendanceDays.date} <= least(${until}::date, coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}))`,
    ))
    .orderBy(asc(attendanceDays.assignmentId), asc(attendanceDays.date));
  for (const r of rows) byAssignment.get(r.assignmentId)!.push({ date: r.date, status: r.status });
  return byAssignment;
}

/**
 * Marks assignments as being judged: a change of their records meanwhile gives the row a new token
 * (trigger), so the result is not stored. The last verdict stays readable as the last known one.
 */
export async function reserveProgress(db: Db, ids: readonly string[], token: string): Promise<void> {
  if (ids.length === 0) return;
  await queryNamed(db, 'progress_reserve', `
    insert into assignment_progress (assignment_id, as_of, token, status, progress, computed_at)
    select id, date '1970-01-01', $2::uuid, null, null, now() from unnest($1::uuid[]) as id
    on conflict (assignment_id) do update set token = excluded.token`,
  [ids, token]);
}

/** Stores the verdicts of `asOf` for the assignments still marked with `token`; those changed meanwhile stay as they were. */
export async function storeProgress(db: Db, token: string, asOf: string, items: readonly { id: string; status: string; progress: unknown }[]): Promise<void> {
  if (items.length === 0) return;
  await queryNamed(db, 'progress_store', `
    update assignment_progress p set as_of = $3::date, status = v.status, progress = v.progress, computed_at = now()
    from jsonb_to_recordset($1::jsonb) as v(id uuid, status text, progress jsonb)
    where p.assignment_id = v.id and p.token = $2::uuid`,
  [JSON.stringify(items), token, asOf]);
}

/** The stored verdicts of some assignments (a page of the at-risk list). */
export async function readProgress<T>(db: Db, ids: readonly string[], asOf: string): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await queryNamed<{ id: string; progress: T }>(db, 'progress_read',
    `select assignment_id as id, progress from assignment_progress where as_of = $1::date and status is not null and assignment_id = any($2::uuid[])`,
    [asOf, ids]);
  return new Map(rows.map((r) => [r.id, r.progress]));
}

/**
 * ANALYZE of the judgement cache (its owner may; ANALYZE blocks no reads or writes). Skipped when
 * another ANALYZE or a vacuum holds the table (several areas' first dashboards at once), and a failure
 * costs only speed: the judgements are stored already.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze (skip_locked) assignment_progress`).catch(() => undefined);
}
