import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckIn } from '@duikou/contracts';
import { checkInApi } from '../../api/attendance.endpoints';
import {
  enqueue, flushQueue, markResent, queueOf, QUEUE_KEY, removeQueued, resentIds, RESENT_KEY, type FlushResult, type PendingCheckIn, type QueuedCheckIn,
} from './check-in-queue';

const SEND_TIMEOUT_MS = 15_000;

/** POST /api/check-ins with a time limit: a hanging request on a bad network counts as offline. */
export async function sendCheckIn(body: Parameters<typeof checkInApi.create>[0]): Promise<CheckIn> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
  try {
    return await checkInApi.create(body, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The account's offline queue as React state: sends it on mount, when the browser comes back online
 * and on demand; one run at a time. `onFlushed` hears each run that sent or refused something;
 * `resent` holds the client ids that reached the server from the queue (shown as 补传).
 */
export function useCheckInQueue(user: string, onFlushed: (r: FlushResult) => void) {
  const [items, setItems] = useState<QueuedCheckIn[]>(() => queueOf(localStorage, user));
  const [resent, setResent] = useState<Set<string>>(() => resentIds(localStorage, user));
  const [flushing, setFlushing] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const running = useRef(false);
  const listener = useRef(onFlushed);
  listener.current = onFlushed;

  const refresh = useCallback(() => {
    setItems(queueOf(localStorage, user));
    setResent(resentIds(localStorage, user));
  }, [user]);

  const flush = useCallback(async (): Promise<FlushResult | null> => {
    if (running.current) return null;
    if (queueOf(localStorage, user).length === 0) return null;
    running.current = true;
    setFlushing(true);
    try {
      const r = await flushQueue({ store: localStorage, user, send: sendCheckIn });
      markResent(localStorage, user, r.sent.map((c) => c.clientId));
      if (r.sent.length || r.refused.length) listener.current(r);
      return r;
    } finally {
      running.current = false;
      setFlushing(false);
      refresh();
    }
  }, [user, refresh]);

  const add = useCallback((p: PendingCheckIn) => {
    const q = enqueue(localStorage, p);
    refresh();
    return q;
  }, [refresh]);

  const remove = useCallback((clientId: string) => {
    removeQueued(localStorage, clientId);
    refresh();
  }, [refresh]);

  /** A queued tap that got through outside a flush (e.g. resent with 外勤事由): out of the queue, marked 补传. */
  const delivered = useCallback((clientId: string) => {
    if (!queueOf(localStorage, user).some((i) => i.clientId === clientId)) return;
    removeQueued(localStorage, clientId);
    markResent(localStorage, user, [clientId]);
    refresh();
  }, [user, refresh]);

  useEffect(() => {
    void flush();
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    const storage = (e: StorageEvent) => { if (e.key === QUEUE_KEY || e.key === RESENT_KEY) refresh(); };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    window.addEventListener('storage', storage);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('storage', storage);
    };
  }, [flush, refresh]);

  return { items, resent, flushing, online, flush, add, remove, delivered, refresh };
}
