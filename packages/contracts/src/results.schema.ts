import { z } from 'zod';
import { ASSIGNMENT_MODES, ASSIGNMENT_STATUSES } from './assignments.schema.js';

/**
 * Shapes shared by the modules of what the assistance achieves (agreements, tasks, activities,
 * mentorship, visits, outcomes, appraisals, certificates).
 */

export const orgRefSchema = z.object({ id: z.string(), name: z.string() });
export type OrgRef = z.infer<typeof orgRefSchema>;

/** The dispatched person a record belongs to, as lists show it. */
export const assignmentRefSchema = z.object({
  assignmentId: z.string(), personId: z.string(), personName: z.string(), personTitle: z.string().nullable(),
  pairingId: z.string(), supportOrg: orgRefSchema, recipientOrg: orgRefSchema, department: z.string(),
  mode: z.enum(ASSIGNMENT_MODES), status: z.enum(ASSIGNMENT_STATUSES), policyCode: z.string(),
  /** Actual dates where known, else planned. */
  term: z.object({ start: z.string(), end: z.string() }),
});
export type AssignmentRef = z.infer<typeof assignmentRefSchema>;

const YEAR_ERROR = { error: '年份应为 2000–2100 之间的整数' };
/** A calendar year in a body. */
export const yearSchema = z.number(YEAR_ERROR).int(YEAR_ERROR).min(2000, YEAR_ERROR).max(2100, YEAR_ERROR);
/** A calendar year in a query string. */
export const yearQuerySchema = z.coerce.number(YEAR_ERROR).int(YEAR_ERROR).min(2000, YEAR_ERROR).max(2100, YEAR_ERROR);
/** 2019-Q3. */
export const quarterSchema = z.string().regex(/^(20\d{2}|2100)-Q[1-4]$/, { error: '季度格式应为 YYYY-Qn，如 2026-Q3' });

export const trueFalseQuery = z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional().transform((v) => v === 'true');

/** A count entered by hand (persons, technologies…). */
export const countSchema = (max = 100_000) => z.number({ error: '应为整数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).max(max, { error: `不能超过 ${max}` });

/** An uploaded file carried as base64 in JSON (PDF, images, Word). */
export const ATTACHMENT_TYPES = [
  'application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const attachmentInputSchema = z.object({
  name: z.string().trim().min(1, { error: '不能为空' }).max(120, { error: '不能超过 120 个字符' }),
  type: z.enum(ATTACHMENT_TYPES, { error: '附件须为 PDF、JPG、PNG 或 Word（.docx）' }),
  base64: z.string().max(2_800_000, { error: '附件不能超过 2 MB' }).regex(/^[A-Za-z0-9+/]+=*$/, { error: '附件内容不是有效的 base64' }),
});
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;
export const attachmentSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number().int() });

