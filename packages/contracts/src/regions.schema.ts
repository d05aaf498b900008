import { z } from 'zod';
import { REGION_LEVELS } from './labels.js';
import { paginationQuerySchema, textSchema } from './common.schema.js';

/** GB/T 2260 six-digit code, or a local code for functional zones (6 characters, digits and capitals). */
export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4}[0-9A-Z]{2}$/, { error: '区划编码应为 6 位：GB/T 2260 数字编码，功能区用前 4 位数字加 2 位大写字母' });

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  isLocalCode: z.boolean(),
  archived: z.boolean(),
  organisationCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionCreateSchema = z.object({
  code: regionCodeSchema,
  name: textSchema(50),
  level: z.enum(REGION_LEVELS, { error: '级别须为 省级/州市级/县市区级/功能区 之一' }),
  parentCode: regionCodeSchema.nullable().optional(),
});
export type RegionCreate = z.infer<typeof regionCreateSchema>;
export const regionUpdateSchema = regionCreateSchema.omit({ code: true }).partial();
export type RegionUpdate = z.infer<typeof regionUpdateSchema>;

export const regionListQuerySchema = paginationQuerySchema.extend({
  level: z.enum(REGION_LEVELS).optional(),
  parentCode: regionCodeSchema.optional(),
});
export type RegionListQuery = z.infer<typeof regionListQuerySchema>;
export const regionCodeParamsSchema = z.object({ code: regionCodeSchema });
