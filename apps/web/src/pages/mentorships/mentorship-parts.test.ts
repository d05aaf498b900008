import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { countApprentices, countsText, formPathOf, ratioOf, toApprenticeInput, toMentorshipCreate, toMentorshipUpdate, yearWithin } from './mentorship-parts';
import { verdictsToShow } from './mentorship-verdicts.panel';
import { cleanDepartments } from './recipient-departments.modal';

describe('mentorship form payloads', () => {
  it('builds the create body: trimmed apprentices, blank department and plan left out, date formatted', () => {
    const body = toMentorshipCreate({
      assignmentId: 'a1', year: 2020, signedOn: dayjs('2020-03-10'), plan: '  ',
      apprentices: [{ name: ' 赵一 ', specialtyTitle: '内科 住院医师', department: ' ', learningSpecialty: '内科', learningGoal: ' 掌握常见病 ' }],
    });
    expect(body).toEqual({
      assignmentId: 'a1', year: 2020, signedOn: '2020-03-10',
      apprentices: [{ name: '赵一', specialtyTitle: '内科 住院医师', learningSpecialty: '内科', learningGoal: '掌握常见病' }],
    });
  });

  it('lets dispatched staff leave the assignment out', () => {
    expect(toMentorshipCreate({ year: 2026, apprentices: [] })).toEqual({ year: 2026, apprentices: [] });
  });

  it('un-signs with null and keeps a department when given', () => {
    expect(toMentorshipUpdate({ signedOn: null, plan: ' 每周查房 ' })).toEqual({ signedOn: null, plan: '每周查房' });
    expect(toApprenticeInput({ name: 'a', specialtyTitle: 'b', department: '急诊科', learningSpecialty: 'c', learningGoal: 'd' }).department).toBe('急诊科');
  });

  it('puts API field errors on the apprentice they name', () => {
    expect(formPathOf('apprentices.2.learningGoal')).toEqual(['apprentices', 2, 'learningGoal']);
    expect(formPathOf('apprentices')).toEqual(['apprentices']);
    expect(formPathOf('year')).toEqual(['year']);
    expect(formPathOf(undefined)).toBeNull();
  });

  it('offers a year inside the assignment term', () => {
    const term = { start: '2019-09-01', end: '2020-08-31' };
    expect(yearWithin(term, 2026)).toBe(2020);
    expect(yearWithin(term, 2018)).toBe(2019);
    expect(yearWithin(term, 2019)).toBe(2019);
  });
});

describe('apprentice counts and rules', () => {
  it('counts assessment results and certificates', () => {
    const c = countApprentices([
      { assessmentResult: 'passed', certificateNo: 'MY-SD-2026-0001' }, { assessmentResult: 'failed', certificateNo: null }, { assessmentResult: null, certificateNo: null },
    ]);
    expect(c).toEqual({ total: 3, passed: 1, failed: 1, pending: 1, certified: 1 });
    expect(countsText(c)).toBe('合格 1 · 不合格 1 · 待考核 1 · 已发证 1');
    expect(countsText(countApprentices([]))).toBe('—');
  });

  it('knows the MY ratio by support-unit level', () => {
    expect(ratioOf('municipal')).toBe(4);
    expect(ratioOf('county')).toBe(3);
    expect(ratioOf('provincial')).toBeNull();
    expect(ratioOf(null)).toBeNull();
  });

  it('filters the verdicts needing attention', () => {
    const v = (status: 'met' | 'unmet' | 'at_risk' | 'unknown' | 'not_applicable') => ({ ruleId: 'r', ruleLabel: 'r', status, figures: {}, explanation: String(status), evidence: [] as string[] });
    const all = [v('met'), v('unmet'), v('at_risk'), v('unknown'), v('not_applicable')];
    expect(verdictsToShow(all, true).map((x) => x.status)).toEqual(['unmet', 'at_risk', 'unknown']);
    expect(verdictsToShow(all, false)).toHaveLength(5);
  });

  it('cleans the main departments typed', () => {
    expect(cleanDepartments([' 内科', '外科', '', '内科 ', '  '])).toEqual(['内科', '外科']);
  });
});
