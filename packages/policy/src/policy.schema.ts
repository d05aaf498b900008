import { z } from 'zod';
import { isIsoDate } from './calendar/dates.js';
import {
  ASSIGNMENT_MODES, ATTENDANCE_STATUSES, OUTCOME_INDICATORS, PAIRING_FORMS, PARTIES, POSTS, SPOT_CHECK_METHODS,
  SUPPORT_UNIT_LEVELS, TEAM_ROLES, TITLE_LEVELS,
} from './vocabulary.js';

/**
 * A policy is a versioned document of parameters. Every parameter carries its value and where it
 * comes from (`{ value, source: { document, clause, quote? }, note? }`); a parameter the notice does
 * not have is `null` (or left out, which reads as `null`), and its rule answers `not_applicable`.
 */

const isoDate = z.string().refine(isIsoDate, { error: '日期应为有效的 YYYY-MM-DD' });
const count = z.number().int().min(0);
const positive = z.number().int().min(1);

export const policySourceSchema = z.strictObject({
  /** Short name of the notice, e.g. 楚卫通〔2018〕43号. */
  document: z.string().trim().min(1),
  /** Clause, e.g. 二（一）. */
  clause: z.string().trim().min(1),
  /** The notice's own words. */
  quote: z.string().trim().min(1).optional(),
});
export type PolicySource = z.infer<typeof policySourceSchema>;

/** A value with its citation; `note` records how the notice's words were read into the value. */
function cited<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, source: policySourceSchema, note: z.string().trim().min(1).optional() });
}
/** A parameter: cited, or null when the notice has no such rule. */
function parameter<T extends z.ZodType>(value: T) {
  return cited(value).nullable().default(null);
}
export interface Cited<T> { value: T; source: PolicySource; note?: string | undefined }

const partyRef = z.strictObject({ party: z.enum(PARTIES), label: z.string().trim().min(1).optional() });
const yearRange = z.strictObject({ min: positive, max: positive })
  .refine((r) => r.min <= r.max, { error: '最短年限不能大于最长年限' });
const attendanceStatuses = z.array(z.enum(ATTENDANCE_STATUSES)).min(1);

export const staffingMinimumSchema = z.discriminatedUnion('basis', [
  /** One minimum for every pairing of the programme (CX: 5, TCM recipients 3). */
  z.strictObject({ basis: z.literal('fixed'), general: count, tcmRecipient: count.nullable() }),
  /** Each pairing carries its own minimum, or none (MY attachment 1). */
  z.strictObject({ basis: z.literal('per_pairing') }),
]);

export const onSiteDaysSchema = z.strictObject({
  /** Attendance statuses that count as time on site. */
  countedStatuses: attendanceStatuses,
  /** Count only calendar working days (holidays and rest days never count). */
  workingDaysOnly: z.boolean(),
  /** Required days by term length in whole months (CX: 12 → 240, 6 → 120). */
  requirements: z.array(z.strictObject({ termMonths: positive, minDays: positive })).min(1)
    .refine((rs) => new Set(rs.map((r) => r.termMonths)).size === rs.length, { error: '同一派驻期限只能有一项要求' }),
});

const modeBase = {
  minTitle: z.enum(TITLE_LEVELS),
  durationYears: yearRange,
  /** Cumulative on-site time in calendar days of the stays (weekends inside a stay included). */
  minCumulativeOnSiteDays: positive,
  countedStatuses: attendanceStatuses,
};
export const intervalVisitsSchema = z.strictObject({ ...modeBase, minVisitsPerYear: positive });
export const segmentedStaysSchema = z.strictObject({
  ...modeBase,
  /** Length of the continuous stay due in every quarter, in months. */
  continuousStayMonthsPerQuarter: positive,
  minStaysPerYear: positive,
});

export const leaveApprovalSchema = z.strictObject({
  /** Each tier applies on its own: from `minWorkingDays` working days, and/or on an emergency recall. */
  tiers: z.array(z.strictObject({
    minWorkingDays: positive.nullable(),
    onEmergencyRecall: z.boolean(),
    approvers: z.array(partyRef).min(1),
  }).refine((t) => t.minWorkingDays !== null || t.onEmergencyRecall, { error: '审批档次须有天数门槛或适用于应急调回' })),
  /** Offices every leave note is filed with. */
  filings: z.array(partyRef),
});

export const postAppointmentSchema = z.strictObject({
  post: z.enum(POSTS),
  /** All conditions given must hold. */
  requires: z.strictObject({
    role: z.enum(TEAM_ROLES).optional(),
    minTitle: z.enum(TITLE_LEVELS).optional(),
    pairingForms: z.array(z.enum(PAIRING_FORMS)).min(1).optional(),
  }),
});

export const mentorshipSchema = z.strictObject({
  /** Minimum apprentices per support person by the support unit's level; null: the notice says nothing. */
  minApprenticesBySupportUnitLevel: z.strictObject(
    Object.fromEntries(SUPPORT_UNIT_LEVELS.map((l) => [l, positive.nullable()])) as Record<(typeof SUPPORT_UNIT_LEVELS)[number], z.ZodNullable<typeof positive>>,
  ),
  /** The same apprentice may not be taught again in a later year. */
  rotateEachYear: z.boolean(),
  /** Years within which the apprentices must cover the recipient's main departments; null: no such rule. */
  coverageYears: positive.nullable(),
  agreementRequired: z.boolean(),
  certificateOnPass: z.boolean(),
});

const report = z.strictObject({
  dayOfMonth: z.number().int().min(1).max(31),
  reporter: z.enum(PARTIES),
  recipient: z.enum(PARTIES),
  postponeOnHolidays: z.boolean(),
});
export const monthlyReportSchema = report;
export const quarterlyReportSchema = report.extend({
  /** Months whose `dayOfMonth` is due, each reporting the quarter just ended (CX: 1, 4, 7, 10). */
  months: z.array(z.number().int().min(1).max(12)).min(1)
    .refine((ms) => new Set(ms).size === ms.length, { error: '月份不能重复' }),
});

export const programmeDeadlineSchema = z.strictObject({
  key: z.string().trim().regex(/^[a-z0-9-]+$/, { error: '应为小写字母、数字和连字符' }),
  label: z.string().trim().min(1),
  date: isoDate,
  /** False: once, in the year of `date`; true: on the same day every year from then on. */
  repeatsYearly: z.boolean(),
  reporter: z.enum(PARTIES).nullable(),
  recipient: z.enum(PARTIES).nullable(),
  postponeOnHolidays: z.boolean(),
});

export const policyParametersSchema = z.strictObject({
  /** Normal length of one team's term, in months. */
  termMonths: parameter(positive),
  /** Validity of the programme's pairings. */
  pairingPeriod: parameter(z.strictObject({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { error: '结束日期不能早于开始日期' })),
  staffingMinimum: parameter(staffingMinimumSchema),
  onSiteDays: parameter(onSiteDaysSchema),
  /** Minimum whole years of work at the assignment start, by education; null: no requirement for it. */
  eligibilityWorkYears: parameter(z.strictObject({
    secondary: count.nullable(), associate: count.nullable(), bachelor: count.nullable(), master: count.nullable(), doctor: count.nullable(),
  })),
  intervalVisits: parameter(intervalVisitsSchema),
  segmentedStays: parameter(segmentedStaysSchema),
  leaveApproval: parameter(leaveApprovalSchema),
  spotCheckReplacement: parameter(z.strictObject({ absences: positive })),
  spotCheckPromotionBar: parameter(z.strictObject({ consecutiveAbsences: positive, publicCriticismOfDispatchingUnit: z.boolean() })),
  absenceNotice: parameter(z.strictObject({ notice: z.boolean(), interview: z.boolean() })),
  supportUnitSelfCheck: parameter(z.strictObject({ minPerMonth: positive, methods: z.array(z.enum(SPOT_CHECK_METHODS)).min(1) })),
  appraisalPromotionBar: parameter(z.strictObject({ years: positive })),
  postAppointments: parameter(z.array(postAppointmentSchema).min(1)),
  leadershipVisits: parameter(z.strictObject({ minVisitsPerYear: positive, minLedByLeadership: count })
    .refine((v) => v.minLedByLeadership <= v.minVisitsPerYear, { error: '院领导带队次数不能多于总次数' })),
  mentorship: parameter(mentorshipSchema),
  monthlyReport: parameter(monthlyReportSchema),
  quarterlyReport: parameter(quarterlyReportSchema),
  /** One-off deadlines of the programme, each with its own clause. */
  programmeDeadlines: z.array(cited(programmeDeadlineSchema)).nullable().default(null),
  insuranceAndSafety: parameter(z.strictObject({ accidentInsurance: z.boolean(), safetyEducation: z.boolean() })),
  annualAgreement: parameter(z.strictObject({ required: z.boolean(), copiesFiled: positive.nullable(), filedWith: z.enum(PARTIES).nullable() })),
  quarterlyProgressFeedback: parameter(z.strictObject({ from: z.enum(PARTIES), to: z.enum(PARTIES) })),
  /** Who acts on the year-end appraisal, in order. */
  appraisalChain: parameter(z.array(z.enum(PARTIES)).min(1)),
  offSiteGuidanceRecords: parameter(z.strictObject({ required: z.boolean(), modes: z.array(z.enum(ASSIGNMENT_MODES)).min(1) })),
  outcomeIndicators: parameter(z.array(z.enum(OUTCOME_INDICATORS)).min(1)),
});

export const policySchema = z.strictObject({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '应为小写字母、数字和连字符' }),
  code: z.string().trim().regex(/^[A-Z][A-Z0-9_-]{0,31}$/, { error: '政策编码应为大写字母开头（如 CX、MY）' }),
  version: positive,
  name: z.string().trim().min(1),
  /** The notice the policy is read from. */
  notice: z.strictObject({
    number: z.string().trim().min(1).nullable(),
    title: z.string().trim().min(1),
    issuer: z.string().trim().min(1),
    issuedOn: isoDate,
  }),
  effectiveFrom: isoDate,
  parameters: policyParametersSchema,
});

export type Policy = z.output<typeof policySchema>;
/** A policy as written: parameters the notice lacks may be left out. */
export type PolicyDocument = z.input<typeof policySchema>;
export type PolicyParameters = Policy['parameters'];
export type StaffingMinimum = z.output<typeof staffingMinimumSchema>;
export type OnSiteDaysParameter = z.output<typeof onSiteDaysSchema>;
export type IntervalVisitsParameter = z.output<typeof intervalVisitsSchema>;
export type SegmentedStaysParameter = z.output<typeof segmentedStaysSchema>;
export type LeaveApprovalParameter = z.output<typeof leaveApprovalSchema>;
export type PostAppointment = z.output<typeof postAppointmentSchema>;
export type MentorshipParameter = z.output<typeof mentorshipSchema>;
export type ProgrammeDeadlineParameter = z.output<typeof programmeDeadlineSchema>;

export interface PolicyIssue { path: string; message: string }
export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

/** Validates a stored or edited policy document; every bad parameter is named by its path. */
export function parsePolicyDocument(document: unknown): ParsePolicyResult {
  const result = policySchema.safeParse(document);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** `document 条款` of a parameter, e.g. 楚卫通〔2018〕43号 二（一）. */
export function citeParameter(parameter: Cited<unknown>): string {
  return `${parameter.source.document} ${parameter.source.clause}`;
}
