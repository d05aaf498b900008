import { countWorkingDays, isWorkingDay, type Calendar } from '../calendar/calendar.js';
import { addDays, addMonths, addYears, assertIsoDate, daysBetween, maxDate, minDate, monthOf, termMonths, yearOf } from '../calendar/dates.js';
import {
  citeParameter, type Cited, type IntervalVisitsParameter, type OnSiteDaysParameter, type Policy, type SegmentedStaysParameter,
} from '../policy.schema.js';
import { makeVerdict, notInPolicy, type RuleId, type Verdict, type VerdictStatus } from '../verdict.js';
import { findPolicyConflicts } from './policy-conflicts.rule.js';
import { ASSIGNMENT_MODE_LABELS, type AssignmentMode, type AttendanceStatus } from '../vocabulary.js';

export interface AttendanceFact { id: string; date: string; status: AttendanceStatus }

export interface OnSiteDaysInput {
  policy: Policy;
  calendar: Calendar;
  today: string;
  /** Planned term, both dates inclusive. */
  assignment: { id: string; start: string; end: string; mode: AssignmentMode | null };
  /** Attendance days of the assignment; records outside the term or after today are ignored. */
  attendance: readonly AttendanceFact[];
}

/**
 * Time on site so far vs required, with a forecast at the current pace to the end of the term.
 * - 楚卫通〔2018〕43号 二（一）: ≥240 working days for a one-year term, ≥120 for a half-year one.
 * - 绵阳“传帮带”通知 二（一） 间隔去: ≥12 visits a year for 2–3 years, ≥3 months on site in all.
 * - 绵阳“传帮带”通知 二（二） 分段驻: one continuous month every quarter, ≥6 stays a year, for 2 years,
 *   ≥1 year on site in all.
 * A verdict that would change if the working days without any attendance record had been on duty
 * is `unknown`: the missing records decide it.
 */
export function evaluateOnSiteDays(input: OnSiteDaysInput): Verdict[] {
  assertIsoDate(input.today);
  assertIsoDate(input.assignment.start);
  assertIsoDate(input.assignment.end);
  const { policy, assignment } = input;
  const { onSiteDays, intervalVisits, segmentedStays } = policy.parameters;
  const hasModes = intervalVisits !== null || segmentedStays !== null;
  switch (assignment.mode) {
    case 'interval_visits':
      return intervalVisits ? evaluateIntervalVisits(input, intervalVisits) : [notInPolicy('on-site.visits-per-year', policy.name)];
    case 'segmented_stays':
      return segmentedStays ? evaluateSegmentedStays(input, segmentedStays) : [notInPolicy('on-site.stays-per-year', policy.name)];
    case 'resident':
      return [onSiteDays ? evaluateWorkingDays(input, onSiteDays) : notInPolicy('on-site.working-days', policy.name)];
    case null:
      if (hasModes) {
        return [makeVerdict('on-site.cumulative', { status: 'unknown', explanation: '支援方式（间隔去 / 分段驻）未登记，无法核对驻点要求', evidence: [assignment.id] })];
      }
      return [onSiteDays ? evaluateWorkingDays(input, onSiteDays) : notInPolicy('on-site.working-days', policy.name)];
  }
}

/** The last record of each date within [from, to], by date. */
function recordsByDate(attendance: readonly AttendanceFact[], from: string, to: string): Map<string, AttendanceFact> {
  const byDate = new Map<string, AttendanceFact>();
  for (const fact of attendance) if (fact.date >= from && fact.date <= to) byDate.set(fact.date, fact);
  return new Map([...byDate].sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface Progress { done: number; elapsed: number; remaining: number; required: number; ended: boolean }

/** met / unmet / at_risk for an amount done so far, forecast at the same pace over what remains. */
function judgeProgress(p: Progress): { status: VerdictStatus; forecast: number } {
  const forecast = p.done + (p.elapsed > 0 ? Math.floor((p.done / p.elapsed) * p.remaining) : p.remaining);
  if (p.done >= p.required) return { status: 'met', forecast };
  if (p.ended || p.done + p.remaining < p.required) return { status: 'unmet', forecast };
  return { status: forecast >= p.required ? 'met' : 'at_risk', forecast };
}

function describeProgress(p: Progress, forecast: number, status: VerdictStatus, unit: string, what: string): string {
  if (p.ended) {
    return p.done >= p.required
      ? `派驻期已结束，${what} ${p.done} ${unit}，要求 ${p.required} ${unit}，达标`
      : `派驻期已结束，${what} ${p.done} ${unit}，要求 ${p.required} ${unit}，差 ${p.required - p.done} ${unit}`;
  }
  const head = `已${what} ${p.done} ${unit}，要求 ${p.required} ${unit}`;
  if (p.done >= p.required) return `${head}，已达标`;
  if (p.done + p.remaining < p.required) return `${head}；剩余 ${p.remaining} ${unit}全部计入也只有 ${p.done + p.remaining} ${unit}，无法达标`;
  return `${head}；按当前进度预计期满时 ${forecast} ${unit}，${status === 'met' ? '可达标' : '可能不达标'}`;
}

function evaluateWorkingDays({ calendar, today, assignment, attendance }: OnSiteDaysInput, param: Cited<OnSiteDaysParameter>): Verdict {
  const ruleId: RuleId = 'on-site.working-days';
  const citation = citeParameter(param);
  const { countedStatuses, workingDaysOnly, requirements } = param.value;
  const unit = workingDaysOnly ? '个工作日' : '天';
  const months = termMonths(assignment.start, assignment.end);
  const requirement = requirements.find((r) => r.termMonths === months);
  const term = `派驻期 ${assignment.start} 至 ${assignment.end}（${months} 个月）`;
  if (!requirement) {
    const known = requirements.map((r) => `${r.termMonths} 个月期 ${r.minDays} ${unit}`).join('、');
    return makeVerdict(ruleId, { status: 'unknown', explanation: `${term}，政策只规定了 ${known} 的要求，无对应要求`, figures: { termMonths: months }, evidence: [assignment.id], citation });
  }
  const required = requirement.minDays;
  const basisDays = (from: string, to: string) =>
    workingDaysOnly ? countWorkingDays(calendar, from, to) : Math.max(0, daysBetween(from, to) + 1);
  const isBasisDay = (date: string) => !workingDaysOnly || isWorkingDay(calendar, date);

  if (today < assignment.start) {
    const total = basisDays(assignment.start, assignment.end);
    const short = total < required;
    return makeVerdict(ruleId, {
      status: short ? 'unmet' : 'not_applicable',
      explanation: `${term}尚未开始，期内共 ${total} ${unit}，要求在岗 ${required} ${unit}${short ? '，计划期限不足' : ''}`,
      figures: { required, termMonths: months, onSiteDays: 0, remainingDays: total }, evidence: [assignment.id], citation,
    });
  }

  const elapsedEnd = minDate(today, assignment.end);
  const records = [...recordsByDate(attendance, assignment.start, elapsedEnd).values()].filter((r) => isBasisDay(r.date));
  const counted = records.filter((r) => countedStatuses.includes(r.status));
  const elapsed = basisDays(assignment.start, elapsedEnd);
  const unrecorded = elapsed - records.length;
  const remaining = today >= assignment.end ? 0 : basisDays(addDays(today, 1), assignment.end);
  const ended = today >= assignment.end;

  const progress: Progress = { done: counted.length, elapsed, remaining, required, ended };
  const judged = judgeProgress(progress);
  // Had every unrecorded day been on duty: if that changes the status, the missing records decide it.
  const optimistic = judgeProgress({ ...progress, done: counted.length + unrecorded });
  const status = optimistic.status === judged.status ? judged.status : 'unknown';
  const gap = unrecorded > 0 ? `（另有 ${unrecorded} ${unit}无考勤记录，按未在岗计）` : '';
  const explanation = status === 'unknown'
    ? `已在岗 ${counted.length} ${unit}，要求 ${required} ${unit}；另有 ${unrecorded} ${unit}无考勤记录，结论取决于这些记录，请补录考勤`
    : describeProgress(progress, judged.forecast, status, unit, '在岗') + gap;
  return makeVerdict(ruleId, {
    status, explanation, citation,
    figures: { required, termMonths: months, onSiteDays: counted.length, elapsedDays: elapsed, remainingDays: remaining, forecast: judged.forecast, unrecordedDays: unrecorded },
    evidence: [assignment.id, ...counted.map((r) => r.id)],
  });
}

interface Stay { start: string; end: string; days: number; ids: string[] }

/**
 * Stays: runs of on-site days. A rest day or holiday between two on-site days does not end the
 * stay (nor does a day recorded as rest); a working day away does. A stay's length is in calendar days.
 */
function findStays(calendar: Calendar, records: Map<string, AttendanceFact>, counted: readonly AttendanceStatus[]): Stay[] {
  const stays: Stay[] = [];
  let current: Stay | undefined;
  for (const fact of records.values()) {
    if (!counted.includes(fact.status)) continue;
    if (current && bridges(calendar, records, current.end, fact.date)) {
      current.end = fact.date;
      current.ids.push(fact.id);
    } else {
      current = { start: fact.date, end: fact.date, days: 0, ids: [fact.id] };
      stays.push(current);
    }
  }
  for (const stay of stays) stay.days = daysBetween(stay.start, stay.end) + 1;
  return stays;
}

function bridges(calendar: Calendar, records: Map<string, AttendanceFact>, from: string, to: string): boolean {
  for (let day = addDays(from, 1); day < to; day = addDays(day, 1)) {
    if (records.get(day)?.status !== 'rest' && isWorkingDay(calendar, day)) return false;
  }
  return true;
}

interface ModeContext { stays: Stay[]; elapsedEnd: string; started: boolean }

function modeContext({ calendar, today, assignment, attendance }: OnSiteDaysInput, counted: readonly AttendanceStatus[]): ModeContext {
  const started = today >= assignment.start;
  const elapsedEnd = minDate(today, assignment.end);
  const stays = started ? findStays(calendar, recordsByDate(attendance, assignment.start, elapsedEnd), counted) : [];
  return { stays, elapsedEnd, started };
}

function evaluateIntervalVisits(input: OnSiteDaysInput, param: Cited<IntervalVisitsParameter>): Verdict[] {
  const ctx = modeContext(input, param.value.countedStatuses);
  return [
    evaluateDuration(input, param),
    evaluateCumulative(input, param, ctx),
    ...evaluatePerYear(input, param, ctx, 'on-site.visits-per-year', param.value.minVisitsPerYear),
  ];
}

function evaluateSegmentedStays(input: OnSiteDaysInput, param: Cited<SegmentedStaysParameter>): Verdict[] {
  const ctx = modeContext(input, param.value.countedStatuses);
  return [
    evaluateDuration(input, param),
    evaluateCumulative(input, param, ctx),
    evaluateQuarterlyStays(input, param, ctx),
    ...evaluatePerYear(input, param, ctx, 'on-site.stays-per-year', param.value.minStaysPerYear),
  ];
}

type ModeParam = Cited<IntervalVisitsParameter> | Cited<SegmentedStaysParameter>;

function modeLabel(param: ModeParam): string {
  return ASSIGNMENT_MODE_LABELS['minVisitsPerYear' in param.value ? 'interval_visits' : 'segmented_stays'];
}

function evaluateDuration({ assignment }: OnSiteDaysInput, param: ModeParam): Verdict {
  const { min, max } = param.value.durationYears;
  const months = termMonths(assignment.start, assignment.end);
  const ok = months >= min * 12 && months <= max * 12;
  const span = min === max ? `${min} 年` : `${min}～${max} 年`;
  return makeVerdict('on-site.duration', {
    status: ok ? 'met' : 'unmet',
    explanation: `${modeLabel(param)}派驻期 ${assignment.start} 至 ${assignment.end}（${months} 个月），要求持续 ${span}，${ok ? '符合' : '不符合'}`,
    figures: { termMonths: months, minYears: min, maxYears: max }, evidence: [assignment.id], citation: citeParameter(param),
  });
}

function evaluateCumulative({ today, assignment }: OnSiteDaysInput, param: ModeParam, ctx: ModeContext): Verdict {
  const required = param.value.minCumulativeOnSiteDays;
  const citation = citeParameter(param);
  const totalDays = daysBetween(assignment.start, assignment.end) + 1;
  if (!ctx.started) {
    const short = totalDays < required;
    return makeVerdict('on-site.cumulative', {
      status: short ? 'unmet' : 'not_applicable',
      explanation: `派驻期 ${assignment.start} 至 ${assignment.end} 尚未开始，要求累计驻点 ${required} 天${short ? `，但期限只有 ${totalDays} 天` : ''}`,
      figures: { required, onSiteDays: 0 }, evidence: [assignment.id], citation,
    });
  }
  const done = ctx.stays.reduce((sum, s) => sum + s.days, 0);
  const progress: Progress = {
    done, required, ended: today >= assignment.end,
    elapsed: daysBetween(assignment.start, ctx.elapsedEnd) + 1,
    remaining: Math.max(0, daysBetween(today, assignment.end)),
  };
  const { status, forecast } = judgeProgress(progress);
  return makeVerdict('on-site.cumulative', {
    status, citation,
    explanation: `${modeLabel(param)}共驻点 ${ctx.stays.length} 次；${describeProgress(progress, forecast, status, '天', '累计驻点')}`,
    figures: { required, onSiteDays: done, stays: ctx.stays.length, forecast, remainingDays: progress.remaining },
    evidence: [assignment.id, ...ctx.stays.flatMap((s) => s.ids)],
  });
}

/** Years of the assignment counted from its start (第 1 年 = start … the day before the first anniversary). */
function assignmentYears(start: string, end: string): { index: number; from: string; to: string; days: number; fullDays: number }[] {
  const years = [];
  for (let k = 0; addYears(start, k) <= end; k++) {
    const from = addYears(start, k);
    const fullTo = addDays(addYears(start, k + 1), -1);
    const to = minDate(fullTo, end);
    years.push({ index: k + 1, from, to, days: daysBetween(from, to) + 1, fullDays: daysBetween(from, fullTo) + 1 });
  }
  return years;
}

function evaluatePerYear({ policy, today, assignment }: OnSiteDaysInput, param: ModeParam, ctx: ModeContext, ruleId: RuleId, perYear: number): Verdict[] {
  const citation = citeParameter(param);
  // MY's 6 stays a year disagree with its one stay per quarter: say so beside the figure.
  const conflict = findPolicyConflicts(policy).find((c) => c.ruleId === ruleId);
  const noun = ruleId === 'on-site.visits-per-year' ? '驻点' : '分段驻';
  const started = assignmentYears(assignment.start, assignment.end).filter((y) => y.from <= today);
  if (started.length === 0) {
    return [makeVerdict(ruleId, { status: 'not_applicable', explanation: `派驻期 ${assignment.start} 起，尚未开始；要求每年${noun}不少于 ${perYear} 次`, evidence: [assignment.id], citation })];
  }
  return started.map((year) => {
    const stays = ctx.stays.filter((s) => s.start >= year.from && s.start <= year.to);
    // A last, shorter year owes its share of the yearly figure.
    const required = year.days === year.fullDays ? perYear : Math.ceil((perYear * year.days) / year.fullDays);
    const share = required === perYear ? '' : `（不足一年，按 ${year.days}/${year.fullDays} 天折算）`;
    const ended = today >= year.to;
    // Visits are events, not days: forecast the year's count from visits per elapsed day.
    const forecast = Math.floor((stays.length * year.days) / (daysBetween(year.from, minDate(today, year.to)) + 1));
    const status: VerdictStatus = stays.length >= required ? 'met' : ended ? 'unmet' : forecast >= required ? 'met' : 'at_risk';
    const head = `第 ${year.index} 年（${year.from} 至 ${year.to}）${ended ? '' : '已'}${noun} ${stays.length} 次，要求不少于 ${required} 次${share}`;
    const tail = status === 'met'
      ? (stays.length >= required ? '，符合' : `；按当前进度预计 ${forecast} 次，可达标`)
      : status === 'unmet' ? `，差 ${required - stays.length} 次` : `；按当前进度预计 ${forecast} 次，可能不达标`;
    return makeVerdict(ruleId, {
      status, citation, explanation: head + tail + (conflict ? `（注：${conflict.message}）` : ''),
      figures: { year: year.index, from: year.from, to: year.to, count: stays.length, required, forecast },
      evidence: [assignment.id, ...stays.flatMap((s) => s.ids)],
    });
  });
}

function quarterOf(date: string): { year: number; quarter: number } {
  return { year: yearOf(date), quarter: Math.floor((monthOf(date) - 1) / 3) + 1 };
}

function evaluateQuarterlyStays({ today, assignment }: OnSiteDaysInput, param: Cited<SegmentedStaysParameter>, ctx: ModeContext): Verdict {
  const months = param.value.continuousStayMonthsPerQuarter;
  const citation = citeParameter(param);
  const isLongEnough = (s: Stay) => s.end >= addDays(addMonths(s.start, months), -1);
  const covered: string[] = [];
  const missed: string[] = [];
  const pending: string[] = [];
  const evidence = [assignment.id];
  let q = quarterOf(assignment.start);
  for (;;) {
    const qStart = `${q.year}-${String(q.quarter * 3 - 2).padStart(2, '0')}-01`;
    if (qStart > assignment.end) break;
    const qEnd = addDays(addMonths(qStart, 3), -1);
    const from = maxDate(qStart, assignment.start);
    const to = minDate(qEnd, assignment.end);
    const label = `${q.year} 年第 ${q.quarter} 季度`;
    // A quarter owes a stay only if a whole stay fits in the part of it inside the term.
    if (addDays(addMonths(from, months), -1) <= to && from <= today) {
      const inQuarter = ctx.stays.filter((s) => s.start >= from && s.start <= to);
      const good = inQuarter.find(isLongEnough);
      if (good) {
        covered.push(label);
        evidence.push(...good.ids);
      } else if (today > to && !inQuarter.some((s) => s.end >= addDays(today, -1))) {
        missed.push(label);
      } else {
        pending.push(label);
      }
    }
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  }
  const figures = { coveredQuarters: covered.length, missedQuarters: missed.length, missed: missed.join('、') || null, pending: pending.join('、') || null, stayMonths: months };
  const rule = `要求每季度连续驻点 ${months} 个月`;
  if (covered.length + missed.length === 0) {
    return makeVerdict('on-site.quarterly-stays', { status: 'not_applicable', explanation: `${rule}，尚无已结束的季度${pending.length ? `（${pending.join('、')}进行中）` : ''}`, figures, evidence, citation });
  }
  if (missed.length > 0) {
    return makeVerdict('on-site.quarterly-stays', { status: 'unmet', explanation: `${rule}；${covered.length} 个季度达到，${missed.join('、')}未连续驻点满 ${months} 个月`, figures, evidence, citation });
  }
  return makeVerdict('on-site.quarterly-stays', { status: 'met', explanation: `${rule}；已结束的 ${covered.length} 个季度均已达到${pending.length ? `，${pending.join('、')}进行中` : ''}`, figures, evidence, citation });
}
