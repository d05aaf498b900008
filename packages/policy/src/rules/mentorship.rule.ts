import { assertIsoDate, yearOf } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { SUPPORT_UNIT_LEVEL_LABELS, type SupportUnitLevel } from '../vocabulary.js';

export interface MentorshipAgreementFact {
  id: string;
  mentorId: string;
  year: number;
  apprentices: readonly { personId: string; name: string; department: string | null }[];
}

export interface MentorshipInput {
  policy: Policy;
  today: string;
  supportUnit: { id: string; level: SupportUnitLevel | null };
  /** Support persons of this unit at the recipient, with the years they serve. */
  mentors: readonly { personId: string; name: string; years: readonly number[] }[];
  /** Mentorship agreements (师带徒协议) of those persons. */
  agreements: readonly MentorshipAgreementFact[];
  /** The recipient's main departments (主要科室/专业); null: not recorded. */
  recipientMainDepartments: readonly string[] | null;
}

/**
 * 绵阳“传帮带”通知 二（三）: every support person signs a mentorship agreement; a municipal (市属) unit's
 * person mentors at least 4, a county (县属) unit's at least 3; the apprentices change every year, so
 * that within three years they cover the recipient's main departments.
 * Returns one ratio verdict per mentor and year served (up to the current year), then rotation and
 * coverage.
 */
export function evaluateMentorship(input: MentorshipInput): Verdict[] {
  assertIsoDate(input.today);
  const param = input.policy.parameters.mentorship;
  if (!param) return [notInPolicy('mentorship.ratio', input.policy.name)];
  return [...evaluateRatio(input), evaluateRotation(input), evaluateCoverage(input)];
}

function apprenticesOf(agreements: readonly MentorshipAgreementFact[], mentorId: string, year: number) {
  const found = agreements.filter((a) => a.mentorId === mentorId && a.year === year);
  const people = new Map(found.flatMap((a) => a.apprentices.map((p) => [p.personId, p] as const)));
  return { agreements: found, apprentices: [...people.values()] };
}

function evaluateRatio({ policy, today, supportUnit, mentors, agreements }: MentorshipInput): Verdict[] {
  const param = policy.parameters.mentorship!;
  const citation = citeParameter(param);
  if (supportUnit.level === null) {
    return [makeVerdict('mentorship.ratio', { status: 'unknown', explanation: '支援单位隶属层级（市属/县属）未登记，无法确定带教人数要求', evidence: [supportUnit.id], citation })];
  }
  const level = SUPPORT_UNIT_LEVEL_LABELS[supportUnit.level];
  const minimum = param.value.minApprenticesBySupportUnitLevel[supportUnit.level];
  if (minimum === null) {
    return [makeVerdict('mentorship.ratio', { status: 'not_applicable', explanation: `${policy.name}未规定${level}支援单位人员的带教人数`, evidence: [supportUnit.id], citation })];
  }
  const currentYear = yearOf(today);
  return mentors.flatMap((mentor) => [...mentor.years].sort((a, b) => a - b).filter((y) => y <= currentYear).map((year) => {
    const { agreements: signed, apprentices } = apprenticesOf(agreements, mentor.personId, year);
    const figures = { year, apprentices: apprentices.length, required: minimum, agreements: signed.length };
    const evidence = [supportUnit.id, mentor.personId, ...signed.map((a) => a.id)];
    const head = `${mentor.name} ${year} 年${signed.length ? `带教 ${apprentices.length} 人` : '未签订师带徒协议'}，${level}支援单位人员至少 1 带 ${minimum}`;
    if (apprentices.length >= minimum) return makeVerdict('mentorship.ratio', { status: 'met', explanation: `${head}，符合`, figures, evidence, citation });
    return makeVerdict('mentorship.ratio', {
      status: year < currentYear ? 'unmet' : 'at_risk',
      explanation: `${head}，${year < currentYear ? '不符合' : '年内尚缺'} ${minimum - apprentices.length} 人`,
      figures, evidence, citation,
    });
  }));
}

function evaluateRotation({ policy, supportUnit, mentors, agreements }: MentorshipInput): Verdict {
  const param = policy.parameters.mentorship!;
  const citation = citeParameter(param);
  if (!param.value.rotateEachYear) return makeVerdict('mentorship.rotation', { status: 'not_applicable', explanation: `${policy.name}未要求每年更换带教对象`, citation });
  const repeats: string[] = [];
  const evidence = [supportUnit.id];
  for (const mentor of mentors) {
    const yearsByApprentice = new Map<string, { name: string; years: Set<number>; ids: Set<string> }>();
    for (const a of agreements.filter((x) => x.mentorId === mentor.personId)) {
      for (const p of a.apprentices) {
        const entry = yearsByApprentice.get(p.personId) ?? { name: p.name, years: new Set<number>(), ids: new Set<string>() };
        entry.years.add(a.year);
        entry.ids.add(a.id);
        yearsByApprentice.set(p.personId, entry);
      }
    }
    for (const entry of yearsByApprentice.values()) {
      if (entry.years.size < 2) continue;
      repeats.push(`${mentor.name}带教${entry.name}（${[...entry.years].sort((a, b) => a - b).join('、')} 年）`);
      evidence.push(...entry.ids);
    }
  }
  return makeVerdict('mentorship.rotation', {
    status: repeats.length ? 'unmet' : 'met',
    explanation: repeats.length ? `要求一年换一批带教对象；${repeats.length} 人跨年重复：${repeats.join('；')}` : '要求一年换一批带教对象；无跨年重复的带教对象',
    figures: { repeats: repeats.length }, evidence: [...new Set(evidence)], citation,
  });
}

function evaluateCoverage({ policy, today, supportUnit, mentors, agreements, recipientMainDepartments }: MentorshipInput): Verdict {
  const param = policy.parameters.mentorship!;
  const citation = citeParameter(param);
  const span = param.value.coverageYears;
  if (span === null) return makeVerdict('mentorship.coverage', { status: 'not_applicable', explanation: `${policy.name}未规定覆盖主要科室的年限`, citation });
  const main = [...new Set((recipientMainDepartments ?? []).map((d) => d.trim()).filter(Boolean))];
  if (main.length === 0) {
    return makeVerdict('mentorship.coverage', { status: 'unknown', explanation: '受援单位主要科室（专业）未登记，无法核对覆盖情况', evidence: [supportUnit.id], citation });
  }
  const years = [...mentors.flatMap((m) => m.years), ...agreements.map((a) => a.year)];
  if (years.length === 0) {
    return makeVerdict('mentorship.coverage', { status: 'not_applicable', explanation: '尚无支援人员和师带徒协议', evidence: [supportUnit.id], citation });
  }
  const first = Math.min(...years);
  const last = first + span - 1;
  const inWindow = agreements.filter((a) => a.year >= first && a.year <= last);
  const covered = new Set(inWindow.flatMap((a) => a.apprentices.map((p) => p.department?.trim() ?? '')));
  const missing = main.filter((d) => !covered.has(d));
  const figures = { fromYear: first, toYear: last, departments: main.length, covered: main.length - missing.length, missing: missing.join('、') || null };
  const evidence = [supportUnit.id, ...inWindow.map((a) => a.id)];
  const head = `要求 ${first}—${last} 年带教对象覆盖受援单位 ${main.length} 个主要科室，已覆盖 ${main.length - missing.length} 个`;
  if (missing.length === 0) return makeVerdict('mentorship.coverage', { status: 'met', explanation: `${head}，符合`, figures, evidence, citation });
  const ended = yearOf(today) > last;
  return makeVerdict('mentorship.coverage', {
    status: ended ? 'unmet' : 'at_risk', explanation: `${head}，${ended ? '未' : '尚未'}覆盖：${missing.join('、')}`, figures, evidence, citation,
  });
}
