import {
  CalendarYearMissingError, PARTY_LABELS, citeParameter, describeDay, listProgrammeDeadlines, listReportingDeadlines, quarterBounds,
  quarterlyProgressDeadline, type Calendar, type Party, type Policy,
} from '@duikou/policy';
import type { DeadlineCalendar, DeadlineCalendarQuery, DeadlineEntry, DeadlineKind } from '@duikou/contracts';
import type { Db, DbOrTx } from '@duikou/db';
import type { RequestContext } from '../../core/actor.js';
import { AppError } from '../../core/app-error.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { policyInForce } from '../policies/policies.service.js';
import * as repo from './notifications.repository.js';

/** One deadline of one programme, as the engine computed it (parties as identifiers). */
export interface ProgrammeDeadline {
  key: string;
  kind: DeadlineKind;
  period: string;
  label: string;
  nominal: string;
  due: string;
  postponed: boolean;
  reporter: Party | null;
  recipient: Party | null;
  citation: string;
  programme: repo.ProgrammeFacts;
  policyVersion: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const maxDate = (a: string, b: string) => (a >= b ? a : b);
const minDate = (a: string, b: string) => (a <= b ? a : b);
const lastOfMonth = (period: string) => {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return `${period}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** The dates a recurring deadline reports on: a month (2026-10) or a quarter (2026-Q3). */
function periodBounds(kind: DeadlineKind, period: string): { from: string; to: string } | null {
  if (kind === 'monthly') return { from: `${period}-01`, to: lastOfMonth(period) };
  if (kind === 'quarterly' || kind === 'progress') return quarterBounds(period);
  return null;
}

/** A recurring report is owed only for periods the programme ran in. */
function withinValidity(p: repo.ProgrammeFacts, kind: DeadlineKind, period: string): boolean {
  const b = periodBounds(kind, period);
  if (!b) return true;
  return (!p.validFrom || b.to >= p.validFrom) && (!p.validTo || b.from <= p.validTo);
}

/** The quarters (2026-Q1 …) whose feedback could fall due in [from, to]: those ending up to a year before. */
function quartersAround(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)); y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  return out;
}

/** The recipient's quarterly feedback (楚卫通〔2018〕43号 二（三）), due by the engine's schedule; nominal dates in [from, to]. */
function progressDeadlines(policy: Policy, calendar: Calendar, from: string, to: string) {
  const param = policy.parameters.quarterlyProgressFeedback;
  if (!param) return [];
  return quartersAround(from, to).map((quarter) => ({ quarter, d: quarterlyProgressDeadline(policy, calendar, quarter) }))
    .filter(({ d }) => d.nominal >= from && d.nominal <= to)
    .map(({ quarter, d }) => {
      if (d.due === null) throw new CalendarYearMissingError(Number(d.nominal.slice(0, 4)));
      return {
        kind: 'progress' as const, period: quarter, label: `${quarter.replace('-Q', ' 年第 ')} 季度派驻人员工作情况反馈`, nominal: d.nominal, due: d.due,
        postponed: d.postponed, reporter: param.value.from, recipient: param.value.to, citation: citeParameter(param),
      };
    });
}

/**
 * Every deadline of these programmes whose nominal date lies in [from, to]: the programme's one-off
 * deadlines and its recurring reports, each moved past rest days and holidays by the engine under the
 * policy version in force (looked up once per programme and year). Years or programmes that cannot be
 * computed are named in `warnings` instead of failing the whole answer.
 */
export async function computeDeadlines(db: DbOrTx, calendar: Calendar, programmes: readonly repo.ProgrammeFacts[], from: string, to: string) {
  const items: ProgrammeDeadline[] = [];
  const warnings = new Set<string>();
  for (const p of programmes) {
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      const span = { from: maxDate(from, `${y}-01-01`), to: minDate(to, `${y}-12-31`) };
      const on = minDate(maxDate(span.from, p.validFrom ?? span.from), span.to);
      let found: Awaited<ReturnType<typeof policyInForce>>;
      try {
        found = await policyInForce(db as Db, p.policyCode, on);
      } catch (err) {
        if (err instanceof AppError) { warnings.add(`「${p.name}」${err.message}`); continue; }
        throw err;
      }
      try {
        const raw = [
          ...listProgrammeDeadlines(found.policy, y, calendar).filter((d) => d.nominal >= span.from && d.nominal <= span.to),
          ...listReportingDeadlines({ policy: found.policy, calendar, from: span.from, to: span.to }),
          ...progressDeadlines(found.policy, calendar, span.from, span.to),
        ];
        for (const d of raw) {
          if (!withinValidity(p, d.kind, d.period)) continue;
          items.push({
            key: `${p.id}:${d.kind}:${d.period}`, kind: d.kind, period: d.period, label: d.label, nominal: d.nominal, due: d.due, postponed: d.postponed,
            reporter: d.reporter, recipient: d.recipient, citation: d.citation, programme: p, policyVersion: found.version,
          });
        }
      } catch (err) {
        if (err instanceof CalendarYearMissingError) { warnings.add(`${err.year} 年的节假日日历尚未录入，该年的期限无法按节假日顺延计算，请管理员录入`); continue; }
        throw err;
      }
    }
  }
  items.sort((a, b) => a.due.localeCompare(b.due) || a.nominal.localeCompare(b.nominal) || a.kind.localeCompare(b.kind) || a.programme.name.localeCompare(b.programme.name));
  return { items, warnings: [...warnings] };
}

const partyLabel = (p: Party | null): string | null => (p ? PARTY_LABELS[p] : null);

/** Why a nominal date moved: the holiday's name, or 休息日 (weekend). */
function movedBecause(calendar: Calendar, d: ProgrammeDeadline): string | null {
  if (!d.postponed) return null;
  const day = describeDay(calendar, d.nominal);
  return day.kind === 'holiday' ? (day.name ?? '法定节假日') : '休息日';
}

export function toDeadlineEntry(calendar: Calendar, d: ProgrammeDeadline): DeadlineEntry {
  return {
    key: d.key, kind: d.kind, period: d.period, label: d.label, nominal: d.nominal, due: d.due, postponed: d.postponed,
    postponedBecause: movedBecause(calendar, d), reporter: partyLabel(d.reporter), recipient: partyLabel(d.recipient),
    programmeId: d.programme.id, programmeName: d.programme.name, policyCode: d.programme.policyCode, policyVersion: d.policyVersion, citation: d.citation,
  };
}

/** 时限日历: the deadlines of the caller's programmes in [from, to]. */
export async function listDeadlineCalendar(ctx: RequestContext, q: DeadlineCalendarQuery): Promise<DeadlineCalendar> {
  const programmes = await repo.listProgrammesMeeting(ctx.db, q.from, q.to, { scope: ctx.actor.scope, programmeId: q.programmeId });
  if (q.programmeId && programmes.length === 0) {
    throw new AppError('VALIDATION_FAILED', '项目不存在，或在所选期间不在有效期内', { field: 'programmeId' });
  }
  const calendar = await loadCalendar(ctx.db);
  const { items, warnings } = await computeDeadlines(ctx.db, calendar, programmes, q.from, q.to);
  return { from: q.from, to: q.to, items: items.map((d) => toDeadlineEntry(calendar, d)), total: items.length, warnings };
}
