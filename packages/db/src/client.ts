import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { sql } from 'drizzle-orm';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** One handle type for PGlite and node-postgres (a union breaks `.returning()`; STACK.md trap 3). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A handle or an open transaction: repositories accept either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/** Where the SQL migrations live, found through the package so it works from source and from a bundle. */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@duikou/db/package.json')), 'migrations');
}

/**
 * Connection settings whose sessions plan every statement with parameters once, generically
 * (DECISIONS 27): for the pool of named statements (`queryNamed`) only. Those are the hot paths, each
 * written for one plan whatever its values (keys, arrays of keys); PostgreSQL would otherwise plan
 * them afresh at every call whenever the generic plan's estimate looks worse (an unnest of a parameter
 * always does): 0.4 ms of planning for 0.07 ms of work per check-in batch. The main pool keeps the
 * default, under which every other query is planned with its values (a `like` on a region path needs
 * its value to use the index). A startup option, added to any the URL gives, so no connection of the
 * pool ever runs without it.
 */
export function withGenericPlans(url: string, env: NodeJS.ProcessEnv = process.env): pg.PoolConfig {
  // Parsed as pg itself parses a connection string (socket hosts, `?host=`, encoded passwords, ssl),
  // whose values would otherwise override the option; PGOPTIONS is kept as pg would have used it.
  const { options, ...config } = parseConnectionString(url);
  return { ...(config as pg.PoolConfig), options: [options ?? env.PGOPTIONS, '-c plan_cache_mode=force_generic_plan'].filter(Boolean).join(' ') };
}

/** Opens the database (embedded PGlite or PostgreSQL) and applies every pending migration. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    // The named hot-path statements run on their own few connections, which keep generic plans.
    const hot = new pg.Pool({ ...withGenericPlans(target.url), max: Number(process.env.DB_HOT_POOL_SIZE ?? 4) });
    // An idle connection cut by the server (restart, failover, DROP DATABASE … FORCE after close) is
    // dropped from the pool and re-opened on demand; unhandled, pg's 'error' event would kill the process.
    let closing = false;
    for (const p of [pool, hot]) p.on('error', (err) => { if (!closing) console.warn(`数据库空闲连接中断，已移出连接池：${err.message}`); });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    hotPools.set(db, hot);
    await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: migrationsFolder() });
    return { db, kind: 'postgres', close: async () => { closing = true; await Promise.all([pool.end(), hot.end()]); } };
  }
  let client: PGlite;
  if ('dataDir' in target) {
    mkdirSync(target.dataDir, { recursive: true }); // PGlite fails with ENOENT on a missing parent (STACK.md trap 2)
    client = await PGlite.create(target.dataDir);
  } else {
    client = await PGlite.create();
  }
  const pdb = drizzlePglite(client, { schema });
  await migratePglite(pdb, { migrationsFolder: migrationsFolder() });
  return { db: pdb as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** The rows of `db.execute(sql…)`: both drivers answer `{ rows }`, which Drizzle's union type hides. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Runs a hot-path statement by name on the pool of named statements: node-postgres prepares it once
 * per connection there, and with that pool's generic plans PostgreSQL skips parsing and planning on
 * every later call (the morning check-in peak). Not in a transaction: it takes the handle, not a
 * transaction. PGlite runs it as given. `text` uses $1…$n; select dates as `::text`, since the drivers parse them differently.
 */
export async function queryNamed<T>(db: Db, name: string, text: string, values: readonly unknown[]): Promise<T[]> {
  const hot = hotPools.get(db);
  if (hot) return (await hot.query<T & pg.QueryResultRow>({ name, text, values: [...values] })).rows;
  const client = (db as unknown as { $client: { query(q: unknown, v?: unknown[]): Promise<{ rows: T[] }> } }).$client;
  return (await client.query(text, [...values])).rows;
}

/** The pool of named statements of each PostgreSQL handle (generic plans; `withGenericPlans`). */
const hotPools = new WeakMap<Db, pg.Pool>();

/**
 * Recounts `attendance_month_totals` from `attendance_days`: after a bulk load that ran with the
 * tables' triggers off (the bench generator), or to check the trigger's totals.
 */
export async function rebuildAttendanceMonthTotals(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from attendance_month_totals`);
    await tx.execute(sql`
      insert into attendance_month_totals (assignment_id, month, on_site, leave)
      select assignment_id, date_trunc('month', date)::date,
        count(*) filter (where status in ('on_duty', 'official_business')), count(*) filter (where status = 'leave')
      from attendance_days group by 1, 2`);
  });
}
