import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';

/** How a spot check was made; `roll_call` asks the sampled staff to answer from the check-in page by a deadline. */
export const SPOT_CHECK_METHODS = ['phone', 'video_call', 'on_site', 'roll_call'] as const;
export type SpotCheckMethod = (typeof SPOT_CHECK_METHODS)[number];
export const SPOT_CHECK_METHOD_LABELS: Record<SpotCheckMethod, string> = { phone: '电话抽查', video_call: '视频抽查', on_site: '现场抽查', roll_call: '点名' };

/** One person's result in one check; `pending`: not recorded yet (a roll call not answered yet). */
export const SPOT_CHECK_RESULTS = ['pending', 'present', 'absent', 'on_leave'] as const;
export type SpotCheckResultValue = (typeof SPOT_CHECK_RESULTS)[number];
export const SPOT_CHECK_RESULT_LABELS: Record<SpotCheckResultValue, string> = { pending: '待记录', present: '在岗', absent: '不在岗', on_leave: '请假（已批准）' };
/** Reason recorded when a roll call closes with no answer; the checker reviews it. */
export const ROLL_CALL_TIMEOUT_REASON = '点名超时未应答';
export const ROLL_CALL_MINUTES = { min: 5, max: 240, default: 30 } as const;
export const SPOT_CHECK_MAX_SAMPLE = 500;

const sizeSchema = z.number({ error: '抽取人数应为整数' }).int({ error: '抽取人数应为整数' })
  .min(1, { error: '至少抽取 1 人' }).max(SPOT_CHECK_MAX_SAMPLE, { error: `一次最多抽取 ${SPOT_CHECK_MAX_SAMPLE} 人` });

/** A random draw from the staff on post that day (optionally within a programme or units); the seed makes it reproducible. */
export const randomSampleSchema = z.object({
  kind: z.literal('random'),
  size: sizeSchema,
  seed: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '随机种子应为 1–64 位字母、数字、- 或 _' }).optional(),
  programmeId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
/** Named assignments (e.g. following up on a tip-off). */
export const pickedSampleSchema = z.object({
  kind: z.literal('picked'),
  assignmentIds: z.array(idSchema).min(1, { error: '至少指定 1 人' }).max(SPOT_CHECK_MAX_SAMPLE, { error: `一次最多指定 ${SPOT_CHECK_MAX_SAMPLE} 人` }),
});

export const spotCheckCreateSchema = z.object({
  method: z.enum(SPOT_CHECK_METHODS, { error: '抽查方式须为 phone（电话）、video_call（视频）、on_site（现场）或 roll_call（点名）' }),
  date: isoDateSchema,
  sample: z.discriminatedUnion('kind', [randomSampleSchema, pickedSampleSchema], { error: '抽样方式须为 random（随机抽取）或 picked（指定人员）' }),
  /** Roll call only: minutes the staff have to answer (default 30). */
  rollCallMinutes: z.number({ error: '应答时限应为整数（分钟）' }).int({ error: '应答时限应为整数（分钟）' })
    .min(ROLL_CALL_MINUTES.min, { error: `应答时限应在 ${ROLL_CALL_MINUTES.min}–${ROLL_CALL_MINUTES.max} 分钟之间` })
    .max(ROLL_CALL_MINUTES.max, { error: `应答时限应在 ${ROLL_CALL_MINUTES.min}–${ROLL_CALL_MINUTES.max} 分钟之间` }).optional(),
}).superRefine((v, ctx) => {
  if (v.rollCallMinutes !== undefined && v.method !== 'roll_call') ctx.addIssue({ code: 'custom', path: ['rollCallMinutes'], message: '只有点名可以设置应答时限' });
});
export type SpotCheckCreate = z.infer<typeof spotCheckCreateSchema>;

export const spotCheckResultUpdateSchema = z.object({
  result: z.enum(['present', 'absent', 'on_leave'], { error: '结果须为 present（在岗）、absent（不在岗）或 on_leave（请假）' }),
  reason: optionalTextSchema(500),
  evidence: optionalTextSchema(1000),
  /** The checker has looked at it (confirms a roll-call timeout, for one); a result the checker records is reviewed. */
  reviewed: z.boolean({ error: '应为 true 或 false' }).optional(),
}).superRefine((v, ctx) => {
  if (v.result === 'absent' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '记为不在岗须填写原因（如：无故离岗、联系不上）' });
});
export type SpotCheckResultUpdate = z.infer<typeof spotCheckResultUpdateSchema>;

const latitude = z.number({ error: '纬度应为数字' }).min(-90, { error: '纬度应在 -90 到 90 之间' }).max(90, { error: '纬度应在 -90 到 90 之间' });
const longitude = z.number({ error: '经度应为数字' }).min(-180, { error: '经度应在 -180 到 180 之间' }).max(180, { error: '经度应在 -180 到 180 之间' });

/** A staff member's answer to a roll call; `clientId` comes from the phone, so a resend counts once. */
export const rollCallAnswerSchema = z.object({
  clientId: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '客户端编号应为 8–64 位字母、数字、- 或 _' }),
  lat: latitude.optional(),
  lng: longitude.optional(),
  accuracyM: z.number({ error: '定位精度应为数字' }).min(0, { error: '定位精度不能为负' }).max(100_000, { error: '定位精度不超过 100 公里' }).optional(),
}).refine((v) => (v.lat === undefined) === (v.lng === undefined), { error: '经纬度须同时提供', path: ['lng'] });
export type RollCallAnswer = z.infer<typeof rollCallAnswerSchema>;

export const spotCheckListQuerySchema = paginationQuerySchema.extend({
  method: z.enum(SPOT_CHECK_METHODS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  byOrgId: idSchema.optional(),
  /** Checks that sampled this person / a staff member of this unit / a person posted at this unit. */
  personId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type SpotCheckListQuery = z.infer<typeof spotCheckListQuerySchema>;

const countsSchema = z.object({
  total: z.number().int(), pending: z.number().int(), present: z.number().int(), absent: z.number().int(), onLeave: z.number().int(),
  /** Results the checker still has to review (roll-call timeouts). */
  unreviewed: z.number().int(),
});

export const spotCheckSchema = z.object({
  id: z.string(), method: z.enum(SPOT_CHECK_METHODS), date: z.string(), byOrgId: z.string(), byOrgName: z.string(),
  sampleKind: z.enum(['random', 'picked']), sampleSize: z.number().int().nullable(), seed: z.string().nullable(),
  rollCallDeadline: z.string().nullable(),
  /** A roll call still waiting for answers. */
  open: z.boolean(),
  counts: countsSchema,
  createdBy: z.string(), createdAt: z.string(),
  /** The caller's organisation made the check: it records and reviews the results. */
  mine: z.boolean(),
});
export type SpotCheck = z.infer<typeof spotCheckSchema>;

export const spotCheckResultSchema = z.object({
  assignmentId: z.string(), personId: z.string(), personName: z.string(), supportOrgId: z.string(), supportOrgName: z.string(),
  recipientOrgId: z.string(), recipientOrgName: z.string(), department: z.string(),
  result: z.enum(SPOT_CHECK_RESULTS), reason: z.string().nullable(), evidence: z.string().nullable(), reviewed: z.boolean(),
  answeredAt: z.string().nullable(), recordedBy: z.string().nullable(),
});
export type SpotCheckResultRow = z.infer<typeof spotCheckResultSchema>;

export const spotCheckDetailSchema = spotCheckSchema.extend({
  /** The filter the sample was drawn from, and how many assignments were on post. */
  population: z.object({
    programmeId: z.string().nullable(), supportOrgId: z.string().nullable(), recipientOrgId: z.string().nullable(), size: z.number().int(),
  }),
  results: z.array(spotCheckResultSchema),
});
export type SpotCheckDetail = z.infer<typeof spotCheckDetailSchema>;

/** A re-draw of a random sample from its recorded seed and population. */
export const spotCheckRedrawSchema = z.object({
  spotCheckId: z.string(), seed: z.string(), size: z.number().int(),
  /** Assignments drawn now from the recorded population with the recorded seed (sorted). */
  drawn: z.array(z.string()),
  /** Assignments recorded in the check (sorted). */
  recorded: z.array(z.string()),
  matches: z.boolean(),
  /** Whether the same filter still finds the same assignments on post on that date (records may have changed since). */
  populationUnchanged: z.boolean(),
  populationSize: z.number().int(),
});
export type SpotCheckRedraw = z.infer<typeof spotCheckRedrawSchema>;

export const rollCallSchema = z.object({
  spotCheckId: z.string(), assignmentId: z.string(), date: z.string(), deadline: z.string(), byOrgName: z.string(),
  recipientOrgName: z.string(), department: z.string(), result: z.enum(SPOT_CHECK_RESULTS), answeredAt: z.string().nullable(),
});
export type RollCall = z.infer<typeof rollCallSchema>;

export const consequencesQuerySchema = z.object({
  programmeId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type ConsequencesQuery = z.infer<typeof consequencesQuerySchema>;

export const personSpotCheckVerdictsSchema = z.object({
  personId: z.string(), personName: z.string(), supportOrgId: z.string(), supportOrgName: z.string(), policyCode: z.string(),
  assignmentIds: z.array(z.string()),
  checks: z.number().int(), absences: z.number().int(),
  /** evaluateSpotChecks: replacement due, promotion bar and public criticism, notice / interview due. Evidence: the person id, then spot-check ids. */
  verdicts: z.array(shownVerdictSchema),
});
export type PersonSpotCheckVerdicts = z.infer<typeof personSpotCheckVerdictsSchema>;

export const selfCheckVerdictSchema = z.object({
  supportOrgId: z.string(), supportOrgName: z.string(), policyCode: z.string(),
  /** When the unit had staff on post (first start … last end). */
  period: z.object({ from: z.string(), to: z.string() }),
  verdict: shownVerdictSchema,
});
export type SelfCheckVerdict = z.infer<typeof selfCheckVerdictSchema>;

export const consequencesSchema = z.object({
  asOf: z.string(),
  /** Persons with at least one absence. */
  persons: z.array(personSpotCheckVerdictsSchema),
  /** Support units' monthly checks of their own staff. */
  selfChecks: z.array(selfCheckVerdictSchema),
});
export type Consequences = z.infer<typeof consequencesSchema>;

export const spotCheckVerdictsQuerySchema = z.object({ assignmentId: idSchema });
export const assignmentSpotCheckVerdictsSchema = personSpotCheckVerdictsSchema.extend({ assignmentId: z.string() });

export const SANCTION_KINDS = ['notice', 'interview'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_KIND_LABELS: Record<SanctionKind, string> = { notice: '通报', interview: '约谈' };
export const SANCTION_DOCUMENT_TYPES = [
  'application/pdf', 'image/jpeg', 'image/png', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const SANCTION_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;

export const sanctionCreateSchema = z.object({
  kind: z.enum(SANCTION_KINDS, { error: '类别须为 notice（通报）或 interview（约谈）' }),
  date: isoDateSchema,
  orgIds: z.array(idSchema).max(50, { error: '一次最多 50 个单位' }).default([]),
  personIds: z.array(idSchema).max(200, { error: '一次最多 200 人' }).default([]),
  spotCheckId: idSchema.optional(),
  summary: textSchema(2000),
  document: z.object({
    name: textSchema(120),
    type: z.enum(SANCTION_DOCUMENT_TYPES, { error: '文件须为 PDF、Word、JPG 或 PNG' }),
    // 2 MB of content is at most 2,796,204 base64 characters.
    base64: z.string().max(2_796_204, { error: '文件不能超过 2 MB' }).regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '文件内容不是有效的 base64' }),
  }).optional(),
}).refine((v) => v.orgIds.length + v.personIds.length > 0, { error: '至少指明一个单位或一名人员', path: ['orgIds'] });
export type SanctionCreate = z.input<typeof sanctionCreateSchema>;

export const sanctionListQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(SANCTION_KINDS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  orgId: idSchema.optional(),
  personId: idSchema.optional(),
  spotCheckId: idSchema.optional(),
});
export type SanctionListQuery = z.infer<typeof sanctionListQuerySchema>;

export const sanctionSchema = z.object({
  id: z.string(), kind: z.enum(SANCTION_KINDS), date: z.string(), byOrgId: z.string(), byOrgName: z.string(),
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
  persons: z.array(z.object({ id: z.string(), name: z.string() })),
  spotCheckId: z.string().nullable(), summary: z.string(),
  document: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
  createdBy: z.string(), createdAt: z.string(),
});
export type Sanction = z.infer<typeof sanctionSchema>;
