import { isWorkingDay, type Calendar } from '../calendar/calendar.js';
import { addDays, addMonths, assertIsoDate, lastOfMonth, maxDate, minDate, monthOf, yearOf } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { ASSIGNMENT_MODE_LABELS, type AssignmentMode, type AttendanceStatus } from '../vocabulary.js';
import type { AttendanceFact } from './on-site-days.rule.js';

export interface OffSiteGuidanceInput {
  policy: Policy;
  calendar: Calendar;
  today: string;
  assignment: { id: string; start: string; end: string; mode: AssignmentMode | null };
  /** Attendance days of the assignment: a working day without an on-site record is a day off site. */
  attendance: readonly AttendanceFact[];
  /** Remote guidance records (video, WeChat review and correction) of the person, by date. */
  guidance: readonly { id: string; date: string }[];
}

export interface OffSiteMonth {
  /** 2019-07. */
  month: string;
  offSiteWorkingDays: number;
  guidanceRecords: number;
  /** ok: guided; missing: a month ended without a record; pending: the current month, none yet. */
  status: 'ok' | 'missing' | 'pending';
}

/**
 * 绵阳“传帮带”通知 二（一）（二）: between stays (不驻点期间) interval visitors and segmented stayers
 * guide the recipient online (video, WeChat) and the guidance is recorded and archived. Read month by
 * month: every month of the term with a working day off site needs at least one guidance record dated
 * in it. A month that ended without one makes the verdict unmet; the current month without one is at_risk.
 */
export function evaluateOffSiteGuidance(input: OffSiteGuidanceInput): { months: OffSiteMonth[]; verdict: Verdict } {
  const { policy, calendar, today, assignment, attendance, guidance } = input;
  assertIsoDate(today);
  assertIsoDate(assignment.start);
  assertIsoDate(assignment.end);
  const param = policy.parameters.offSiteGuidanceRecords;
  if (!param || !param.value.required) return { months: [], verdict: notInPolicy('off-site.guidance', policy.name) };
  const citation = citeParameter(param);
  const evidence = [assignment.id];
  if (!assignment.mode || !param.value.modes.includes(assignment.mode)) {
    const mode = assignment.mode ? ASSIGNMENT_MODE_LABELS[assignment.mode] : '未登记支援方式';
    const modes = param.value.modes.map((m) => ASSIGNMENT_MODE_LABELS[m]).join('、');
    return { months: [], verdict: makeVerdict('off-site.guidance', { status: 'not_applicable', explanation: `${mode}人员不适用（要求适用于${modes}）`, evidence, citation }) };
  }
  if (today < assignment.start) {
    return { months: [], verdict: makeVerdict('off-site.guidance', { status: 'not_applicable', explanation: `派驻期 ${assignment.start} 起，尚未开始`, evidence, citation }) };
  }
  const modeParam = assignment.mode === 'interval_visits' ? policy.parameters.intervalVisits : policy.parameters.segmentedStays;
  const counted: readonly AttendanceStatus[] = modeParam?.value.countedStatuses ?? ['on_duty', 'official_business'];
  const onSite = new Set(attendance.filter((a) => counted.includes(a.status)).map((a) => a.date));
  const last = minDate(today, assignment.end);
  const months: OffSiteMonth[] = [];
  const used: string[] = [];
  for (let first = `${assignment.start.slice(0, 7)}-01`; first <= last; first = addMonths(first, 1)) {
    const from = maxDate(first, assignment.start);
    const monthEnd = lastOfMonth(yearOf(first), monthOf(first));
    const to = minDate(monthEnd, last);
    let offSite = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d) && !onSite.has(d)) offSite++;
    if (offSite === 0) continue;
    const records = guidance.filter((g) => g.date >= from && g.date <= to);
    used.push(...records.map((r) => r.id));
    const closed = today > monthEnd || today >= assignment.end;
    months.push({ month: first.slice(0, 7), offSiteWorkingDays: offSite, guidanceRecords: records.length, status: records.length > 0 ? 'ok' : closed ? 'missing' : 'pending' });
  }
  const missing = months.filter((m) => m.status === 'missing').map((m) => m.month);
  const pending = months.some((m) => m.status === 'pending');
  const figures = { offSiteMonths: months.length, guidedMonths: months.filter((m) => m.status === 'ok').length, missingMonths: missing.join('、') || null, guidanceRecords: used.length };
  const head = `派驻以来有不驻点工作日的月份 ${months.length} 个，有远程指导记录的 ${figures.guidedMonths} 个`;
  const all = [...evidence, ...used];
  if (months.length === 0) {
    return { months, verdict: makeVerdict('off-site.guidance', { status: 'not_applicable', explanation: '派驻以来没有不驻点的工作日', figures, evidence: all, citation }) };
  }
  if (missing.length) {
    return { months, verdict: makeVerdict('off-site.guidance', { status: 'unmet', explanation: `${head}；${missing.join('、')} 不驻点期间没有远程指导记录`, figures, evidence: all, citation }) };
  }
  if (pending) {
    return { months, verdict: makeVerdict('off-site.guidance', { status: 'at_risk', explanation: `${head}；本月不驻点期间尚无远程指导记录`, figures, evidence: all, citation }) };
  }
  return { months, verdict: makeVerdict('off-site.guidance', { status: 'met', explanation: `${head}，均有记录`, figures, evidence: all, citation }) };
}
