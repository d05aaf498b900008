import { z } from 'zod';
import { idSchema, optionalTextSchema, paginationQuerySchema } from './common.schema.js';
import { countSchema, orgRefSchema } from './results.schema.js';

/** 成效指标 of a recipient for a year or quarter, entered by the recipient or the county office. */
export const OUTCOME_INDICATOR_KEYS = ['county_hospital_capability_standard', 'tiered_care', 'two_way_referral', 'in_county_treatment_rate'] as const;
export type OutcomeIndicatorKey = (typeof OUTCOME_INDICATOR_KEYS)[number];
export const OUTCOME_INDICATOR_KEY_LABELS: Record<OutcomeIndicatorKey, string> = {
  county_hospital_capability_standard: '达到《县医院医疗服务能力基本标准》', tiered_care: '分级诊疗制度落实', two_way_referral: '双向转诊', in_county_treatment_rate: '县域内就诊率',
};
/** The figures of a record, with their Chinese labels and units. */
export const OUTCOME_FIGURES = {
  technologiesIntroduced: { label: '引进适宜技术', unit: '项' },
  personsTrained: { label: '培养人员', unit: '人' },
  referralsUp: { label: '双向转诊：上转', unit: '人次' },
  referralsDown: { label: '双向转诊：下转', unit: '人次' },
  inCountyTreatmentRate: { label: '县域内就诊率', unit: '%' },
  capabilityItemsMet: { label: '能力标准达标项数', unit: '项' },
  capabilityItemsTotal: { label: '能力标准总项数', unit: '项' },
} as const;
export type OutcomeFigure = keyof typeof OUTCOME_FIGURES;

/** 2019 (a year) or 2019-Q3 (a quarter). */
export const outcomePeriodSchema = z.string().regex(/^(20\d{2}|2100)(-Q[1-4])?$/, { error: '统计期应为年份（2026）或季度（2026-Q3）' });

const figureFields = {
  technologiesIntroduced: countSchema().nullable(),
  personsTrained: countSchema().nullable(),
  referralsUp: countSchema(10_000_000).nullable(),
  referralsDown: countSchema(10_000_000).nullable(),
  inCountyTreatmentRate: z.number({ error: '县域内就诊率应为 0–100 的数字（%）' }).min(0, { error: '县域内就诊率应在 0–100 之间' }).max(100, { error: '县域内就诊率应在 0–100 之间' }).nullable(),
  capabilityItemsMet: countSchema(10_000).nullable(),
  capabilityItemsTotal: countSchema(10_000).nullable(),
  note: optionalTextSchema(1000),
};
const capabilityOrder = (v: { capabilityItemsMet?: number | null; capabilityItemsTotal?: number | null }, ctx: z.RefinementCtx) => {
  if (v.capabilityItemsMet != null && v.capabilityItemsTotal != null && v.capabilityItemsMet > v.capabilityItemsTotal) {
    ctx.addIssue({ code: 'custom', path: ['capabilityItemsMet'], message: '达标项数不能多于总项数' });
  }
};
export const outcomeCreateSchema = z.object({
  recipientOrgId: idSchema,
  period: outcomePeriodSchema,
}).extend(z.object(figureFields).partial().shape).superRefine((v, ctx) => {
  capabilityOrder(v, ctx);
  if ((Object.keys(OUTCOME_FIGURES) as OutcomeFigure[]).every((k) => v[k] == null)) ctx.addIssue({ code: 'custom', path: ['technologiesIntroduced'], message: '请至少填写一项指标' });
});
export type OutcomeCreate = z.infer<typeof outcomeCreateSchema>;
export const outcomeUpdateSchema = z.object(figureFields).partial().superRefine(capabilityOrder);
export type OutcomeUpdate = z.infer<typeof outcomeUpdateSchema>;

export const outcomeListQuerySchema = paginationQuerySchema.extend({
  recipientOrgId: idSchema.optional(),
  /** A year: its own record and its quarters'. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type OutcomeListQuery = z.infer<typeof outcomeListQuerySchema>;

const figuresOut = {
  technologiesIntroduced: z.number().int().nullable(), personsTrained: z.number().int().nullable(),
  referralsUp: z.number().int().nullable(), referralsDown: z.number().int().nullable(), inCountyTreatmentRate: z.number().nullable(),
  capabilityItemsMet: z.number().int().nullable(), capabilityItemsTotal: z.number().int().nullable(),
};
export const outcomeSchema = z.object({
  id: z.string(), recipientOrg: orgRefSchema, period: z.string(), ...figuresOut, note: z.string().nullable(),
  enteredBy: z.string(), createdAt: z.string(), updatedAt: z.string(), canEdit: z.boolean(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const outcomeTrendQuerySchema = z.object({
  recipientOrgId: idSchema,
  /** Yearly records (default) or quarterly ones. */
  granularity: z.enum(['year', 'quarter'], { error: '统计粒度须为 year 或 quarter' }).default('year'),
});
export type OutcomeTrendQuery = z.infer<typeof outcomeTrendQuerySchema>;
export const outcomeTrendSchema = z.object({
  recipientOrg: orgRefSchema,
  /** The indicators the recipient's policies assess (CX: capability standard; MY: tiered care, referrals, in-county rate). */
  indicators: z.array(z.object({ key: z.enum(OUTCOME_INDICATOR_KEYS), label: z.string(), policyCode: z.string() })),
  points: z.array(z.object({
    period: z.string(), ...figuresOut,
    /** Up + down referrals; met / total capability items in %. */
    referralsTotal: z.number().int().nullable(), capabilityRate: z.number().nullable(),
  })),
  /** What the year's signed agreements aimed at: technologies listed and persons to train. */
  targets: z.array(z.object({ year: z.number().int(), technologies: z.number().int(), traineeTarget: z.number().int().nullable() })),
});
export type OutcomeTrend = z.infer<typeof outcomeTrendSchema>;
