import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@duikou/db';
import type { Dashboard } from '@duikou/contracts';

/**
 * The dashboards of one API process, each kept with the database's write version: the id of the last
 * audit event. Every write of the product records one in its own transaction, so an answer computed
 * at version v is exact while the version is still v (DECISIONS 23). Offices opening the same
 * dashboard at the same time, or refreshing it, share one computation; any write anywhere recomputes.
 */
const MAX_ENTRIES = 500;
interface Entry { version: string; value: Dashboard }
const caches = new WeakMap<Db, Map<string, Entry>>();

/** The database's write version (an index-only read of the audit log's last id). */
export async function writeVersion(db: Db): Promise<string> {
  return String(rowsOf<{ v: string | null }>(await db.execute(sql`select max(id)::text as v from audit_events`))[0]?.v ?? '0');
}

export async function cachedDashboard(db: Db, key: string, compute: () => Promise<Dashboard>): Promise<Dashboard> {
  let cache = caches.get(db);
  if (!cache) { cache = new Map(); caches.set(db, cache); }
  const version = await writeVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = await compute();
  // Stored under the version read before computing: a write during the computation makes it stale at once.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { version, value });
  return value;
}
