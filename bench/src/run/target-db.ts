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
