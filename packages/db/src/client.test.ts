import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';

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
});
