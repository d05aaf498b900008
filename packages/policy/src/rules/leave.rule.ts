import { countWorkingDays, type Calendar } from '../calendar/calendar.js';
import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { PARTY_LABELS, type Party } from '../vocabulary.js';

export interface LeaveInput {
  policy: Policy;
  calendar: Calendar;
  today: string;
  leave: {
    id: string;
    /** First and last day away, both inclusive. */
    from: string;
    to: string;
    /** Recalled by the support unit for a health emergency (卫生应急调回). */
    emergencyRecall: boolean;
  };
  /** Approvals and filings already on record, each with the id of its record. */
  recorded?: { approvals: readonly { party: Party; id: string }[]; filings: readonly { party: Party; id: string }[] };
}

export interface LeaveStep { party: Party; label: string }

export interface LeaveEvaluation {
  /** Working days lost: rest days and holidays inside the leave do not count. */
  workingDays: number;
  emergencyRecall: boolean;
  /** Approvals the leave needs, in order (recipient director first, then offices). */
  approvals: LeaveStep[];
  /** Offices the leave note must be filed with. */
  filings: LeaveStep[];
  verdicts: Verdict[];
}

/**
 * Approvals and filings a leave needs.
 * 楚卫通〔2018〕43号 二（四）: off post in working time ≥3 days → the recipient hospital director
 * approves and signs; ≥5 days, or a recall for a health emergency → leave from the provincial and
 * prefecture offices; every leave note is filed with the provincial and prefecture project offices.
 * Days are working days by the holiday calendar. Approvals missing before the leave starts are
 * `at_risk`; missing once it has started, `unmet`.
 */
export function evaluateLeave({ policy, calendar, today, leave, recorded }: LeaveInput): LeaveEvaluation {
  assertIsoDate(today);
  const workingDays = countWorkingDays(calendar, leave.from, leave.to);
  const param = policy.parameters.leaveApproval;
  if (!param) {
    return {
      workingDays, emergencyRecall: leave.emergencyRecall, approvals: [], filings: [],
      verdicts: [notInPolicy('leave.approvals', policy.name), notInPolicy('leave.filings', policy.name)],
    };
  }
  const citation = citeParameter(param);
  const toStep = (p: { party: Party; label?: string | undefined }): LeaveStep => ({ party: p.party, label: p.label ?? PARTY_LABELS[p.party] });
  const applies = param.value.tiers.filter((t) =>
    (t.minWorkingDays !== null && workingDays >= t.minWorkingDays) || (t.onEmergencyRecall && leave.emergencyRecall));
  const approvals = uniqueByParty(applies.flatMap((t) => t.approvers.map(toStep)));
  const filings = uniqueByParty(param.value.filings.map(toStep));

  const days = `请假 ${leave.from} 至 ${leave.to}，计 ${workingDays} 个工作日${leave.emergencyRecall ? '（卫生应急调回）' : ''}`;
  const started = today >= leave.from;
  const check = (ruleId: 'leave.approvals' | 'leave.filings', needed: LeaveStep[], done: readonly { party: Party; id: string }[], verb: string): Verdict => {
    const have = needed.filter((s) => done.some((d) => d.party === s.party));
    const missing = needed.filter((s) => !have.includes(s));
    const evidence = [leave.id, ...done.filter((d) => needed.some((s) => s.party === d.party)).map((d) => d.id)];
    const figures = { workingDays, required: needed.length, recorded: have.length, missing: missing.map((s) => s.label).join('、') || null };
    if (needed.length === 0) return makeVerdict(ruleId, { status: 'not_applicable', explanation: `${days}，无需${verb}`, figures, evidence, citation });
    if (missing.length === 0) return makeVerdict(ruleId, { status: 'met', explanation: `${days}，需${needed.map((s) => s.label).join('、')}${verb}，均已登记`, figures, evidence, citation });
    return makeVerdict(ruleId, {
      status: started ? 'unmet' : 'at_risk',
      explanation: `${days}，需${needed.map((s) => s.label).join('、')}${verb}；尚缺${missing.map((s) => s.label).join('、')}${started ? '' : '（请假尚未开始）'}`,
      figures, evidence, citation,
    });
  };
  return {
    workingDays, emergencyRecall: leave.emergencyRecall, approvals, filings,
    verdicts: [
      check('leave.approvals', approvals, recorded?.approvals ?? [], '审批'),
      check('leave.filings', filings, recorded?.filings ?? [], '备案'),
    ],
  };
}

function uniqueByParty(steps: LeaveStep[]): LeaveStep[] {
  return steps.filter((s, i) => steps.findIndex((o) => o.party === s.party) === i);
}
