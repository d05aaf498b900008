import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '@duikou/db';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The driver under Drizzle (node-postgres pool or PGlite): both answer query(text, params) with { rows }. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export function rawSqlOf(database: Database): RawSql {
  return (database.db as unknown as { $client: RawSql }).$client;
}

export type ColumnType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'float8' | 'jsonb' | 'timestamptz';
export interface Column { name: string; type: ColumnType }

/** One field in COPY's text format: `\N` for null, backslash escapes for the separators. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? (v ? 't' : 'f') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

export const copyLine = (row: readonly unknown[]): string => `${row.map(copyField).join('\t')}\n`;

/**
 * Writes rows with `COPY … FROM STDIN` (PostgreSQL, through pg-copy-streams on a pooled connection)
 * or `COPY … FROM '/dev/blob'` (PGlite): the bulk path of both engines, several times faster than
 * INSERT. Foreign keys, checks and indexes of the product's schema still apply.
 */
export async function copyRows(database: Database, table: string, columns: readonly Column[], lines: string): Promise<void> {
  if (lines.length === 0) return;
  const statement = `copy "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) from stdin`;
  const client = (database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (database.kind === 'pglite') {
    await (client as PGlite).query(statement.replace('from stdin', "from '/dev/blob'"), [], { blob: new Blob([lines]) });
    return;
  }
  const conn = await (client as pg.Pool).connect();
  try {
    await pipeline(Readable.from([Buffer.from(lines, 'utf8')]), conn.query(copyFrom(statement)));
  } finally {
    conn.release();
  }
}

export async function bulkInsert(database: Database, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[], batch = 50_000): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) {
    await copyRows(database, table, columns, rows.slice(start, start + batch).map(copyLine).join(''));
  }
}

/**
 * Encodes rows as they come and copies them whenever `flushAt` are waiting, so millions of rows never
 * sit in memory at once. One copy runs while the next batch is generated (the database and the
 * generator each get a core); `close` waits for the last.
 */
export class RowSink {
  private lines: string[] = [];
  private running: Promise<void> = Promise.resolve();
  count = 0;
  constructor(private readonly database: Database, private readonly table: string, private readonly columns: readonly Column[], private readonly flushAt = 100_000) {}
  async push(row: readonly unknown[]): Promise<void> {
    this.lines.push(copyLine(row));
    this.count++;
    if (this.lines.length >= this.flushAt) await this.flush();
  }
  private async flush(): Promise<void> {
    await this.running;
    if (this.lines.length === 0) return;
    const lines = this.lines.join('');
    this.lines = [];
    // PGlite runs in this thread: nothing to overlap with, so wait.
    this.running = copyRows(this.database, this.table, this.columns, lines);
    this.running.catch(() => {}); // reported by the next await of `running`
    if (this.database.kind === 'pglite') await this.running;
  }
  async close(): Promise<void> {
    await this.flush();
    await this.running;
  }
}

/**
 * Runs a bulk load with the secondary indexes and the unreferenced primary-key/unique constraints of
 * `tables` dropped, then builds them again from their own definitions (what pg_restore does): one
 * sorted build instead of millions of random B-tree inserts. A duplicate the generator made would
 * fail the rebuild, loudly. The tables' own triggers (the progress cache's invalidation) are off
 * meanwhile: a freshly generated database has nothing cached to invalidate.
 */
export async function withIndexesDeferred<T>(database: Database, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const sql = rawSqlOf(database);
  const constraints = (await sql.query<{ tbl: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
     where c.contype in ('p', 'u') and c.conrelid::regclass::text = any($1::text[])
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`, [tables])).rows;
  const indexes = (await sql.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i where i.schemaname = 'public' and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [tables])).rows;
  for (const c of constraints) await sql.query(`alter table "${c.tbl}" drop constraint "${c.name}"`);
  for (const i of indexes) await sql.query(`drop index "${i.name}"`);
  for (const t of tables) await sql.query(`alter table "${t}" disable trigger user`);
  const result = await load();
  for (const t of tables) await sql.query(`alter table "${t}" enable trigger user`);
  for (const c of constraints) await sql.query(`alter table "${c.tbl}" add constraint "${c.name}" ${c.def}`);
  for (const i of indexes) await sql.query(i.def);
  return result;
}
