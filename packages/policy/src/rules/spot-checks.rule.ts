import { addMonths, assertIsoDate, firstOfMonth, lastOfMonth, monthOf, yearOf } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import type { SpotCheckResult } from '../vocabulary.js';

export interface SpotCheckFact {
  /** Id of the person's result in that check. */
  id: string;
  date: string;
  /** `on_leave`: away on approved leave — an excused absence, which never counts. */
  result: SpotCheckResult;
}

export interface SpotChecksInput {
  policy: Policy;
  personId: string;
  /** The person's spot-check results (any order; evaluated in date order). */
  results: readonly SpotCheckFact[];
}

/**
 * Consequences of a person's spot-check record.
 * - 楚卫通〔2018〕43号 二（四）: absent in 2 spot checks → the support hospital sends a replacement.
 * - 二（七）: absent in 2 consecutive checks → may not apply for a higher title, and the dispatching
 *   hospital is publicly criticised (通报批评).
 * - 二（八）: any unexcused absence → notice (通报) and interview (约谈) of the units' leaders.
 * A check that found the person on approved leave is a conforming result: it is not an absence
 * and it ends a run of consecutive absences.
 */
export function evaluateSpotChecks({ policy, personId, results }: SpotChecksInput): Verdict[] {
  const ordered = [...results].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  ordered.forEach((r) => assertIsoDate(r.date));
  const absences = ordered.filter((r) => r.result === 'absent');
  const { spotCheckReplacement, spotCheckPromotionBar, absenceNotice } = policy.parameters;
  const verdicts: Verdict[] = [];
  const checks = `抽查 ${ordered.length} 次，不在岗 ${absences.length} 次`;

  if (!spotCheckReplacement) verdicts.push(notInPolicy('spot-checks.replacement', policy.name));
  else {
    const limit = spotCheckReplacement.value.absences;
    const citation = citeParameter(spotCheckReplacement);
    const figures = { checks: ordered.length, absences: absences.length, limit, dueSince: absences[limit - 1]?.date ?? null };
    const evidence = [personId, ...absences.map((a) => a.id)];
    verdicts.push(absences.length >= limit
      ? makeVerdict('spot-checks.replacement', { status: 'unmet', explanation: `${checks}（${absences.map((a) => a.date).join('、')}），达到 ${limit} 次，支援医院应另派相应人员接替`, figures, evidence, citation })
      : makeVerdict('spot-checks.replacement', {
        status: absences.length === limit - 1 ? 'at_risk' : 'met',
        explanation: `${checks}，${limit} 次即须另派人员接替${absences.length === limit - 1 ? '，再有 1 次即须接替' : ''}`, figures, evidence, citation,
      }));
  }

  if (!spotCheckPromotionBar) verdicts.push(notInPolicy('spot-checks.promotion-bar', policy.name));
  else {
    const { consecutiveAbsences: limit, publicCriticismOfDispatchingUnit: criticism } = spotCheckPromotionBar.value;
    const citation = citeParameter(spotCheckPromotionBar);
    let run: SpotCheckFact[] = [];
    let hit: SpotCheckFact[] | undefined;
    for (const r of ordered) {
      run = r.result === 'absent' ? [...run, r] : [];
      if (!hit && run.length >= limit) hit = run;
    }
    const consequence = `不得申报高一级专业技术职务${criticism ? '，并对派驻医院通报批评' : ''}`;
    const longest = longestRun(ordered);
    const figures = { checks: ordered.length, longestConsecutiveAbsences: longest, limit, since: hit?.[limit - 1]?.date ?? null };
    if (hit) {
      verdicts.push(makeVerdict('spot-checks.promotion-bar', {
        status: 'unmet', explanation: `连续 ${limit} 次抽查不在岗（${hit.map((a) => a.date).join('、')}），${consequence}`,
        figures, evidence: [personId, ...hit.map((a) => a.id)], citation,
      }));
    } else {
      const atRisk = run.length === limit - 1 && run.length > 0;
      verdicts.push(makeVerdict('spot-checks.promotion-bar', {
        status: atRisk ? 'at_risk' : 'met',
        explanation: `${checks}，最多连续 ${longest} 次；连续 ${limit} 次将${consequence}${atRisk ? '；最近一次抽查不在岗，下次抽查须在岗' : ''}`,
        figures, evidence: [personId, ...run.map((a) => a.id)], citation,
      }));
    }
  }

  if (!absenceNotice) verdicts.push(notInPolicy('spot-checks.notice', policy.name));
  else {
    const { notice, interview } = absenceNotice.value;
    const actions = [notice ? '通报' : null, interview ? '约谈有关单位领导和负责人' : null].filter(Boolean).join('，并');
    verdicts.push(makeVerdict('spot-checks.notice', {
      status: absences.length > 0 ? 'unmet' : 'met',
      explanation: absences.length > 0 ? `无故不在岗 ${absences.length} 次（${absences.map((a) => a.date).join('、')}），应${actions}` : `${checks}，无须${actions}`,
      figures: { absences: absences.length }, evidence: [personId, ...absences.map((a) => a.id)], citation: citeParameter(absenceNotice),
    }));
  }
  return verdicts;
}

function longestRun(ordered: readonly SpotCheckFact[]): number {
  let longest = 0;
  let run = 0;
  for (const r of ordered) {
    run = r.result === 'absent' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

export interface MonthlySelfCheckInput {
  policy: Policy;
  today: string;
  supportUnitId: string;
  /** When the unit had staff on post; every calendar month touching it owes a check. */
  period: { from: string; to: string };
  /** Spot checks / roll calls the support unit made of its own dispatched staff. */
  checks: readonly { id: string; date: string }[];
}

/**
 * 楚卫通〔2018〕43号 二（六）: each tertiary hospital checks its own dispatched staff at least once a
 * month (video or phone roll call) and reports to the office. Lists the months owed; the current
 * month is owed only once it has ended.
 */
export function evaluateMonthlySelfCheck({ policy, today, supportUnitId, period, checks }: MonthlySelfCheckInput): Verdict {
  assertIsoDate(today);
  const param = policy.parameters.supportUnitSelfCheck;
  if (!param) return notInPolicy('spot-checks.monthly-self-check', policy.name);
  const perMonth = param.value.minPerMonth;
  const owed: string[] = [];
  const evidence = [supportUnitId];
  let checked = 0;
  let current: string | null = null;
  for (let first = firstOfMonth(yearOf(period.from), monthOf(period.from)); first <= period.to && first <= today; first = addMonths(first, 1)) {
    const last = lastOfMonth(yearOf(first), monthOf(first));
    const label = first.slice(0, 7);
    const inMonth = checks.filter((c) => c.date >= first && c.date <= last);
    evidence.push(...inMonth.map((c) => c.id));
    if (inMonth.length >= perMonth) checked++;
    else if (last < today) owed.push(label);
    else current = label;
  }
  const figures = { monthsChecked: checked, monthsOwed: owed.length, owed: owed.join('、') || null, perMonth };
  const rule = `每月至少抽查点名 ${perMonth} 次`;
  const pending = current ? `；${current} 尚未抽查` : '';
  return makeVerdict('spot-checks.monthly-self-check', {
    status: owed.length > 0 ? 'unmet' : 'met',
    explanation: owed.length > 0 ? `${rule}；${owed.length} 个月未抽查：${owed.join('、')}${pending}` : `${rule}；已抽查 ${checked} 个月，无欠缺${pending}`,
    figures, evidence, citation: citeParameter(param),
  });
}
