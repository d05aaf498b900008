import { assertIsoDate, firstOfMonth, lastOfMonth, wholeYearsBetween } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import {
  ASSIGNMENT_MODE_LABELS, EDUCATION_LABELS, TITLE_LEVEL_LABELS, isTitleAtLeast,
  type AssignmentMode, type EducationLevel, type TitleLevel,
} from '../vocabulary.js';

export interface EligibilityInput {
  policy: Policy;
  person: {
    id: string;
    education: EducationLevel | null;
    /** 参工时间: YYYY-MM-DD, or YYYY-MM when only the month is known (as on MY attachment 2). */
    workStartDate: string | null;
    title: TitleLevel | null;
  };
  assignment: { id: string; start: string; mode: AssignmentMode | null };
}

/**
 * Eligibility at dispatch.
 * - 楚卫通〔2018〕43号 二（二）: bachelor or below needs 5 full years of work, postgraduates 3, counted
 *   from the work start date to the assignment start.
 * - 绵阳“传帮带”通知 二（一）（二）: 间隔去 needs 副高 or above, 分段驻 中级 or above.
 */
export function evaluateEligibility(input: EligibilityInput): Verdict[] {
  return [evaluateWorkYears(input), evaluateTitleForMode(input)];
}

function evaluateWorkYears({ policy, person, assignment }: EligibilityInput): Verdict {
  const param = policy.parameters.eligibilityWorkYears;
  if (!param) return notInPolicy('eligibility.work-years', policy.name);
  const citation = citeParameter(param);
  const evidence = [person.id, assignment.id];
  if (!person.education) {
    return makeVerdict('eligibility.work-years', { status: 'unknown', explanation: '学历未登记，无法核对工作年限要求', evidence, citation });
  }
  const education = EDUCATION_LABELS[person.education];
  const required = param.value[person.education];
  if (required === null) {
    return makeVerdict('eligibility.work-years', { status: 'not_applicable', explanation: `${policy.name}未规定${education}学历的工作年限`, evidence, citation });
  }
  if (!person.workStartDate) {
    return makeVerdict('eligibility.work-years', {
      status: 'unknown', explanation: `${education}学历需工作满 ${required} 年，但参工时间未登记`,
      figures: { requiredYears: required }, evidence, citation,
    });
  }
  // With only the month known, the earliest and latest possible start bound the years of work.
  const [earliest, latest] = workStartBounds(person.workStartDate);
  const most = wholeYearsBetween(earliest, assignment.start);
  const least = wholeYearsBetween(latest, assignment.start);
  const figures = { requiredYears: required, workYears: least === most ? least : null, workStartDate: person.workStartDate, assignmentStart: assignment.start };
  const facts = `${education}学历，参工时间 ${person.workStartDate}，至派驻开始日 ${assignment.start}，`;
  if (least >= required) {
    return makeVerdict('eligibility.work-years', { status: 'met', explanation: `${facts}工作满 ${least} 年，要求满 ${required} 年，符合`, figures, evidence, citation });
  }
  if (most < required) {
    return makeVerdict('eligibility.work-years', { status: 'unmet', explanation: `${facts}工作满 ${most} 年，要求满 ${required} 年，不符合`, figures, evidence, citation });
  }
  return makeVerdict('eligibility.work-years', {
    status: 'unknown', explanation: `${facts}工作满 ${least}～${most} 年（参工时间只记到月），要求满 ${required} 年，需补充参工日期`,
    figures, evidence, citation,
  });
}

function workStartBounds(value: string): [string, string] {
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = [Number(value.slice(0, 4)), Number(value.slice(5, 7))];
    if (m >= 1 && m <= 12) return [firstOfMonth(y, m), lastOfMonth(y, m)];
  }
  assertIsoDate(value);
  return [value, value];
}

function evaluateTitleForMode({ policy, person, assignment }: EligibilityInput): Verdict {
  const modes = ([
    ['interval_visits', policy.parameters.intervalVisits],
    ['segmented_stays', policy.parameters.segmentedStays],
  ] as const).flatMap(([mode, param]) => (param ? [{ mode, param }] : []));
  if (modes.length === 0) return notInPolicy('eligibility.title-mode', policy.name);
  const evidence = [person.id, assignment.id];
  const citation = modes.map((m) => citeParameter(m.param)).join('；');
  const need = (m: (typeof modes)[number]) => `${ASSIGNMENT_MODE_LABELS[m.mode]}需${TITLE_LEVEL_LABELS[m.param.value.minTitle]}及以上职称`;
  if (!person.title) {
    return makeVerdict('eligibility.title-mode', { status: 'unknown', explanation: `职称未登记；${modes.map(need).join('，')}`, evidence, citation });
  }
  const title = TITLE_LEVEL_LABELS[person.title];
  const allowed = modes.filter((m) => isTitleAtLeast(person.title!, m.param.value.minTitle));
  const figures = { title, allowedModes: allowed.map((m) => ASSIGNMENT_MODE_LABELS[m.mode]).join('、') || null };
  if (assignment.mode === null) {
    return allowed.length > 0
      ? makeVerdict('eligibility.title-mode', { status: 'met', explanation: `${title}职称，可采取${figures.allowedModes}`, figures, evidence, citation })
      : makeVerdict('eligibility.title-mode', { status: 'unmet', explanation: `${title}职称，不符合任何支援方式的职称条件（${modes.map(need).join('，')}）`, figures, evidence, citation });
  }
  const chosen = modes.find((m) => m.mode === assignment.mode);
  if (!chosen) {
    return makeVerdict('eligibility.title-mode', {
      status: 'not_applicable', explanation: `${policy.name}未对${ASSIGNMENT_MODE_LABELS[assignment.mode]}规定职称条件`, figures, evidence, citation,
    });
  }
  const ok = allowed.includes(chosen);
  return makeVerdict('eligibility.title-mode', {
    status: ok ? 'met' : 'unmet',
    explanation: `${title}职称，${need(chosen)}，${ok ? '符合' : '不符合'}`,
    figures, evidence, citation: citeParameter(chosen.param),
  });
}
