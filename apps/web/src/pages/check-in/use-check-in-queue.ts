import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckIn } from '@duikou/contracts';
import { checkInApi } from '../../api/attendance.endpoints';
import { enqueue, flushQueue, queueOf, QUEUE_KEY, removeQueued, type FlushResult, type PendingCheckIn, type QueuedCheckIn } from './check-in-queue';

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
 * and on demand; one run at a time. `onFlushed` hears each run that sent or refused something.
 */
export function useCheckInQueue(user: string, onFlushed: (r: FlushResult) => void) {
  const [items, setItems] = useState<QueuedCheckIn[]>(() => queueOf(localStorage, user));
  const [flushing, setFlushing] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const running = useRef(false);
  const listener = useRef(onFlushed);
  listener.current = onFlushed;

  const refresh = useCallback(() => setItems(queueOf(localStorage, user)), [user]);

  const flush = useCallback(async (): Promise<FlushResult | null> => {
    if (running.current) return null;
    if (queueOf(localStorage, user).length === 0) return null;
    running.current = true;
    setFlushing(true);
    try {
      const r = await flushQueue({ store: localStorage, user, send: sendCheckIn });
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

  useEffect(() => {
    void flush();
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    const storage = (e: StorageEvent) => { if (e.key === QUEUE_KEY) refresh(); };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    window.addEventListener('storage', storage);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('storage', storage);
    };
  }, [flush, refresh]);

  return { items, flushing, online, flush, add, remove, refresh };
}
