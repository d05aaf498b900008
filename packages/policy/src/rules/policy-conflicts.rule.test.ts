import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { findPolicyConflicts } from './policy-conflicts.rule.js';

describe('findPolicyConflicts', () => {
  it('reports MY\'s segmented-stay figures that disagree, naming the parameters', () => {
    const conflicts = findPolicyConflicts(MY_2018_POLICY);
    expect(conflicts.map((c) => c.ruleId)).toEqual(['on-site.stays-per-year', 'on-site.cumulative']);
    expect(conflicts[0]!.message).toContain('每年 4 次');
    expect(conflicts[0]!.message).toContain('不少于 6 次');
    expect(conflicts[0]!.parameters).toEqual(['parameters.segmentedStays.value.continuousStayMonthsPerQuarter', 'parameters.segmentedStays.value.minStaysPerYear']);
    expect(conflicts[1]!.message).toContain('8 个月');
    // Every path names a real parameter of the document.
    for (const path of conflicts.flatMap((c) => c.parameters)) {
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MY_2018_POLICY);
      expect(value, path).toBeDefined();
    }
  });

  it('finds none in CX', () => {
    expect(findPolicyConflicts(CX_2018_POLICY)).toEqual([]);
  });

  it('finds none once the segmented-stay figures agree', () => {
    const segmentedStays = { ...MY_2018_POLICY.parameters.segmentedStays!, value: { ...MY_2018_POLICY.parameters.segmentedStays!.value, minStaysPerYear: 4, minCumulativeOnSiteDays: 240 } };
    expect(findPolicyConflicts({ ...MY_2018_POLICY, parameters: { ...MY_2018_POLICY.parameters, segmentedStays } })).toEqual([]);
  });

  it('reports an on-site requirement longer than the term allows', () => {
    const onSiteDays = { ...CX_2018_POLICY.parameters.onSiteDays!, value: { ...CX_2018_POLICY.parameters.onSiteDays!.value, requirements: [{ termMonths: 12, minDays: 260 }] } };
    const conflicts = findPolicyConflicts({ ...CX_2018_POLICY, parameters: { ...CX_2018_POLICY.parameters, onSiteDays } });
    expect(conflicts).toEqual([expect.objectContaining({ ruleId: 'on-site.working-days', parameters: ['parameters.onSiteDays.value.requirements.0'] })]);
  });
});
