import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckIn, CheckInCreate } from '@duikou/contracts';
import { ApiError } from '../../api/http-client';
import {
  enqueue, flushQueue, isNetworkError, isoWithOffset, markResent, newClientId, queueOf, QUEUE_KEY, readQueue, removeQueued, RESENT_KEY, resentIds, toRequestBody,
  type PendingCheckIn,
} from './check-in-queue';

const tap = (over: Partial<PendingCheckIn> = {}): PendingCheckIn => ({
  clientId: newClientId(), kind: 'in', at: '2026-11-23T08:31:05.120+08:00', lat: 25.53, lng: 102.4, accuracyM: 20, user: 'cx-staff', ...over,
});

const recorded = (body: CheckInCreate, duplicate: boolean): CheckIn => ({
  id: `id-${body.clientId}`, clientId: body.clientId, assignmentId: 'a1', kind: body.kind, at: new Date(body.at).toISOString(), date: '2026-11-23',
  receivedAt: new Date().toISOString(), lat: body.lat ?? null, lng: body.lng ?? null, distanceM: 12, fence: 'inside', fieldReason: null, sentLate: false, duplicate,
});

describe('check-in queue', () => {
  beforeEach(() => localStorage.clear());

  it('persists queued check-ins in localStorage under duikou.checkin.queue, once per client id', () => {
    const a = tap();
    enqueue(localStorage, a, new Date('2026-11-23T00:31:06Z'));
    enqueue(localStorage, { ...a, at: '2026-11-23T09:00:00.000+08:00' }); // the same tap queued twice keeps the first time
    const raw = JSON.parse(localStorage.getItem(QUEUE_KEY)!) as unknown[];
    expect(raw).toHaveLength(1);
    expect(readQueue(localStorage)[0]).toMatchObject({ clientId: a.clientId, at: a.at, lat: 25.53, lng: 102.4, user: 'cx-staff', attempts: 0, queuedAt: '2026-11-23T00:31:06.000Z' });
  });

  it('survives damaged storage', () => {
    localStorage.setItem(QUEUE_KEY, '{not json');
    expect(readQueue(localStorage)).toEqual([]);
    localStorage.setItem(QUEUE_KEY, JSON.stringify([{ clientId: 'x' }, { ...tap(), attempts: 2 }]));
    expect(readQueue(localStorage)).toHaveLength(1);
  });

  it('resends with the same clientId and the original at and location, and removes what the server recorded (201)', async () => {
    const a = tap({ kind: 'in', at: '2026-11-23T08:31:05.120+08:00' });
    const b = tap({ kind: 'out', at: '2026-11-23T17:45:00.000+08:00', lat: undefined, lng: undefined, accuracyM: undefined });
    enqueue(localStorage, b);
    enqueue(localStorage, a);
    const send = vi.fn(async (body: CheckInCreate) => recorded(body, false));
    const r = await flushQueue({ store: localStorage, user: 'cx-staff', send, online: () => true });
    expect(send.mock.calls.map(([body]) => body)).toEqual([
      { clientId: a.clientId, kind: 'in', at: '2026-11-23T08:31:05.120+08:00', lat: 25.53, lng: 102.4, accuracyM: 20 },
      { clientId: b.clientId, kind: 'out', at: '2026-11-23T17:45:00.000+08:00' },
    ]);
    expect(r.sent.map((c) => c.clientId)).toEqual([a.clientId, b.clientId]);
    expect(r.remaining).toEqual([]);
    expect(readQueue(localStorage)).toEqual([]);
  });

  it('counts a duplicate (200, already recorded) as success', async () => {
    const a = tap();
    enqueue(localStorage, a);
    const r = await flushQueue({ store: localStorage, user: 'cx-staff', send: async (body) => recorded(body, true), online: () => true });
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]!.duplicate).toBe(true);
    expect(queueOf(localStorage, 'cx-staff')).toEqual([]);
  });

  it('keeps everything when the network fails, and stops at the first failure', async () => {
    enqueue(localStorage, tap({ at: '2026-11-23T08:00:00.000+08:00' }));
    enqueue(localStorage, tap({ at: '2026-11-23T09:00:00.000+08:00' }));
    const send = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    const r = await flushQueue({ store: localStorage, user: 'cx-staff', send, online: () => true });
    expect(send).toHaveBeenCalledTimes(1);
    expect(r.offline).toBe(true);
    expect(r.remaining).toHaveLength(2);
    expect(r.remaining[0]!.attempts).toBe(1);
    expect(r.remaining[0]!.error).toBeUndefined();
  });

  it('does not try while the browser is offline', async () => {
    enqueue(localStorage, tap());
    const send = vi.fn(async (body: CheckInCreate) => recorded(body, false));
    const r = await flushQueue({ store: localStorage, user: 'cx-staff', send, online: () => false });
    expect(send).not.toHaveBeenCalled();
    expect(r).toMatchObject({ offline: true, sent: [] });
    expect(r.remaining).toHaveLength(1);
  });

  it('keeps a check-in the server refuses (4xx) with its message and field, and goes on with the next', async () => {
    const outside = tap({ at: '2026-11-23T08:00:00.000+08:00' });
    const fine = tap({ at: '2026-11-23T09:00:00.000+08:00' });
    enqueue(localStorage, outside);
    enqueue(localStorage, fine);
    const send = vi.fn(async (body: CheckInCreate) => {
      if (body.clientId === outside.clientId) {
        throw new ApiError(400, { code: 'VALIDATION_FAILED', message: '当前位置距「武定县人民医院」约 3200 米，超出 500 米范围，请填写外勤事由', field: 'fieldReason' });
      }
      return recorded(body, false);
    });
    const r = await flushQueue({ store: localStorage, user: 'cx-staff', send, online: () => true });
    expect(r.sent.map((c) => c.clientId)).toEqual([fine.clientId]);
    expect(r.refused).toHaveLength(1);
    expect(r.remaining).toEqual([expect.objectContaining({ clientId: outside.clientId, at: outside.at, errorField: 'fieldReason', attempts: 1 })]);
    expect(r.remaining[0]!.error).toContain('外勤事由');

    // With the reason added, the resend keeps the clientId and the time of the tap.
    enqueue(localStorage, { ...outside, fieldReason: '下乡义诊' });
    await flushQueue({ store: localStorage, user: 'cx-staff', send: async (body) => { expect(body).toMatchObject({ clientId: outside.clientId, at: outside.at, fieldReason: '下乡义诊' }); return recorded(body, false); }, online: () => true });
    expect(readQueue(localStorage)).toEqual([]);
  });

  it("sends only the signed-in account's check-ins", async () => {
    enqueue(localStorage, tap({ user: 'cx-staff' }));
    const other = tap({ user: 'my-staff' });
    enqueue(localStorage, other);
    const send = vi.fn(async (body: CheckInCreate) => recorded(body, false));
    await flushQueue({ store: localStorage, user: 'cx-staff', send, online: () => true });
    expect(send).toHaveBeenCalledTimes(1);
    expect(readQueue(localStorage).map((i) => i.clientId)).toEqual([other.clientId]);
    removeQueued(localStorage, other.clientId);
    expect(readQueue(localStorage)).toEqual([]);
  });
});

describe('check-in helpers', () => {
  it('makes client ids the API accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('writes the time of the tap as ISO 8601 with the local offset', () => {
    const s = isoWithOffset(new Date('2026-11-23T00:31:05.120Z'));
    expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(s)).toBe(Date.parse('2026-11-23T00:31:05.120Z'));
  });

  it('leaves the location out of the body when there is none', () => {
    expect(toRequestBody(tap({ lat: undefined, lng: undefined, accuracyM: undefined }))).not.toHaveProperty('lat');
  });

  it('tells network failures from server answers', () => {
    expect(isNetworkError(new TypeError('Failed to fetch'), true)).toBe(true);
    expect(isNetworkError(new DOMException('aborted', 'AbortError'), true)).toBe(true);
    expect(isNetworkError(new Error('x'), false)).toBe(true);
    expect(isNetworkError(new ApiError(502, { code: 'HTTP_502', message: '服务器暂时不可用' }), true)).toBe(true);
    expect(isNetworkError(new ApiError(400, { code: 'VALIDATION_FAILED', message: '请填写外勤事由', field: 'fieldReason' }), true)).toBe(false);
    expect(isNetworkError(new ApiError(409, { code: 'CONFLICT', message: '没有进行中的派驻任务' }), true)).toBe(false);
  });
});

describe('check-ins sent from the queue (补传)', () => {
  beforeEach(() => localStorage.clear());

  it('are remembered per account, and forgotten after 40 days', () => {
    markResent(localStorage, 'cx-staff', ['old-0000001'], new Date('2026-10-01T00:00:00Z'));
    markResent(localStorage, 'cx-staff', ['new-0000001'], new Date('2026-11-23T00:00:00Z'));
    markResent(localStorage, 'my-staff', ['other-000001'], new Date('2026-11-23T00:00:00Z'));
    expect([...resentIds(localStorage, 'cx-staff')]).toEqual(['new-0000001']);
    expect([...resentIds(localStorage, 'my-staff')]).toEqual(['other-000001']);
    localStorage.setItem(RESENT_KEY, '[broken');
    expect(resentIds(localStorage, 'cx-staff').size).toBe(0);
  });
});
