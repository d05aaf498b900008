import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSec: number; p50Ms: number; p99Ms: number; maxMs: number; total: number; non2xx: number; errors: number; timeouts: number;
}
export interface Tapper { cookie?: string; lat: number; lng: number }

/**
 * Posts check-ins for `durationS` seconds on `connections` connections, each request a new tap
 * (fresh client id, the time of sending, a point inside the recipient's fence) of the next account in
 * turn, in and out alternately: what staff phones send at the morning peak.
 */
export async function loadCheckIns(url: string, path: string, tappers: readonly Tapper[], opts: { connections: number; durationS: number }): Promise<LoadResult> {
  let n = 0;
  const prefix = randomBytes(4).toString('hex');
  const result = await autocannon({
    url, connections: opts.connections, duration: opts.durationS, timeout: 10,
    requests: [{
      method: 'POST', path,
      setupRequest: (req) => {
        const i = n++;
        const t = tappers[i % tappers.length]!;
        const body = JSON.stringify({
          clientId: `b${prefix}${i.toString(36).padStart(8, '0')}`, kind: Math.floor(i / tappers.length) % 2 === 0 ? 'in' : 'out', at: new Date().toISOString(),
          lat: t.lat + 0.0005, lng: t.lng, accuracyM: 20,
        });
        return { ...req, body, headers: { ...req.headers, 'content-type': 'application/json', ...(t.cookie ? { cookie: t.cookie } : {}) } };
      },
    }],
  });
  return {
    requestsPerSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max,
    total: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
  };
}

/** One check-in of the next account in turn per call (a real, audited tap through the product); throws on refusal. */
export function checkInOnce(url: string, tappers: readonly Tapper[]): () => Promise<void> {
  let n = 0;
  const prefix = randomBytes(4).toString('hex');
  return async () => {
    const i = n++;
    const t = tappers[i % tappers.length]!;
    const res = await fetch(`${url}/api/check-ins`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(t.cookie ? { cookie: t.cookie } : {}) },
      body: JSON.stringify({ clientId: `d${prefix}${i.toString(36).padStart(8, '0')}`, kind: 'in', at: new Date().toISOString(), lat: t.lat + 0.0005, lng: t.lng, accuracyM: 20 }),
    });
    if (res.status !== 201 && res.status !== 200) throw new Error(`打卡 ${res.status}：${(await res.text()).slice(0, 200)}`);
  };
}
