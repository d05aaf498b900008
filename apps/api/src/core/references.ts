import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@duikou/db';

interface ForeignKey { table: string; column: string }
const foreignKeysCache = new Map<string, ForeignKey[]>();

/**
 * The single-column foreign keys pointing at `table`, read from the catalogue so that a table added
 * later is counted without anyone remembering to. Cascading keys are parts of the row itself
 * (a pairing's support units), not references, and are left out.
 */
async function foreignKeysTo(db: DbOrTx, table: string): Promise<ForeignKey[]> {
  const cached = foreignKeysCache.get(table);
  if (cached) return cached;
  const res = await db.execute(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${table}::regclass and cardinality(c.conkey) = 1 and c.confdeltype <> 'c'
    order by 1, 2`);
  const keys = rowsOf<ForeignKey>(res).map((r) => ({ table: r.table.replace(/^"|"$/g, ''), column: r.column }));
  foreignKeysCache.set(table, keys);
  return keys;
}

/** How many rows of other tables refer to this row (the archive-instead-of-delete test). */
export async function countReferencingRows(db: DbOrTx, table: string, id: string): Promise<{ total: number; byTable: Record<string, number> }> {
  const byTable: Record<string, number> = {};
  let total = 0;
  for (const fk of await foreignKeysTo(db, table)) {
    const res = await db.execute(sql`select count(*)::int as n from ${sql.identifier(fk.table)} where ${sql.identifier(fk.column)} = ${id}`);
    const n = Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
    if (n > 0) { byTable[fk.table] = (byTable[fk.table] ?? 0) + n; total += n; }
  }
  return { total, byTable };
}
