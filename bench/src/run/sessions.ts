import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@duikou/db';
import { copyLine, copyRows, rawSqlOf } from '../generate/bulk-insert.js';

/**
 * Opens sessions for bench accounts the way a login does (a random token in the cookie, its SHA-256
 * in `sessions`), without 10,000 argon2 verifications first: the load measures check-ins, not logins.
 * Returns the cookie header of each username, in the order asked.
 */
export async function openSessions(database: Database, usernames: readonly string[], userAgent = 'duikou-bench'): Promise<string[]> {
  const ids = new Map((await rawSqlOf(database).query<{ id: string; username: string }>('select id, username from users where username = any($1::text[])', [usernames]))
    .rows.map((r) => [r.username, r.id]));
  const cookies: string[] = [];
  const lines: string[] = [];
  const now = new Date().toISOString();
  for (const username of usernames) {
    const id = ids.get(username);
    if (!id) throw new Error(`压测账号 ${username} 不存在：请先生成数据`);
    const token = randomBytes(32).toString('base64url');
    lines.push(copyLine([createHash('sha256').update(token).digest('hex'), id, now, now, '127.0.0.1', userAgent]));
    cookies.push(`duikou_sid=${token}`);
  }
  await copyRows(database, 'sessions', [
    { name: 'token_hash', type: 'text' }, { name: 'user_id', type: 'uuid' }, { name: 'created_at', type: 'timestamptz' }, { name: 'last_seen_at', type: 'timestamptz' },
    { name: 'ip', type: 'text' }, { name: 'user_agent', type: 'text' },
  ], lines.join(''));
  return cookies;
}
