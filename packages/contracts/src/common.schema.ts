import { z } from 'zod';

/** Error body of every 4xx answer (DEVELOPERS.md API conventions). */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.array(z.object({ row: z.number().int().optional(), column: z.string().optional(), field: z.string().optional(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const idSchema = z.uuid({ error: '不是有效的编号' });
export const idParamsSchema = z.object({ id: idSchema });

/** Calendar date as YYYY-MM-DD, checked to be a real date. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: '不是有效的日期' });

/** PostgreSQL text cannot hold the NUL character: refused here, with the field's name, not by the database. */
const NO_NUL = /^[^\u0000]*$/;
const NUL_ERROR = { error: '不能包含空字符（U+0000）' };

/** A trimmed, non-empty, bounded text field. */
export const textSchema = (max: number) =>
  z.string().trim().min(1, { error: '不能为空' }).max(max, { error: `不能超过 ${max} 个字符` }).regex(NO_NUL, NUL_ERROR);
export const optionalTextSchema = (max: number) =>
  z.string().trim().max(max, { error: `不能超过 ${max} 个字符` }).regex(NO_NUL, NUL_ERROR).optional();

const booleanQuery = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  includeArchived: booleanQuery.optional(),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
export type ListResponse<T> = { items: T[]; total: number };

export const removeResultSchema = z.object({ result: z.enum(['deleted', 'archived']) });
export type RemoveResult = z.infer<typeof removeResultSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** A period whose end is not before its start (either may be open). */
export const periodOrdered = (v: { validFrom?: string | null; validTo?: string | null }): boolean =>
  !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
export const PERIOD_ORDER_ERROR = { error: '结束日期不能早于开始日期', path: ['validTo'] };

type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K] };

/**
 * The fields of a create schema as a PATCH takes them: all optional, and no create-time default filled
 * in — zod 4 applies `.default()` inside `.partial()`, so a PATCH of one field would reset the others.
 */
export function patchOf<S extends z.ZodRawShape>(object: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(object.shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]));
  return z.object(shape as WithoutDefaults<S>).partial();
}
