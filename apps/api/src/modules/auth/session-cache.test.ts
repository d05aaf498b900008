import type { Db } from '@duikou/db';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from './auth.repository.js';
import { SESSION_CACHE_MS, forgetSession, forgetUserSessions, getCachedSession, putCachedSession } from './session-cache.js';

const session = (id: string) => ({ id, username: id, lastSeenAt: new Date(), createdAt: new Date() }) as unknown as SessionUser;
const newDb = () => ({}) as unknown as Db;

describe('session cache', () => {
  it(`trusts a session it read for ${SESSION_CACHE_MS} ms, then reads it again`, () => {
    const db = newDb();
    putCachedSession(db, 'h1', session('u1'), 1_000, 1_000);
    expect(getCachedSession(db, 'h1', 1_000 + SESSION_CACHE_MS)?.id).toBe('u1');
    expect(getCachedSession(db, 'h1', 1_001 + SESSION_CACHE_MS)).toBeUndefined();
    // Once expired the entry is gone, even for an earlier clock reading.
    expect(getCachedSession(db, 'h1', 1_000)).toBeUndefined();
  });

  it('forgets a logged-out session and all other sessions of a user whose password changed', () => {
    const db = newDb();
    putCachedSession(db, 'a', session('u1'), 0, 0);
    putCachedSession(db, 'b', session('u1'), 0, 0);
    putCachedSession(db, 'c', session('u2'), 0, 0);
    forgetSession(db, 'c');
    expect(getCachedSession(db, 'c', 1)).toBeUndefined();
    forgetUserSessions(db, 'u1', 'a');
    expect(getCachedSession(db, 'a', 1)?.id).toBe('u1');
    expect(getCachedSession(db, 'b', 1)).toBeUndefined();
  });

  it('keeps the sessions of two databases apart', () => {
    const one = newDb();
    const two = newDb();
    putCachedSession(one, 'same', session('u1'), 0, 0);
    expect(getCachedSession(two, 'same', 1)).toBeUndefined();
  });

  it('does not bring back a session revoked while a request was reading it', () => {
    const db = newDb();
    // A request starts reading the session at t=10; the user logs out at t=12; the read answers at t=15.
    forgetSession(db, 'h', 12);
    putCachedSession(db, 'h', session('u1'), 10, 15);
    expect(getCachedSession(db, 'h', 16)).toBeUndefined();
    // A read that started after the logout is a fresh row (a new login would have a new token anyway).
    putCachedSession(db, 'h', session('u1'), 13, 15);
    expect(getCachedSession(db, 'h', 16)?.id).toBe('u1');
    // Same for a password change: other sessions of the user read before it are not cached.
    forgetUserSessions(db, 'u2', undefined, 20);
    putCachedSession(db, 'x', session('u2'), 19, 21);
    expect(getCachedSession(db, 'x', 22)).toBeUndefined();
  });
});

