import { Tag } from 'antd';
import dayjs from 'dayjs';
import { ASSIGNMENT_MODE_LABELS, TASK_PROGRESS_STATUS_LABELS, type AssignmentRef, type QuarterlyReportCreate, type TaskProgressStatus } from '@duikou/contracts';

/** Who the row is: name, title, the unit sending and the one receiving. */
export function PersonCell({ a, showMode = false }: { a: AssignmentRef; showMode?: boolean }) {
  return (
    <>
      <b>{a.personName}</b>{a.personTitle && <span className="dk-task-sub-inline">{a.personTitle}</span>}
      <span className="dk-task-sub">{a.supportOrg.name} → {a.recipientOrg.name}</span>
      <span className="dk-task-sub">{a.department}{showMode && ` · ${ASSIGNMENT_MODE_LABELS[a.mode]}`} · {a.term.start} 至 {a.term.end}</span>
    </>
  );
}

export const TASK_STATUS_COLORS: Record<TaskProgressStatus, string> = { not_started: 'default', in_progress: 'processing', done: 'success' };
export const TASK_STATUS_OPTIONS = (Object.keys(TASK_PROGRESS_STATUS_LABELS) as TaskProgressStatus[]).map((s) => ({ value: s, label: TASK_PROGRESS_STATUS_LABELS[s] }));

export function TaskStatusTag({ status }: { status: TaskProgressStatus | null }) {
  if (!status) return <Tag>尚未反馈</Tag>;
  return <Tag color={TASK_STATUS_COLORS[status]}>{TASK_PROGRESS_STATUS_LABELS[status]}</Tag>;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 2026-Q3 → 2026 年第三季度. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `${m[1]} 年第${QUARTER_NAMES[Number(m[2]) - 1]}季度` : quarter;
}

/** The quarter a date falls in: 2026-11-23 → 2026-Q4. */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The quarters a report may be given for: those of the term that have begun by today, newest first
 * (the server refuses quarters outside the term or not yet started).
 */
export function reportableQuarters(term: { start: string; end: string }, today: string): string[] {
  const last = term.end < today ? term.end : today;
  if (last < term.start) return [];
  const out: string[] = [];
  let y = Number(term.start.slice(0, 4));
  let q = Number(quarterOf(term.start).slice(-1));
  const [ly, lq] = [Number(last.slice(0, 4)), Number(quarterOf(last).slice(-1))];
  while (y < ly || (y === ly && q <= lq)) {
    out.push(`${y}-Q${q}`);
    q += 1;
    if (q > 4) { q = 1; y += 1; }
  }
  return out.reverse();
}

/** The years of a term (annual tasks are set per year within it). */
export function termYears(term: { start: string; end: string }): number[] {
  const out: number[] = [];
  for (let y = Number(term.start.slice(0, 4)); y <= Number(term.end.slice(0, 4)); y += 1) out.push(y);
  return out;
}

/** Years offered by the filters: the demo programmes start in 2018; up to next year. */
export function yearOptions(now = dayjs()): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let y = now.year() + 1; y >= 2018; y -= 1) out.push({ value: String(y), label: `${y} 年` });
  return out;
}

/** How a report stands against its due date: on time, N days late, or no due date yet. */
export function lateness(r: { due: string | null; daysLate: number | null }): { text: string; late: boolean } {
  if (!r.due) return { text: '截止日尚未确定', late: false };
  if (r.daysLate && r.daysLate > 0) return { text: `逾期 ${r.daysLate} 天（截止 ${r.due}）`, late: true };
  return { text: `按时（截止 ${r.due}）`, late: false };
}

export interface TaskLineForm { taskId: string; title: string; status?: TaskProgressStatus; progress?: string }

/** The task lines to send: only tasks given a status this quarter; empty progress left out. */
export function taskLinesOf(lines: readonly TaskLineForm[] | undefined): QuarterlyReportCreate['tasks'] {
  return (lines ?? []).filter((l) => !!l.status).map((l) => ({
    taskId: l.taskId, status: l.status!, ...(l.progress?.trim() ? { progress: l.progress.trim() } : {}),
  }));
}

/**
 * The form lines for a report: every task of the person's year, with what the report (if any) said of it;
 * tasks the report mentions but that are not in the year's list (deleted…) are kept at the end.
 */
export function taskLinesFor(
  tasks: readonly { id: string; title: string }[],
  reported: readonly { taskId: string; title: string; status: TaskProgressStatus; progress: string | null }[] = [],
): TaskLineForm[] {
  const byId = new Map(reported.map((r) => [r.taskId, r]));
  const lines: TaskLineForm[] = tasks.map((t) => {
    const r = byId.get(t.id);
    return { taskId: t.id, title: t.title, status: r?.status, progress: r?.progress ?? undefined };
  });
  for (const r of reported) if (!tasks.some((t) => t.id === r.taskId)) lines.push({ taskId: r.taskId, title: r.title, status: r.status, progress: r.progress ?? undefined });
  return lines;
}

/**
 * Figures the shared labels do not name yet, renamed to Chinese so the verdict card shows no English keys
 * (figureEntries shows an unknown key as it is).
 */
export function labelFigures<V extends { figures: Record<string, unknown> }>(v: V, labels: Record<string, string | null>): V {
  const figures: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v.figures)) {
    const label = Object.hasOwn(labels, k) ? labels[k] : k;
    if (typeof label === 'string') figures[label] = value;
  }
  return { ...v, figures };
}
