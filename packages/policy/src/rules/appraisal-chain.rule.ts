import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { PARTY_LABELS, type Party } from '../vocabulary.js';

export interface AppraisalChainInput {
  policy: Policy;
  today: string;
  assignmentId: string;
  /** The help year appraised (part of the term), both dates inclusive. */
  period: { from: string; to: string };
  /**
   * The appraisal, if started: the chain it follows, the index of the step awaited (chain.length once
   * the last step is done) and the date the last step was done.
   */
  appraisal: { id: string; chain: readonly Party[]; stage: number; completedOn: string | null } | null;
}

/** The parties who act on a year-end appraisal, in order; null when the policy has no appraisal chain. */
export function appraisalChainOf(policy: Policy): Party[] | null {
  return policy.parameters.appraisalChain ? [...policy.parameters.appraisalChain.value] : null;
}

/**
 * 楚卫通〔2018〕43号 二（三）: after the help year the recipient hospital appraises the dispatched
 * person, the county office gives its opinion, the prefecture office reviews, and the prefecture files
 * the form with the province. The notice sets no date: a help year that has ended with the chain
 * unfinished is `at_risk` (naming the step awaited), never `unmet`.
 */
export function evaluateAppraisalChain({ policy, today, assignmentId, period, appraisal }: AppraisalChainInput): { next: Party | null; verdict: Verdict } {
  assertIsoDate(today);
  assertIsoDate(period.from);
  assertIsoDate(period.to);
  const param = policy.parameters.appraisalChain;
  if (!param) return { next: null, verdict: notInPolicy('appraisal.chain', policy.name) };
  const citation = citeParameter(param);
  const chain = appraisal?.chain ?? param.value;
  const stage = appraisal?.stage ?? 0;
  const next = stage < chain.length ? chain[stage]! : null;
  const steps = chain.map((p) => PARTY_LABELS[p]).join(' → ');
  const figures = { periodFrom: period.from, periodTo: period.to, stepsDone: stage, steps: chain.length, awaiting: next ? PARTY_LABELS[next] : null, completedOn: appraisal?.completedOn ?? null };
  const evidence = [assignmentId, ...(appraisal ? [appraisal.id] : [])];
  const head = `${period.from} 至 ${period.to} 帮扶年度的鉴定（${steps}）`;
  if (!next) return { next, verdict: makeVerdict('appraisal.chain', { status: 'met', explanation: `${head}已完成${appraisal?.completedOn ? `（${appraisal.completedOn}）` : ''}`, figures, evidence, citation }) };
  const doing = appraisal ? `已完成 ${stage}/${chain.length} 步，等待${PARTY_LABELS[next]}` : `尚未开始，等待${PARTY_LABELS[next]}作出鉴定`;
  if (today <= period.to) {
    return { next, verdict: makeVerdict('appraisal.chain', { status: 'not_applicable', explanation: `${head}：帮扶年度尚未结束，${doing}`, figures, evidence, citation }) };
  }
  return { next, verdict: makeVerdict('appraisal.chain', { status: 'at_risk', explanation: `${head}：帮扶年度已于 ${period.to} 结束，${doing}`, figures, evidence, citation }) };
}
