import { sql, type SQL } from 'drizzle-orm';
import type { PaginationQuery } from '@duikou/contracts';

export const pageOf = (q: Pick<PaginationQuery, 'page' | 'pageSize'>) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** `%term%` for ILIKE, with the wildcard characters of the user's text escaped. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Total of a filtered list in the same round trip as the page. */
export const totalCount = sql<number>`cast(count(*) over() as integer)`;

/** Joins conditions with AND, ignoring the ones not set. */
export function allOf(parts: (SQL | undefined | null | false | '')[]): SQL {
  const set = parts.filter((p): p is SQL => !!p);
  return set.length === 0 ? sql`true` : sql.join(set, sql` and `);
}
