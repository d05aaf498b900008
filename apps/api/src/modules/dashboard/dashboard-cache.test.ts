import { sql } from 'drizzle-orm';
import { rowsOf } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { cachedDashboard, settleRefreshes, type CacheOptions } from './dashboard-cache.js';

const MINUTE = 60_000;

describe('dashboard cache', () => {
  let t: TestApp;
  let now = 0;
  let computed = 0;
  let fail = false;
  /** What `recompute` was asked, and whether it may answer (null: everything must be computed). */
  const recomputed: string[][] = [];
  /** What the background `refresh` was asked. */
  const refreshed: string[][] = [];
  let partial = true;
  /** While set, a background refresh waits for it (to interleave an own write with it). */
  let gate: Promise<void> | null = null;
  beforeAll(async () => { t = await createTestApp('pglite'); });
  afterAll(async () => { await t?.close(); });

  const options = (userId = '00000000-0000-4000-8000-000000000001'): CacheOptions<number> => ({
    userId,
    compute: async () => {
      if (fail) throw new Error('compute failed');
      return ++computed;
    },
    withToday: async (kept) => kept,
    recompute: async (kept, writes) => {
      recomputed.push([...new Set(writes.map((w) => w.kind))].sort());
      return partial ? kept + 0.5 : null;
    },
    refresh: async (kept, writes) => {
      if (gate) await gate;
      if (fail) throw new Error('refresh failed');
      refreshed.push([...new Set(writes.map((w) => w.kind))].sort());
      return partial ? kept + 0.25 : null;
    },
    refreshAfterMs: MINUTE,
    now: () => now,
    onRefreshError: () => {},
  });
  const get = (key: string, o = options()) => cachedDashboard(t.database.db, key, o);
  const write = (entityType: string, actor: string | null = null) =>
    t.database.db.execute(sql`insert into audit_events (action, entity_type, summary, actor_user_id) values ('update', ${entityType}, 'test', ${actor})`);

  it('serves a kept answer while nothing is written, and after check-ins until it is a minute behind', async () => {
    expect(await get('a')).toBe(1);
    expect(await get('a')).toBe(1);
    await write('check_in');
    now += MINUTE - 1;
    expect(await get('a')).toBe(1);
    now += 1;
    expect(await get('a')).toBe(1); // served at once; the refresh runs behind it
    await settleRefreshes(t.database.db);
    // Brought up to date by what changed: check-ins are no verdict writes, so no kind is named.
    expect(await get('a')).toBe(1.25);
    expect(refreshed.at(-1)).toEqual([]);
  });

  it('computes an answer whole once its last whole computation is five refresh intervals old, even one that looks exact (ids commit out of order)', async () => {
    expect(await get('a')).toBe(1.25);
    now += 4 * MINUTE - 1;
    expect(await get('a')).toBe(1.25);
    now += 1;
    await get('a');
    await settleRefreshes(t.database.db);
    expect(await get('a')).toBe(2);
  });

  it('refreshes by what changed, naming the others\' writes since; computes whole when those can change everything', async () => {
    await write('agreement');
    now += MINUTE;
    await get('a');
    await settleRefreshes(t.database.db);
    expect(await get('a')).toBe(2.25);
    expect(refreshed.at(-1)).toEqual(['agreement']);
    partial = false;
    await write('programme');
    now += MINUTE;
    await get('a');
    await settleRefreshes(t.database.db);
    expect(await get('a')).toBe(3);
    partial = true;
  });

  it('drops an answer whose background refresh failed: the next view computes in the open and shows the error', async () => {
    await write('check_in');
    now += MINUTE;
    fail = true;
    expect(await get('a')).toBe(3);
    await settleRefreshes(t.database.db);
    await expect(get('a')).rejects.toThrow('compute failed');
    fail = false;
    expect(await get('a')).toBe(4);
  });

  it("recomputes, after the caller's own write, what the kinds written since the answer can change", async () => {
    const [me] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from users order by username limit 1`));
    const mine = options(me!.id);
    const kept = await get('b', mine);
    await write('agreement'); // someone else's
    await write('check_in', me!.id); // not a verdict write
    await write('leave', me!.id);
    // The kinds since the answer was computed, the others' included; not the check-in.
    expect(await get('b', mine)).toBe(kept + 0.5);
    expect(recomputed.at(-1)).toEqual(['agreement', 'leave']);
    // Seen: served as kept until the next own write, which asks for its kind only.
    expect(await get('b', mine)).toBe(kept + 0.5);
    await write('spot_check', me!.id);
    expect(await get('b', mine)).toBe(kept + 1);
    expect(recomputed.at(-1)).toEqual(['spot_check']);
    // A kind every part reads: computed afresh.
    partial = false;
    await write('pairing', me!.id);
    expect(await get('b', mine)).toBe(computed);
    expect(recomputed.at(-1)).toEqual(['pairing']);
    partial = true;
  });
  it("does not store a background refresh over the caller's own write made while it ran", async () => {
    const [me] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from users order by username limit 1`));
    const mine = options(me!.id);
    const kept = await get('c', mine);
    await write('check_in');
    now += MINUTE;
    let open = () => {};
    gate = new Promise((resolve) => { open = resolve; });
    expect(await get('c', mine)).toBe(kept); // the refresh starts and waits
    await write('leave', me!.id);
    const own = await get('c', mine); // the own write, recomputed in place
    expect(own).toBe(kept + 0.5);
    open();
    gate = null;
    await settleRefreshes(t.database.db);
    expect(await get('c', mine)).toBe(own);
  });
});
