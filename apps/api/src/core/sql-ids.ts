import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `column = any($1::uuid[])`: the ids as one parameter. `inArray` sends one parameter per id, and
 * PostgreSQL refuses a statement with more than 65,535: the verdict lists of a province read
 * 15,000 assignments a year, so their follow-up queries would fail after a few years of history.
 */
export function inIds(column: Column, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
}

/** `$1::uuid[]`: ids as one array parameter, for `any(…)` / `all(…)` in hand-written SQL. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${sql.param([...ids])}::uuid[]`;
}
