import type { Db } from '@duikou/db';
import type { SessionUser } from './auth.repository.js';

/**
 * How long one API process trusts a session row it has read. Every request used to read the session
 * from the database; under the morning check-in peak that read was one of the round trips a check-in
 * paid for (DECISIONS 20). A logout or password change on this process takes effect at once; on
 * another node of a cluster a revoked session lives at most this long.
 */
export const SESSION_CACHE_MS = 5_000;
/** Bounded memory: a province's whole morning of sessions fits; past it the oldest entries go first. */
const MAX_ENTRIES = 100_000;

interface Entry { session: SessionUser; readAt: number }
/** Sessions and users revoked lately, with when: a read that started before it must not be cached. */
const REVOCATIONS_KEPT_MS = 60_000;
interface Cache { entries: Map<string, Entry>; revokedTokens: Map<string, number>; revokedUsers: Map<string, number> }

/** One cache per database handle, so test apps on different databases never share sessions. */
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) { cache = { entries: new Map(), revokedTokens: new Map(), revokedUsers: new Map() }; caches.set(db, cache); }
  return cache;
}

/** The session row read less than SESSION_CACHE_MS ago, if any. */
export function getCachedSession(db: Db, tokenHash: string, nowMs = performance.now()): SessionUser | undefined {
  const { entries } = cacheOf(db);
  const e = entries.get(tokenHash);
  if (!e) return undefined;
  if (nowMs - e.readAt > SESSION_CACHE_MS) { entries.delete(tokenHash); return undefined; }
  return e.session;
}

/**
 * Caches a session row read from the database at `readStartedMs`, unless the session or its user was
 * revoked since that read began (a logout racing a request must not bring the session back).
 */
export function putCachedSession(db: Db, tokenHash: string, session: SessionUser, readStartedMs: number, nowMs = performance.now()): void {
  const { entries, revokedTokens, revokedUsers } = cacheOf(db);
  if ((revokedTokens.get(tokenHash) ?? -Infinity) >= readStartedMs || (revokedUsers.get(session.id) ?? -Infinity) >= readStartedMs) return;
  if (entries.size >= MAX_ENTRIES) {
    // Map keeps insertion order: drop the oldest tenth at once rather than one entry per insert.
    let n = Math.ceil(MAX_ENTRIES / 10);
    for (const k of entries.keys()) { entries.delete(k); if (--n === 0) break; }
  }
  entries.delete(tokenHash);
  entries.set(tokenHash, { session, readAt: nowMs });
}

function prune(revoked: Map<string, number>, nowMs: number): void {
  for (const [k, at] of revoked) if (nowMs - at > REVOCATIONS_KEPT_MS) revoked.delete(k); else break;
}

export function forgetSession(db: Db, tokenHash: string, nowMs = performance.now()): void {
  const { entries, revokedTokens } = cacheOf(db);
  entries.delete(tokenHash);
  revokedTokens.delete(tokenHash);
  revokedTokens.set(tokenHash, nowMs);
  prune(revokedTokens, nowMs);
}

/** Ends every cached session of a user (password change) except, optionally, the current one. */
export function forgetUserSessions(db: Db, userId: string, keepTokenHash?: string, nowMs = performance.now()): void {
  const { entries, revokedUsers } = cacheOf(db);
  for (const [k, e] of entries) if (e.session.id === userId && k !== keepTokenHash) entries.delete(k);
  revokedUsers.delete(userId);
  revokedUsers.set(userId, nowMs);
  prune(revokedUsers, nowMs);
}
