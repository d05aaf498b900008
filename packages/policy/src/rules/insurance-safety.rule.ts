import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';

export interface InsuranceAndSafetyInput {
  policy: Policy;
  today: string;
  assignment: { id: string; start: string; end: string };
  /** Accident insurance on record for the assignment; null: none recorded. */
  insurance: { id: string; coverFrom: string; coverTo: string } | null;
  /** Safety education given; null: none recorded. */
  safetyEducation: { id: string; date: string } | null;
}

/**
 * 楚卫通〔2018〕43号 三（七）: support hospitals insure dispatched staff against accidents for the whole
 * assignment and give them safety education. Nothing on record is `at_risk` before the assignment
 * starts and `unmet` once it has started.
 */
export function evaluateInsuranceAndSafety({ policy, today, assignment, insurance, safetyEducation }: InsuranceAndSafetyInput): Verdict[] {
  assertIsoDate(today);
  const param = policy.parameters.insuranceAndSafety;
  if (!param) return [notInPolicy('insurance', policy.name), notInPolicy('safety-education', policy.name)];
  const citation = citeParameter(param);
  const started = today >= assignment.start;
  const missing = started ? 'unmet' : 'at_risk';
  const term = `派驻期 ${assignment.start} 至 ${assignment.end}`;

  let insured: Verdict;
  if (!param.value.accidentInsurance) insured = notInPolicy('insurance', policy.name);
  else if (!insurance) insured = makeVerdict('insurance', { status: missing, explanation: `${term}，未登记人身意外保险`, evidence: [assignment.id], citation });
  else {
    const gaps = [
      insurance.coverFrom > assignment.start ? `${assignment.start} 至 ${insurance.coverFrom} 前` : null,
      insurance.coverTo < assignment.end ? `${insurance.coverTo} 后至 ${assignment.end}` : null,
    ].filter((g): g is string => g !== null);
    insured = makeVerdict('insurance', {
      status: gaps.length ? missing : 'met',
      explanation: `${term}，保险期 ${insurance.coverFrom} 至 ${insurance.coverTo}${gaps.length ? `，未覆盖：${gaps.join('、')}` : '，覆盖整个派驻期'}`,
      figures: { coverFrom: insurance.coverFrom, coverTo: insurance.coverTo }, evidence: [assignment.id, insurance.id], citation,
    });
  }

  let educated: Verdict;
  if (!param.value.safetyEducation) educated = notInPolicy('safety-education', policy.name);
  else if (!safetyEducation) educated = makeVerdict('safety-education', { status: missing, explanation: `${term}，未登记安全教育`, evidence: [assignment.id], citation });
  else educated = makeVerdict('safety-education', { status: 'met', explanation: `已于 ${safetyEducation.date} 进行安全教育`, figures: { date: safetyEducation.date }, evidence: [assignment.id, safetyEducation.id], citation });
  return [insured, educated];
}
