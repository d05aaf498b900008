import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';

export interface StaffingInput {
  policy: Policy;
  /** Calendar year evaluated. */
  year: number;
  today: string;
  pairing: {
    id: string;
    /** Is the recipient a TCM hospital (中医院)? null: not recorded. */
    recipientIsTcm: boolean | null;
    /** The pairing's own minimum (MY attachment 1); null: 人员数量不作要求. */
    minPersonsPerSupportUnitPerYear: number | null;
  };
  supportUnitId: string;
  /** Assignments of this support unit under this pairing (cancelled ones left out). */
  assignments: readonly { id: string; personId: string; start: string; end: string }[];
}

/**
 * Persons sent per pairing, support unit and year vs the minimum.
 * - 楚卫通〔2018〕43号 二（一）: ≥5 persons per recipient county hospital per year, ≥3 for a TCM hospital.
 * - 绵阳“传帮带”通知 附件1: the pairing's own figure (≥2, ≥1, or no requirement).
 * A person counts once however many assignments they hold that year; an assignment starting after
 * today is planned, not sent.
 */
export function evaluateStaffing({ policy, year, today, pairing, supportUnitId, assignments }: StaffingInput): Verdict {
  assertIsoDate(today);
  const param = policy.parameters.staffingMinimum;
  if (!param) return notInPolicy('staffing', policy.name);
  const citation = citeParameter(param);
  const base = { evidence: [pairing.id, supportUnitId], citation };

  let minimum: number;
  let basis: string;
  if (param.value.basis === 'fixed') {
    const { general, tcmRecipient } = param.value;
    if (tcmRecipient !== null && tcmRecipient !== general && pairing.recipientIsTcm === null) {
      return makeVerdict('staffing', { status: 'unknown', explanation: `受援单位是否为中医院未登记（综合医院每年不少于 ${general} 人，中医院不少于 ${tcmRecipient} 人）`, ...base });
    }
    const tcm = pairing.recipientIsTcm === true && tcmRecipient !== null;
    minimum = tcm ? tcmRecipient : general;
    basis = tcm ? '中医院' : '受援医院';
  } else {
    if (pairing.minPersonsPerSupportUnitPerYear === null) {
      return makeVerdict('staffing', { status: 'not_applicable', explanation: '该对口关系人员数量不作要求', figures: { required: null }, ...base });
    }
    minimum = pairing.minPersonsPerSupportUnitPerYear;
    basis = '该对口关系';
  }

  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const inYear = assignments.filter((a) => a.start <= yearEnd && a.end >= yearStart);
  const sent = new Set(inYear.filter((a) => a.start <= today).map((a) => a.personId));
  const planned = new Set(inYear.filter((a) => a.start > today && !sent.has(a.personId)).map((a) => a.personId));
  const figures = { year, required: minimum, sent: sent.size, planned: planned.size };
  const evidence = [...base.evidence, ...inYear.map((a) => a.id)];
  const facts = `${year} 年已派出 ${sent.size} 人，${basis}要求每年不少于 ${minimum} 人`;

  if (today < yearStart) {
    return makeVerdict('staffing', { status: 'not_applicable', explanation: `${year} 年尚未开始；已计划 ${planned.size} 人，要求不少于 ${minimum} 人`, figures, evidence, citation });
  }
  if (sent.size >= minimum) return makeVerdict('staffing', { status: 'met', explanation: `${facts}，符合`, figures, evidence, citation });
  if (today > yearEnd) return makeVerdict('staffing', { status: 'unmet', explanation: `${facts}，缺 ${minimum - sent.size} 人`, figures, evidence, citation });
  return makeVerdict('staffing', {
    status: 'at_risk',
    explanation: `${facts}，尚缺 ${minimum - sent.size} 人${planned.size ? `（另有 ${planned.size} 人计划派出）` : '，且无派出计划'}`,
    figures, evidence, citation,
  });
}
