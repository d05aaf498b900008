import { z } from 'zod';
import { idSchema, patchOf, isoDateSchema, optionalTextSchema, paginationQuerySchema, periodOrdered, PERIOD_ORDER_ERROR } from './common.schema.js';
import { regionCodeSchema } from './regions.schema.js';

export const pairingSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  policyCode: z.string(),
  recipient: z.object({ id: z.string(), name: z.string(), kind: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable() }),
  supportUnits: z.array(z.object({ id: z.string(), name: z.string(), regionName: z.string().nullable() })),
  countyName: z.string().nullable(),
  needs: z.array(z.string()),
  minPersonsPerSupportUnitPerYear: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  remarks: z.string().nullable(),
  archived: z.boolean(),
});
export type Pairing = z.infer<typeof pairingSchema>;

const pairingFields = z.object({
  programmeId: idSchema,
  recipientOrgId: idSchema,
  supportOrgIds: z
    .array(idSchema)
    .min(1, { error: '至少选择一个支援单位' })
    .max(20, { error: '支援单位不能超过 20 个' })
    .refine((ids) => new Set(ids).size === ids.length, { error: '支援单位不能重复' }),
  needs: z.array(z.string().trim().min(1, { error: '不能为空' }).max(50, { error: '不能超过 50 个字符' })).max(30, { error: '专业需求不能超过 30 项' }).default([]),
  minPersonsPerSupportUnitPerYear: z.number({ error: '应为整数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).max(100, { error: '不能超过 100' }).nullable().optional(),
  validFrom: isoDateSchema.nullable().optional(),
  validTo: isoDateSchema.nullable().optional(),
  remarks: optionalTextSchema(1000),
});
export const pairingCreateSchema = pairingFields.refine(periodOrdered, PERIOD_ORDER_ERROR);
export type PairingCreate = z.input<typeof pairingCreateSchema>;
export const pairingUpdateSchema = patchOf(pairingFields.omit({ programmeId: true })).refine(periodOrdered, PERIOD_ORDER_ERROR);
export type PairingUpdate = z.input<typeof pairingUpdateSchema>;

export const pairingListQuerySchema = paginationQuerySchema.extend({
  programmeId: idSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  orgId: idSchema.optional(),
});
export type PairingListQuery = z.infer<typeof pairingListQuerySchema>;

/** The two official pairing-table layouts (SPEC §5). */
export const PAIRING_TABLE_LAYOUTS = ['cx', 'my'] as const;
export type PairingTableLayout = (typeof PAIRING_TABLE_LAYOUTS)[number];
export const PAIRING_TABLE_LAYOUT_LABELS: Record<PairingTableLayout, string> = {
  cx: '楚雄附件1：三级医院对口帮扶贫困县县级医院关系调整表',
  my: '绵阳附件1：对口支援关系安排表',
};
/** Exact column headers of each layout, as printed in the notices. */
export const PAIRING_TABLE_HEADERS: Record<PairingTableLayout, readonly string[]> = {
  cx: ['序号', '支援医院', '受援贫困县县级医院'],
  my: ['受援县市区', '受援单位', '支援单位', '受援单位专业需求', '人员要求', '备注'],
};
export const pairingExportQuerySchema = z.object({
  layout: z.enum(PAIRING_TABLE_LAYOUTS, { error: '表格样式须为 cx 或 my' }),
  programmeId: idSchema.optional(),
});
export const pairingImportQuerySchema = z.object({
  layout: z.enum(PAIRING_TABLE_LAYOUTS, { error: '表格样式须为 cx 或 my' }),
  programmeId: idSchema,
});
export const pairingImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), rows: z.number().int() });
export type PairingImportResult = z.infer<typeof pairingImportResultSchema>;
