import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App as AntApp, Badge, Button, Card, Empty, Input, Popconfirm, Result, Spin, Tag, Typography } from 'antd';
import {
  AimOutlined, CarOutlined, CloudUploadOutlined, DeleteOutlined, DisconnectOutlined, EnvironmentOutlined, FileTextOutlined, LoginOutlined, LogoutOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CheckIn } from '@duikou/contracts';
import { checkInApi, type CheckInToday } from '../../api/attendance.endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { LeaveRequestModal } from '../leave/leave-request.modal';
import { TripReportModal } from '../leave/trip-report.modal';
import { isNetworkError, isoWithOffset, newClientId, toRequestBody, type FlushResult, type PendingCheckIn, type QueuedCheckIn } from './check-in-queue';
import { checkFence, formatDistance, type FenceCheck } from './fence';
import { locate } from './geolocation';
import { RollCallCard } from './roll-call.card';
import { sendCheckIn, useCheckInQueue } from './use-check-in-queue';
import './check-in.css';

const KIND_LABELS = { in: '签到', out: '签退' } as const;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const timeOf = (iso: string) => dayjs(iso).format('HH:mm:ss');

/** 范围内 / 外勤 / 无位置 (and 未设范围 when the unit has no geofence). */
export function FenceTag({ c }: { c: Pick<CheckIn, 'fence' | 'lat' | 'distanceM'> }) {
  if (c.fence === 'inside') return <Tag color="green">范围内{c.distanceM !== null ? ` ${Math.round(c.distanceM)} 米` : ''}</Tag>;
  if (c.fence === 'outside') return <Tag color="orange">外勤{c.distanceM !== null ? ` ${formatDistance(c.distanceM)}` : ''}</Tag>;
  return <Tag>{c.lat === null ? '无位置' : '未设范围'}</Tag>;
}

type Outcome =
  | { type: 'ok'; checkIn: CheckIn; locationNote: string | null; resent?: boolean }
  | { type: 'queued'; clientId: string; kind: 'in' | 'out'; at: string; locationNote: string | null }
  | { type: 'error'; message: string };

interface FieldReasonAsk { pending: PendingCheckIn; message: string }

/** The last position compared with the fence, or why there is none. */
type Position = { state: 'locating' } | { state: 'known'; check: FenceCheck; accuracyM: number; at: string } | { state: 'unknown'; reason: string };

/** Locates once on arrival when the browser already allows it (no prompt on page load). */
async function locationAllowed(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'geolocation' as PermissionName });
    return status?.state === 'granted';
  } catch {
    return false;
  }
}

function PositionLine({ position, onRetry }: { position: Position | null; onRetry: () => void }) {
  if (!position) return null;
  if (position.state === 'locating') return <div className="dk-checkin-position"><Spin size="small" /> 正在确认当前位置…</div>;
  if (position.state === 'unknown') {
    return (
      <div className="dk-checkin-position dk-muted">
        当前位置未知（{position.reason}） <Button size="small" type="link" onClick={onRetry}>重新定位</Button>
      </div>
    );
  }
  const { check } = position;
  return (
    <div className={`dk-checkin-position ${check.inside ? 'dk-checkin-position-in' : 'dk-checkin-position-out'}`} aria-label="当前位置">
      <AimOutlined /> 当前位置距单位约 {formatDistance(check.distanceM)}：
      {check.inside ? <b>在打卡范围内</b> : <b>超出打卡范围，打卡需填写外勤事由</b>}
      <span className="dk-muted">（{dayjs(position.at).format('HH:mm')} 定位，精度约 {position.accuracyM} 米）</span>
      <Button size="small" type="link" onClick={onRetry}>重新定位</Button>
    </div>
  );
}

/** No post today (or an account with no dispatched person): say so plainly instead of offering buttons. */
function NoPost({ today, notLinked, error }: { today: CheckInToday | undefined; notLinked: boolean; error: unknown }) {
  if (notLinked) {
    return (
      <Result
        status="info"
        title="该账号未关联派驻人员"
        subTitle={`${errorMessage(error)}。打卡、请假和点名应答由下派人员本人账号办理；如账号信息有误，请联系派出单位或系统管理员。`}
      />
    );
  }
  return (
    <Card className="dk-section">
      <Result
        status="info"
        icon={<EnvironmentOutlined />}
        title="当前没有进行中的派驻任务"
        subTitle={`${today ? formatDate(today.date) : '今天'}不在任何派驻期内，无需打卡。派驻开始后，这里会显示受援单位、打卡范围和签到、签退按钮。`}
        extra={<Typography.Text type="secondary">如派驻信息有误，请联系派出单位。</Typography.Text>}
      />
    </Card>
  );
}

/**
 * /check-in 打卡, phone first: a pending 点名 on top; one tap on 签到 / 签退 takes the time and (if allowed)
 * the location and sends it. Outside the recipient's geofence the server asks for 外勤事由 and the same
 * tap is sent again with it. Without network the tap waits in 待发送 (localStorage, original time kept)
 * and goes out by itself once online; such check-ins are marked 补传 in the day's list.
 */
export function CheckInPage() {
  const me = useMe();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const today = useQuery({ queryKey: ['check-in', 'today'], queryFn: ({ signal }) => checkInApi.today(signal), refetchOnReconnect: true });
  const [phase, setPhase] = useState<null | { kind: 'in' | 'out'; step: 'locating' | 'sending' }>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [ask, setAsk] = useState<FieldReasonAsk | null>(null);
  const [reason, setReason] = useState('');
  const [position, setPosition] = useState<Position | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [reportingTrip, setReportingTrip] = useState(false);

  const refreshToday = () => void queryClient.invalidateQueries({ queryKey: ['check-in', 'today'] });
  const onFlushed = (r: FlushResult) => {
    // The tap just queued on this page went out: say so where it said 已保存在本机.
    setOutcome((o) => {
      const sent = o?.type === 'queued' ? r.sent.find((c) => c.clientId === o.clientId) : undefined;
      return sent ? { type: 'ok', checkIn: sent, locationNote: null, resent: true } : o;
    });
    if (r.sent.length) {
      message.success(`已补传 ${r.sent.length} 条离线打卡`);
      refreshToday();
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
    }
    if (r.refused.length) message.warning(`${r.refused.length} 条待发送的打卡未被接受，请查看原因`);
  };
  const queue = useCheckInQueue(me.username, onFlushed);

  const t = today.data;
  const fence = t?.fence ?? null;

  const showPosition = (where: Awaited<ReturnType<typeof locate>>) => {
    if (!fence) return;
    setPosition(where.ok
      ? { state: 'known', check: checkFence(where, fence), accuracyM: where.accuracyM, at: new Date().toISOString() }
      : { state: 'unknown', reason: where.reason });
  };
  const checkPosition = async () => {
    setPosition({ state: 'locating' });
    showPosition(await locate(8000));
  };
  useEffect(() => {
    if (!fence) return;
    let cancelled = false;
    void locationAllowed().then((ok) => { if (ok && !cancelled) void checkPosition(); });
    return () => { cancelled = true; };
  }, [fence?.lat, fence?.lng, fence?.radiusM]); // eslint-disable-line react-hooks/exhaustive-deps

  const queueTap = (p: PendingCheckIn, locationNote: string | null) => {
    queue.add(p);
    setOutcome({ type: 'queued', clientId: p.clientId, kind: p.kind, at: p.at, locationNote });
    setAsk(null);
    setPhase(null);
  };

  /** Sends one tap; a network failure queues it, a geofence refusal asks for 外勤事由. */
  const send = async (p: PendingCheckIn, locationNote: string | null) => {
    if (!navigator.onLine) {
      queueTap(p, locationNote);
      return;
    }
    setPhase({ kind: p.kind, step: 'sending' });
    try {
      const c = await sendCheckIn(toRequestBody(p));
      queue.delivered(p.clientId);
      setOutcome({ type: 'ok', checkIn: c, locationNote });
      setAsk(null);
      refreshToday();
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
    } catch (e) {
      if (isNetworkError(e)) {
        queueTap(p, locationNote);
      } else if (e instanceof ApiError && e.field === 'fieldReason') {
        setReason(p.fieldReason ?? '');
        setAsk({ pending: p, message: e.message });
        setOutcome(null);
      } else {
        setOutcome({ type: 'error', message: errorMessage(e) });
        if (queue.items.some((i) => i.clientId === p.clientId)) queue.refresh();
      }
    } finally {
      setPhase(null);
    }
  };

  const tap = async (kind: 'in' | 'out') => {
    if (phase) return;
    const clientId = newClientId();
    const at = isoWithOffset(new Date());
    setOutcome(null);
    setAsk(null);
    setPhase({ kind, step: 'locating' });
    const where = await locate(8000);
    showPosition(where);
    const pending: PendingCheckIn = {
      clientId, kind, at, user: me.username,
      ...(where.ok ? { lat: where.lat, lng: where.lng, accuracyM: where.accuracyM } : {}),
    };
    // Offline and outside the fence: ask for 外勤事由 now, so the tap is not refused when it is sent later.
    if (!navigator.onLine && where.ok && fence && t?.assignment) {
      const check = checkFence(where, fence);
      if (!check.inside) {
        setPhase(null);
        setReason('');
        setAsk({
          pending,
          message: `当前位置距「${t.assignment.recipientOrgName}」约 ${formatDistance(check.distanceM)}，超出 ${fence.radiusM} 米范围，请填写外勤事由（当前没有网络，保存在本机，联网后发送）`,
        });
        return;
      }
    }
    await send(pending, where.ok ? null : `${where.reason}，本次打卡不带位置`);
  };

  const askReasonFor = (item: QueuedCheckIn) => {
    const { queuedAt: _q, attempts: _a, error, errorField: _f, ...pending } = item;
    setReason(item.fieldReason ?? '');
    setAsk({ pending, message: error ?? '当前位置超出打卡范围，请填写外勤事由' });
  };

  const notLinked = today.error instanceof ApiError && today.error.status === 403;
  const noPost = notLinked || (!!t && !t.assignment);
  const last = t?.checkIns.at(-1);
  const suggested: 'in' | 'out' = last?.kind === 'in' ? 'out' : 'in';
  const lastOf = (kind: 'in' | 'out') => t?.checkIns.filter((c) => c.kind === kind).at(-1);
  const dayLine = t
    ? `${formatDate(t.date)} 星期${WEEKDAYS[dayjs(t.date).day()]} · ${t.workingDay ? (t.dayName ? `${t.dayName}（调休上班）` : '工作日') : t.dayName ? `${t.dayName}（休息）` : '休息日'}`
    : dayjs().format('YYYY-MM-DD');

  return (
    <div className="dk-checkin">
      <PageHeader title="打卡" subtitle={dayLine} />

      <RollCallCard online={queue.online} enabled={!notLinked} />

      {!queue.online && (
        <Alert
          className="dk-section"
          type="warning"
          showIcon
          icon={<DisconnectOutlined />}
          title="当前没有网络"
          description="可以照常打卡：打卡时间和位置先保存在本机，联网后自动补传，打卡时间按点击时记录。"
        />
      )}

      {today.isPending ? <Card className="dk-section"><CardSkeleton rows={3} /></Card>
        : noPost ? <NoPost today={t} notLinked={notLinked} error={today.error} />
          : today.error ? <ErrorAlert error={today.error} title="今日派驻信息加载失败" onRetry={() => void today.refetch()} />
            : t?.assignment && (
              <Card size="small" className="dk-section dk-checkin-post">
                <div className="dk-checkin-org">{t.assignment.recipientOrgName}<span> · {t.assignment.department}</span></div>
                <div className="dk-muted">派驻期 {formatDate(t.assignment.plannedStart)} 至 {formatDate(t.assignment.plannedEnd)}</div>
                <div className="dk-checkin-fence">
                  <EnvironmentOutlined />{' '}
                  {t.fence ? `打卡范围：单位周边 ${t.fence.radiusM} 米，超出范围需填写外勤事由` : '受援单位尚未设置打卡范围，打卡不校验位置'}
                </div>
                {t.fence && (position
                  ? <PositionLine position={position} onRetry={() => void checkPosition()} />
                  : <Button size="small" type="link" icon={<AimOutlined />} style={{ paddingLeft: 0 }} onClick={() => void checkPosition()}>检查当前位置</Button>)}
                {!t.workingDay && <div className="dk-muted">今天是{t.dayName ?? '休息日'}，无需打卡；在岗值班也可以打卡。</div>}
              </Card>
            )}

      {!noPost && !today.isPending && (
        <>
          <div className="dk-checkin-buttons">
            {(['in', 'out'] as const).map((kind) => {
              const done = lastOf(kind);
              const busy = phase?.kind === kind;
              return (
                <Button
                  key={kind}
                  type={suggested === kind ? 'primary' : 'default'}
                  className={`dk-checkin-button dk-checkin-${kind}`}
                  disabled={!!phase && !busy}
                  loading={busy}
                  onClick={() => void tap(kind)}
                  aria-label={KIND_LABELS[kind]}
                >
                  <span className="dk-checkin-button-icon">{kind === 'in' ? <LoginOutlined /> : <LogoutOutlined />}</span>
                  <span className="dk-checkin-button-text">{KIND_LABELS[kind]}</span>
                  <span className="dk-checkin-button-hint">{done ? `已${KIND_LABELS[kind]} ${dayjs(done.at).format('HH:mm')}` : `未${KIND_LABELS[kind]}`}</span>
                </Button>
              );
            })}
          </div>
          {phase && (
            <div className="dk-checkin-phase" role="status">
              <Spin size="small" /> {phase.step === 'locating' ? '正在获取位置（最多 8 秒）…' : `正在提交${KIND_LABELS[phase.kind]}…`}
            </div>
          )}
        </>
      )}

      {ask && (
        <Card size="small" className="dk-section dk-checkin-ask" title={`外勤${KIND_LABELS[ask.pending.kind]}`}>
          <Alert type="warning" showIcon title={ask.message} style={{ marginBottom: 12 }} />
          <Typography.Text strong>外勤事由</Typography.Text>
          <Input.TextArea
            aria-label="外勤事由"
            rows={3}
            maxLength={200}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：下乡巡回医疗、外出会诊"
            style={{ margin: '6px 0 12px' }}
          />
          <div className="dk-checkin-ask-actions">
            <Button onClick={() => setAsk(null)} disabled={!!phase}>取消</Button>
            <Button type="primary" loading={!!phase} disabled={!reason.trim()} onClick={() => void send({ ...ask.pending, fieldReason: reason.trim() }, null)}>
              提交外勤{KIND_LABELS[ask.pending.kind]}
            </Button>
          </div>
          <div className="dk-muted" style={{ marginTop: 8, fontSize: 12 }}>打卡时间仍为 {timeOf(ask.pending.at)}。</div>
        </Card>
      )}

      {outcome?.type === 'ok' && (
        <Alert
          className="dk-section"
          type={outcome.locationNote ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          title={`${outcome.resent ? `${KIND_LABELS[outcome.checkIn.kind]}已补传` : outcome.checkIn.duplicate ? '该次打卡已记录' : `${KIND_LABELS[outcome.checkIn.kind]}成功`} · ${timeOf(outcome.checkIn.at)}`}
          description={<><FenceTag c={outcome.checkIn} />{outcome.checkIn.fieldReason && `外勤事由：${outcome.checkIn.fieldReason}`}{outcome.locationNote && <div>{outcome.locationNote}</div>}</>}
        />
      )}
      {outcome?.type === 'queued' && (
        <Alert
          className="dk-section"
          type="warning"
          showIcon
          icon={<CloudUploadOutlined />}
          closable={{ onClose: () => setOutcome(null) }}
          title={`网络不可用，${KIND_LABELS[outcome.kind]}（${timeOf(outcome.at)}）已保存在本机`}
          description={<>联网后自动补传，打卡时间按 {timeOf(outcome.at)} 记录。{outcome.locationNote && <div>{outcome.locationNote}</div>}</>}
        />
      )}
      {outcome?.type === 'error' && (
        <Alert className="dk-section" type="error" showIcon closable={{ onClose: () => setOutcome(null) }} title="打卡未成功" description={outcome.message} />
      )}

      {queue.items.length > 0 && (
        <Card
          size="small"
          className="dk-section dk-checkin-queue"
          title={<Badge count={queue.items.length} offset={[12, 0]} color="orange"><span>待发送</span></Badge>}
          extra={
            <Button size="small" icon={<ReloadOutlined />} loading={queue.flushing} disabled={!queue.online} onClick={() => void queue.flush()}>
              重新发送
            </Button>
          }
        >
          <ul className="dk-checkin-list">
            {queue.items.map((i) => (
              <li key={i.clientId}>
                <div className="dk-checkin-row">
                  <span className="dk-checkin-time">{dayjs(i.at).format('MM-DD HH:mm:ss')}</span>
                  <Tag color={i.kind === 'in' ? 'blue' : 'purple'}>{KIND_LABELS[i.kind]}</Tag>
                  {i.lat === undefined ? <Tag>无位置</Tag> : <Tag>已定位</Tag>}
                  {i.fieldReason && <Tag color="orange">外勤</Tag>}
                  <span className="dk-checkin-spacer" />
                  <Popconfirm title="删除这条待发送的打卡？" description="删除后这次打卡不会再发送。" okText="删除" cancelText="保留" onConfirm={() => queue.remove(i.clientId)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
                  </Popconfirm>
                </div>
                {i.error ? (
                  <div className="dk-checkin-error">
                    {i.error}
                    {i.errorField === 'fieldReason' && <Button size="small" type="link" onClick={() => askReasonFor(i)}>填写外勤事由</Button>}
                  </div>
                ) : (
                  <div className="dk-muted dk-checkin-note">{queue.online ? (queue.flushing ? '正在发送…' : '等待发送') : '等待网络，联网后自动补传'}</div>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {!noPost && (
        <Card size="small" className="dk-section dk-checkin-today" title="今日打卡" extra={today.isFetching && !today.isPending ? <Spin size="small" /> : undefined}>
          {today.isPending ? <CardSkeleton rows={2} /> : t && t.checkIns.length > 0 ? (
            <ul className="dk-checkin-list">
              {[...t.checkIns].reverse().map((c) => {
                const resent = c.sentLate || queue.resent.has(c.clientId);
                const delayMin = Math.max(0, Math.round((Date.parse(c.receivedAt) - Date.parse(c.at)) / 60_000));
                return (
                  <li key={c.id}>
                    <div className="dk-checkin-row">
                      <span className="dk-checkin-time">{timeOf(c.at)}</span>
                      <Tag color={c.kind === 'in' ? 'blue' : 'purple'}>{KIND_LABELS[c.kind]}</Tag>
                      <FenceTag c={c} />
                      {resent && <Tag color="gold" icon={<CloudUploadOutlined />}>补传</Tag>}
                    </div>
                    {resent && (
                      <div className="dk-muted dk-checkin-note">
                        离线打卡，{timeOf(c.receivedAt)} 联网后补传{delayMin > 0 ? `（晚 ${delayMin} 分钟送达）` : ''}，打卡时间按 {timeOf(c.at)} 记录
                      </div>
                    )}
                    {c.fieldReason && <div className="dk-muted dk-checkin-note">外勤事由：{c.fieldReason}</div>}
                  </li>
                );
              })}
            </ul>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={today.error ? '暂时无法获取今日打卡记录' : '今天还没有打卡'} />
          )}
        </Card>
      )}

      {can('leave:request') && !noPost && (
        <Card size="small" className="dk-section" title="请假与外出">
          <div className="dk-checkin-links">
            <Button icon={<FileTextOutlined />} onClick={() => setRequesting(true)}>请假申请</Button>
            <Button icon={<CarOutlined />} onClick={() => setReportingTrip(true)}>外出报备</Button>
          </div>
          <div style={{ marginTop: 8 }}><Link to="/leave">查看我的请假和外出报备 →</Link></div>
        </Card>
      )}
      <LeaveRequestModal open={requesting} onClose={() => setRequesting(false)} onTrip={() => setReportingTrip(true)} />
      <TripReportModal open={reportingTrip} onClose={() => setReportingTrip(false)} />
    </div>
  );
}
