import { z } from 'zod';
import { isoDateSchema, optionalTextSchema } from './common.schema.js';

export const POLICY_STATUSES = ['draft', 'published'] as const;
export const POLICY_STATUS_LABELS: Record<(typeof POLICY_STATUSES)[number], string> = { draft: '草稿', published: '已发布' };

export const policyVersionSummarySchema = z.object({
  id: z.string(), code: z.string(), version: z.number().int(), name: z.string(), status: z.enum(POLICY_STATUSES),
  effectiveFrom: z.string().nullable(), ownerOrgId: z.string().nullable(), ownerOrgName: z.string().nullable(),
  regionCode: z.string().nullable(), regionName: z.string().nullable(),
  basedOnId: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string(), publishedAt: z.string().nullable(),
  current: z.boolean(), programmes: z.number().int(), editable: z.boolean(),
});
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>;

export const policyConflictSchema = z.object({ ruleId: z.string(), message: z.string(), parameters: z.array(z.string()) });
export const policyVersionDetailSchema = policyVersionSummarySchema.extend({
  document: z.record(z.string(), z.unknown()),
  conflicts: z.array(policyConflictSchema),
});
export type PolicyVersionDetail = z.infer<typeof policyVersionDetailSchema>;

/** `CX`, `MY` (the current published version of that code) or a version id. */
export const policyRefParamsSchema = z.object({
  policyId: z.string().trim().regex(/^([A-Z][A-Z0-9_-]{0,31}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { error: '应为政策编码（如 CX、MY）或版本编号' }),
});
export const policyListQuerySchema = z.object({ code: z.string().trim().max(32).optional() });

export const policyUpdateSchema = z.object({
  name: z.string().trim().min(1, { error: '不能为空' }).max(200, { error: '不能超过 200 个字符' }).optional(),
  effectiveFrom: isoDateSchema.nullable().optional(),
  document: z.record(z.string(), z.unknown()).optional(),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;
export const policyPublishSchema = z.object({ effectiveFrom: isoDateSchema, note: optionalTextSchema(200) });
export type PolicyPublish = z.infer<typeof policyPublishSchema>;

export const policyDiffQuerySchema = z.object({ against: z.uuid({ error: '不是有效的版本编号' }) });
export const policyDiffSchema = z.object({
  from: z.object({ id: z.string(), code: z.string(), version: z.number().int() }),
  to: z.object({ id: z.string(), code: z.string(), version: z.number().int() }),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type PolicyDiff = z.infer<typeof policyDiffSchema>;

export const verdictSchema = z.object({
  ruleId: z.string(),
  status: z.enum(['met', 'unmet', 'at_risk', 'not_applicable', 'unknown']),
  figures: z.record(z.string(), z.unknown()),
  explanation: z.string(),
  evidence: z.array(z.string()),
  citation: z.string().optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;
export const VERDICT_STATUS_LABELS: Record<Verdict['status'], string> = { met: '符合', unmet: '不符合', at_risk: '有风险', not_applicable: '不适用', unknown: '信息不足' };

/** A verdict as the API shows it: the engine's verdict plus the rule's Chinese name. */
export const shownVerdictSchema = verdictSchema.extend({ ruleLabel: z.string() });
export type ShownVerdict = z.infer<typeof shownVerdictSchema>;

export const SANDBOX_EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctor'] as const;
export const SANDBOX_TITLE_LEVELS = ['junior', 'intermediate', 'associate_senior', 'senior'] as const;
export const SANDBOX_MODES = ['resident', 'interval_visits', 'segmented_stays'] as const;
export const SANDBOX_MODE_LABELS: Record<(typeof SANDBOX_MODES)[number], string> = { resident: '驻点派驻', interval_visits: '间隔去', segmented_stays: '分段驻' };

/** Rule sandbox: eligibility of a hypothetical person for a hypothetical dispatch. Missing facts give `unknown`. */
export const eligibilitySandboxSchema = z.object({
  education: z.enum(SANDBOX_EDUCATION_LEVELS, { error: '学历不在可选范围内' }).nullable().optional(),
  workStartDate: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { error: '参工时间应为 YYYY-MM 或 YYYY-MM-DD' }).nullable().optional(),
  titleLevel: z.enum(SANDBOX_TITLE_LEVELS, { error: '职称级别不在可选范围内' }).nullable().optional(),
  mode: z.enum(SANDBOX_MODES, { error: '支援方式不在可选范围内' }).nullable().optional(),
  startDate: isoDateSchema,
});
export type EligibilitySandbox = z.infer<typeof eligibilitySandboxSchema>;
export const verdictListSchema = z.object({ verdicts: z.array(shownVerdictSchema) });

/** Rule sandbox: what a leave would need. */
export const leaveSandboxSchema = z.object({
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  emergencyRecall: z.boolean().default(false),
}).refine((v) => v.startDate <= v.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type LeaveSandbox = z.infer<typeof leaveSandboxSchema>;
const leaveStepSchema = z.object({ party: z.string(), label: z.string() });
export const leaveSandboxResultSchema = z.object({
  workingDays: z.number().int(), calendarDays: z.number().int(), emergencyRecall: z.boolean(),
  approvals: z.array(leaveStepSchema), filings: z.array(leaveStepSchema), verdicts: z.array(shownVerdictSchema),
});
export type LeaveSandboxResult = z.infer<typeof leaveSandboxResultSchema>;

export const deadlinesQuerySchema = z.object({ year: z.coerce.number({ error: '年份应为数字' }).int().min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' }) });
export const policyDeadlineSchema = z.object({
  kind: z.enum(['monthly', 'quarterly', 'programme']), period: z.string(), label: z.string(), nominal: z.string(), due: z.string(),
  postponed: z.boolean(), reporter: z.string().nullable(), recipient: z.string().nullable(), citation: z.string(),
});
export type PolicyDeadline = z.infer<typeof policyDeadlineSchema>;
export const policyDeadlineListSchema = z.object({ items: z.array(policyDeadlineSchema), total: z.number().int() });
