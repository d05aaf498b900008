import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryNamed, rowsOf, withGenericPlans, type Database } from './client.js';

const base = process.env.TEST_DATABASE_URL;

/** Runs one statement on the server's maintenance connection (the `test` database). */
async function admin(statement: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try { await c.query(statement, params); } finally { await c.end(); }
}

describe.skipIf(!base)('PostgreSQL connections', () => {
  const name = `duikou_c_${randomBytes(6).toString('hex')}`;
  let database: Database;

  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(base!);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
  });
  afterAll(async () => {
    await database?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('survives the server cutting its idle connections and answers the next query', async () => {
    await database.db.execute(sql`select 1`);
    // A PostgreSQL restart or failover looks like this to the pool: its idle connections are killed.
    await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    await new Promise((r) => setTimeout(r, 200));
    const res = await database.db.execute(sql`select 41 + 1 as answer`) as unknown as { rows: { answer: number }[] };
    expect(Number(res.rows[0]!.answer)).toBe(42);
  });

  it('plans named statements once, generically, and every other query with its values (DECISIONS 27)', async () => {
    // Several connections at once, so more than the first one of each pool is checked.
    const named = await Promise.all(Array.from({ length: 4 }, () => queryNamed<{ mode: string }>(database.db, 'test_plan_cache_mode',
      'select current_setting($1) as mode, pg_sleep(0.05)::text as slept', ['plan_cache_mode'])));
    expect(named.map((r) => r[0]!.mode)).toEqual(Array(4).fill('force_generic_plan'));
    const other = await Promise.all(Array.from({ length: 4 }, async () =>
      rowsOf<{ mode: string }>(await database.db.execute(sql`select current_setting(${'plan_cache_mode'}) as mode, pg_sleep(0.05)::text as slept`))));
    expect(other.map((r) => r[0]!.mode)).toEqual(Array(4).fill('auto'));
  });
});

describe('withGenericPlans', () => {
  const GENERIC = '-c plan_cache_mode=force_generic_plan';
  it('adds the option to those the URL or PGOPTIONS give (pg would let the URL override it)', () => {
    expect(withGenericPlans('postgres://u@db.example:5432/duikou', {})).toMatchObject({ host: 'db.example', port: '5432', database: 'duikou', user: 'u', options: GENERIC });
    expect(withGenericPlans('postgres://u@db.example/duikou?options=-c%20statement_timeout%3D5000', { PGOPTIONS: '-c x=1' }).options)
      .toBe(`-c statement_timeout=5000 ${GENERIC}`);
    expect(withGenericPlans('postgres://u@db.example/duikou', { PGOPTIONS: '-c search_path=duikou' }).options).toBe(`-c search_path=duikou ${GENERIC}`);
  });

  it('takes every form pg takes: socket hosts, encoded passwords, TLS', () => {
    expect(withGenericPlans('postgres://u:p%40ss@/duikou?host=/var/run/postgresql', {})).toMatchObject({ host: '/var/run/postgresql', password: 'p@ss', database: 'duikou' });
    expect(withGenericPlans('postgres://u@db.example/duikou?ssl=true', {}).ssl).toBeTruthy();
  });
});
