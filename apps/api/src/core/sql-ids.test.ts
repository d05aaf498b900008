import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { organisations, rowsOf } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../test/test-app.js';
import { inIds } from './sql-ids.js';

/** More ids than PostgreSQL takes parameters in one statement (65,535). */
const MANY = 70_000;

describe.each(testDatabases())('inIds on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('sends any number of ids as one parameter, and finds those that exist', async () => {
    const [org] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from organisations order by name limit 1`));
    const ids = [...Array.from({ length: MANY }, () => randomUUID()), org!.id];
    expect(new PgDialect().sqlToQuery(inIds(organisations.id, ids)).params).toHaveLength(1);
    const found = await t.database.db.select({ id: organisations.id }).from(organisations).where(inIds(organisations.id, ids));
    expect(found).toEqual([{ id: org!.id }]);
    expect(await t.database.db.select({ id: organisations.id }).from(organisations).where(inIds(organisations.id, []))).toEqual([]);
  });
});
