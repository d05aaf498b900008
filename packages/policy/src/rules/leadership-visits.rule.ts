import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';

export interface LeadershipVisitsInput {
  policy: Policy;
  today: string;
  /** Calendar year evaluated. */
  year: number;
  pairingId: string;
  /** Visits of the support unit to the recipient; `ledByLeadership` null: not recorded. */
  visits: readonly { id: string; date: string; ledByLeadership: boolean | null }[];
}

/**
 * 楚卫通〔2018〕43号 三（二）: the support hospital visits the recipient at least twice a year for
 * guidance and talks, at least once led by the hospital's leadership (院领导带队).
 * A year still running and short of either figure is `at_risk`; an ended one `unmet`.
 */
export function evaluateLeadershipVisits({ policy, today, year, pairingId, visits }: LeadershipVisitsInput): Verdict {
  assertIsoDate(today);
  const param = policy.parameters.leadershipVisits;
  if (!param) return notInPolicy('leadership-visits', policy.name);
  const citation = citeParameter(param);
  const { minVisitsPerYear, minLedByLeadership } = param.value;
  const inYear = visits.filter((v) => v.date >= `${year}-01-01` && v.date <= `${year}-12-31` && v.date <= today);
  const led = inYear.filter((v) => v.ledByLeadership === true).length;
  const unrecorded = inYear.filter((v) => v.ledByLeadership === null).length;
  const figures = { year, visits: inYear.length, required: minVisitsPerYear, ledByLeadership: led, requiredLed: minLedByLeadership, leadershipUnrecorded: unrecorded };
  const evidence = [pairingId, ...inYear.map((v) => v.id)];
  const facts = `${year} 年赴受援医院 ${inYear.length} 次（院领导带队 ${led} 次${unrecorded ? `，${unrecorded} 次带队情况未登记` : ''}），要求不少于 ${minVisitsPerYear} 次、院领导带队不少于 ${minLedByLeadership} 次`;
  if (today < `${year}-01-01`) {
    return makeVerdict('leadership-visits', { status: 'not_applicable', explanation: `${year} 年尚未开始`, figures, evidence, citation });
  }
  const enough = inYear.length >= minVisitsPerYear;
  if (enough && led >= minLedByLeadership) return makeVerdict('leadership-visits', { status: 'met', explanation: `${facts}，符合`, figures, evidence, citation });
  // Enough visits, but whether a leader led them is not recorded for some: they decide it.
  if (enough && led + unrecorded >= minLedByLeadership) {
    return makeVerdict('leadership-visits', { status: 'unknown', explanation: `${facts}；请登记带队领导`, figures, evidence, citation });
  }
  const ended = today > `${year}-12-31`;
  return makeVerdict('leadership-visits', { status: ended ? 'unmet' : 'at_risk', explanation: `${facts}，${ended ? '不符合' : '年内尚未达到'}`, figures, evidence, citation });
}
