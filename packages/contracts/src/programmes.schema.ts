import { z } from 'zod';
import { idSchema, isoDateSchema, optionalTextSchema, paginationQuerySchema, periodOrdered, PERIOD_ORDER_ERROR, textSchema } from './common.schema.js';

export const policyCodeSchema = z.string().trim().regex(/^[A-Z][A-Z0-9_-]{0,31}$/, { error: '政策编码应为大写字母开头的编码，如 CX、MY' });

export const programmeSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  policyCode: z.string(),
  documentNo: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  pairingCount: z.number().int(),
});
export type Programme = z.infer<typeof programmeSchema>;

const programmeFields = z.object({
  name: textSchema(200),
  ownerOrgId: idSchema,
  policyCode: policyCodeSchema,
  documentNo: optionalTextSchema(100),
  validFrom: isoDateSchema.nullable().optional(),
  validTo: isoDateSchema.nullable().optional(),
  description: optionalTextSchema(2000),
});
export const programmeCreateSchema = programmeFields.refine(periodOrdered, PERIOD_ORDER_ERROR);
export type ProgrammeCreate = z.infer<typeof programmeCreateSchema>;
export const programmeUpdateSchema = programmeFields.partial().refine(periodOrdered, PERIOD_ORDER_ERROR);
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export const programmeListQuerySchema = paginationQuerySchema.extend({ policyCode: policyCodeSchema.optional() });
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;
