import { describe, expect, it } from 'vitest';
import type { Outcome, OutcomeTrend } from '@duikou/contracts';
import { capabilityText, defaultGroupOf, figureText, formValuesOf, hasAnyFigure, periodLabel, periodOf, toOutcomeCreate, toOutcomeUpdate, trendChartData } from './outcome-parts';

const point = (period: string, over: Partial<OutcomeTrend['points'][number]> = {}): OutcomeTrend['points'][number] => ({
  period, technologiesIntroduced: null, personsTrained: null, referralsUp: null, referralsDown: null, inCountyTreatmentRate: null,
  capabilityItemsMet: null, capabilityItemsTotal: null, referralsTotal: null, capabilityRate: null, ...over,
});

describe('outcome periods', () => {
  it('labels years and quarters in Chinese', () => {
    expect(periodLabel('2020')).toBe('2020 年');
    expect(periodLabel('2020-Q4')).toBe('2020 年第四季度');
    expect(periodLabel('x')).toBe('x');
  });
  it('builds the period of the form', () => {
    expect(periodOf({ periodKind: 'year', year: 2019 })).toBe('2019');
    expect(periodOf({ periodKind: 'quarter', year: 2019, quarter: 3 })).toBe('2019-Q3');
  });
});

describe('outcome payloads', () => {
  it('creates with the figures entered only', () => {
    expect(toOutcomeCreate({ recipientOrgId: 'r1', periodKind: 'quarter', year: 2020, quarter: 4, referralsUp: 60, referralsDown: null, inCountyTreatmentRate: 90.2, note: ' ' }))
      .toEqual({ recipientOrgId: 'r1', period: '2020-Q4', referralsUp: 60, inCountyTreatmentRate: 90.2 });
  });
  it('updates every figure, clearing blanks with null', () => {
    const body = toOutcomeUpdate({ technologiesIntroduced: 3, note: ' 口径 ' });
    expect(body).toMatchObject({ technologiesIntroduced: 3, personsTrained: null, referralsUp: null, capabilityItemsTotal: null, note: '口径' });
  });
  it('needs at least one figure', () => {
    expect(hasAnyFigure({})).toBe(false);
    expect(hasAnyFigure({ personsTrained: 0 })).toBe(true);
  });
  it('reads a quarterly record back into the form', () => {
    const o = { recipientOrg: { id: 'r1', name: '平武县人民医院' }, period: '2020-Q2', technologiesIntroduced: 1, personsTrained: null, referralsUp: null, referralsDown: null, inCountyTreatmentRate: null, capabilityItemsMet: null, capabilityItemsTotal: null, note: null } as Outcome;
    expect(formValuesOf(o)).toMatchObject({ recipientOrgId: 'r1', periodKind: 'quarter', year: 2020, quarter: 2, technologiesIntroduced: 1, note: '' });
  });
  it('formats figures', () => {
    expect(figureText('inCountyTreatmentRate', 89.4)).toBe('89.4%');
    expect(figureText('personsTrained', 25)).toBe('25 人');
    expect(figureText('personsTrained', null)).toBe('—');
    expect(capabilityText({ capabilityItemsMet: 18, capabilityItemsTotal: 20 })).toBe('18 / 20 项（90%）');
    expect(capabilityText({ capabilityItemsMet: null, capabilityItemsTotal: null })).toBe('—');
  });
});

describe('trend chart data', () => {
  const trend = {
    points: [point('2019', { referralsUp: 260, referralsDown: 140, referralsTotal: 400, inCountyTreatmentRate: 86.1, technologiesIntroduced: 5 }), point('2020', { referralsUp: 240, referralsTotal: 240 })],
    targets: [{ year: 2020, technologies: 4, traineeTarget: null }],
  };
  it('puts counts left and rates right, leaving out empty lines', () => {
    const d = trendChartData(trend, 'tiered', 'year');
    expect(d.periods).toEqual(['2019', '2020']);
    expect(d.series.map((s) => [s.name, s.axis, s.data])).toEqual([
      ['上转', 0, [260, 240]], ['下转', 0, [140, null]], ['双向转诊合计', 0, [400, 240]], ['县域内就诊率', 1, [86.1, null]],
    ]);
    expect(d.percentAxis).toBe(true);
    expect(d.hasData).toBe(true);
  });
  it('adds the agreements’ targets as dashed lines for yearly figures only', () => {
    const yearly = trendChartData(trend, 'growth', 'year');
    expect(yearly.series.map((s) => s.name)).toEqual(['引进适宜技术', '协议目标：引进技术']);
    expect(yearly.series[1]).toMatchObject({ dashed: true, data: [null, 4] });
    expect(trendChartData(trend, 'growth', 'quarter').series.map((s) => s.name)).toEqual(['引进适宜技术']);
  });
  it('says when a group has nothing to draw', () => {
    expect(trendChartData(trend, 'capability', 'year').hasData).toBe(false);
  });
  it('opens on what the policies assess', () => {
    expect(defaultGroupOf([{ key: 'two_way_referral' }])).toBe('tiered');
    expect(defaultGroupOf([{ key: 'county_hospital_capability_standard' }])).toBe('capability');
    expect(defaultGroupOf([])).toBe('growth');
  });
});
