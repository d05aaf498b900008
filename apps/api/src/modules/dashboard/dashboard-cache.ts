import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@duikou/db';

/**
 * The dashboards of one API process (DECISIONS 23–24). Every write of the product records an audit
 * event in its own transaction, so three ids of the audit log say what a kept answer has missed:
 *  - `all`: the last event of any kind. While it is unchanged the kept answer is exact.
 *  - `verdicts`: the last event that can change a verdict — every kind but check-ins, sign-ins,
 *    notifications and reminder runs.
 *  - `mine`: the caller's own last such event.
 * A kept answer is served with today's attendance counted afresh whenever the caller has written
 * nothing since it was computed: check-ins and other people's writes reach its verdicts and trends by
 * a background recomputation once they are a minute old (`refreshAfterMs`), so the morning's thousands
 * of check-ins never make an office wait for the whole area's verdicts. The caller's own write (an
 * approval made from the dashboard) is seen at once: the parts of the answer that the kinds of write
 * since it was computed can change are recomputed (`recompute`, DECISIONS 26), or all of it.
 */
export interface WriteVersions { all: string; verdicts: string; mine: string }

const VERDICT_WRITES = sql`entity_type not in ('check_in', 'session', 'notification', 'reminder_run')`;

/**
 * The three ids in one round trip (index probes; the last two on partial indexes, migration 0006).
 * Written as "the last row by id", not max(id): after a bulk write the statistics can believe a
 * partial index nearly empty, and max() was then planned as a scan of the whole index (the bench saw
 * 11 ms per view after importing 10,000 persons; it grows with the log). A backward scan stops at the first row.
 */
export async function writeVersions(db: Db, userId: string): Promise<WriteVersions> {
  const [row] = rowsOf<{ all: string | null; verdicts: string | null; mine: string | null }>(await db.execute(sql`select
    (select id from audit_events order by id desc limit 1)::text as all,
    (select id from audit_events where ${VERDICT_WRITES} order by id desc limit 1)::text as verdicts,
    (select id from audit_events where actor_user_id = ${userId} and ${VERDICT_WRITES} order by id desc limit 1)::text as mine`));
  return { all: row?.all ?? '0', verdicts: row?.verdicts ?? '0', mine: row?.mine ?? '0' };
}

/** A verdict write a kept answer has missed: its kind (the audit entity type) and the entity it names (null: none, or too many to list). */
export interface WrittenEntity { kind: string; id: string | null }

/** Past this many entities written since, only their kinds are told (the parts they change are then recomputed whole). */
const MAX_NAMED = 200;

/** The verdict writes after audit id `since`, once per entity. */
export async function writesSince(db: Db, since: string): Promise<WrittenEntity[]> {
  const named = rowsOf<{ kind: string; id: string | null }>(await db.execute(sql`
    select distinct entity_type as kind, entity_id as id from audit_events where id > ${since} and ${VERDICT_WRITES} limit ${MAX_NAMED + 1}`));
  if (named.length <= MAX_NAMED) return named;
  const kinds = rowsOf<{ kind: string }>(await db.execute(sql`select distinct entity_type as kind from audit_events where id > ${since} and ${VERDICT_WRITES}`));
  return kinds.map((k) => ({ kind: k.kind, id: null }));
}

const MAX_ENTRIES = 500;
interface Entry<T> {
  /** The last write `value` has seen (its today's figures included). */
  all: string;
  value: T;
  /** When, and up to which writes, the verdicts and trends were computed. */
  computedAt: number;
  computed: WriteVersions;
  /** When the answer was last computed whole (a refresh may recompute only what changed). */
  fullAt: number;
  refreshing: Promise<void> | null;
}
const caches = new WeakMap<Db, Map<string, Entry<unknown>>>();

export interface CacheOptions<T> {
  /** The caller, whose own writes are always seen. */
  userId: string;
  /** Computes the whole answer afresh. */
  compute: () => Promise<T>;
  /** The kept answer with today's live figures; null when it cannot be brought up to date that way. */
  withToday: (kept: T) => Promise<T | null>;
  /**
   * The kept answer with what these writes can change recomputed (and today's live figures); null
   * when they can change everything: then it is computed afresh.
   */
  recompute: (kept: T, writes: readonly WrittenEntity[]) => Promise<T | null>;
  /**
   * The kept answer brought up to date in the background: what these writes and check-ins can change
   * recomputed, the rest kept; null when it must be computed afresh.
   */
  refresh: (kept: T, writes: readonly WrittenEntity[]) => Promise<T | null>;
  /** How old kept verdicts may grow, while writes they have not seen come in, before a background refresh. */
  refreshAfterMs: number;
  now: () => number;
  onRefreshError: (err: unknown) => void;
}

function cacheOf(db: Db): Map<string, Entry<unknown>> {
  let cache = caches.get(db);
  if (!cache) { cache = new Map(); caches.set(db, cache); }
  return cache;
}

const newer = (a: string, b: string) => BigInt(a) > BigInt(b);

/** Computes afresh, stored under the versions read before computing: a write meanwhile is not counted as seen. */
async function computeAndStore<T>(db: Db, cache: Map<string, Entry<unknown>>, key: string, o: CacheOptions<T>, versions?: WriteVersions): Promise<T> {
  const v = versions ?? await writeVersions(db, o.userId);
  const computedAt = o.now();
  const value = await o.compute();
  if (!cache.has(key) && cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { all: v.all, value, computedAt, computed: v, fullAt: computedAt, refreshing: null } satisfies Entry<T> as Entry<unknown>);
  return value;
}

/** Brings a kept answer up to date by what changed since (or afresh when that cannot be told), stored under the versions read before. */
async function refreshAndStore<T>(db: Db, cache: Map<string, Entry<unknown>>, key: string, o: CacheOptions<T>, hit: Entry<T>): Promise<void> {
  const v = await writeVersions(db, o.userId);
  const computedAt = o.now();
  const from = hit.computed;
  const value = await o.refresh(hit.value, await writesSince(db, from.verdicts));
  if (value === null) {
    await computeAndStore(db, cache, key, o, v);
    return;
  }
  // Stored only if nothing changed the entry meanwhile: neither replaced nor brought up to date in place
  // by an own write's recompute (whose answer has that write; this one may not).
  if (cache.get(key) !== hit || hit.computed !== from) return;
  cache.set(key, { all: v.all, value, computedAt, computed: v, fullAt: hit.fullAt, refreshing: null } satisfies Entry<T> as Entry<unknown>);
}

/**
 * Verdicts behind the writes served with them, and older than allowed: brought up to date in the
 * background, by what the writes since and the check-ins can change (DECISIONS 35). Once the last
 * whole computation is `EXACT_MAX_AGE` old the answer is computed whole, even one that looks exact:
 * audit ids are handed out at insert and committed in any order, so a write that committed late under
 * a lower id than one already seen would otherwise be missed until the next write.
 */
function refreshIfDue<T>(db: Db, cache: Map<string, Entry<unknown>>, key: string, o: CacheOptions<T>, hit: Entry<T>): void {
  const age = o.now() - hit.computedAt;
  const whole = o.now() - hit.fullAt >= EXACT_MAX_AGE * o.refreshAfterMs;
  const behind = hit.computed.all !== hit.all;
  // A whole computation is due at once; a refresh of what changed once the verdicts are a minute behind.
  if (hit.refreshing || (!whole && (age < o.refreshAfterMs || !behind))) return;
  hit.refreshing = (whole ? computeAndStore(db, cache, key, o) : refreshAndStore(db, cache, key, o, hit)).then(() => undefined, (err: unknown) => {
    // Not served again: the next view computes in the open and shows its error (a 403 if the area
    // moved out of the caller's scope), instead of an old answer and a refresh failing each time.
    if (cache.get(key) === hit) cache.delete(key);
    o.onRefreshError(err);
  });
}
/** An exact-looking answer is recomputed after this many refresh intervals. */
const EXACT_MAX_AGE = 5;

export async function cachedDashboard<T>(db: Db, key: string, o: CacheOptions<T>): Promise<T> {
  const cache = cacheOf(db);
  const v = await writeVersions(db, o.userId);
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && hit.all === v.all) {
    refreshIfDue(db, cache, key, o, hit);
    return hit.value;
  }
  if (hit && !newer(v.mine, hit.computed.verdicts)) {
    const value = await o.withToday(hit.value);
    if (value !== null) {
      // Kept only if no refresh replaced the entry meanwhile (a refresh's answer is the newer one).
      if (cache.get(key) === hit) { hit.value = value; hit.all = v.all; }
      refreshIfDue(db, cache, key, o, hit);
      return value;
    }
  } else if (hit) {
    // The caller wrote since: what the writes since can change is recomputed. The others were
    // exact for those writes, so the answer counts every verdict write up to `v`; check-ins the kept
    // parts have missed still reach them by the refresh, as its age and `computed.all` are kept.
    const value = await o.recompute(hit.value, await writesSince(db, hit.computed.verdicts));
    if (value !== null) {
      if (cache.get(key) === hit) { hit.value = value; hit.all = v.all; hit.computed = { ...hit.computed, verdicts: v.verdicts, mine: v.mine }; }
      refreshIfDue(db, cache, key, o, hit);
      return value;
    }
  }
  return computeAndStore(db, cache, key, o, v);
}

/** Waits for the background refreshes under way (tests). */
export async function settleRefreshes(db: Db): Promise<void> {
  await Promise.all([...(caches.get(db)?.values() ?? [])].map((e) => e.refreshing));
}
