import { and, asc, inArray, sql } from 'drizzle-orm';
import { assignments, attendanceDays, type DbOrTx } from '@duikou/db';

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
