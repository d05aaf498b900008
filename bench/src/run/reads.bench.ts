import type { Database } from '@duikou/db';
import type { FastifyInstance } from 'fastify';

export interface ReadTiming { status: number; n: number; p50Ms: number; p95Ms: number; maxMs: number; bytes: number }

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/**
 * Times `n` sequential GETs (after `warmup` unmeasured ones): what one office user waits for a page.
 * `before` runs untimed ahead of each request (a write, to time a read that cannot use a cache).
 */
export async function timeGet(url: string, cookie: string, opts: { n: number; warmup: number; before?: () => Promise<unknown> }): Promise<ReadTiming> {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < opts.warmup + opts.n; i++) {
    await opts.before?.();
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (i >= opts.warmup) times.push(performance.now() - t);
    status = res.status;
    bytes = body.byteLength;
    if (!res.ok) throw new Error(`GET ${url} → ${res.status}：${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  }
  return { status, n: opts.n, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times), bytes };
}

export interface CapturedQuery { text: string; params: unknown[]; ms: number; rows: number }

/**
 * Wraps the driver under Drizzle so every query an in-process request sends is timed: the heaviest
 * one of an endpoint is the one whose plan is worth reading.
 */
export function captureQueries(database: Database): { take(): CapturedQuery[]; restore(): void } {
  type Queryable = { query: (...args: unknown[]) => Promise<unknown> };
  const client = (database.db as unknown as { $client: Queryable & { connect?: () => Promise<Queryable> } }).$client;
  let captured: CapturedQuery[] = [];
  const wrap = (target: Queryable) => {
    const original = target.query;
    target.query = function wrapped(this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text: string; values?: unknown[]; submit?: unknown };
      // A submittable (COPY stream, cursor) is returned as is: it is not a query to time.
      if (typeof first === 'object' && typeof first.submit === 'function') return original.apply(this, args);
      return timed(this, args, first);
    };
    const timed = (self: unknown, args: unknown[], first: string | { text: string; values?: unknown[] }) => {
      const text = typeof first === 'string' ? first : first.text;
      // Drizzle passes (config, params) to node-postgres and (text, params, options) to PGlite.
      const params = (Array.isArray(args[1]) ? args[1] : typeof first === 'string' ? undefined : first.values) as unknown[] | undefined;
      const t = performance.now();
      const record = (res: unknown) => {
        captured.push({ text, params: params ?? [], ms: performance.now() - t, rows: (res as { rows?: unknown[] } | undefined)?.rows?.length ?? 0 });
      };
      // pg's Pool.query hands its connection a callback: time until the callback, not the return.
      const cb = args.at(-1);
      if (typeof cb === 'function') {
        const rest = args.slice(0, -1);
        return original.apply(self, [...rest, (err: unknown, res: unknown) => { if (!err) record(res); cb(err, res); }]);
      }
      return (original.apply(self, args) as Promise<unknown>).then((res) => { record(res); return res; });
    };
    return () => { target.query = original; };
  };
  // node-postgres: every query, pooled or in a transaction, runs on a connection; wrap each connection
  // once (wrapping the pool too would count every pooled query twice). Pool.query calls connect with a
  // callback, transactions without one: keep both forms. PGlite has no connections: wrap the client.
  const connect = client.connect;
  const wrapped = new WeakSet<Queryable>();
  const seen = (conn: Queryable | undefined) => { if (conn && !wrapped.has(conn)) { wrapped.add(conn); wrap(conn); } };
  const unwrapClient = connect ? () => {} : wrap(client);
  if (connect) {
    client.connect = function connectWrapped(this: unknown, ...args: unknown[]) {
      const cb = args[0] as ((err: Error | undefined, conn: Queryable | undefined, release: unknown) => void) | undefined;
      if (typeof cb === 'function') {
        return (connect as (cb: unknown) => unknown).call(this, (err: Error | undefined, conn: Queryable | undefined, release: unknown) => { seen(conn); cb(err, conn, release); });
      }
      return (connect.apply(this) as Promise<Queryable>).then((conn) => { seen(conn); return conn; });
    } as typeof connect;
  }
  return {
    take() { const out = captured; captured = []; return out; },
    restore() { unwrapClient(); if (connect) client.connect = connect; },
  };
}

/** Calls an endpoint in process and returns its queries, heaviest first. */
export async function heaviestQueries(app: FastifyInstance, capture: ReturnType<typeof captureQueries>, url: string, cookie: string, before?: () => Promise<unknown>): Promise<CapturedQuery[]> {
  await app.inject({ method: 'GET', url, headers: { cookie } }); // warm caches as the timed runs had
  await before?.(); // e.g. a write, so that an answer kept until the next write is computed again
  capture.take();
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}：${res.body.slice(0, 300)}`);
  return capture.take().sort((a, b) => b.ms - a.ms);
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured query, with its parameters. */
export async function explain(database: Database, q: CapturedQuery): Promise<string> {
  const client = (database.db as unknown as { $client: { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, string>[] }> } }).$client;
  const res = await client.query(`explain (analyze, buffers) ${q.text}`, q.params);
  return res.rows.map((r) => Object.values(r)[0]).join('\n');
}

/** Sequential scans of big tables in a plan (the ones an index or an aggregate should remove). */
export function scansIn(plan: string): string[] {
  return [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
}
