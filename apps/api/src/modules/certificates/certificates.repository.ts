import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { appraisals, assignments, organisations, pairings, serviceCertificates, type DbOrTx } from '@duikou/db';
import type { CertificateListQuery } from '@duikou/contracts';
import type { Actor } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { visibleAssignmentIds } from '../results/results.repository.js';

export interface CertificateRow { c: typeof serviceCertificates.$inferSelect; issuerOrgName: string }

const visible = (actor: Actor) => sql`${serviceCertificates.assignmentId} in (${visibleAssignmentIds(actor)})`;

function base(db: DbOrTx) {
  return db.select({ c: serviceCertificates, issuerOrgName: organisations.name, total: totalCount }).from(serviceCertificates)
    .innerJoin(organisations, eq(organisations.id, serviceCertificates.issuerOrgId))
    .innerJoin(assignments, eq(assignments.id, serviceCertificates.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId));
}

export async function listCertificates(db: DbOrTx, actor: Actor, q: Omit<CertificateListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await base(db).where(allOf([
    visible(actor),
    q.assignmentId && eq(serviceCertificates.assignmentId, q.assignmentId),
    q.personId && eq(assignments.personId, q.personId),
    q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
    q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
  ])).orderBy(desc(serviceCertificates.issuedOn), desc(serviceCertificates.number)).limit(q.limit).offset(q.offset);
  return { rows: rows as (CertificateRow & { total: number })[], total: rows[0]?.total ?? 0 };
}

export async function findCertificate(db: DbOrTx, actor: Actor, id: string): Promise<CertificateRow | undefined> {
  const [row] = await base(db).where(and(eq(serviceCertificates.id, id), visible(actor)));
  return row;
}

export async function findByNumber(db: DbOrTx, actor: Actor, number: string): Promise<CertificateRow | undefined> {
  const [row] = await base(db).where(and(eq(serviceCertificates.number, number), visible(actor)));
  return row;
}

export async function findByAssignment(db: DbOrTx, assignmentId: string) {
  const [row] = await db.select({ number: serviceCertificates.number }).from(serviceCertificates).where(eq(serviceCertificates.assignmentId, assignmentId));
  return row;
}

/** The grade of the last completed appraisal of an assignment. */
export async function lastFiledGrade(db: DbOrTx, assignmentId: string): Promise<string | null> {
  const [row] = await db.select({ grade: appraisals.grade }).from(appraisals)
    .where(and(eq(appraisals.assignmentId, assignmentId), isNotNull(appraisals.completedOn))).orderBy(desc(appraisals.periodTo)).limit(1);
  return row?.grade ?? null;
}

export async function insertCertificate(db: DbOrTx, v: typeof serviceCertificates.$inferInsert): Promise<string> {
  const [row] = await db.insert(serviceCertificates).values(v).returning({ id: serviceCertificates.id });
  return row!.id;
}
