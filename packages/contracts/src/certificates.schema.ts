import { z } from 'zod';
import { APPRAISAL_GRADES } from './appraisals.schema.js';
import { idSchema, paginationQuerySchema } from './common.schema.js';
import { onSiteFiguresSchema } from './progress.schema.js';
import { orgRefSchema } from './results.schema.js';

/** 职称晋升经历证明: a numbered certificate of a completed assignment (MY 四: the support counts as experience for promotion). */
export const SERVICE_CERTIFICATE_TITLE = '对口支援工作经历证明';
/** CX-ZM-2026-0001: policy code, 证明, year of issue, running number. */
export const certificateNumberSchema = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,31}-(ZM|SD)-\d{4}-\d{4,6}$/, { error: '证书编号格式应如 CX-ZM-2026-0001' });

export const certificateCreateSchema = z.object({ assignmentId: idSchema });
export const certificateListQuerySchema = paginationQuerySchema.extend({
  assignmentId: idSchema.optional(),
  personId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;
export const certificateVerifyQuerySchema = z.object({ number: certificateNumberSchema });

export const certificateSchema = z.object({
  id: z.string(), number: z.string(), assignmentId: z.string(), issuedOn: z.string(), issuerOrg: orgRefSchema, issuedBy: z.string(),
  person: z.object({ id: z.string(), name: z.string(), gender: z.string(), title: z.string().nullable() }),
  supportOrg: orgRefSchema, recipientOrg: orgRefSchema, department: z.string(), programmeName: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  onSite: onSiteFiguresSchema.nullable(),
  appraisalGrade: z.enum(APPRAISAL_GRADES).nullable(),
  createdAt: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;
/** The result of looking a number up: the certificate as issued (a 师带徒证书 number answers its apprentice). */
export const certificateVerifySchema = z.object({
  number: z.string(), kind: z.enum(['service', 'mentorship']), valid: z.literal(true), issuedOn: z.string(),
  holderName: z.string(), summary: z.string(),
  certificate: certificateSchema.nullable(),
});
export type CertificateVerify = z.infer<typeof certificateVerifySchema>;
