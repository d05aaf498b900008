import { OUTCOME_FIGURES, type Outcome, type OutcomeCreate, type OutcomeFigure, type OutcomeIndicatorKey, type OutcomeTrend, type OutcomeUpdate } from '@duikou/contracts';

export const FIGURE_KEYS = Object.keys(OUTCOME_FIGURES) as OutcomeFigure[];
const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 2020 → 2020 年; 2020-Q4 → 2020 年第四季度. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? `${m[1]} 年第${QUARTER_NAMES[Number(m[2]) - 1]}季度` : `${m[1]} 年`;
}

/** The three groups of figures: what every recipient reports, MY's tiered care, CX's capability standard. */
export const FIGURE_GROUPS = [
  { key: 'growth', label: '技术与人才', figures: ['technologiesIntroduced', 'personsTrained'] as OutcomeFigure[], indicators: [] as OutcomeIndicatorKey[] },
  {
    key: 'tiered', label: '分级诊疗', figures: ['referralsUp', 'referralsDown', 'inCountyTreatmentRate'] as OutcomeFigure[],
    indicators: ['tiered_care', 'two_way_referral', 'in_county_treatment_rate'] as OutcomeIndicatorKey[],
  },
  {
    key: 'capability', label: '县医院能力标准', figures: ['capabilityItemsMet', 'capabilityItemsTotal'] as OutcomeFigure[],
    indicators: ['county_hospital_capability_standard'] as OutcomeIndicatorKey[],
  },
] as const;
export type FigureGroupKey = (typeof FIGURE_GROUPS)[number]['key'];

export interface OutcomeFormValues extends Partial<Record<OutcomeFigure, number | null>> {
  recipientOrgId?: string;
  periodKind?: 'year' | 'quarter';
  year?: number;
  quarter?: number;
  note?: string;
}

/** 2026 or 2026-Q3. */
export function periodOf(v: Pick<OutcomeFormValues, 'periodKind' | 'year' | 'quarter'>): string {
  const year = v.year ?? new Date().getFullYear();
  return v.periodKind === 'quarter' ? `${year}-Q${v.quarter ?? 1}` : String(year);
}

/** The form's values of a record (for editing). */
export function formValuesOf(o: Outcome): OutcomeFormValues {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(o.period);
  return {
    recipientOrgId: o.recipientOrg.id, periodKind: m?.[2] ? 'quarter' : 'year', year: Number(m?.[1] ?? o.period.slice(0, 4)), quarter: m?.[2] ? Number(m[2]) : undefined,
    ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, o[k]])), note: o.note ?? '',
  };
}

const filled = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export const hasAnyFigure = (v: Partial<Record<OutcomeFigure, number | null | undefined>>): boolean => FIGURE_KEYS.some((k) => filled(v[k]));

/** POST /api/outcomes: the figures entered, blanks left out. */
export function toOutcomeCreate(v: OutcomeFormValues): OutcomeCreate {
  const note = v.note?.trim();
  return {
    recipientOrgId: v.recipientOrgId ?? '', period: periodOf(v),
    ...Object.fromEntries(FIGURE_KEYS.filter((k) => filled(v[k])).map((k) => [k, v[k]])),
    ...(note ? { note } : {}),
  } as OutcomeCreate;
}

/** PATCH /api/outcomes/:id: every figure, a blank one as null (cleared); an empty note removes it. */
export function toOutcomeUpdate(v: OutcomeFormValues): OutcomeUpdate {
  return { ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, filled(v[k]) ? v[k] : null])), note: v.note?.trim() ?? '' } as OutcomeUpdate;
}

/** 「12 项」, or — when not reported. */
export function figureText(key: OutcomeFigure, value: number | null | undefined): string {
  if (!filled(value)) return '—';
  const unit = OUTCOME_FIGURES[key].unit;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** 达标 18 / 20 项（90%）. */
export function capabilityText(o: Pick<Outcome, 'capabilityItemsMet' | 'capabilityItemsTotal'>): string {
  const { capabilityItemsMet: met, capabilityItemsTotal: total } = o;
  if (!filled(met) && !filled(total)) return '—';
  const rate = filled(met) && filled(total) && total > 0 ? `（${Math.round((met / total) * 1000) / 10}%）` : '';
  return `${filled(met) ? met : '—'} / ${filled(total) ? total : '—'} 项${rate}`;
}

export interface TrendSeries { name: string; unit: string; data: (number | null)[]; axis: 0 | 1; dashed?: boolean }
export interface TrendChartData { periods: string[]; series: TrendSeries[]; hasData: boolean; percentAxis: boolean }

/**
 * The lines of one group of the trend: counts on the left axis, rates (%) on the right; for yearly
 * figures also the targets of the year's signed agreements (dashed). Lines without any value are left out.
 */
export function trendChartData(trend: Pick<OutcomeTrend, 'points' | 'targets'>, group: FigureGroupKey, granularity: 'year' | 'quarter'): TrendChartData {
  const periods = trend.points.map((p) => p.period);
  const of = (pick: (p: OutcomeTrend['points'][number]) => number | null) => trend.points.map(pick);
  let series: TrendSeries[];
  if (group === 'growth') {
    series = [
      { name: '引进适宜技术', unit: '项', data: of((p) => p.technologiesIntroduced), axis: 0 },
      { name: '培养人员', unit: '人', data: of((p) => p.personsTrained), axis: 0 },
    ];
    if (granularity === 'year') {
      const target = (year: string) => trend.targets.find((t) => String(t.year) === year);
      series.push(
        { name: '协议目标：引进技术', unit: '项', data: periods.map((y) => target(y)?.technologies ?? null), axis: 0, dashed: true },
        { name: '协议目标：培养人员', unit: '人', data: periods.map((y) => target(y)?.traineeTarget ?? null), axis: 0, dashed: true },
      );
    }
  } else if (group === 'tiered') {
    series = [
      { name: '上转', unit: '人次', data: of((p) => p.referralsUp), axis: 0 },
      { name: '下转', unit: '人次', data: of((p) => p.referralsDown), axis: 0 },
      { name: '双向转诊合计', unit: '人次', data: of((p) => p.referralsTotal), axis: 0 },
      { name: '县域内就诊率', unit: '%', data: of((p) => p.inCountyTreatmentRate), axis: 1 },
    ];
  } else {
    series = [
      { name: '达标项数', unit: '项', data: of((p) => p.capabilityItemsMet), axis: 0 },
      { name: '总项数', unit: '项', data: of((p) => p.capabilityItemsTotal), axis: 0 },
      { name: '达标率', unit: '%', data: of((p) => p.capabilityRate), axis: 1 },
    ];
  }
  const shown = series.filter((s) => s.data.some((v) => v !== null));
  return { periods, series: shown, hasData: shown.some((s) => !s.dashed), percentAxis: shown.some((s) => s.axis === 1) };
}

/** The group to open first: what the recipient's policies assess (MY tiered care, CX capability), else technologies and training. */
export function defaultGroupOf(indicators: readonly { key: OutcomeIndicatorKey }[]): FigureGroupKey {
  const keys = indicators.map((i) => i.key);
  if (keys.some((k) => k === 'tiered_care' || k === 'two_way_referral' || k === 'in_county_treatment_rate')) return 'tiered';
  if (keys.includes('county_hospital_capability_standard')) return 'capability';
  return 'growth';
}
