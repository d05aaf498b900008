import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Tag } from 'antd';
import { AimOutlined, BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { RollCall } from '@duikou/contracts';
import { ApiError, errorMessage } from '../../api/http-client';
import { rollCallsApi } from '../../api/roll-calls.endpoints';
import { newClientId } from './check-in-queue';
import { locate } from './geolocation';

/** 29:05 / 1:02:03 left until `deadline`, or null once it has passed. */
export function timeLeft(deadline: string, now: number): string | null {
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return null;
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

/** The current time, ticking every second while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

type Answer = { phase: 'locating' | 'sending' } | { phase: 'done'; call: RollCall; locationNote: string | null } | { phase: 'error'; message: string };

/**
 * 点名 at the top of the check-in page: each roll call waiting for this person, with the time left and
 * a one-tap answer that sends the location. The server records the time it receives the answer, so an
 * answer cannot wait in the offline queue: without network the button says so.
 */
export function RollCallCard({ online, enabled }: { online: boolean; enabled: boolean }) {
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['roll-calls', 'mine'],
    queryFn: ({ signal }) => rollCallsApi.mine(signal),
    enabled,
    refetchInterval: 60_000,
    refetchOnReconnect: true,
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  // One client id per roll call: a retry after a lost answer counts once.
  const clientIds = useRef(new Map<string, string>());
  const items = mine.data?.items ?? [];
  const now = useNow(items.length > 0);

  const expired = items.some((c) => Date.parse(c.deadline) <= now);
  useEffect(() => {
    if (expired) void queryClient.invalidateQueries({ queryKey: ['roll-calls', 'mine'] });
  }, [expired, queryClient]);

  const answer = async (call: RollCall) => {
    const id = call.spotCheckId;
    if (!clientIds.current.has(id)) clientIds.current.set(id, newClientId());
    setAnswers((a) => ({ ...a, [id]: { phase: 'locating' } }));
    const where = await locate(8000);
    setAnswers((a) => ({ ...a, [id]: { phase: 'sending' } }));
    try {
      const answered = await rollCallsApi.answer(id, {
        clientId: clientIds.current.get(id)!,
        ...(where.ok ? { lat: where.lat, lng: where.lng, accuracyM: where.accuracyM } : {}),
      });
      setAnswers((a) => ({ ...a, [id]: { phase: 'done', call: answered, locationNote: where.ok ? null : `${where.reason}，应答未附位置` } }));
      void queryClient.invalidateQueries({ queryKey: ['roll-calls', 'mine'] });
    } catch (e) {
      setAnswers((a) => ({ ...a, [id]: { phase: 'error', message: errorMessage(e) } }));
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) void queryClient.invalidateQueries({ queryKey: ['roll-calls', 'mine'] });
    }
  };

  const done = Object.values(answers).filter((a): a is Extract<Answer, { phase: 'done' }> => a.phase === 'done');
  const waiting = items.filter((c) => answers[c.spotCheckId]?.phase !== 'done');

  return (
    <>
      {done.map((a) => (
        <Alert
          key={a.call.spotCheckId}
          className="dk-section"
          type={a.locationNote ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setAnswers((x) => { const next = { ...x }; delete next[a.call.spotCheckId]; return next; }) }}
          title={`已应答「${a.call.byOrgName}」的点名 · ${a.call.answeredAt ? dayjs(a.call.answeredAt).format('HH:mm:ss') : ''}`}
          description={a.locationNote ?? '应答时间和位置已记录，供抽查单位核对。'}
        />
      ))}
      {waiting.map((call) => {
        const left = timeLeft(call.deadline, now);
        const state = answers[call.spotCheckId];
        const busy = state?.phase === 'locating' || state?.phase === 'sending';
        return (
          <Card
            key={call.spotCheckId}
            size="small"
            className="dk-section dk-rollcall"
            title={<span><BellOutlined /> 点名 · {call.byOrgName}</span>}
            extra={left ? <Tag color="red">待应答</Tag> : <Tag>已截止</Tag>}
          >
            <div className="dk-rollcall-line">
              请在 <b>{dayjs(call.deadline).format('HH:mm')}</b> 前应答，确认本人在「{call.recipientOrgName}」{call.department}岗位。
            </div>
            {left ? (
              <div className="dk-rollcall-countdown" role="timer" aria-label="点名剩余时间">{left}</div>
            ) : (
              <div className="dk-rollcall-line dk-muted">点名已截止，未应答将记为不在岗，待抽查单位复核。</div>
            )}
            {state?.phase === 'error' && <Alert type="error" showIcon title="应答未成功" description={state.message} style={{ marginBottom: 8 }} />}
            {!online && left && <Alert type="warning" showIcon title="当前没有网络：点名以服务器收到应答的时间为准，请联网后应答。" style={{ marginBottom: 8 }} />}
            <Button
              type="primary"
              danger
              block
              size="large"
              icon={<AimOutlined />}
              loading={busy}
              disabled={!left || !online}
              onClick={() => void answer(call)}
            >
              {state?.phase === 'locating' ? '正在获取位置…' : state?.phase === 'sending' ? '正在应答…' : '应答点名（我在岗）'}
            </Button>
          </Card>
        );
      })}
    </>
  );
}
