import { addDays, addYears, assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '../vocabulary.js';

export interface AppraisalConsequenceInput {
  policy: Policy;
  today: string;
  /** The year-end appraisal; `grade` null while it is not decided. */
  appraisal: { id: string; personId: string; grade: AppraisalGrade | null; decidedOn: string | null };
}

/**
 * 楚卫通〔2018〕43号 二（七）: an unqualified appraisal bars promotion to, and appointment at, a higher
 * professional title for two years. Figures give the last day of the bar and the first day after it.
 */
export function evaluateAppraisalConsequence({ policy, today, appraisal }: AppraisalConsequenceInput): Verdict {
  assertIsoDate(today);
  const param = policy.parameters.appraisalPromotionBar;
  if (!param) return notInPolicy('appraisal.promotion-bar', policy.name);
  const citation = citeParameter(param);
  const evidence = [appraisal.personId, appraisal.id];
  const years = param.value.years;
  if (appraisal.grade === null) {
    return makeVerdict('appraisal.promotion-bar', { status: 'unknown', explanation: '年度鉴定结果尚未登记', evidence, citation });
  }
  const grade = APPRAISAL_GRADE_LABELS[appraisal.grade];
  if (appraisal.grade !== 'unqualified') {
    return makeVerdict('appraisal.promotion-bar', { status: 'met', explanation: `年度鉴定${grade}，无晋升限制`, figures: { grade }, evidence, citation });
  }
  if (appraisal.decidedOn === null) {
    return makeVerdict('appraisal.promotion-bar', {
      status: 'unknown', explanation: `年度鉴定不合格，${years} 年内不得晋升和聘任上一级专业技术职务；鉴定日期未登记，无法确定起止`,
      figures: { grade, years }, evidence, citation,
    });
  }
  assertIsoDate(appraisal.decidedOn);
  const allowedFrom = addYears(appraisal.decidedOn, years);
  const barUntil = addDays(allowedFrom, -1);
  const inForce = today < allowedFrom;
  return makeVerdict('appraisal.promotion-bar', {
    status: inForce ? 'unmet' : 'met',
    explanation: `年度鉴定不合格（${appraisal.decidedOn}），${years} 年内不得晋升和聘任上一级专业技术职务，限制至 ${barUntil}${inForce ? '' : '，已期满'}`,
    figures: { grade, years, decidedOn: appraisal.decidedOn, barUntil, allowedFrom }, evidence, citation,
  });
}
