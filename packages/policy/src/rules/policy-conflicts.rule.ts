import type { Policy } from '../policy.schema.js';
import { ASSIGNMENT_MODE_LABELS } from '../vocabulary.js';

export interface PolicyConflict {
  /** The rule whose parameters disagree. */
  ruleId: string;
  message: string;
  /** Paths of the parameters involved, as in the policy document. */
  parameters: string[];
}

const DAYS_PER_MONTH = 365 / 12;
/** Working days in a year: 261 weekdays less about 11 public holidays on weekdays. */
const WORKING_DAYS_PER_MONTH = 250 / 12;

/**
 * Internal conflicts of a policy document: parameters that cannot all hold as written. The engine
 * keeps and checks every parameter anyway; this tells the office what to clarify.
 * Finds, e.g., 绵阳“传帮带”通知 二（二）: one continuous month per quarter (4 stays a year) vs at least
 * 6 stays a year, and 4 one-month stays a year over 2 years (≈8 months) vs 1 year on site in all.
 */
export function findPolicyConflicts(policy: Policy): PolicyConflict[] {
  const conflicts: PolicyConflict[] = [];
  const { segmentedStays, intervalVisits, onSiteDays } = policy.parameters;

  if (segmentedStays) {
    const p = segmentedStays.value;
    const path = 'parameters.segmentedStays.value';
    const label = ASSIGNMENT_MODE_LABELS.segmented_stays;
    const quarterlyStays = 4;
    if (p.minStaysPerYear > quarterlyStays) {
      conflicts.push({
        ruleId: 'on-site.stays-per-year',
        message: `${label}：“每季度连续驻点 ${p.continuousStayMonthsPerQuarter} 个月”即每年 ${quarterlyStays} 次，与“每年不少于 ${p.minStaysPerYear} 次”不一致；两项分别核验`,
        parameters: [`${path}.continuousStayMonthsPerQuarter`, `${path}.minStaysPerYear`],
      });
    }
    const months = p.continuousStayMonthsPerQuarter * quarterlyStays * p.durationYears.max;
    if (Math.round(months * DAYS_PER_MONTH) < p.minCumulativeOnSiteDays) {
      conflicts.push({
        ruleId: 'on-site.cumulative',
        message: `${label}：按每季度 ${p.continuousStayMonthsPerQuarter} 个月、持续 ${p.durationYears.max} 年计累计约 ${months} 个月（约 ${Math.round(months * DAYS_PER_MONTH)} 天），达不到累计驻点 ${p.minCumulativeOnSiteDays} 天的要求`,
        parameters: [`${path}.continuousStayMonthsPerQuarter`, `${path}.durationYears`, `${path}.minCumulativeOnSiteDays`],
      });
    }
  }

  for (const [key, param] of [['intervalVisits', intervalVisits], ['segmentedStays', segmentedStays]] as const) {
    if (!param) continue;
    const longest = Math.round(param.value.durationYears.max * 365);
    if (param.value.minCumulativeOnSiteDays > longest) {
      conflicts.push({
        ruleId: 'on-site.cumulative',
        message: `${ASSIGNMENT_MODE_LABELS[key === 'intervalVisits' ? 'interval_visits' : 'segmented_stays']}：累计驻点 ${param.value.minCumulativeOnSiteDays} 天超过最长持续时间 ${param.value.durationYears.max} 年（${longest} 天）`,
        parameters: [`parameters.${key}.value.minCumulativeOnSiteDays`, `parameters.${key}.value.durationYears`],
      });
    }
  }

  if (onSiteDays) {
    const perMonth = onSiteDays.value.workingDaysOnly ? WORKING_DAYS_PER_MONTH : DAYS_PER_MONTH;
    onSiteDays.value.requirements.forEach((r, i) => {
      const available = Math.floor(r.termMonths * perMonth);
      if (r.minDays > available) {
        conflicts.push({
          ruleId: 'on-site.working-days',
          message: `${r.termMonths} 个月的派驻期约有 ${available} ${onSiteDays.value.workingDaysOnly ? '个工作日' : '天'}，少于要求的 ${r.minDays}`,
          parameters: [`parameters.onSiteDays.value.requirements.${i}`],
        });
      }
    });
  }
  return conflicts;
}
