import { getDistance } from 'geolib';
import { describeDay } from '@duikou/policy';
import type { Appeal, AttendanceEntries, AttendanceMonth, CheckIn, CheckInCreate } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { chinaToday } from '../policies/policies.service.js';
import * as repo from './attendance.repository.js';

/** A queued check-in counts as sent late when it reaches the server this long after the tap. */
const LATE_AFTER_MS = 10 * 60_000;
/** How far a phone clock may run ahead, and how old a queued check-in may be. */
const MAX_AHEAD_MS = 5 * 60_000;
const MAX_AGE_MS = 30 * 86_400_000;

const monthOf = (date: string) => date.slice(0, 7);

function toCheckIn(r: Awaited<ReturnType<typeof repo.findCheckInByClientId>> & object, duplicate: boolean): CheckIn {
  return {
    id: r.id, clientId: r.clientId, assignmentId: r.assignmentId, kind: r.kind as CheckIn['kind'], at: r.at.toISOString(), date: r.date,
    receivedAt: r.receivedAt.toISOString(), lat: r.lat, lng: r.lng, distanceM: r.distanceM, fence: r.fence as CheckIn['fence'],
    fieldReason: r.fieldReason, sentLate: r.sentLate, duplicate,
  };
}

function ownPerson(ctx: RequestContext): string {
  if (!ctx.actor.personId) throw forbidden('该账号未关联派驻人员，不能打卡或请假');
  return ctx.actor.personId;
}

/**
 * Records a check-in once per client id: a retry or a queued resend returns the first record. The
 * location is compared with the recipient's geofence; outside it is a field check-in (外勤) and needs
 * a reason. The first check-in of a planned assignment puts it on duty; a check-in fills the day's
 * attendance unless the unit or a leave already set it, or the month is locked.
 */
export async function checkIn(ctx: RequestContext, input: CheckInCreate): Promise<{ checkIn: CheckIn; created: boolean }> {
  const personId = ownPerson(ctx);
  // A resend of a recorded check-in answers the first record, even when it would now be refused.
  const refuse = async (error: AppError) => {
    const existing = await repo.findCheckInByClientId(ctx.db, personId, input.clientId);
    if (existing) return { checkIn: toCheckIn(existing, true), created: false };
    throw error;
  };
  const now = ctx.clock.now();
  const at = new Date(input.at);
  if (at.getTime() - now.getTime() > MAX_AHEAD_MS) return refuse(new AppError('VALIDATION_FAILED', '打卡时间晚于服务器当前时间，请校准手机时间', { field: 'at' }));
  if (now.getTime() - at.getTime() > MAX_AGE_MS) return refuse(new AppError('VALIDATION_FAILED', '打卡记录已超过 30 天，不能补交，请通过考勤申诉更正', { field: 'at' }));
  const date = chinaToday(at);
  const assignment = await repo.findActiveAssignment(ctx.db, personId, date);
  if (!assignment) return refuse(new AppError('CONFLICT', `${date} 没有进行中的派驻任务，无需打卡`, { field: 'at' }));
  let fence: 'inside' | 'outside' | 'unknown' = 'unknown';
  let distanceM: number | null = null;
  if (input.lat !== undefined && input.lng !== undefined && assignment.geoLat !== null && assignment.geoLng !== null && assignment.geoRadiusM !== null) {
    distanceM = getDistance({ latitude: input.lat, longitude: input.lng }, { latitude: assignment.geoLat, longitude: assignment.geoLng });
    fence = distanceM <= assignment.geoRadiusM + (input.accuracyM ?? 0) ? 'inside' : 'outside';
    if (fence === 'outside' && !input.fieldReason) {
      return refuse(new AppError('VALIDATION_FAILED', `当前位置距「${assignment.recipientOrgName}」约 ${Math.round(distanceM)} 米，超出 ${assignment.geoRadiusM} 米范围，请填写外勤事由`, { field: 'fieldReason' }));
    }
  }
  const sentLate = now.getTime() - at.getTime() > LATE_AFTER_MS;
  const row = {
    clientId: input.clientId, assignmentId: assignment.id, personId, kind: input.kind, at, date, receivedAt: now,
    lat: input.lat ?? null, lng: input.lng ?? null, accuracyM: input.accuracyM ?? null, distanceM, fence,
    fieldReason: fence === 'outside' ? input.fieldReason! : input.fieldReason ?? null, sentLate,
  };
  const id = await repo.writeCheckIn(ctx.db, {
    row,
    day: input.kind === 'in'
      ? { status: fence === 'outside' ? 'official_business' : 'on_duty', note: fence === 'outside' ? `外勤：${input.fieldReason}` : null, updatedBy: ctx.actor.username }
      : null,
    recipientOrgId: assignment.recipientOrgId,
    audit: {
      actorUserId: ctx.actor.userId, actorUsername: ctx.actor.username, regionPath: assignment.regionPath, ip: ctx.ip,
      summary: `${input.kind === 'in' ? '签到' : '签退'}（${date}${fence === 'outside' ? '，外勤' : ''}${sentLate ? '，离线补交' : ''}）`,
    },
  });
  // No id: a concurrent resend of the same client id won the race.
  if (!id) return { checkIn: toCheckIn((await repo.findCheckInByClientId(ctx.db, personId, input.clientId))!, true), created: false };
  return { checkIn: toCheckIn({ ...row, id, rollCallId: null }, false), created: true };
}

/** What the check-in page shows: today's assignment, the fence, and today's check-ins. */
export async function checkInToday(ctx: RequestContext) {
  const personId = ownPerson(ctx);
  const date = chinaToday(ctx.clock.now());
  const calendar = await loadCalendar(ctx.db);
  let workingDay = true;
  let dayName: string | null = null;
  try {
    const d = describeDay(calendar, date);
    workingDay = d.workingDay;
    dayName = d.name ?? null;
  } catch { /* a year with no calendar: the page still lets staff check in */ }
  const a = await repo.findActiveAssignment(ctx.db, personId, date);
  const checkIns = await repo.listCheckIns(ctx.db, personId, date, date);
  return {
    date, workingDay, dayName,
    assignment: a ? { id: a.id, recipientOrgName: a.recipientOrgName, department: a.department, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd, status: a.status } : null,
    fence: a && a.geoLat !== null && a.geoLng !== null && a.geoRadiusM !== null ? { lat: a.geoLat, lng: a.geoLng, radiusM: a.geoRadiusM } : null,
    checkIns: checkIns.map((c) => toCheckIn(c, false)),
  };
}

/** A recipient unit sets its own geofence; an office those of recipients in its area. */
export async function setGeofence(ctx: RequestContext, orgId: string, v: { lat: number; lng: number; radiusM: number }) {
  const org = await repo.findRecipient(ctx.db, ctx.actor.scope, orgId);
  if (!org) throw notFound('受援单位');
  if (ctx.actor.scope.kind === 'region' && !(org.regionPath ?? '').startsWith(ctx.actor.scope.regionPath)) throw forbidden('只能设置本辖区受援单位的打卡范围');
  await ctx.db.transaction(async (tx) => {
    await repo.setGeofence(tx, orgId, v, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'update', entityType: 'organisation', entityId: orgId, regionPath: org.regionPath, summary: `设置「${org.name}」打卡范围：半径 ${v.radiusM} 米`, after: v });
  });
  return { ok: true as const };
}

/** The geofence a recipient has set (null: none yet), for the unit's form and the offices. */
export async function getGeofence(ctx: RequestContext, orgId: string) {
  const org = await repo.findRecipient(ctx.db, ctx.actor.scope, orgId);
  if (!org) throw notFound('受援单位');
  return { orgId: org.id, orgName: org.name, fence: await repo.findGeofence(ctx.db, org.id) };
}

/** The recipient whose month is shown: a unit itself; an office must name one it can see. */
async function recipientFor(ctx: RequestContext, recipientOrgId: string | undefined) {
  const id = recipientOrgId ?? (ctx.actor.scope.kind === 'unit' ? ctx.actor.orgId : undefined);
  if (!id) throw new AppError('VALIDATION_FAILED', '请选择受援单位', { field: 'recipientOrgId' });
  const org = await repo.findRecipient(ctx.db, ctx.actor.scope, id);
  if (!org) throw notFound('受援单位');
  return org;
}

function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The month grid of a recipient: its dispatched staff × days, with what is still missing. */
export async function getMonth(ctx: RequestContext, month: string, recipientOrgId?: string): Promise<AttendanceMonth> {
  const org = await recipientFor(ctx, recipientOrgId);
  const dates = daysOfMonth(month);
  const calendar = await loadCalendar(ctx.db);
  const days = dates.map((date) => {
    const d = describeDay(calendar, date);
    return { date, workingDay: d.workingDay, name: d.name ?? null };
  });
  const { rows, days: records } = await repo.listMonthFacts(ctx.db, org.id, dates[0]!, dates.at(-1)!);
  const confirmed = await repo.findMonth(ctx.db, org.id, month);
  return {
    month, recipientOrgId: org.id, recipientOrgName: org.name,
    confirmed: confirmed ? { at: confirmed.confirmedAt.toISOString(), by: confirmed.confirmedBy } : null,
    days,
    rows: rows.map((r) => {
      const mine = records.filter((d) => d.assignmentId === r.id);
      const cells = Object.fromEntries(mine.map((d) => [d.date, { status: d.status as 'on_duty', source: d.source, note: d.note }]));
      const counts: Record<string, number> = {};
      for (const d of mine) counts[d.status] = (counts[d.status] ?? 0) + 1;
      const missing = days.filter((d) => d.workingDay && d.date >= r.start && d.date <= r.end && d.date <= chinaToday(ctx.clock.now()) && !cells[d.date]).length;
      return { assignmentId: r.id, personName: r.personName, department: r.department, supportOrgName: r.supportOrgName, from: r.start, to: r.end, cells, counts, missing };
    }),
  };
}

function assertRecipientUnit(ctx: RequestContext, recipientOrgId: string): void {
  if (ctx.actor.scope.kind !== 'all' && !(ctx.actor.scope.kind === 'unit' && ctx.actor.scope.orgId === recipientOrgId)) {
    throw forbidden('考勤由受援单位填报和确认');
  }
}

/** The unit fills or corrects days of an unlocked month, all in one transaction. */
export async function saveEntries(ctx: RequestContext, month: string, input: AttendanceEntries): Promise<AttendanceMonth> {
  const org = await recipientFor(ctx, input.recipientOrgId);
  assertRecipientUnit(ctx, org.id);
  if (await repo.isMonthLocked(ctx.db, org.id, month)) throw new AppError('CONFLICT', `${month} 考勤已确认锁定，更正请提交考勤申诉`);
  const { rows } = await repo.listMonthFacts(ctx.db, org.id, `${month}-01`, daysOfMonth(month).at(-1)!);
  const byId = new Map(rows.map((r) => [r.id, r]));
  input.entries.forEach((e, i) => {
    const a = byId.get(e.assignmentId);
    if (!a) throw new AppError('VALIDATION_FAILED', '该派驻不在本单位本月考勤中', { field: `entries.${i}.assignmentId` });
    if (monthOf(e.date) !== month) throw new AppError('VALIDATION_FAILED', `日期 ${e.date} 不在 ${month}`, { field: `entries.${i}.date` });
    if (e.date < a.start || e.date > a.end) throw new AppError('VALIDATION_FAILED', `${e.date} 不在「${a.personName}」的派驻期 ${a.start} 至 ${a.end} 内`, { field: `entries.${i}.date` });
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (const e of input.entries) {
      await repo.upsertDay(tx, { assignmentId: e.assignmentId, date: e.date, status: e.status, source: 'unit', note: e.note ?? null, updatedBy: ctx.actor.username, at: now });
    }
    await recordAudit(tx, ctx, { action: 'update', entityType: 'attendance', entityId: org.id, regionPath: org.regionPath, summary: `填报「${org.name}」${month} 考勤 ${input.entries.length} 项`, after: { entries: input.entries } });
  });
  return getMonth(ctx, month, org.id);
}

/** Confirms and locks a month once every working day on post up to today has a status. */
export async function confirmMonth(ctx: RequestContext, month: string, recipientOrgId?: string): Promise<AttendanceMonth> {
  const grid = await getMonth(ctx, month, recipientOrgId);
  assertRecipientUnit(ctx, grid.recipientOrgId);
  if (grid.confirmed) throw new AppError('CONFLICT', `${month} 考勤已于 ${grid.confirmed.at.slice(0, 10)} 确认`);
  const gaps = grid.rows.filter((r) => r.missing > 0);
  if (gaps.length) {
    throw new AppError('RULE_VIOLATION', `还有 ${gaps.length} 人共 ${gaps.reduce((s, r) => s + r.missing, 0)} 个工作日未填写考勤：${gaps.map((r) => `${r.personName} ${r.missing} 天`).join('、')}`);
  }
  const org = await recipientFor(ctx, grid.recipientOrgId);
  await ctx.db.transaction(async (tx) => {
    await repo.lockMonth(tx, { recipientOrgId: grid.recipientOrgId, month, confirmedAt: ctx.clock.now(), confirmedBy: ctx.actor.username });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'attendance', entityId: grid.recipientOrgId, regionPath: org.regionPath, summary: `确认并锁定「${grid.recipientOrgName}」${month} 考勤` });
  });
  return getMonth(ctx, month, grid.recipientOrgId);
}

function toAppeal(r: Awaited<ReturnType<typeof repo.listAppeals>>[number]): Appeal {
  const a = r.appeal;
  return {
    id: a.id, assignmentId: a.assignmentId, personName: r.personName, recipientOrgName: r.recipientOrgName, date: a.date, currentStatus: r.currentStatus,
    requestedStatus: a.requestedStatus as Appeal['requestedStatus'], reason: a.reason, status: a.status as Appeal['status'], requestedBy: a.requestedBy,
    decidedBy: a.decidedBy, decidedAt: a.decidedAt?.toISOString() ?? null, decisionComment: a.decisionComment, createdAt: a.createdAt.toISOString(),
  };
}

/** 考勤申诉: the person or their support unit asks to correct a day of a locked month. */
export async function createAppeal(ctx: RequestContext, input: { assignmentId: string; date: string; requestedStatus: string; reason: string }): Promise<Appeal> {
  const a = await repo.findAssignmentFacts(ctx.db, ctx.actor.scope, input.assignmentId);
  if (!a) throw new AppError('VALIDATION_FAILED', '派驻记录不存在', { field: 'assignmentId' });
  const own = ctx.actor.personId === a.personId || (ctx.actor.scope.kind === 'unit' && ctx.actor.scope.orgId === a.supportOrgId) || ctx.actor.scope.kind === 'all';
  if (!own) throw forbidden('考勤申诉由本人或派出单位提出');
  if (input.date < a.start || input.date > a.end) throw new AppError('VALIDATION_FAILED', `${input.date} 不在派驻期 ${a.start} 至 ${a.end} 内`, { field: 'date' });
  if (!(await repo.isMonthLocked(ctx.db, a.recipientOrgId, monthOf(input.date)))) {
    throw new AppError('CONFLICT', `${monthOf(input.date)} 考勤尚未确认，请直接联系受援单位修改`, { field: 'date' });
  }
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertAppeal(tx, { ...input, requestedBy: ctx.actor.username, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'attendance_appeal', entityId: newId, regionPath: a.regionPath, summary: `「${a.personName}」${input.date} 考勤申诉：${input.reason}`, after: input });
    return newId;
  });
  return toAppeal((await repo.listAppeals(ctx.db, { kind: 'all' }, { id }))[0]!);
}

export async function listAppeals(ctx: RequestContext, q: { status?: string | undefined; recipientOrgId?: string | undefined }): Promise<Appeal[]> {
  const personId = ctx.actor.role === 'staff' ? ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000' : null;
  return (await repo.listAppeals(ctx.db, ctx.actor.scope, { ...q, personId })).map(toAppeal);
}

/** The recipient unit approves (the day changes, marked as corrected by appeal) or rejects, with its reason kept. */
export async function decideAppeal(ctx: RequestContext, id: string, input: { decision: 'approve' | 'reject'; comment?: string | undefined }): Promise<Appeal> {
  const [row] = await repo.listAppeals(ctx.db, ctx.actor.scope, { id });
  if (!row) throw notFound('考勤申诉');
  assertRecipientUnit(ctx, row.recipientOrgId);
  if (row.appeal.status !== 'pending') throw new AppError('CONFLICT', '该申诉已处理');
  if (input.decision === 'reject' && !input.comment) throw new AppError('VALIDATION_FAILED', '驳回须说明理由', { field: 'comment' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAppeal(tx, id, { status: input.decision === 'approve' ? 'approved' : 'rejected', decidedBy: ctx.actor.username, decidedAt: now, decisionComment: input.comment ?? null });
    if (input.decision === 'approve') {
      await repo.upsertDay(tx, { assignmentId: row.appeal.assignmentId, date: row.appeal.date, status: row.appeal.requestedStatus, source: 'appeal', note: `申诉更正：${row.appeal.reason}`, updatedBy: ctx.actor.username, at: now });
    }
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'attendance_appeal', entityId: id, regionPath: row.regionPath,
      summary: `${input.decision === 'approve' ? '同意' : '驳回'}「${row.personName}」${row.appeal.date} 考勤申诉${input.comment ? `：${input.comment}` : ''}`,
      before: { status: row.currentStatus }, after: { status: input.decision === 'approve' ? row.appeal.requestedStatus : row.currentStatus },
    });
  });
  return toAppeal((await repo.listAppeals(ctx.db, { kind: 'all' }, { id }))[0]!);
}
