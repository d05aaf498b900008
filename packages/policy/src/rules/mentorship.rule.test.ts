import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { SupportUnitLevel } from '../vocabulary.js';
import { evaluateMentorship, type MentorshipAgreementFact, type MentorshipInput } from './mentorship.rule.js';

const apprentices = (year: number, n: number, department = '内科') =>
  Array.from({ length: n }, (_, i) => ({ personId: `ap-${year}-${i}`, name: `学员${year}-${i}`, department }));
const agreement = (year: number, list: MentorshipAgreementFact['apprentices'], mentorId = 'm-1'): MentorshipAgreementFact =>
  ({ id: `ag-${mentorId}-${year}`, mentorId, year, apprentices: list });
const input = (agreements: MentorshipAgreementFact[], over: Partial<MentorshipInput> = {}): MentorshipInput => ({
  policy: MY_2018_POLICY, today: '2019-06-01', supportUnit: { id: 'su-1', level: 'municipal' },
  mentors: [{ personId: 'm-1', name: '王医生', years: [2018, 2019] }], agreements, recipientMainDepartments: ['内科', '外科', '儿科'], ...over,
});
const ofRule = (input: MentorshipInput, ruleId: string) => evaluateMentorship(input).filter((v) => v.ruleId === ruleId);

describe('mentorship ratio by support-unit level (MY 二（三）)', () => {
  it.each([
    ['municipal', 4, 'met'], ['municipal', 3, 'unmet'], ['county', 3, 'met'], ['county', 2, 'unmet'],
  ] as const)('%s unit, %i apprentices in an ended year: %s', (level, n, status) => {
    const [v] = ofRule(input([agreement(2018, apprentices(2018, n))], { supportUnit: { id: 'su-1', level } }), 'mentorship.ratio');
    expect(v).toMatchObject({ status, figures: { year: 2018, apprentices: n, required: level === 'municipal' ? 4 : 3 }, citation: '绵阳市卫生计生委“传帮带”通知（2018年5月10日） 二（三）' });
    expect(v!.explanation).toContain(`带教 ${n} 人`);
  });

  it('a short current year is at risk; a year with no agreement is named', () => {
    const verdicts = ofRule(input([agreement(2019, apprentices(2019, 2))]), 'mentorship.ratio');
    expect(verdicts.map((v) => [v.figures.year, v.status])).toEqual([[2018, 'unmet'], [2019, 'at_risk']]);
    expect(verdicts[0]!.explanation).toContain('未签订师带徒协议');
  });

  it('counts an apprentice once across two agreements of a year', () => {
    const list = apprentices(2018, 3);
    const [v] = ofRule(input([agreement(2018, list), { ...agreement(2018, [list[0]!]), id: 'ag-dup' }]), 'mentorship.ratio');
    expect(v).toMatchObject({ status: 'unmet', figures: { apprentices: 3, agreements: 2 } });
  });

  it.each([
    ['provincial', 'not_applicable'], ['other', 'not_applicable'], [null, 'unknown'],
  ] as const)('a %s unit: %s', (level, status) => {
    expect(ofRule(input([], { supportUnit: { id: 'su-1', level: level as SupportUnitLevel | null } }), 'mentorship.ratio')).toEqual([expect.objectContaining({ status })]);
  });
});

describe('yearly rotation and three-year coverage (MY 二（三）)', () => {
  it('flags an apprentice taught again in a later year', () => {
    const again = apprentices(2018, 4);
    const [v] = ofRule(input([agreement(2018, again), agreement(2019, [again[1]!, ...apprentices(2019, 3)])]), 'mentorship.rotation');
    expect(v).toMatchObject({ status: 'unmet', figures: { repeats: 1 }, evidence: ['su-1', 'ag-m-1-2018', 'ag-m-1-2019'] });
    expect(v!.explanation).toContain('王医生带教学员2018-1（2018、2019 年）');
  });

  it('accepts a new group every year', () => {
    expect(ofRule(input([agreement(2018, apprentices(2018, 4)), agreement(2019, apprentices(2019, 4))]), 'mentorship.rotation')[0]!.status).toBe('met');
  });

  it('tracks the main departments covered within three years of the first', () => {
    const agreements = [agreement(2018, apprentices(2018, 4, '内科')), agreement(2019, apprentices(2019, 4, '外科'))];
    const during = ofRule(input(agreements, { today: '2020-06-01' }), 'mentorship.coverage')[0]!;
    expect(during).toMatchObject({ status: 'at_risk', figures: { fromYear: 2018, toYear: 2020, covered: 2, missing: '儿科' } });
    expect(ofRule(input(agreements, { today: '2021-01-05' }), 'mentorship.coverage')[0]).toMatchObject({ status: 'unmet', figures: { missing: '儿科' } });
    // A department covered after the three years does not count.
    const late = [...agreements, agreement(2021, apprentices(2021, 4, '儿科'))];
    expect(ofRule(input(late, { today: '2021-06-01' }), 'mentorship.coverage')[0]).toMatchObject({ status: 'unmet' });
    const all = [...agreements, agreement(2020, apprentices(2020, 4, '儿科'))];
    expect(ofRule(input(all, { today: '2020-06-01' }), 'mentorship.coverage')[0]).toMatchObject({ status: 'met', figures: { covered: 3 } });
  });

  it('does not guess the recipient\'s main departments', () => {
    expect(ofRule(input([], { recipientMainDepartments: null }), 'mentorship.coverage')[0]!.status).toBe('unknown');
  });

  it('CX has no mentorship rule', () => {
    expect(evaluateMentorship(input([], { policy: CX_2018_POLICY }))).toEqual([expect.objectContaining({ status: 'not_applicable' })]);
  });
});
