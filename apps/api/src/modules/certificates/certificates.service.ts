import { evaluateOnSiteDays, CalendarYearMissingError, type AssignmentMode, type AttendanceStatus } from '@duikou/policy';
import type { Certificate, CertificateListQuery, CertificateVerify, ListResponse } from '@duikou/contracts';
import { ASSESSMENT_RESULT_LABELS } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { findCertificate as findApprenticeCertificate } from '../mentorships/mentorships.service.js';
import { listAttendance } from '../progress/progress.repository.js';
import { findAssignmentFacts, nextDocumentNumber, type AssignmentFacts } from '../results/results.repository.js';
import { actsFor, officeOver, orgRef, PDF, policyCache, today, type FileAnswer } from '../results/results.service.js';
import * as repo from './certificates.repository.js';
import { renderServiceCertificatePdf } from './service-certificate.pdf.js';

/** What a certificate prints, fixed when issued. */
type Snapshot = Omit<Certificate, 'id' | 'number' | 'assignmentId' | 'issuedOn' | 'issuerOrg' | 'issuedBy' | 'createdAt'>;

const toCertificate = (r: repo.CertificateRow): Certificate => ({
  ...(r.c.snapshot as Snapshot), id: r.c.id, number: r.c.number, assignmentId: r.c.assignmentId, issuedOn: r.c.issuedOn,
  issuerOrg: orgRef(r.c.issuerOrgId, r.issuerOrgName), issuedBy: r.c.issuedBy, createdAt: r.c.createdAt.toISOString(),
});

export async function listCertificates(ctx: RequestContext, q: CertificateListQuery): Promise<ListResponse<Certificate>> {
  const { rows, total } = await repo.listCertificates(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  return { items: rows.map(toCertificate), total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.CertificateRow> {
  const row = await repo.findCertificate(ctx.db, ctx.actor, id);
  if (!row) throw notFound('晋升经历证明');
  return row;
}

export async function getCertificate(ctx: RequestContext, id: string): Promise<Certificate> {
  return toCertificate(await findVisible(ctx, id));
}

/** The headline on-site figures of a term as the engine counts them from attendance. */
async function onSiteOf(ctx: RequestContext, f: AssignmentFacts): Promise<Certificate['onSite']> {
  const asOf = today(ctx);
  const [policy, calendar, days] = await Promise.all([policyCache(ctx)(f.policyCode, f.start), loadCalendar(ctx.db), listAttendance(ctx.db, [f.id], asOf)]);
  try {
    const verdicts = evaluateOnSiteDays({
      policy, calendar, today: asOf, assignment: { id: f.id, start: f.start, end: f.end, mode: f.mode as AssignmentMode },
      attendance: (days.get(f.id) ?? []).map((d) => ({ id: d.date, date: d.date, status: d.status as AttendanceStatus })),
    });
    const headline = verdicts.find((v) => v.ruleId === 'on-site.working-days' || v.ruleId === 'on-site.cumulative');
    const num = (x: unknown) => (typeof x === 'number' ? x : null);
    return headline ? { ruleId: headline.ruleId, done: num(headline.figures.onSiteDays), required: num(headline.figures.required), forecast: null } : null;
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return null;
    throw err;
  }
}

/**
 * A numbered certificate of a completed assignment, for title promotion: issued once, by the
 * dispatching support unit or an office over the recipient; what it prints is fixed at issue.
 */
export async function issueCertificate(ctx: RequestContext, assignmentId: string): Promise<Certificate> {
  const f = await findAssignmentFacts(ctx.db, ctx.actor, assignmentId);
  if (!f) throw new AppError('VALIDATION_FAILED', '派驻记录不存在或不在您的范围内', { field: 'assignmentId' });
  const asSupport = ctx.actor.role !== 'staff' && ctx.actor.role !== 'team_leader' && actsFor(ctx.actor, f.supportOrgId);
  if (!asSupport && !officeOver(ctx.actor, f.recipientRegionPath)) throw forbidden(`晋升经历证明由派出单位「${f.supportOrgName}」或受援单位所在辖区的卫生健康行政部门出具`);
  if (f.status !== 'completed') throw new AppError('CONFLICT', `派驻尚未期满结束（当前状态：${f.status === 'on_duty' ? '在岗' : f.status === 'planned' ? '计划派出' : '已召回或替换'}），不能出具经历证明`);
  const existing = await repo.findByAssignment(ctx.db, f.id);
  if (existing) throw new AppError('CONFLICT', `该派驻已出具经历证明 ${existing.number}`);
  const snapshot: Snapshot = {
    person: { id: f.personId, name: f.personName, gender: f.personGender, title: f.personTitle },
    supportOrg: orgRef(f.supportOrgId, f.supportOrgName), recipientOrg: orgRef(f.recipientOrgId, f.recipientOrgName), department: f.department, programmeName: f.programmeName,
    period: { start: f.start, end: f.end }, onSite: await onSiteOf(ctx, f),
    appraisalGrade: (await repo.lastFiledGrade(ctx.db, f.id)) as Snapshot['appraisalGrade'],
  };
  const issuedOn = today(ctx);
  const year = Number(issuedOn.slice(0, 4));
  const id = await ctx.db.transaction(async (tx) => {
    const number = `${f.policyCode}-ZM-${year}-${String(await nextDocumentNumber(tx, 'service_certificate', year)).padStart(4, '0')}`;
    const newId = await repo.insertCertificate(tx, { number, assignmentId: f.id, issuedOn, issuerOrgId: ctx.actor.orgId, issuedBy: ctx.actor.username, snapshot, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'certificate', entityId: newId, regionPath: f.recipientRegionPath, summary: `为「${f.personName}」出具对口支援工作经历证明 ${number}`, after: { number, ...snapshot } });
    return newId;
  });
  return getCertificate(ctx, id);
}

export async function certificatePdf(ctx: RequestContext, id: string, fontSetting: string): Promise<FileAnswer> {
  const c = await getCertificate(ctx, id);
  return { buffer: await renderServiceCertificatePdf(c, fontSetting), filename: `对口支援工作经历证明-${c.person.name}-${c.number}.pdf`, contentType: PDF };
}

/** Looks a certificate number up (经历证明 -ZM- or 师带徒证书 -SD-) among those the caller may see. */
export async function verifyCertificate(ctx: RequestContext, number: string): Promise<CertificateVerify> {
  if (number.includes('-ZM-')) {
    const row = await repo.findByNumber(ctx.db, ctx.actor, number);
    if (row) {
      const c = toCertificate(row);
      return {
        number, kind: 'service', valid: true, issuedOn: c.issuedOn, holderName: c.person.name, certificate: c,
        summary: `${c.issuerOrg.name}于 ${c.issuedOn} 出具：${c.person.name}，${c.supportOrg.name}派驻${c.recipientOrg.name}，${c.period.start} 至 ${c.period.end}`,
      };
    }
  } else {
    const found = await findApprenticeCertificate(ctx, number);
    if (found) {
      const { apprentice: a, mentorship: m, facts: f } = found;
      return {
        number, kind: 'mentorship', valid: true, issuedOn: a.certificateIssuedOn!, holderName: a.name, certificate: null,
        summary: `${a.name}（${f.recipientOrgName}）${m.year} 年跟随${f.supportOrgName} ${f.personName}学习${a.learningSpecialty}，${ASSESSMENT_RESULT_LABELS.passed}，师带徒证书 ${a.certificateIssuedOn} 颁发`,
      };
    }
  }
  throw notFound(`证书编号 ${number}`);
}
