/**
 * A verdict is the engine's answer to one rule for one subject: the status, the figures behind it,
 * a Chinese explanation with those figures, the ids of the records used, and the clause cited.
 */

export const VERDICT_STATUSES = ['met', 'unmet', 'at_risk', 'not_applicable', 'unknown'] as const;
/** `unknown`: a fact the rule needs is missing — the engine never guesses it. */
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];
export const VERDICT_STATUS_LABELS: Record<VerdictStatus, string> = {
  met: '符合', unmet: '不符合', at_risk: '有风险', not_applicable: '不适用', unknown: '信息不足',
};

export type Figure = number | string | null;

export interface Verdict {
  ruleId: string;
  status: VerdictStatus;
  figures: Record<string, Figure>;
  /** Chinese, with the numbers. */
  explanation: string;
  /** Ids of the records the verdict rests on. */
  evidence: string[];
  /** Notice and clause, e.g. 楚卫通〔2018〕43号 二（一）. */
  citation?: string;
}

/** Every rule id the engine emits, with its Chinese name. */
export const RULE_LABELS = {
  'eligibility.work-years': '选派条件：学历与工作年限',
  'eligibility.title-mode': '选派条件：职称与支援方式',
  'on-site.working-days': '在岗工作日',
  'on-site.cumulative': '累计驻点时间',
  'on-site.duration': '支援持续时间',
  'on-site.visits-per-year': '间隔去：每年驻点次数',
  'on-site.quarterly-stays': '分段驻：每季度连续驻点',
  'on-site.stays-per-year': '分段驻：每年驻点次数',
  staffing: '每年派出人数',
  'leave.approvals': '请假审批',
  'leave.filings': '请假备案',
  'spot-checks.replacement': '抽查不在岗：另派人员接替',
  'spot-checks.promotion-bar': '连续抽查不在岗：不得申报高一级职称、通报批评派驻医院',
  'spot-checks.notice': '无故不在岗：通报、约谈',
  'spot-checks.monthly-self-check': '支援医院每月抽查点名',
  'appraisal.promotion-bar': '考核不合格：两年内不得晋升聘任',
  'mentorship.ratio': '师带徒：每名支援人员带教人数',
  'mentorship.rotation': '师带徒：每年更换带教对象',
  'mentorship.coverage': '师带徒：三年覆盖主要科室',
  'leadership-visits': '支援医院赴受援医院指导（院领导带队）',
  'reporting.monthly': '月度统计表报送',
  'reporting.quarterly': '季度统计表报送',
  posts: '受援单位任职',
  insurance: '人身意外保险',
  'safety-education': '安全教育',
  'annual-agreement': '年度帮扶协议（目标责任书）签订与备案',
  'progress.quarterly': '受援医院每季度反馈派驻人员工作情况',
  'off-site.guidance': '不驻点期间远程指导记录',
  'appraisal.chain': '年度鉴定流程',
} as const;
export type RuleId = keyof typeof RULE_LABELS;

/** The parts of a verdict a rule fills in; empty figures and evidence may be left out. */
export interface VerdictParts {
  status: VerdictStatus;
  explanation: string;
  figures?: Record<string, Figure>;
  evidence?: readonly string[];
  citation?: string | undefined;
}

export function makeVerdict(ruleId: RuleId, parts: VerdictParts): Verdict {
  return {
    ruleId,
    status: parts.status,
    figures: parts.figures ?? {},
    explanation: parts.explanation,
    evidence: [...(parts.evidence ?? [])],
    ...(parts.citation ? { citation: parts.citation } : {}),
  };
}

/** The verdict of a rule the policy does not contain. */
export function notInPolicy(ruleId: RuleId, policyName: string): Verdict {
  return makeVerdict(ruleId, { status: 'not_applicable', explanation: `「${policyName}」未规定${RULE_LABELS[ruleId]}的要求` });
}
