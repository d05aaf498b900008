import { listReportingDeadlines, quarterBounds, type Calendar, type Policy } from '@duikou/policy';
import {
  MONTHLY_NUMERIC_COLUMNS, QUARTERLY_NUMERIC_COLUMNS, SUBMISSION_STATES, statutoryFiguresSchema,
  type KindPeriod, type ListResponse, type MonthlyFigures, type MonthlyRow, type QuarterlyFigures, type QuarterlyRow, type ReportDeadline, type ReportPeriods,
  type ReportPeriodsQuery, type StatutoryFigures, type StatutoryOverview, type StatutoryOverviewRow, type StatutoryReport, type StatutoryReportKind,
  type StatutoryReportListQuery, type StatutoryReportStatus, type StatutoryReportSummary, type SubmissionState,
} from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { visibleProgrammeIds } from '../../core/scope.sql.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { chinaToday } from '../policies/policies.service.js';
import { policyCache, today, XLSX, type FileAnswer } from '../results/results.service.js';
import * as repo from './statutory-reports.repository.js';
import { writeStatutoryReport } from './statutory-report.xlsx.js';

// ── Periods ───────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** First and last day of a month (2026-10) or quarter (2026-Q3). */
export function periodBounds(kind: StatutoryReportKind, period: string): { from: string; to: string } {
  if (kind === 'quarterly') return quarterBounds(period);
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { from: `${period}-01`, to: `${period}-${pad(lastDay(y, m))}` };
}

export function periodLabel(kind: StatutoryReportKind, period: string): string {
  const y = period.slice(0, 4);
  return kind === 'monthly' ? `${y} 年 ${Number(period.slice(5, 7))} 月` : `${y} 年第 ${period.slice(6)} 季度`;
}

/** The period before (n = -1) or after (n = 1) one. */
export function shiftPeriod(kind: StatutoryReportKind, period: string, n: number): string {
  const y = Number(period.slice(0, 4));
  if (kind === 'quarterly') {
    const q = (y * 4 + Number(period.slice(6)) - 1) + n;
    return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  }
  const m = y * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
}

/** The latest period that has ended by `on`: the one whose report is now due. */
export function latestEndedPeriod(kind: StatutoryReportKind, on: string): string {
  const y = Number(on.slice(0, 4));
  const m = Number(on.slice(5, 7));
  return kind === 'monthly' ? shiftPeriod('monthly', `${y}-${pad(m)}`, -1) : shiftPeriod('quarterly', `${y}-Q${Math.floor((m - 1) / 3) + 1}`, -1);
}

/** Submitted after the due date, counted in China time (the date of the submission in Beijing). */
export function lateness(submittedAt: Date | null, dueDate: string): { late: boolean | null; daysLate: number | null } {
  if (!submittedAt) return { late: null, daysLate: null };
  const days = dayNumber(chinaToday(submittedAt)) - dayNumber(dueDate);
  return { late: days > 0, daysLate: Math.max(0, days) };
}

/** The submitter's state as its receiver sees it for a period. */
export function submissionState(report: { status: string; submittedAt: Date | null; dueDate: string } | undefined, dueDate: string, asOf: string): SubmissionState {
  if (report && (report.status === 'submitted' || report.status === 'accepted')) return lateness(report.submittedAt, report.dueDate).late ? 'late' : 'on_time';
  if (report?.status === 'sent_back') return 'sent_back';
  if (asOf > dueDate) return 'missing';
  return report ? 'draft' : 'not_due';
}

// ── Policy and due dates ──────────────────────────────────────────────────────

const paramOf = (policy: Policy, kind: StatutoryReportKind) => (kind === 'monthly' ? policy.parameters.monthlyReport : policy.parameters.quarterlyReport);

/** The policies (by code) in force on `on` that ask for this kind of report. */
async function reportingPolicies(ctx: RequestContext, kind: StatutoryReportKind, codes: readonly string[], on: string): Promise<Map<string, Policy>> {
  const policyOf = policyCache(ctx);
  const found = new Map<string, Policy>();
  for (const code of [...new Set(codes)].sort()) {
    try {
      const policy = await policyOf(code, on);
      if (paramOf(policy, kind)) found.set(code, policy);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err; // no version in force: that programme asks for nothing
    }
  }
  return found;
}

/** The engine's due date of a period (节假日顺延), from the reporting schedule rule. */
export function deadlineOf(policy: Policy, code: string, calendar: Calendar, kind: StatutoryReportKind, period: string): ReportDeadline {
  const { to } = periodBounds(kind, period);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  const [ny, nm] = next.split('-').map(Number) as [number, number];
  const d = listReportingDeadlines({ policy, calendar, from: `${next}-01`, to: `${next}-${pad(lastDay(ny, nm))}` }).find((x) => x.kind === kind && x.period === period);
  if (!d) throw new AppError('RULE_VIOLATION', `政策「${code}」没有 ${periodLabel(kind, period)} 的报送时限`, { field: 'period' });
  return { nominal: d.nominal, due: d.due, postponed: d.postponed, citation: d.citation, label: d.label, policyCode: code };
}

const SUBMITTER_ROLE: Record<StatutoryReportKind, { role: string; message: string }> = {
  monthly: { role: 'support_unit', message: '月度统计表由支援医院报送省级卫生健康委' },
  quarterly: { role: 'county_office', message: '季度统计表由县（市、区）卫生健康局报送州（市）卫生健康委' },
};
const RECEIVER_ROLE: Record<StatutoryReportKind, { role: string; message: string }> = {
  monthly: { role: 'province_office', message: '月度统计表由省级卫生健康委接收' },
  quarterly: { role: 'prefecture_office', message: '季度统计表由州（市）卫生健康委接收' },
};

// ── Figures ───────────────────────────────────────────────────────────────────

const onSiteStatuses = (policy: Policy): readonly string[] => policy.parameters.onSiteDays?.value.countedStatuses ?? ['on_duty', 'official_business'];
const sum = <K extends string>(rows: readonly Record<K, number>[], keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Record<K, number>;
const names = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'zh'));

interface Generated { figures: StatutoryFigures; receiver: { id: string; name: string }; regionPath: string | null; dueDate: string }

/** A support unit's month: its staff on post, by recipient (楚卫通〔2018〕43号 三（八） 三级医院每月报送统计报表). */
async function generateMonthly(ctx: RequestContext, period: string, asOf: string): Promise<Generated> {
  const { from, to } = periodBounds('monthly', period);
  const me = (await repo.findOrg(ctx.db, ctx.actor.orgId))!;
  const all = await repo.listOnPost(ctx.db, { from, to, supportOrgId: me.id });
  if (all.length === 0) throw new AppError('VALIDATION_FAILED', `本单位 ${periodLabel('monthly', period)} 没有在岗的派驻人员，无需报送月度统计表`, { field: 'period' });
  const policies = await reportingPolicies(ctx, 'monthly', all.map((a) => a.policy_code), to);
  const onPost = all.filter((a) => policies.has(a.policy_code));
  if (onPost.length === 0) throw new AppError('RULE_VIOLATION', `本单位所在项目的政策（${names(all.map((a) => a.policy_code)).join('、')}）未规定月度统计表`, { field: 'kind' });
  const [code, policy] = [...policies.entries()][0]!;
  // The provincial office of the recipients' province receives it.
  const province = names(onPost.map((a) => a.recipient_path?.split('/')[0] ?? '').filter(Boolean))[0];
  const receiver = province ? await repo.findOfficeAt(ctx.db, province) : undefined;
  if (!receiver) throw new AppError('CONFLICT', '未找到受援地区的省级卫生健康委，无法确定接收单位');
  const deadline = deadlineOf(policy, code, await loadCalendar(ctx.db), 'monthly', period);
  const counts = await repo.countPerAssignment(ctx.db, onPost.map((a) => a.assignment_id), { from, to, onSiteStatuses: onSiteStatuses(policy) });
  const byRecipient = new Map<string, typeof onPost>();
  for (const a of onPost) byRecipient.set(a.recipient_org_id, [...(byRecipient.get(a.recipient_org_id) ?? []), a]);
  const rows: MonthlyRow[] = [...byRecipient.values()].map((as) => {
    const c = as.map((a) => counts.get(a.assignment_id)!);
    const total = (k: keyof repo.AssignmentCounts) => c.reduce((s, x) => s + Number(x[k]), 0);
    return {
      recipientOrgId: as[0]!.recipient_org_id, recipientName: as[0]!.recipient_name, countyName: as[0]!.county_name,
      persons: new Set(as.map((a) => a.person_id)).size, personNames: names(as.map((a) => a.person_name)),
      onSiteDays: total('on_site'), leaveDays: total('leave'), absentDays: total('absent'),
      spotChecks: total('checks'), spotPresent: total('present'), spotAbsent: total('check_absent'), spotOnLeave: total('check_leave'), activities: total('activities'),
    };
  }).sort((a, b) => a.recipientName.localeCompare(b.recipientName, 'zh'));
  const totals = { ...sum(rows, MONTHLY_NUMERIC_COLUMNS), persons: new Set(onPost.map((a) => a.person_id)).size };
  const figures: MonthlyFigures = { kind: 'monthly', period, from, to, unit: { id: me.id, name: me.name }, deadline, asOf, rows, totals };
  return { figures, receiver, regionPath: me.regionPath, dueDate: deadline.due };
}

/** A county's quarter: each pairing × support unit of its recipients (楚卫通〔2018〕43号 三（八） 各县每季度报送统计报表). */
async function generateQuarterly(ctx: RequestContext, period: string, asOf: string): Promise<Generated> {
  const { from, to } = periodBounds('quarterly', period);
  const me = (await repo.findOrg(ctx.db, ctx.actor.orgId))!;
  if (!me.regionPath || !me.parentCode) throw new AppError('CONFLICT', '本单位没有所属县（市、区），无法生成季度统计表');
  const all = await repo.listPairingUnitsIn(ctx.db, { path: me.regionPath, from, to });
  if (all.length === 0) throw new AppError('VALIDATION_FAILED', `本县 ${periodLabel('quarterly', period)} 没有有效的对口支援关系，无需报送季度统计表`, { field: 'period' });
  const policies = await reportingPolicies(ctx, 'quarterly', all.map((p) => p.policy_code), to);
  const units = all.filter((p) => policies.has(p.policy_code));
  if (units.length === 0) throw new AppError('RULE_VIOLATION', `本县对口支援项目的政策（${names(all.map((p) => p.policy_code)).join('、')}）未规定季度统计表`, { field: 'kind' });
  const [code, policy] = [...policies.entries()][0]!;
  const receiver = await repo.findOfficeAt(ctx.db, me.parentCode);
  if (!receiver) throw new AppError('CONFLICT', '未找到上级州（市）卫生健康委，无法确定接收单位');
  const deadline = deadlineOf(policy, code, await loadCalendar(ctx.db), 'quarterly', period);
  const pairingIds = [...new Set(units.map((u) => u.pairing_id))];
  const onPost = await repo.listOnPost(ctx.db, { from, to, pairingIds });
  const [counts, records] = await Promise.all([
    repo.countPerAssignment(ctx.db, onPost.map((a) => a.assignment_id), { from, to, onSiteStatuses: onSiteStatuses(policy), quarter: period }),
    repo.countPairingUnitRecords(ctx.db, pairingIds, { from, to, year: Number(period.slice(0, 4)) }),
  ]);
  const rows: QuarterlyRow[] = units.map((u) => {
    const as = onPost.filter((a) => a.pairing_id === u.pairing_id && a.support_org_id === u.support_org_id);
    const c = as.map((a) => counts.get(a.assignment_id)!);
    const total = (k: keyof repo.AssignmentCounts) => c.reduce((s, x) => s + Number(x[k]), 0);
    const signed = records.agreements.find((g) => g.pairing_id === u.pairing_id && g.support_org_id === u.support_org_id);
    const visits = records.visits.find((v) => v.pairing_id === u.pairing_id && v.support_org_id === u.support_org_id);
    return {
      pairingId: u.pairing_id, recipientOrgId: u.recipient_org_id, recipientName: u.recipient_name, supportOrgId: u.support_org_id, supportName: u.support_name,
      persons: new Set(as.map((a) => a.person_id)).size, personNames: names(as.map((a) => a.person_name)),
      onSiteDays: total('on_site'), leaveDays: total('leave'), spotAbsences: total('check_absent'),
      agreementSignedOn: signed?.signed_on ?? null, agreementsSigned: signed ? 1 : 0,
      visits: visits?.visits ?? 0, visitsLed: visits?.led ?? 0, taskReports: total('task_reports'),
    };
  });
  const totals = { ...sum(rows, QUARTERLY_NUMERIC_COLUMNS), persons: new Set(onPost.map((a) => a.person_id)).size };
  const figures: QuarterlyFigures = { kind: 'quarterly', period, from, to, unit: { id: me.id, name: me.name }, deadline, asOf, rows, totals };
  return { figures, receiver, regionPath: me.regionPath, dueDate: deadline.due };
}

function checkPeriodEnded(kind: StatutoryReportKind, period: string, asOf: string): void {
  const { to } = periodBounds(kind, period);
  if (to >= asOf) throw new AppError('VALIDATION_FAILED', `${periodLabel(kind, period)}尚未结束（${to} 结束），期满后再生成统计表`, { field: 'period' });
}

function requireSubmitterRole(ctx: RequestContext, kind: StatutoryReportKind): void {
  if (ctx.actor.role !== SUBMITTER_ROLE[kind].role) throw forbidden(SUBMITTER_ROLE[kind].message);
}

const generate = (ctx: RequestContext, kind: StatutoryReportKind, period: string, asOf: string) =>
  (kind === 'monthly' ? generateMonthly(ctx, period, asOf) : generateQuarterly(ctx, period, asOf));

// ── Shape ─────────────────────────────────────────────────────────────────────

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** The states a submitter may still change. */
const EDITABLE = ['draft', 'sent_back'] as const;
const editable = (status: string) => (EDITABLE as readonly string[]).includes(status);

function shape(ctx: RequestContext, r: repo.ReportRow, names: Map<string, string>): StatutoryReport {
  const kind = r.kind as StatutoryReportKind;
  const mine = r.submitterOrgId === ctx.actor.orgId && ctx.actor.permissions.has('report:write');
  return {
    id: r.id, kind, period: r.period, periodLabel: periodLabel(kind, r.period),
    submitter: { id: r.submitterOrgId, name: names.get(r.submitterOrgId) ?? '' }, receiver: { id: r.receiverOrgId, name: names.get(r.receiverOrgId) ?? '' },
    dueDate: r.dueDate, status: r.status as StatutoryReportStatus, figures: statutoryFiguresSchema.parse(r.figures), note: r.note,
    generatedAt: r.generatedAt.toISOString(), submittedAt: iso(r.submittedAt), submittedBy: r.submittedBy,
    decidedAt: iso(r.decidedAt), decidedBy: r.decidedBy, sendBackReason: r.sendBackReason,
    ...lateness(r.status === 'draft' ? null : r.submittedAt, r.dueDate),
    canRegenerate: mine && editable(r.status), canSubmit: mine && editable(r.status),
    canReview: ctx.actor.permissions.has('report:review') && r.receiverOrgId === ctx.actor.orgId && r.status === 'submitted',
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

async function shapeAll(ctx: RequestContext, rows: readonly repo.ReportRow[]): Promise<StatutoryReport[]> {
  const names = await repo.orgNames(ctx.db, rows.flatMap((r) => [r.submitterOrgId, r.receiverOrgId]));
  return rows.map((r) => shape(ctx, r, names));
}

// ── Reads ─────────────────────────────────────────────────────────────────────

export async function listReports(ctx: RequestContext, q: StatutoryReportListQuery): Promise<ListResponse<StatutoryReportSummary>> {
  const { rows, total } = await repo.listReports(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  const items = (await shapeAll(ctx, rows)).map(({ figures, ...rest }) => ({ ...rest, totals: figures.totals as Record<string, number> }));
  return { items, total };
}

async function findVisible(ctx: RequestContext, id: string): Promise<repo.ReportRow> {
  const r = await repo.findReport(ctx.db, ctx.actor, id);
  if (!r) throw notFound('统计报表');
  return r;
}

export async function getReport(ctx: RequestContext, id: string): Promise<StatutoryReport> {
  return (await shapeAll(ctx, [await findVisible(ctx, id)]))[0]!;
}

/** The periods whose report is due now and before, dated by the policies of the caller's programmes. */
export async function listPeriods(ctx: RequestContext, q: ReportPeriodsQuery): Promise<ReportPeriods> {
  const asOf = today(ctx);
  const codes = await repo.listPolicyCodesVisible(ctx.db, visibleProgrammeIds(ctx.actor.scope));
  const policies = await reportingPolicies(ctx, q.kind, codes, asOf);
  const first = [...policies.entries()][0];
  if (!first) return { kind: q.kind, asOf, items: [], message: `您所在项目的政策（${codes.join('、') || '无'}）未规定${q.kind === 'monthly' ? '月度' : '季度'}统计表` };
  const calendar = await loadCalendar(ctx.db);
  const items: ReportPeriods['items'] = [];
  let period = latestEndedPeriod(q.kind, asOf);
  for (let i = 0; i < q.count; i++, period = shiftPeriod(q.kind, period, -1)) {
    try {
      items.push({ kind: q.kind, period, deadline: deadlineOf(first[1], first[0], calendar, q.kind, period), current: i === 0 });
    } catch (err) {
      if ((err as { code?: string }).code !== 'CALENDAR_YEAR_MISSING') throw err;
    }
  }
  return { kind: q.kind, asOf, items, message: null };
}

/**
 * The receiver's grid for a period: each submitter it expects — support units with staff on post in
 * its province (monthly), county offices of its counties with pairings (quarterly) — and whether it
 * sent on time, late, not at all, or has only a draft.
 */
export async function overview(ctx: RequestContext, q: KindPeriod): Promise<StatutoryOverview> {
  const { kind, period } = q;
  if (ctx.actor.role !== RECEIVER_ROLE[kind].role) throw forbidden(RECEIVER_ROLE[kind].message);
  const me = (await repo.findOrg(ctx.db, ctx.actor.orgId))!;
  if (!me.regionPath) throw new AppError('CONFLICT', '本单位没有所属行政区划');
  const asOf = today(ctx);
  const { from, to } = periodBounds(kind, period);
  const calendar = await loadCalendar(ctx.db);
  interface Expected { id: string; name: string; regionName: string | null; code: string; basis: string }
  const expected: Expected[] = [];
  const unassigned: string[] = [];
  let policies: Map<string, Policy>;
  if (kind === 'monthly') {
    const onPost = await repo.listOnPost(ctx.db, { from, to, recipientPath: me.regionPath });
    policies = await reportingPolicies(ctx, kind, onPost.map((a) => a.policy_code), to);
    const bySupport = new Map<string, typeof onPost>();
    for (const a of onPost.filter((x) => policies.has(x.policy_code))) bySupport.set(a.support_org_id, [...(bySupport.get(a.support_org_id) ?? []), a]);
    for (const as of bySupport.values()) {
      const persons = new Set(as.map((a) => a.person_id)).size;
      expected.push({ id: as[0]!.support_org_id, name: as[0]!.support_name, regionName: as[0]!.support_region_name, code: names(as.map((a) => a.policy_code))[0]!,
        basis: `${persons} 名人员在岗：${names(as.map((a) => a.recipient_name)).join('、')}` });
    }
  } else {
    const units = await repo.listPairingUnitsIn(ctx.db, { path: me.regionPath, from, to });
    policies = await reportingPolicies(ctx, kind, units.map((u) => u.policy_code), to);
    const byCounty = new Map<string, typeof units>();
    for (const u of units.filter((x) => policies.has(x.policy_code))) {
      const county = u.recipient_path?.slice(me.regionPath.length).split('/')[0];
      if (county) byCounty.set(county, [...(byCounty.get(county) ?? []), u]);
    }
    const regionNames = await repo.regionNames(ctx.db, [...byCounty.keys()]);
    for (const [county, us] of byCounty) {
      const office = await repo.findOfficeAt(ctx.db, county);
      const regionName = regionNames.get(county) ?? county;
      if (!office) { unassigned.push(regionName); continue; }
      expected.push({ id: office.id, name: office.name, regionName, code: names(us.map((u) => u.policy_code))[0]!,
        basis: `${new Set(us.map((u) => u.pairing_id)).size} 个对口支援关系：${names(us.map((u) => u.recipient_name)).join('、')}` });
    }
  }
  const deadlines = new Map<string, ReportDeadline>();
  for (const [code, policy] of policies) deadlines.set(code, deadlineOf(policy, code, calendar, kind, period));
  const reports = await repo.listReportsOfPeriod(ctx.db, kind, period, me.id, expected.map((e) => e.id));
  // A report addressed here by a unit no longer expected still shows.
  const extra = reports.filter((r) => r.receiverOrgId === me.id && !expected.some((e) => e.id === r.submitterOrgId));
  const extraNames = await repo.orgNames(ctx.db, extra.map((r) => r.submitterOrgId));
  for (const r of extra) expected.push({ id: r.submitterOrgId, name: extraNames.get(r.submitterOrgId) ?? '', regionName: null, code: (r.figures as StatutoryFigures).deadline.policyCode, basis: '已向本单位报送' });
  const rows: StatutoryOverviewRow[] = expected.map((e) => {
    const report = reports.find((r) => r.submitterOrgId === e.id);
    const due = report?.dueDate ?? deadlines.get(e.code)?.due ?? to;
    const state = submissionState(report, due, asOf);
    const sent = report && report.status !== 'draft' ? report : undefined;
    return {
      submitter: { id: e.id, name: e.name }, regionName: e.regionName, state,
      // A draft is the submitter's own: the receiver learns it exists, not its content.
      reportId: sent?.id ?? null, reportStatus: (report?.status as StatutoryReportStatus | undefined) ?? null, dueDate: due,
      submittedAt: iso(sent?.submittedAt ?? null),
      daysLate: state === 'missing' ? dayNumber(asOf) - dayNumber(due) : sent ? lateness(sent.submittedAt, sent.dueDate).daysLate : null,
      basis: e.basis,
    };
  });
  const order: SubmissionState[] = ['missing', 'late', 'sent_back', 'draft', 'not_due', 'on_time'];
  rows.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.submitter.name.localeCompare(b.submitter.name, 'zh'));
  const counts = Object.fromEntries(SUBMISSION_STATES.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<SubmissionState, number>;
  const deadline = [...deadlines.values()][0] ?? null;
  return {
    kind, period, periodLabel: periodLabel(kind, period), asOf, receiver: { id: me.id, name: me.name }, deadline, rows, counts, unassigned,
    message: rows.length === 0 && unassigned.length === 0 ? `${periodLabel(kind, period)}本辖区没有应报送${kind === 'monthly' ? '月度' : '季度'}统计表的单位` : null,
  };
}

// ── Writes ────────────────────────────────────────────────────────────────────

/**
 * Generates (or re-generates) the caller's report of a period from the records. A report already
 * submitted or accepted is frozen: its figures are what was sent.
 */
export async function generateReport(ctx: RequestContext, input: KindPeriod): Promise<{ report: StatutoryReport; created: boolean }> {
  const { kind, period } = input;
  requireSubmitterRole(ctx, kind);
  const asOf = today(ctx);
  checkPeriodEnded(kind, period, asOf);
  const existing = await repo.findReportOf(ctx.db, kind, period, ctx.actor.orgId);
  if (existing && !editable(existing.status)) {
    throw new AppError('CONFLICT', `${periodLabel(kind, period)}${kind === 'monthly' ? '月度' : '季度'}统计表已报送，数据已冻结，不能重新生成`);
  }
  const g = await generate(ctx, kind, period, asOf);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    if (existing) {
      changed(await repo.updateReport(tx, existing.id, EDITABLE, { figures: g.figures, receiverOrgId: g.receiver.id, regionPath: g.regionPath, dueDate: g.dueDate, generatedAt: now, updatedAt: now, archivedAt: null }));
      await recordAudit(tx, ctx, { action: 'update', entityType: 'statutory_report', entityId: existing.id, regionPath: g.regionPath, summary: `重新生成${periodLabel(kind, period)}${kind === 'monthly' ? '月度' : '季度'}统计表`, before: { totals: (existing.figures as StatutoryFigures).totals }, after: { totals: g.figures.totals } });
      return existing.id;
    }
    const newId = await repo.insertReport(tx, {
      kind, period, submitterOrgId: ctx.actor.orgId, receiverOrgId: g.receiver.id, regionPath: g.regionPath, dueDate: g.dueDate,
      status: 'draft', figures: g.figures, generatedAt: now, createdAt: now, updatedAt: now,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'statutory_report', entityId: newId, regionPath: g.regionPath, summary: `生成${periodLabel(kind, period)}${kind === 'monthly' ? '月度' : '季度'}统计表（报送${g.receiver.name}，截止 ${g.dueDate}）`, after: { kind, period, dueDate: g.dueDate, totals: g.figures.totals } });
    return newId;
  });
  return { report: await getReport(ctx, id), created: !existing };
}

/** A report changed by someone else between the check and the write: the transaction is undone. */
function changed(ok: boolean): void {
  if (!ok) throw new AppError('CONFLICT', '统计报表刚被他人处理（报送、退回或接收），请刷新后重试');
}

async function findOwn(ctx: RequestContext, id: string): Promise<repo.ReportRow> {
  const r = await findVisible(ctx, id);
  if (r.submitterOrgId !== ctx.actor.orgId) throw forbidden('统计报表由报送单位填写和报送');
  return r;
}

export async function updateNote(ctx: RequestContext, id: string, note: string | null | undefined): Promise<StatutoryReport> {
  const r = await findOwn(ctx, id);
  if (!editable(r.status)) throw new AppError('CONFLICT', '统计报表已报送，不能修改说明');
  const value = note?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    changed(await repo.updateReport(tx, id, EDITABLE, { note: value, updatedAt: ctx.clock.now() }));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'statutory_report', entityId: id, regionPath: r.regionPath, summary: `修改${periodLabel(r.kind as StatutoryReportKind, r.period)}统计表的填报说明`, before: { note: r.note }, after: { note: value } });
  });
  return getReport(ctx, id);
}

/**
 * Sends the report: its figures are generated once more from the records, then frozen. The time of
 * submission is the server's; after the due date (China time) the report shows as late.
 */
export async function submitReport(ctx: RequestContext, id: string): Promise<StatutoryReport> {
  const r = await findOwn(ctx, id);
  const kind = r.kind as StatutoryReportKind;
  requireSubmitterRole(ctx, kind);
  if (!editable(r.status)) throw new AppError('CONFLICT', `统计报表${r.status === 'accepted' ? '已被接收' : '已报送'}，不能重复报送`);
  const g = await generate(ctx, kind, r.period, today(ctx));
  const now = ctx.clock.now();
  const { late, daysLate } = lateness(now, g.dueDate);
  await ctx.db.transaction(async (tx) => {
    changed(await repo.updateReport(tx, id, EDITABLE, {
      status: 'submitted', figures: g.figures, receiverOrgId: g.receiver.id, dueDate: g.dueDate, generatedAt: now,
      submittedAt: now, submittedBy: ctx.actor.username, decidedAt: null, decidedBy: null, updatedAt: now,
    }));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'statutory_report', entityId: id, regionPath: r.regionPath,
      summary: `${r.status === 'sent_back' ? '重新' : ''}报送${periodLabel(kind, r.period)}统计表至${g.receiver.name}${late ? `（逾期 ${daysLate} 天，截止 ${g.dueDate}）` : ''}`,
      before: { status: r.status }, after: { status: 'submitted', submittedAt: now.toISOString(), totals: g.figures.totals } });
  });
  return getReport(ctx, id);
}

async function findForReview(ctx: RequestContext, id: string): Promise<repo.ReportRow> {
  const r = await findVisible(ctx, id);
  if (r.receiverOrgId !== ctx.actor.orgId) throw forbidden('统计报表由接收单位审核');
  if (r.status !== 'submitted') throw new AppError('CONFLICT', `统计报表当前为「${r.status === 'accepted' ? '已接收' : r.status === 'sent_back' ? '已退回' : '草稿'}」，不能审核`);
  return r;
}

export async function sendBack(ctx: RequestContext, id: string, reason: string): Promise<StatutoryReport> {
  const r = await findForReview(ctx, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    changed(await repo.updateReport(tx, id, ['submitted'], { status: 'sent_back', sendBackReason: reason, decidedAt: now, decidedBy: ctx.actor.username, updatedAt: now }));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'statutory_report', entityId: id, regionPath: r.regionPath, summary: `退回${periodLabel(r.kind as StatutoryReportKind, r.period)}统计表：${reason}`, before: { status: r.status }, after: { status: 'sent_back', reason } });
  });
  return getReport(ctx, id);
}

export async function accept(ctx: RequestContext, id: string): Promise<StatutoryReport> {
  const r = await findForReview(ctx, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    changed(await repo.updateReport(tx, id, ['submitted'], { status: 'accepted', decidedAt: now, decidedBy: ctx.actor.username, updatedAt: now }));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'statutory_report', entityId: id, regionPath: r.regionPath, summary: `接收${periodLabel(r.kind as StatutoryReportKind, r.period)}统计表`, before: { status: r.status }, after: { status: 'accepted' } });
  });
  return getReport(ctx, id);
}

export async function exportReport(ctx: RequestContext, id: string): Promise<FileAnswer> {
  const report = await getReport(ctx, id);
  const buffer = await writeStatutoryReport(report);
  return { buffer, filename: `${report.submitter.name}${report.figures.deadline.label}.xlsx`, contentType: XLSX };
}
