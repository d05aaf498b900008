import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { openDatabase, seedCalendar, seedDemoData, seedShippedPolicies, type Database } from '@duikou/db';
import { shippedPolicySeeds } from '../modules/policies/policies.seed.js';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import type { Clock } from '../core/actor.js';
import { createFieldCipher } from '../core/crypto.js';
import { hashPassword } from '../core/password.js';

export const TEST_PASSWORD = 'test-pass-2026';

/** The databases every integration test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): ('pglite' | 'postgres')[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A clock the test moves by hand (lockouts, idle sessions). */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-23T02:00:00Z')) {}
  now(): Date { return new Date(this.current); }
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ memory: true });
    return { database, drop: async () => {} };
  }
  // Each test file gets a database of its own on the server, dropped at the end.
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `duikou_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const testConfig: Config = { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', demo: true, cookieSecure: false, logLevel: 'silent' };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  /** Logs a demo user in and returns the cookie header for later requests. */
  login(username: string, password?: string): Promise<string>;
  request(method: string, url: string, opts?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(kind: 'pglite' | 'postgres', opts: { seed?: boolean } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(kind);
  await seedCalendar(database.db);
  await seedShippedPolicies(database.db, shippedPolicySeeds());
  if (opts.seed !== false) await seedDemoData(database.db, { hashPassword, demoPassword: TEST_PASSWORD });
  const clock = new TestClock();
  const app = await buildApp({ database, config: testConfig, clock, logger: false, cipher: createFieldCipher(randomBytes(32)) });
  const cookies = new Map<string, string>();
  const request: TestApp['request'] = (method, url, o = {}) => app.inject({
    method: method as 'GET', url,
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.headers ?? {}) },
    ...(o.body !== undefined ? { payload: o.body as object } : {}),
  });
  return {
    app, database, clock, request,
    async login(username, password = TEST_PASSWORD) {
      const cached = cookies.get(`${username}:${password}`);
      if (cached) return cached;
      const res = await request('POST', '/api/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'duikou_sid');
      const cookie = `duikou_sid=${sid!.value}`;
      cookies.set(`${username}:${password}`, cookie);
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** First item of a list answer whose field equals the value. */
export function findIn<T extends Record<string, unknown>>(res: LightMyRequestResponse, pred: (item: T) => boolean): T | undefined {
  return (res.json() as { items: T[] }).items.find(pred);
}
