import { countWorkingDays, describeDay, evaluateLeave, type Party } from '@duikou/policy';
import type { Leave, LeaveCreate, LeaveListQuery, ListResponse } from '@duikou/contracts';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import * as attendance from '../attendance/attendance.repository.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { chinaToday, policyInForce, showVerdict } from '../policies/policies.service.js';
import * as repo from './leave.repository.js';

interface Step { party: string; label: string }

/** Staff see only their own leave; everyone else by scope. */
const ownOnly = (actor: Actor): string | null => (actor.role === 'staff' ? actor.personId ?? '00000000-0000-0000-0000-000000000000' : null);

/** The approval party an account decides for. */
function partyOf(actor: Actor): Party | null {
  switch (actor.role) {
    case 'recipient_unit': return 'recipient_director';
    case 'team_leader': return 'team_leader';
    case 'county_office': return 'county_office';
    case 'prefecture_office': return 'prefecture_office';
    case 'province_office': return 'provincial_office';
    default: return null;
  }
}

/** May this account decide for `party` on a leave at this recipient? Offices must hold the recipient in their area. */
export function mayDecide(actor: Actor, party: string, row: { recipientOrgId: string; supportOrgId: string; regionPath: string | null }): boolean {
  if (partyOf(actor) !== party) return false;
  if (party === 'recipient_director') return actor.orgId === row.recipientOrgId;
  if (party === 'team_leader') return actor.orgId === row.supportOrgId;
  return actor.scope.kind === 'region' && (row.regionPath ?? '').startsWith(actor.scope.regionPath);
}

type Decision = Awaited<ReturnType<typeof repo.listDecisions>>[number];

function shape(ctx: RequestContext, row: repo.LeaveRow, decisions: Decision[]): Leave {
  const l = row.leave;
  const required = l.approvalsRequired as Step[];
  const steps = required.map((s) => {
    const d = decisions.find((x) => x.leaveId === l.id && x.party === s.party);
    return { ...s, decision: (d?.decision as 'approve' | 'reject' | undefined) ?? null, decidedBy: d?.decidedBy ?? null, decidedAt: d?.decidedAt.toISOString() ?? null, comment: d?.comment ?? null };
  });
  const awaiting = l.status === 'pending' ? steps.find((s) => s.decision === null)?.party ?? null : null;
  return {
    id: l.id, assignmentId: l.assignmentId, personName: row.personName, supportOrgName: row.supportOrgName, recipientOrgName: row.recipientOrgName,
    startDate: l.startDate, endDate: l.endDate, kind: l.kind as Leave['kind'], reason: l.reason, emergencyRecall: l.emergencyRecall,
    workingDays: l.workingDays, calendarDays: Math.round((Date.parse(l.endDate) - Date.parse(l.startDate)) / 86_400_000) + 1,
    status: l.status as Leave['status'], approvals: steps, filings: l.filingsRequired as Step[],
    awaiting, mine: awaiting !== null && mayDecide(ctx.actor, awaiting, row),
    attachmentName: l.attachmentName, returnedOn: l.returnedOn, requestedBy: l.requestedBy, createdAt: l.createdAt.toISOString(),
  };
}

export async function listLeave(ctx: RequestContext, q: LeaveListQuery): Promise<ListResponse<Leave>> {
  const { limit, offset } = pageOf(q);
  const todo = q.todo;
  // 待我审批 is decided per row (who may decide which step), so it reads the pending ones and pages in memory.
  const rows = await repo.listLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), {
    status: todo ? 'pending' : q.status, assignmentId: q.assignmentId, limit: todo ? 1000 : limit, offset: todo ? 0 : offset,
  });
  const decisions = await repo.listDecisions(ctx.db, rows.map((r) => r.leave.id));
  let items = rows.map((r) => shape(ctx, r, decisions));
  if (todo) items = items.filter((i) => i.mine);
  // A page past the end has no row to carry the window count: count again from the start.
  const total = todo ? items.length : rows[0]?.total ?? (offset > 0 ? (await repo.listLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), { status: q.status, assignmentId: q.assignmentId, limit: 1, offset: 0 }))[0]?.total ?? 0 : 0);
  return { items: todo ? items.slice(offset, offset + limit) : items, total };
}

export async function getLeave(ctx: RequestContext, id: string) {
  const row = await repo.findLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), id);
  if (!row) throw notFound('请假申请');
  const decisions = await repo.listDecisions(ctx.db, [id]);
  const leave = shape(ctx, row, decisions);
  const [{ policy }, calendar] = await Promise.all([policyInForce(ctx.db, row.policyCode, row.leave.startDate), loadCalendar(ctx.db)]);
  const evaluation = evaluateLeave({
    policy, calendar, today: chinaToday(ctx.clock.now()),
    leave: { id, from: row.leave.startDate, to: row.leave.endDate, emergencyRecall: row.leave.emergencyRecall },
    recorded: { approvals: decisions.filter((d) => d.decision === 'approve').map((d) => ({ party: d.party as Party, id: d.id })), filings: [] },
  });
  return { ...leave, verdicts: evaluation.verdicts.map(showVerdict) };
}

/**
 * What a leave would be, checked as a request would be: the assignment (staff: their own on the start
 * date), its dates, overlaps, and the engine's working days, approvals and filings.
 */
async function planLeave(ctx: RequestContext, input: Pick<LeaveCreate, 'assignmentId' | 'startDate' | 'endDate' | 'kind'>) {
  const personId = ctx.actor.personId;
  const assignmentId = input.assignmentId ?? (personId ? await repo.findOwnAssignmentId(ctx.db, personId, input.startDate) : undefined);
  // Staff do not pick the assignment: the start date they chose is what has no assignment.
  if (!assignmentId) throw new AppError('VALIDATION_FAILED', personId ? `${input.startDate} 没有进行中的派驻任务` : '请选择派驻记录', { field: personId ? 'startDate' : 'assignmentId' });
  const a = await repo.findAssignmentForLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), assignmentId);
  if (!a) throw new AppError('VALIDATION_FAILED', '派驻记录不存在', { field: 'assignmentId' });
  const self = personId === a.personId;
  if (!self && !(ctx.actor.scope.kind === 'unit' && ctx.actor.scope.orgId === a.supportOrgId) && ctx.actor.scope.kind !== 'all') throw forbidden('请假由本人或派出单位提出');
  if (!['planned', 'on_duty'].includes(a.status)) throw new AppError('CONFLICT', '该派驻已结束，不能请假', { field: 'assignmentId' });
  if (input.startDate < a.start || input.endDate > a.end) throw new AppError('VALIDATION_FAILED', `请假日期须在派驻期 ${a.start} 至 ${a.end} 内`, { field: input.startDate < a.start ? 'startDate' : 'endDate' });
  const overlap = await repo.findOverlappingLeave(ctx.db, assignmentId, input.startDate, input.endDate);
  if (overlap) throw new AppError('CONFLICT', `与已有请假 ${overlap.startDate} 至 ${overlap.endDate} 重叠`, { field: 'startDate' });
  const [{ policy }, calendar] = await Promise.all([policyInForce(ctx.db, a.policyCode, input.startDate), loadCalendar(ctx.db)]);
  const emergencyRecall = input.kind === 'emergency_recall';
  const evaluation = evaluateLeave({ policy, calendar, today: chinaToday(ctx.clock.now()), leave: { id: 'new', from: input.startDate, to: input.endDate, emergencyRecall } });
  if (evaluation.workingDays === 0 && !emergencyRecall) {
    throw new AppError('VALIDATION_FAILED', '所选日期均为休息日或节假日，无需请假；外出请提交外出报备', { field: 'startDate' });
  }
  return { assignmentId, a, calendar, emergencyRecall, evaluation };
}

/** 请假预览: the working days and the approval chain a request would get, before it is made; records nothing. */
export async function previewLeave(ctx: RequestContext, input: Pick<LeaveCreate, 'assignmentId' | 'startDate' | 'endDate' | 'kind'>) {
  const { emergencyRecall, evaluation } = await planLeave(ctx, input);
  return {
    workingDays: evaluation.workingDays, calendarDays: Math.round((Date.parse(input.endDate) - Date.parse(input.startDate)) / 86_400_000) + 1, emergencyRecall,
    approvals: evaluation.approvals, filings: evaluation.filings, verdicts: evaluation.verdicts.map(showVerdict),
  };
}

/**
 * A person asks for leave. The engine fixes the working days lost (holidays and rest days do not
 * count) and the approvals and filings owed; a leave that needs no approval is approved at once.
 */
export async function requestLeave(ctx: RequestContext, input: LeaveCreate) {
  const { assignmentId, a, calendar, emergencyRecall, evaluation } = await planLeave(ctx, input);
  const status = evaluation.approvals.length === 0 ? 'approved' : 'pending';
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertLeave(tx, {
      assignmentId, startDate: input.startDate, endDate: input.endDate, kind: input.kind, reason: input.reason, emergencyRecall,
      workingDays: evaluation.workingDays, approvalsRequired: evaluation.approvals, filingsRequired: evaluation.filings, status,
      attachmentName: input.attachment?.name ?? null, attachmentType: input.attachment?.type ?? null, attachment: input.attachment?.base64 ?? null,
      requestedBy: ctx.actor.username, createdAt: now, updatedAt: now,
    });
    if (status === 'approved') await markLeaveDays(tx, ctx, a, input.startDate, input.endDate, calendar, now);
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'leave', entityId: newId, regionPath: a.regionPath,
      summary: `「${a.personName}」请假 ${input.startDate} 至 ${input.endDate}（${evaluation.workingDays} 个工作日）${status === 'approved' ? '，无需审批' : `，需 ${evaluation.approvals.map((s) => s.label).join('、')} 审批`}`,
      after: { ...input, attachment: input.attachment ? input.attachment.name : undefined },
    });
    return newId;
  });
  return getLeave(ctx, id);
}

type Calendar = Awaited<ReturnType<typeof loadCalendar>>;

/** Approved leave shows in attendance on its working days, except in months already locked. */
async function markLeaveDays(tx: RequestContext['db'], ctx: RequestContext, a: { id: string; recipientOrgId: string }, from: string, to: string, calendar: Calendar, now: Date) {
  for (let d = from; d <= to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    if (!describeDay(calendar, d).workingDay) continue;
    if (await attendance.isMonthLocked(tx, a.recipientOrgId, d.slice(0, 7))) continue;
    await attendance.upsertDay(tx, { assignmentId: a.id, date: d, status: 'leave', source: 'leave', updatedBy: ctx.actor.username, at: now });
  }
}

/** The awaited approver decides; the steps go in the engine's order. A rejection ends the request. */
export async function decideLeave(ctx: RequestContext, id: string, input: { decision: 'approve' | 'reject'; comment?: string | undefined }) {
  const row = await repo.findLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), id);
  if (!row) throw notFound('请假申请');
  const leave = shape(ctx, row, await repo.listDecisions(ctx.db, [id]));
  if (leave.status !== 'pending' || !leave.awaiting) throw new AppError('CONFLICT', `该请假已「${leave.status === 'approved' ? '批准' : leave.status === 'rejected' ? '驳回' : '结束'}」，无需再审批`);
  if (!mayDecide(ctx.actor, leave.awaiting, row)) {
    const label = leave.approvals.find((s) => s.party === leave.awaiting)?.label ?? leave.awaiting;
    throw forbidden(`当前等待「${label}」审批`);
  }
  if (input.decision === 'reject' && !input.comment) throw new AppError('VALIDATION_FAILED', '驳回须说明理由', { field: 'comment' });
  const last = leave.approvals.filter((s) => s.decision === null).length === 1;
  const status = input.decision === 'reject' ? 'rejected' : last ? 'approved' : 'pending';
  const now = ctx.clock.now();
  const calendar = status === 'approved' ? await loadCalendar(ctx.db) : null;
  await ctx.db.transaction(async (tx) => {
    await repo.insertDecision(tx, { leaveId: id, party: leave.awaiting!, decision: input.decision, comment: input.comment ?? null, decidedBy: ctx.actor.username, decidedAt: now });
    if (status !== 'pending') await repo.updateLeave(tx, id, { status, updatedAt: now });
    if (calendar) await markLeaveDays(tx, ctx, { id: row.leave.assignmentId, recipientOrgId: row.recipientOrgId }, row.leave.startDate, row.leave.endDate, calendar, now);
    const label = leave.approvals.find((s) => s.party === leave.awaiting)!.label;
    await recordAudit(tx, ctx, {
      action: 'update', entityType: 'leave', entityId: id, regionPath: row.regionPath,
      summary: `${label}${input.decision === 'approve' ? '同意' : '驳回'}「${row.personName}」请假${input.comment ? `：${input.comment}` : ''}${status === 'approved' ? '（审批完成）' : ''}`,
    });
  });
  return getLeave(ctx, id);
}

/** 销假: the person is back; days after the return date stop counting as leave. */
export async function returnFromLeave(ctx: RequestContext, id: string, date: string) {
  const row = await repo.findLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), id);
  if (!row) throw notFound('请假申请');
  const mayClose = ctx.actor.personId === row.personId || (ctx.actor.scope.kind === 'unit' && [row.recipientOrgId, row.supportOrgId].includes(ctx.actor.scope.orgId)) || ctx.actor.scope.kind === 'all';
  if (!mayClose) throw forbidden('销假由本人或受援、派出单位办理');
  if (row.leave.status !== 'approved') throw new AppError('CONFLICT', '只有已批准的请假可以销假');
  if (date < row.leave.startDate) throw new AppError('VALIDATION_FAILED', `销假日期不能早于请假开始日期 ${row.leave.startDate}`, { field: 'date' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateLeave(tx, id, { status: 'closed', returnedOn: date, updatedAt: now });
    if (date <= row.leave.endDate) await attendance.deleteDays(tx, row.leave.assignmentId, date, row.leave.endDate, 'leave');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'leave', entityId: id, regionPath: row.regionPath, summary: `「${row.personName}」${date} 销假返岗` });
  });
  return getLeave(ctx, id);
}

export async function cancelLeave(ctx: RequestContext, id: string) {
  const row = await repo.findLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), id);
  if (!row) throw notFound('请假申请');
  if (row.leave.requestedBy !== ctx.actor.username) throw forbidden('只有申请人可以撤回');
  if (row.leave.status !== 'pending') throw new AppError('CONFLICT', '只有审批中的请假可以撤回');
  await ctx.db.transaction(async (tx) => {
    await repo.updateLeave(tx, id, { status: 'cancelled', updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'leave', entityId: id, regionPath: row.regionPath, summary: `「${row.personName}」撤回请假` });
  });
  return getLeave(ctx, id);
}

export async function getAttachment(ctx: RequestContext, id: string) {
  const row = await repo.findLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), id);
  if (!row) throw notFound('请假申请');
  const file = await repo.findAttachment(ctx.db, id);
  if (!file?.base64) throw notFound('附件');
  return { name: file.name ?? 'attachment', type: file.type ?? 'application/octet-stream', body: Buffer.from(file.base64, 'base64') };
}

/** 外出报备: a trip on rest days or holidays only; a working day in it needs leave instead. */
export async function reportTrip(ctx: RequestContext, input: { assignmentId?: string | undefined; startDate: string; endDate: string; destination: string; reason?: string | undefined }) {
  const personId = ctx.actor.personId;
  const assignmentId = input.assignmentId ?? (personId ? await repo.findOwnAssignmentId(ctx.db, personId, input.startDate) : undefined);
  if (!assignmentId) throw new AppError('VALIDATION_FAILED', '请选择派驻记录', { field: 'assignmentId' });
  const a = await repo.findAssignmentForLeave(ctx.db, ctx.actor.scope, ownOnly(ctx.actor), assignmentId);
  if (!a) throw new AppError('VALIDATION_FAILED', '派驻记录不存在', { field: 'assignmentId' });
  if (personId !== a.personId && ctx.actor.scope.kind !== 'all') throw forbidden('外出报备由本人提交');
  const calendar = await loadCalendar(ctx.db);
  const working = countWorkingDays(calendar, input.startDate, input.endDate);
  if (working > 0) throw new AppError('VALIDATION_FAILED', `所选日期含 ${working} 个工作日，请提交请假申请`, { field: 'endDate' });
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertTrip(tx, { ...input, assignmentId, reason: input.reason ?? null, reportedBy: ctx.actor.username, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'trip', entityId: newId, regionPath: a.regionPath, summary: `「${a.personName}」外出报备：${input.startDate} 至 ${input.endDate} 前往${input.destination}` });
    return newId;
  });
  const trips = await listTrips(ctx);
  return trips.find((t) => t.id === id)!;
}

export async function listTrips(ctx: RequestContext) {
  return (await repo.listTrips(ctx.db, ctx.actor.scope, ownOnly(ctx.actor))).map((r) => ({
    id: r.trip.id, assignmentId: r.trip.assignmentId, personName: r.personName, recipientOrgName: r.recipientOrgName, startDate: r.trip.startDate,
    endDate: r.trip.endDate, destination: r.trip.destination, reason: r.trip.reason, reportedBy: r.trip.reportedBy, createdAt: r.trip.createdAt.toISOString(),
  }));
}
