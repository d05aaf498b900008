import { z } from 'zod';
import { idSchema, paginationQuerySchema } from './common.schema.js';
import { ASSIGNMENT_MODES, ASSIGNMENT_STATUSES } from './assignments.schema.js';
import { shownVerdictSchema } from './policies.schema.js';

/** The headline figures of an assignment's on-site verdicts (working days, or cumulative days on site for MY's modes). */
export const onSiteFiguresSchema = z.object({
  ruleId: z.string(),
  /** 个工作日 / 天 as the rule counts them. */
  done: z.number().nullable(),
  required: z.number().nullable(),
  /** At the pace so far, the figure at the end of the term. */
  forecast: z.number().nullable(),
});

export const assignmentProgressSchema = z.object({
  assignmentId: z.string(), personId: z.string(), personName: z.string(), supportOrgId: z.string(), supportOrgName: z.string(),
  recipientOrgId: z.string(), recipientOrgName: z.string(), programmeName: z.string(), policyCode: z.string(),
  mode: z.enum(ASSIGNMENT_MODES), assignmentStatus: z.enum(ASSIGNMENT_STATUSES),
  /** The term evaluated: actual dates where known, else planned. */
  term: z.object({ start: z.string(), end: z.string() }),
  asOf: z.string(),
  /** Attendance records per status within the term up to today. */
  attendance: z.record(z.string(), z.number().int()),
  figures: onSiteFiguresSchema.nullable(),
  /** Worst status among the verdicts. */
  status: z.enum(['met', 'unmet', 'at_risk', 'not_applicable', 'unknown']),
  verdicts: z.array(shownVerdictSchema),
});
export type AssignmentProgress = z.infer<typeof assignmentProgressSchema>;

export const atRiskQuerySchema = paginationQuerySchema.extend({
  programmeId: idSchema.optional(),
  pairingId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  mode: z.enum(ASSIGNMENT_MODES).optional(),
  /** Only `unmet` (already lost), or both `at_risk` and `unmet` (default). */
  status: z.enum(['at_risk', 'unmet']).optional(),
});
export type AtRiskQuery = z.infer<typeof atRiskQuerySchema>;

export const atRiskSchema = z.object({
  asOf: z.string(),
  items: z.array(assignmentProgressSchema),
  total: z.number().int(),
  /** Assignments that could not be evaluated (e.g. a year with no holiday calendar), with the reason. */
  /** The first of the assignments the engine could not judge (skippedTotal counts them all). */
  skipped: z.array(z.object({ assignmentId: z.string(), personName: z.string(), message: z.string() })),
  skippedTotal: z.number().int(),
});
export type AtRisk = z.infer<typeof atRiskSchema>;
