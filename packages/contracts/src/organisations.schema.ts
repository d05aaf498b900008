import { z } from 'zod';
import { ADMIN_LEVELS, ORG_GRADES, ORG_KINDS } from './labels.js';
import { optionalTextSchema, patchOf, paginationQuerySchema, textSchema } from './common.schema.js';
import { regionCodeSchema } from './regions.schema.js';

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  grade: z.enum(ORG_GRADES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  adminLevel: z.enum(ADMIN_LEVELS).nullable(),
  archived: z.boolean(),
  supportPairings: z.number().int(),
  recipientPairings: z.number().int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z.object({
  name: textSchema(100),
  shortName: optionalTextSchema(30),
  kind: z.enum(ORG_KINDS, { error: '请选择机构类别' }),
  grade: z.enum(ORG_GRADES, { error: '请选择等级' }).default('ungraded'),
  regionCode: regionCodeSchema,
  adminLevel: z.enum(ADMIN_LEVELS, { error: '请选择行政隶属' }).nullable().optional(),
});
export type OrganisationCreate = z.input<typeof organisationCreateSchema>;
export const organisationUpdateSchema = patchOf(organisationCreateSchema);
export type OrganisationUpdate = z.input<typeof organisationUpdateSchema>;

export const organisationListQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(ORG_KINDS).optional(),
  regionCode: regionCodeSchema.optional(),
  role: z.enum(['support', 'recipient']).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
