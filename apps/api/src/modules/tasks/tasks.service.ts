import { evaluateQuarterlyProgress, quarterBounds, type Calendar, type VerdictStatus } from '@duikou/policy';
import type {
  AnnualTask, AnnualTaskCreate, AnnualTaskListQuery, AnnualTaskUpdate, ListResponse, QuarterlyReport, QuarterlyReportCreate, QuarterlyReportListQuery,
  QuarterlyReportUpdate, QuarterlySchedule, QuarterlyScheduleQuery, RemoveResult, TaskProgressStatus,
} from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { groupBy } from '../../core/group-by.js';
import { pageOf } from '../../core/pagination.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { showVerdict } from '../policies/policies.service.js';
import { findAssignmentFacts, listAssignmentFacts, listVisibleAssignments, type AssignmentFacts } from '../results/results.repository.js';
import { actsFor, currentYear, pageItems, policyCache, skipReason, today, toAssignmentRef, worstStatus } from '../results/results.service.js';
import * as repo from './tasks.repository.js';

type Task = Awaited<ReturnType<typeof repo.listTasksOf>>[number];
type Report = Awaited<ReturnType<typeof repo.listReportsOf>>[number];
type PolicyOf = ReturnType<typeof policyCache>;

/** Tasks and quarterly feedback are the recipient's to write (CX 二（三）: 受援医院…安排具体的年度任务，每个季度…反馈支援医院). */
const isRecipient = (ctx: RequestContext, f: AssignmentFacts) => ctx.actor.permissions.has('task:write') && actsFor(ctx.actor, f.recipientOrgId);

async function assignmentFor(ctx: RequestContext, id: string): Promise<AssignmentFacts> {
  const f = await findAssignmentFacts(ctx.db, ctx.actor, id);
  if (!f) throw new AppError('VALIDATION_FAILED', '派驻记录不存在或不在您的范围内', { field: 'assignmentId' });
  return f;
}

function requireRecipient(ctx: RequestContext, f: AssignmentFacts, what: string): void {
  if (!isRecipient(ctx, f)) throw forbidden(`${what}由受援单位「${f.recipientOrgName}」填写`);
}

// ── Annual tasks ──────────────────────────────────────────────────────────────

/** The latest reported status of each task, from the reports in quarter order. */
function latestOf(reports: readonly Report[]): Map<string, { status: TaskProgressStatus; quarter: string }> {
  const latest = new Map<string, { status: TaskProgressStatus; quarter: string }>();
  for (const r of [...reports].sort((a, b) => a.quarter.localeCompare(b.quarter))) {
    for (const p of r.taskProgress) latest.set(p.taskId, { status: p.status as TaskProgressStatus, quarter: r.quarter });
  }
  return latest;
}

function shapeTask(ctx: RequestContext, t: Task, facts: AssignmentFacts, latest: Map<string, { status: TaskProgressStatus; quarter: string }>): AnnualTask {
  return {
    id: t.id, assignment: toAssignmentRef(facts), year: t.year, title: t.title, description: t.description, target: t.target,
    latestStatus: latest.get(t.id)?.status ?? null, latestQuarter: latest.get(t.id)?.quarter ?? null,
    createdBy: t.createdBy, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), canEdit: isRecipient(ctx, facts),
  };
}

async function shapeTasks(ctx: RequestContext, tasks: readonly Task[]): Promise<AnnualTask[]> {
  const ids = [...new Set(tasks.map((t) => t.assignmentId))];
  const [facts, reports] = await Promise.all([listAssignmentFacts(ctx.db, ids), repo.listReportsOf(ctx.db, ids)]);
  const latest = latestOf(reports);
  return tasks.map((t) => shapeTask(ctx, t, facts.get(t.assignmentId)!, latest));
}

export async function listTasks(ctx: RequestContext, q: AnnualTaskListQuery): Promise<ListResponse<AnnualTask>> {
  const { rows, total } = await repo.listTasks(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  return { items: await shapeTasks(ctx, rows), total };
}

async function findVisibleTask(ctx: RequestContext, id: string): Promise<Task> {
  const t = await repo.findTask(ctx.db, ctx.actor, id);
  if (!t) throw notFound('年度任务');
  return t;
}

export async function getTask(ctx: RequestContext, id: string): Promise<AnnualTask> {
  return (await shapeTasks(ctx, [await findVisibleTask(ctx, id)]))[0]!;
}

export async function createTask(ctx: RequestContext, input: AnnualTaskCreate): Promise<AnnualTask> {
  const f = await assignmentFor(ctx, input.assignmentId);
  requireRecipient(ctx, f, '年度任务');
  if (input.year < Number(f.start.slice(0, 4)) || input.year > Number(f.end.slice(0, 4))) {
    throw new AppError('VALIDATION_FAILED', `年份须在派驻期 ${f.start} 至 ${f.end} 内`, { field: 'year' });
  }
  const now = ctx.clock.now();
  const values = { assignmentId: f.id, year: input.year, title: input.title, description: input.description ?? null, target: input.target ?? null, createdBy: ctx.actor.username, createdAt: now, updatedAt: now };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertTask(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'annual_task', entityId: newId, regionPath: f.recipientRegionPath, summary: `为「${f.personName}」安排 ${input.year} 年度任务：${input.title}`, after: values });
    return newId;
  });
  return getTask(ctx, id);
}

export async function updateTask(ctx: RequestContext, id: string, input: AnnualTaskUpdate): Promise<AnnualTask> {
  const t = await findVisibleTask(ctx, id);
  const f = (await listAssignmentFacts(ctx.db, [t.assignmentId])).get(t.assignmentId)!;
  requireRecipient(ctx, f, '年度任务');
  const set = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description || null }),
    ...(input.target !== undefined && { target: input.target || null }),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateTask(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'annual_task', entityId: id, regionPath: f.recipientRegionPath, summary: `修改「${f.personName}」的年度任务：${input.title ?? t.title}`, before: { title: t.title, description: t.description, target: t.target }, after: set });
  });
  return getTask(ctx, id);
}

/** A task no quarterly report has reported on may be deleted. */
export async function removeTask(ctx: RequestContext, id: string): Promise<RemoveResult> {
  const t = await findVisibleTask(ctx, id);
  const f = (await listAssignmentFacts(ctx.db, [t.assignmentId])).get(t.assignmentId)!;
  requireRecipient(ctx, f, '年度任务');
  const refs = await repo.countReportsMentioning(ctx.db, t.assignmentId, id);
  if (refs > 0) throw new AppError('CONFLICT', `该任务已在 ${refs} 份季度进展中反馈，不能删除`);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteTask(tx, id);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'annual_task', entityId: id, regionPath: f.recipientRegionPath, summary: `删除「${f.personName}」的年度任务：${t.title}`, before: t });
  });
  return { result: 'deleted' };
}

// ── Quarterly progress ────────────────────────────────────────────────────────

/** The engine's quarters of one assignment, under the version in force at its start (`reports`: its own). */
async function scheduleOf(f: AssignmentFacts, reports: readonly Report[], policyOf: PolicyOf, calendar: Calendar, asOf: string) {
  const policy = await policyOf(f.policyCode, f.start);
  return evaluateQuarterlyProgress({
    policy, calendar, today: asOf, assignment: { id: f.id, start: f.start, end: f.end },
    reports: reports.map((r) => ({ id: r.id, quarter: r.quarter, submittedOn: r.submittedOn })),
  });
}

async function shapeReports(ctx: RequestContext, rows: readonly Report[]): Promise<QuarterlyReport[]> {
  const ids = [...new Set(rows.map((r) => r.assignmentId))];
  const [facts, tasks, all, calendar] = await Promise.all([listAssignmentFacts(ctx.db, ids), repo.listTasksOf(ctx.db, ids), repo.listReportsOf(ctx.db, ids), loadCalendar(ctx.db)]);
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  const policyOf = policyCache(ctx);
  const schedules = new Map<string, Awaited<ReturnType<typeof scheduleOf>>>();
  const allOf = groupBy(all, (r) => r.assignmentId);
  for (const id of ids) schedules.set(id, await scheduleOf(facts.get(id)!, allOf.get(id) ?? [], policyOf, calendar, today(ctx)));
  return rows.map((r) => {
    const f = facts.get(r.assignmentId)!;
    const verdict = schedules.get(r.assignmentId)!.verdicts.find((v) => v.figures.quarter === r.quarter);
    return {
      id: r.id, assignment: toAssignmentRef(f), quarter: r.quarter, summary: r.summary,
      tasks: r.taskProgress.map((p) => ({ taskId: p.taskId, title: titles.get(p.taskId) ?? '（已删除的任务）', status: p.status as TaskProgressStatus, progress: p.progress })),
      submittedOn: r.submittedOn, submittedBy: r.submittedBy,
      due: (verdict?.figures.due as string | null | undefined) ?? null, daysLate: (verdict?.figures.daysLate as number | null | undefined) ?? null,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), canEdit: isRecipient(ctx, f),
    };
  });
}

export async function listReports(ctx: RequestContext, q: QuarterlyReportListQuery): Promise<ListResponse<QuarterlyReport>> {
  const { rows, total } = await repo.listReports(ctx.db, ctx.actor, { ...q, ...pageOf(q) });
  return { items: await shapeReports(ctx, rows), total };
}

async function findVisibleReport(ctx: RequestContext, id: string): Promise<Report> {
  const r = await repo.findReport(ctx.db, ctx.actor, id);
  if (!r) throw notFound('季度进展');
  return r;
}

export async function getReport(ctx: RequestContext, id: string): Promise<QuarterlyReport> {
  return (await shapeReports(ctx, [await findVisibleReport(ctx, id)]))[0]!;
}

/** Each task line must be one of the person's tasks; a task appears once. */
async function checkTaskLines(ctx: RequestContext, assignmentId: string, lines: readonly { taskId: string }[]): Promise<void> {
  const own = new Set((await repo.listTasksOf(ctx.db, [assignmentId])).map((t) => t.id));
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (!own.has(l.taskId)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 项任务不是该派驻人员的年度任务`, { field: `tasks.${i}.taskId` });
    if (seen.has(l.taskId)) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 项任务重复`, { field: `tasks.${i}.taskId` });
    seen.add(l.taskId);
  });
}

const taskLines = (lines: readonly { taskId: string; status: string; progress?: string | undefined }[]) =>
  lines.map((l) => ({ taskId: l.taskId, status: l.status, progress: l.progress ?? null }));

/**
 * The recipient reports a person's quarter to the support unit. The date of submission is the
 * server's (today), so lateness cannot be written away; a quarter is reported once, then corrected.
 */
export async function createReport(ctx: RequestContext, input: QuarterlyReportCreate): Promise<QuarterlyReport> {
  const f = await assignmentFor(ctx, input.assignmentId);
  requireRecipient(ctx, f, '季度进展');
  const { from, to } = quarterBounds(input.quarter);
  if (from > f.end || to < f.start) throw new AppError('VALIDATION_FAILED', `${input.quarter} 不在派驻期 ${f.start} 至 ${f.end} 内`, { field: 'quarter' });
  const asOf = today(ctx);
  if (from > asOf) throw new AppError('VALIDATION_FAILED', `${input.quarter} 尚未开始，不能反馈`, { field: 'quarter' });
  if (await repo.findReportByQuarter(ctx.db, f.id, input.quarter)) throw new AppError('DUPLICATE', `「${f.personName}」${input.quarter} 的季度进展已反馈，请修改原记录`, { field: 'quarter' });
  await checkTaskLines(ctx, f.id, input.tasks);
  const now = ctx.clock.now();
  const values = { assignmentId: f.id, quarter: input.quarter, summary: input.summary, taskProgress: taskLines(input.tasks), submittedOn: asOf, submittedBy: ctx.actor.username, createdAt: now, updatedAt: now };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertReport(tx, values);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'quarterly_report', entityId: newId, regionPath: f.recipientRegionPath, summary: `向「${f.supportOrgName}」反馈「${f.personName}」${input.quarter} 工作情况（${asOf}）`, after: values });
    return newId;
  });
  return getReport(ctx, id);
}

export async function updateReport(ctx: RequestContext, id: string, input: QuarterlyReportUpdate): Promise<QuarterlyReport> {
  const r = await findVisibleReport(ctx, id);
  const f = (await listAssignmentFacts(ctx.db, [r.assignmentId])).get(r.assignmentId)!;
  requireRecipient(ctx, f, '季度进展');
  if (input.tasks) await checkTaskLines(ctx, r.assignmentId, input.tasks);
  const set = { ...(input.summary !== undefined && { summary: input.summary }), ...(input.tasks !== undefined && { taskProgress: taskLines(input.tasks) }) };
  await ctx.db.transaction(async (tx) => {
    await repo.updateReport(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'quarterly_report', entityId: id, regionPath: f.recipientRegionPath, summary: `修改「${f.personName}」${r.quarter} 季度进展`, before: { summary: r.summary, taskProgress: r.taskProgress }, after: set });
  });
  return getReport(ctx, id);
}

/**
 * The quarters of a year for each person in scope whose policy asks for quarterly feedback: due dates
 * (postponed past holidays), the reports, and the engine's verdict — late and overdue ones flagged.
 */
export async function quarterlySchedule(ctx: RequestContext, q: QuarterlyScheduleQuery): Promise<QuarterlySchedule> {
  const year = q.year ?? currentYear(ctx);
  const asOf = today(ctx);
  const people = await listVisibleAssignments(ctx.db, ctx.actor, {
    assignmentId: q.assignmentId, supportOrgId: q.supportOrgId, recipientOrgId: q.recipientOrgId, from: `${year}-01-01`, to: `${year}-12-31`,
  });
  const [reports, calendar] = await Promise.all([repo.listReportsOf(ctx.db, people.map((p) => p.id)), loadCalendar(ctx.db)]);
  const policyOf = policyCache(ctx);
  const items: QuarterlySchedule['items'] = [];
  const skipped: QuarterlySchedule['skipped'] = [];
  const reportsOf = groupBy(reports, (r) => r.assignmentId);
  for (const f of people) {
    const own = reportsOf.get(f.id) ?? [];
    try {
      const { deadlines, verdicts } = await scheduleOf(f, own, policyOf, calendar, asOf);
      const quarters = deadlines.map((d, i) => ({ d, v: verdicts[i]! })).filter(({ d }) => d.quarter.startsWith(`${year}-`)).map(({ d, v }) => {
        const report = own.find((r) => r.quarter === d.quarter);
        return { ...d, reportId: report?.id ?? null, submittedOn: report?.submittedOn ?? null, verdict: showVerdict(v) };
      });
      if (quarters.length === 0) continue; // the policy asks for no quarterly feedback
      const status = worstStatus(quarters.map((x) => x.verdict.status as VerdictStatus));
      if (q.lateOnly && status !== 'unmet') continue;
      items.push({ assignment: toAssignmentRef(f), quarters, status });
    } catch (err) {
      const message = skipReason(err);
      if (message === null) throw err;
      skipped.push({ assignmentId: f.id, personName: f.personName, message });
    }
  }
  return { year, asOf, items: pageItems(items, q), total: items.length, skipped };
}
