import type { CheckIn, CheckInCreate } from '@duikou/contracts';
import { ApiError, errorMessage } from '../../api/http-client';

/**
 * The offline queue of the check-in page. A tap that cannot reach the server is kept in localStorage
 * with its client id and the time of the tap; it is sent again (same clientId, same `at`) when the
 * browser comes back online, when the page loads and on 重新发送. The server records a client id once,
 * so 201 (new) and 200 (already recorded) both mean the check-in is safe and it leaves the queue.
 * Pure apart from the storage passed in, so it can be tested without a browser.
 */

export const QUEUE_KEY = 'duikou.checkin.queue';

export interface QueuedCheckIn {
  clientId: string;
  kind: 'in' | 'out';
  /** The phone's time of the tap, ISO 8601 with offset; kept as it was. */
  at: string;
  lat?: number;
  lng?: number;
  accuracyM?: number;
  fieldReason?: string;
  /** The account that tapped: another account signing in on the same phone must not send it. */
  user: string;
  queuedAt: string;
  attempts: number;
  /** The server's refusal of the last attempt (a 4xx), shown next to the item. */
  error?: string;
  /** The field the refusal names; `fieldReason` means 外勤事由 is needed. */
  errorField?: string;
}

/** What a tap produces before it is sent; queued as it is when offline. */
export type PendingCheckIn = Omit<QueuedCheckIn, 'queuedAt' | 'attempts' | 'error' | 'errorField'>;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const isItem = (v: unknown): v is QueuedCheckIn => {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.clientId === 'string' && (o.kind === 'in' || o.kind === 'out') && typeof o.at === 'string' && typeof o.user === 'string';
};

/** The whole queue (all accounts); a damaged entry is dropped rather than blocking the page. */
export function readQueue(store: Store): QueuedCheckIn[] {
  try {
    const raw = store.getItem(QUEUE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isItem).map((i) => ({ ...i, attempts: typeof i.attempts === 'number' ? i.attempts : 0 })) : [];
  } catch {
    return [];
  }
}

export function writeQueue(store: Store, items: readonly QueuedCheckIn[]): void {
  store.setItem(QUEUE_KEY, JSON.stringify(items));
}

/** The queued check-ins of one account, oldest tap first. */
export const queueOf = (store: Store, user: string): QueuedCheckIn[] =>
  readQueue(store).filter((i) => i.user === user).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** Adds a check-in (once per client id: queuing the same tap again keeps the first entry's time and location). */
export function enqueue(store: Store, item: PendingCheckIn, now: Date = new Date()): QueuedCheckIn {
  const items = readQueue(store);
  const existing = items.find((i) => i.clientId === item.clientId);
  if (existing) {
    if (item.fieldReason && !existing.fieldReason) {
      existing.fieldReason = item.fieldReason;
      writeQueue(store, items);
    }
    return existing;
  }
  const queued: QueuedCheckIn = { ...item, queuedAt: now.toISOString(), attempts: 0 };
  writeQueue(store, [...items, queued]);
  return queued;
}

export function removeQueued(store: Store, clientId: string): void {
  writeQueue(store, readQueue(store).filter((i) => i.clientId !== clientId));
}

export function updateQueued(store: Store, clientId: string, patch: Partial<Omit<QueuedCheckIn, 'clientId' | 'at' | 'kind' | 'user'>>): void {
  writeQueue(store, readQueue(store).map((i) => (i.clientId === clientId ? { ...i, ...patch } : i)));
}

/** The request body: the same clientId and `at` as the original tap. */
export function toRequestBody(i: PendingCheckIn): CheckInCreate {
  const body: CheckInCreate = { clientId: i.clientId, kind: i.kind, at: i.at };
  if (i.lat !== undefined && i.lng !== undefined) {
    body.lat = i.lat;
    body.lng = i.lng;
    if (i.accuracyM !== undefined) body.accuracyM = i.accuracyM;
  }
  if (i.fieldReason) body.fieldReason = i.fieldReason;
  return body;
}

/**
 * Could not reach the server (so: keep and retry), as opposed to an answer of the server: fetch's
 * TypeError, an aborted (timed-out) request, the browser being offline, or a 5xx / gateway error.
 */
export function isNetworkError(e: unknown, online: boolean = typeof navigator === 'undefined' ? true : navigator.onLine): boolean {
  if (e instanceof ApiError) return e.status >= 500 || e.status === 0;
  if (!online) return true;
  if (e instanceof TypeError) return true;
  return e instanceof DOMException && (e.name === 'AbortError' || e.name === 'TimeoutError' || e.name === 'NetworkError');
}

/** 8–64 letters, digits, - or _ (the API's rule): a UUID when the browser has one, else random hex. */
export function newClientId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch { /* insecure context */ }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');

/** `2026-11-23T08:31:05.120+08:00`: the phone's local time with its offset (China: +08:00). */
export function isoWithOffset(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
    + `${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

export interface FlushResult {
  /** Recorded by the server: new (201) or already there (200, `duplicate`). */
  sent: CheckIn[];
  /** Refused by the server (kept in the queue with the message). */
  refused: { item: QueuedCheckIn; message: string; field?: string }[];
  /** The network failed on the way: the rest stays queued for the next try. */
  offline: boolean;
  remaining: QueuedCheckIn[];
}

/**
 * Sends the account's queued check-ins, oldest first. A server answer 200/201 removes the item; a
 * refusal (4xx) keeps it with the error; a network failure stops the run and keeps everything left.
 */
export async function flushQueue(opts: {
  store: Store;
  user: string;
  send: (body: CheckInCreate) => Promise<CheckIn>;
  online?: () => boolean;
}): Promise<FlushResult> {
  const { store, user, send } = opts;
  const online = opts.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const result: FlushResult = { sent: [], refused: [], offline: false, remaining: [] };
  for (const item of queueOf(store, user)) {
    if (!online()) {
      result.offline = true;
      break;
    }
    try {
      const recorded = await send(toRequestBody(item));
      removeQueued(store, item.clientId);
      result.sent.push(recorded);
    } catch (e) {
      if (isNetworkError(e, online())) {
        updateQueued(store, item.clientId, { attempts: item.attempts + 1 });
        result.offline = true;
        break;
      }
      const message = errorMessage(e);
      const field = e instanceof ApiError ? e.field : undefined;
      updateQueued(store, item.clientId, { attempts: item.attempts + 1, error: message, errorField: field });
      result.refused.push({ item, message, ...(field ? { field } : {}) });
    }
  }
  result.remaining = queueOf(store, user);
  return result;
}

/** Check-ins that reached the server from the queue (补传), by client id → when; kept 40 days to mark them in the day's list. */
export const RESENT_KEY = 'duikou.checkin.resent';
const RESENT_KEEP_MS = 40 * 86_400_000;

type Resent = Record<string, { user: string; sentAt: string }>;

function readResent(store: Store): Resent {
  try {
    const parsed: unknown = JSON.parse(store.getItem(RESENT_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Resent) : {};
  } catch {
    return {};
  }
}

/** Remembers that these check-ins were sent from the queue (old entries are dropped). */
export function markResent(store: Store, user: string, clientIds: readonly string[], now: Date = new Date()): void {
  if (clientIds.length === 0) return;
  const kept = Object.entries(readResent(store)).filter(([, v]) => now.getTime() - Date.parse(v.sentAt) < RESENT_KEEP_MS);
  const next: Resent = Object.fromEntries(kept);
  for (const id of clientIds) next[id] = { user, sentAt: now.toISOString() };
  store.setItem(RESENT_KEY, JSON.stringify(next));
}

/** The account's client ids that were sent from the queue. */
export const resentIds = (store: Store, user: string): Set<string> =>
  new Set(Object.entries(readResent(store)).filter(([, v]) => v.user === user).map(([k]) => k));
