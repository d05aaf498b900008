import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '@duikou/db';

/** Where the bench's database lives: a PostgreSQL database it owns, or a PGlite data folder. */
export type BenchTarget =
  | { kind: 'postgres'; serverUrl: string; databaseUrl: string; name: string }
  | { kind: 'pglite'; dataDir: string };

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DB_NAME = 'duikou_bench';

export function postgresTarget(serverUrl = DEFAULT_SERVER_URL, name = DEFAULT_DB_NAME): BenchTarget {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`数据库名「${name}」只能包含小写字母、数字和下划线`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', serverUrl, databaseUrl: url.toString(), name };
}

export function pgliteTarget(dir: string): BenchTarget {
  return { kind: 'pglite', dataDir: path.resolve(dir) };
}

/** Drops and recreates the bench database (or empties the PGlite folder), then opens and migrates it. */
export async function recreate(target: BenchTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const admin = new pg.Client({ connectionString: target.serverUrl });
    try {
      await admin.connect();
    } catch (err) {
      throw new Error(`无法连接 PostgreSQL（${target.serverUrl}）：${(err as Error).message}。可用 --db-url 指定，或用 --db pglite`);
    }
    await admin.query(`drop database if exists ${target.name} with (force)`);
    await admin.query(`create database ${target.name}`);
    await admin.end();
    return openDatabase({ url: target.databaseUrl });
  }
  if (existsSync(target.dataDir)) rmSync(target.dataDir, { recursive: true, force: true });
  mkdirSync(target.dataDir, { recursive: true });
  return openDatabase({ dataDir: path.join(target.dataDir, 'pglite') });
}

/** Opens the existing bench database (no drop). */
export function reopen(target: BenchTarget): Promise<Database> {
  return target.kind === 'postgres' ? openDatabase({ url: target.databaseUrl }) : openDatabase({ dataDir: path.join(target.dataDir, 'pglite') });
}

/** The environment that points a Duikou server at the bench database. */
export function serverEnv(target: BenchTarget): Record<string, string> {
  return target.kind === 'postgres' ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: target.dataDir };
}

/**
 * Lets PostgreSQL finish the work a load left behind before a timed section, as pgbench does: a
 * checkpoint writes out the dirty pages, and the autovacuum workers the load woke are waited for (up
 * to `maxWaitMs`). Otherwise the first figures after generating 4 million rows or importing 10,000
 * persons measure the disk and the vacuum as much as the product. Returns what it waited for.
 */
export async function settlePostgres(database: Database, maxWaitMs = 120_000): Promise<string> {
  const sql = (database.db as unknown as { $client: pg.Pool }).$client;
  const started = performance.now();
  await sql.query('checkpoint');
  const checkpointMs = performance.now() - started;
  let vacuums = 0;
  for (;;) {
    const { rows } = await sql.query<{ n: string }>(`select count(*) as n from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`);
    vacuums = Number(rows[0]!.n);
    if (vacuums === 0 || performance.now() - started > maxWaitMs) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const waited = performance.now() - started;
  return `checkpoint ${Math.round(checkpointMs)} ms，等待自动清理 ${Math.round(waited - checkpointMs)} ms${vacuums > 0 ? `（${vacuums} 个仍在运行）` : ''}`;
}

