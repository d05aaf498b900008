import { evaluateOffSiteGuidance, type AssignmentMode, type AttendanceStatus, type VerdictStatus } from '@duikou/policy';
import type { Activity, ActivityCreate, ActivityKind, ActivityListQuery, ActivityUpdate, AttachmentInput, ListResponse, OffSiteGuidance, OffSiteGuidanceQuery, RemoveResult } from '@duikou/contracts';
import { ACTIVITY_KIND_LABELS, ATTACHMENT_MAX_BYTES, settingOfActivity } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { pageOf } from '../../core/pagination.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { showVerdict } from '../policies/policies.service.js';
import { listAttendance } from '../progress/progress.repository.js';
import { listAssignmentFacts, listVisibleAssignments, type AssignmentFacts } from '../results/results.repository.js';
import { actsFor, isPerson, pageItems, policyCache, recordAssignment, skipReason, today, toAssignmentRef } from '../results/results.service.js';
import * as repo from './activities.repository.js';

/** The person records their own teaching and guidance; the support and recipient units may too. */
const mayEdit = (ctx: RequestContext, f: AssignmentFacts) => ctx.actor.permissions.has('activity:write')
  && (isPerson(ctx.actor, f.personId) || (ctx.actor.role !== 'staff' && ctx.actor.role !== 'team_leader' && (actsFor(ctx.actor, f.supportOrgId) || actsFor(ctx.actor, f.recipientOrgId))));

async function shape(ctx: RequestContext, rows: readonly repo.ActivityRow[]): Promise<Activity[]> {
  const [facts, files] = await Promise.all([listAssignmentFacts(ctx.db, rows.map((r) => r.assignmentId)), repo.listAttachmentMeta(ctx.db, rows.map((r) => r.id))]);
  return rows.map((a) => {
    const f = facts.get(a.assignmentId)!;
    return {
      id: a.id, assignment: toAssignmentRef(f), kind: a.kind as ActivityKind, setting: a.setting as Activity['setting'], channel: a.channel as Activity['channel'],
      date: a.date, participants: a.participants, participantCount: a.participantCount, content: a.content,
      attachments: files.filter((x) => x.activityId === a.id).map(({ id, name, type, size }) => ({ id, name, type, size })),
      recordedBy: a.recordedBy, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), canEdit: mayEdit(ctx, f),
    };
  });
}

export async function listActivities(ctx: RequestContext, q: ActivityListQuery): Promise<ListResponse<Activity>> {
  const { rows, total } = await repo.listActivities(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  return { items: await shape(ctx, rows), total };
}

async function findVisible(ctx: RequestContext, id: string) {
  const a = await repo.findActivity(ctx.db, ctx.actor, id);
  if (!a) throw notFound('带教/指导记录');
  return { a, f: (await listAssignmentFacts(ctx.db, [a.assignmentId])).get(a.assignmentId)! };
}

export async function getActivity(ctx: RequestContext, id: string): Promise<Activity> {
  return (await shape(ctx, [(await findVisible(ctx, id)).a]))[0]!;
}

/** The first bytes each allowed type starts with: a file must be what it says. */
const MAGIC: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
};

function decodeAttachments(list: readonly AttachmentInput[]) {
  return list.map((file, i) => {
    const content = Buffer.from(file.base64, 'base64');
    if (content.length === 0) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个附件为空`, { field: `attachments.${i}.base64` });
    if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `附件「${file.name}」超过 2 MB`, { field: `attachments.${i}.base64` });
    if (!(MAGIC[file.type] ?? []).some((m) => m.every((b, j) => content[j] === b))) {
      throw new AppError('VALIDATION_FAILED', `附件「${file.name}」的内容与所选类型不符`, { field: `attachments.${i}.type` });
    }
    return { name: file.name, type: file.type, size: content.length, content: file.base64 };
  });
}


function checkDate(ctx: RequestContext, f: AssignmentFacts, date: string): void {
  if (date > today(ctx)) throw new AppError('VALIDATION_FAILED', `日期不能晚于今天（${today(ctx)}）`, { field: 'date' });
  if (date < f.start || date > f.end) throw new AppError('VALIDATION_FAILED', `日期须在派驻期 ${f.start} 至 ${f.end} 内`, { field: 'date' });
}

export async function createActivity(ctx: RequestContext, input: ActivityCreate): Promise<Activity> {
  const f = await recordAssignment(ctx, input.assignmentId);
  if (!mayEdit(ctx, f)) throw forbidden('带教/指导记录由派驻人员本人、支援单位或受援单位登记');
  checkDate(ctx, f, input.date);
  const files = decodeAttachments(input.attachments);
  const now = ctx.clock.now();
  const values = {
    assignmentId: f.id, kind: input.kind, setting: settingOfActivity(input.kind), channel: input.channel ?? null, date: input.date, participants: input.participants,
    participantCount: input.participantCount ?? input.participants.length, content: input.content, recordedBy: ctx.actor.username, createdAt: now, updatedAt: now,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertActivity(tx, values, files);
    await recordAudit(tx, ctx, {
      action: 'create', entityType: 'activity', entityId: newId, regionPath: f.recipientRegionPath,
      summary: `登记「${f.personName}」${input.date} ${ACTIVITY_KIND_LABELS[input.kind]}（${values.participantCount} 人${files.length ? `，附件 ${files.length} 个` : ''}）`,
      after: { ...values, attachments: files.map((x) => x.name) },
    });
    return newId;
  });
  return getActivity(ctx, id);
}

async function editable(ctx: RequestContext, id: string) {
  const found = await findVisible(ctx, id);
  if (!mayEdit(ctx, found.f)) throw forbidden('只有派驻人员本人、支援单位或受援单位可以修改带教/指导记录');
  return found;
}

export async function updateActivity(ctx: RequestContext, id: string, input: ActivityUpdate): Promise<Activity> {
  const { a, f } = await editable(ctx, id);
  if (input.date) checkDate(ctx, f, input.date);
  if (input.channel && a.setting !== 'off_site') throw new AppError('VALIDATION_FAILED', '只有远程指导需要注明远程方式', { field: 'channel' });
  const participants = input.participants ?? a.participants;
  const count = input.participantCount ?? (input.participants ? Math.max(a.participantCount, participants.length) : a.participantCount);
  if (count < participants.length) throw new AppError('VALIDATION_FAILED', '参与人数不能少于所列参与人员', { field: 'participantCount' });
  const set = {
    ...(input.date !== undefined && { date: input.date }), ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.participants !== undefined && { participants }), participantCount: count, ...(input.content !== undefined && { content: input.content }),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateActivity(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'activity', entityId: id, regionPath: f.recipientRegionPath, summary: `修改「${f.personName}」${a.date} ${ACTIVITY_KIND_LABELS[a.kind as ActivityKind]}记录`, before: a, after: set });
  });
  return getActivity(ctx, id);
}

export async function removeActivity(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const { a, f } = await editable(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteActivity(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'activity', entityId: id, regionPath: f.recipientRegionPath, summary: `删除「${f.personName}」${a.date} ${ACTIVITY_KIND_LABELS[a.kind as ActivityKind]}记录`, before: a });
  });
  return { result: 'deleted' };
}

export async function getAttachment(ctx: RequestContext, id: string) {
  const file = await repo.findAttachment(ctx.db, ctx.actor, id);
  if (!file) throw notFound('附件');
  return { name: file.name, type: file.type, body: Buffer.from(file.content, 'base64') };
}

/**
 * Per person in scope whose policy asks for off-site guidance records for their mode (MY 间隔去、分段驻):
 * each month of the term with working days off site, the remote guidance recorded in it, and the verdict.
 */
export async function offSiteGuidance(ctx: RequestContext, q: OffSiteGuidanceQuery): Promise<OffSiteGuidance> {
  const asOf = today(ctx);
  const people = await listVisibleAssignments(ctx.db, ctx.actor, {
    assignmentId: q.assignmentId, supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId, modes: ['interval_visits', 'segmented_stays'], to: asOf,
  });
  const ids = people.map((p) => p.id);
  const [attendance, guidance, calendar] = await Promise.all([listAttendance(ctx.db, ids, asOf), repo.listGuidance(ctx.db, ids), loadCalendar(ctx.db)]);
  const policyOf = policyCache(ctx);
  const items: OffSiteGuidance['items'] = [];
  const skipped: OffSiteGuidance['skipped'] = [];
  for (const f of people) {
    try {
      const policy = await policyOf(f.policyCode, f.start);
      const rule = policy.parameters.offSiteGuidanceRecords;
      if (!rule || !rule.value.required || !rule.value.modes.includes(f.mode as AssignmentMode)) continue;
      const { months, verdict } = evaluateOffSiteGuidance({
        policy, calendar, today: asOf, assignment: { id: f.id, start: f.start, end: f.end, mode: f.mode as AssignmentMode },
        attendance: (attendance.get(f.id) ?? []).map((d) => ({ id: d.date, date: d.date, status: d.status as AttendanceStatus })),
        guidance: guidance.filter((g) => g.assignmentId === f.id),
      });
      if (q.status && verdict.status !== (q.status as VerdictStatus)) continue;
      items.push({ assignment: toAssignmentRef(f), months, verdict: showVerdict(verdict) });
    } catch (err) {
      const message = skipReason(err);
      if (message === null) throw err;
      skipped.push({ assignmentId: f.id, personName: f.personName, message });
    }
  }
  return { asOf, items: pageItems(items, q), total: items.length, skipped };
}
