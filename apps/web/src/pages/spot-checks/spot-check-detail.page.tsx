import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App as AntApp, Button, Card, Descriptions, Popconfirm, Statistic, Table, Tag, Typography } from 'antd';
import { AuditOutlined, NotificationOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { SPOT_CHECK_METHOD_LABELS, type SpotCheckDetail, type SpotCheckResultRow } from '@duikou/contracts';
import { organisationsApi, programmesApi } from '../../api/endpoints';
import { errorMessage } from '../../api/http-client';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDateTime, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { CheckStateTag, MethodTag, ResultTag, sampleLabel, sanctionFormLink } from './spot-check-parts';
import { SpotCheckRedrawModal } from './spot-check-redraw.modal';
import { SpotCheckResultModal } from './spot-check-result.modal';
import './spot-checks.css';

/** The name of a programme or organisation the sample was drawn from (ids are what the check stores). */
function ScopeName({ kind, id }: { kind: 'programme' | 'organisation'; id: string }) {
  const q = useQuery({
    queryKey: [kind === 'programme' ? 'programmes' : 'organisations', 'detail', id],
    queryFn: async ({ signal }): Promise<{ name: string }> => (kind === 'programme' ? programmesApi.get(id, signal) : organisationsApi.get(id, signal)),
    staleTime: 60_000,
  });
  return <>{q.data?.name ?? (q.isPending ? '…' : '（无权查看）')}</>;
}

function populationText(d: SpotCheckDetail) {
  const p = d.population;
  const parts = [
    p.programmeId && <span key="p">项目：<ScopeName kind="programme" id={p.programmeId} /></span>,
    p.supportOrgId && <span key="s">支援单位：<ScopeName kind="organisation" id={p.supportOrgId} /></span>,
    p.recipientOrgId && <span key="r">受援单位：<ScopeName kind="organisation" id={p.recipientOrgId} /></span>,
  ].filter(Boolean);
  return (
    <span className="dk-sc-scope">
      {parts.length > 0 ? parts : d.sampleKind === 'random' ? <span>{d.byOrgName} 可抽查的全部在岗人员</span> : <span>指定人员，不按范围抽取</span>}
      {d.sampleKind === 'random' && <span>从当日在岗的 {p.size} 人中抽取</span>}
    </span>
  );
}

/** /spot-checks/:id — the sample with each person's result; record and review results, end a roll call, re-draw from the seed. */
export function SpotCheckDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<SpotCheckResultRow | null>(null);
  const [redrawing, setRedrawing] = useState(false);
  const q = useQuery({
    queryKey: ['spot-checks', 'detail', id],
    queryFn: ({ signal }) => spotChecksApi.get(id, signal),
    refetchInterval: (query) => (query.state.data?.open ? 15_000 : false),
  });
  const saved = (next: SpotCheckDetail) => {
    queryClient.setQueryData(['spot-checks', 'detail', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['spot-checks'], predicate: (x) => x.queryKey[1] !== 'detail' });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };
  const close = useMutation({
    mutationFn: () => spotChecksApi.closeRollCall(id),
    onSuccess: (next) => {
      saved(next);
      message.success(next.counts.unreviewed > 0 ? `点名已结束：${next.counts.unreviewed} 人未应答，记为不在岗，待复核` : '点名已结束');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const d = q.data;
  const crumbs = [{ title: '抽查点名', to: '/spot-checks' }, { title: d ? `${d.date} ${SPOT_CHECK_METHOD_LABELS[d.method]}` : '抽查详情' }];

  if (q.isPending) return (<><PageHeader title="抽查详情" crumbs={crumbs} /><Card><CardSkeleton rows={8} /></Card></>);
  if (q.error || !d) return (<><PageHeader title="抽查详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该抽查记录" onRetry={() => void q.refetch()} /></>);

  const canRecord = d.mine && can('spotcheck:write');
  const absentees = d.results.filter((r) => r.result === 'absent');

  const columns: ColumnsType<SpotCheckResultRow> = [
    {
      title: '人员', key: 'person', width: 120, fixed: 'left',
      render: (_: unknown, r) => (can('assignment:read') ? <Link to={`/assignments/${r.assignmentId}`}>{r.personName}</Link> : r.personName),
    },
    { title: '派出单位', dataIndex: 'supportOrgName', width: 170 },
    { title: '受援单位 / 科室', key: 'recipient', width: 180, render: (_: unknown, r) => (<>{r.recipientOrgName}<span className="dk-sc-sub">{r.department}</span></>) },
    { title: '结果', key: 'result', width: 150, render: (_: unknown, r) => <ResultTag row={r} /> },
    { title: '原因', dataIndex: 'reason', width: 160, render: (v: string | null) => text(v) },
    { title: '核查情况 / 证据', dataIndex: 'evidence', width: 240, render: (v: string | null) => <span className="dk-sc-evidence">{text(v)}</span> },
    {
      title: '记录', key: 'recorded', width: 150,
      render: (_: unknown, r) => (
        <>
          {text(r.recordedBy === 'system' ? '系统（点名超时）' : r.recordedBy)}
          {r.answeredAt && <span className="dk-sc-sub">应答 {formatDateTime(r.answeredAt)}</span>}
        </>
      ),
    },
  ];
  if (canRecord) {
    columns.push({
      title: '操作', key: 'actions', width: 100, fixed: 'right',
      render: (_: unknown, r) => (
        <Button size="small" type={r.result === 'pending' || (r.result === 'absent' && !r.reviewed) ? 'primary' : 'default'} onClick={() => setEditing(r)}>
          {r.result === 'pending' ? '记录结果' : r.result === 'absent' && !r.reviewed ? '复核' : '修改'}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={`${SPOT_CHECK_METHOD_LABELS[d.method]} · ${d.date}`}
        tags={<><CheckStateTag check={d} />{d.mine && <Tag color="blue">本单位发起</Tag>}</>}
        subtitle={`${d.byOrgName} · ${d.createdBy} 于 ${formatDateTime(d.createdAt)} 发起 · ${sampleLabel(d)}`}
        crumbs={crumbs}
        extra={
          <div className="dk-sc-actions">
            {d.sampleKind === 'random' && <Button icon={<AuditOutlined />} onClick={() => setRedrawing(true)}>按种子复核</Button>}
            {d.open && canRecord && (
              <Popconfirm
                title="现在结束点名？"
                description="尚未应答的人员将记为不在岗（点名超时未应答），待您复核。"
                okText="结束点名" cancelText="取消" onConfirm={() => close.mutate()}
              >
                <Button danger icon={<StopOutlined />} loading={close.isPending}>结束点名</Button>
              </Popconfirm>
            )}
            {can('sanction:write') && absentees.length > 0 && (
              <Button
                icon={<NotificationOutlined />}
                onClick={() => void navigate(sanctionFormLink({
                  kind: 'notice', spotCheckId: d.id, personIds: [...new Set(absentees.map((r) => r.personId))],
                  orgIds: [...new Set(absentees.map((r) => r.supportOrgId))],
                  summary: `${d.date} ${SPOT_CHECK_METHOD_LABELS[d.method]}：${absentees.map((r) => `${r.personName}（${r.reason ?? '不在岗'}）`).join('、')}`,
                }))}
              >
                登记通报 / 约谈
              </Button>
            )}
          </div>
        }
      />

      <Card className="dk-section" size="small" title="抽样信息">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="抽查方式"><MethodTag method={d.method} /></Descriptions.Item>
          <Descriptions.Item label="抽查日期">{d.date}</Descriptions.Item>
          <Descriptions.Item label="发起单位">{d.byOrgName}</Descriptions.Item>
          <Descriptions.Item label="发起人（抽取人）">{d.createdBy}　{formatDateTime(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="抽样方式">{sampleLabel(d)}</Descriptions.Item>
          <Descriptions.Item label="随机种子">
            {d.seed ? <Typography.Text code copyable className="dk-sc-seed" data-testid="seed">{d.seed}</Typography.Text> : <Typography.Text type="secondary">指定人员，无随机种子</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="抽样范围" span="filled">{populationText(d)}</Descriptions.Item>
          {d.method === 'roll_call' && (
            <Descriptions.Item label="点名应答截止" span="filled">
              {d.rollCallDeadline ? dayjs(d.rollCallDeadline).format('YYYY-MM-DD HH:mm') : '—'}
              {d.open ? <Tag color="processing" style={{ marginInlineStart: 8 }}>应答中，页面自动刷新</Tag> : <Tag style={{ marginInlineStart: 8 }}>已截止</Tag>}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card className="dk-section" size="small" title="抽查结果">
        <div className="dk-sc-stats">
          <Statistic title="抽查人数" value={d.counts.total} suffix="人" />
          <Statistic title="在岗" value={d.counts.present} styles={{ content: { color: '#389e0d' } }} />
          <Statistic title="不在岗" value={d.counts.absent} styles={{ content: { color: d.counts.absent ? '#cf1322' : undefined } }} />
          <Statistic title="请假（已批准）" value={d.counts.onLeave} />
          <Statistic title="待记录" value={d.counts.pending} />
          <Statistic title="待复核" value={d.counts.unreviewed} styles={{ content: { color: d.counts.unreviewed ? '#d48806' : undefined } }} />
        </div>
        {!d.mine && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            结果由抽查单位「{d.byOrgName}」记录和复核{d.counts.total < (d.sampleSize ?? 0) ? '；您只能看到本单位及管辖范围内人员的结果' : ''}。
          </Typography.Paragraph>
        )}
        {isPhone ? (
          <div className="dk-sc-result-cards">
            {d.results.length === 0 && <EmptyState description="您的范围内没有该抽查的人员结果。" />}
            {d.results.map((r) => (
              <div key={r.assignmentId} className="dk-sc-result-card">
                <div className="dk-sc-phone-head">
                  {can('assignment:read') ? <Link to={`/assignments/${r.assignmentId}`}>{r.personName}</Link> : <b>{r.personName}</b>}
                  <ResultTag row={r} />
                </div>
                <span className="dk-sc-sub">{r.supportOrgName} → {r.recipientOrgName} · {r.department}</span>
                {r.reason && <span>原因：{r.reason}</span>}
                {r.evidence && <span className="dk-sc-evidence">核查情况：{r.evidence}</span>}
                {r.recordedBy && <span className="dk-sc-sub">记录：{r.recordedBy === 'system' ? '系统（点名超时）' : r.recordedBy}{r.answeredAt ? ` · 应答 ${formatDateTime(r.answeredAt)}` : ''}</span>}
                {canRecord && (
                  <Button block size="small" type={r.result === 'pending' || (r.result === 'absent' && !r.reviewed) ? 'primary' : 'default'} onClick={() => setEditing(r)}>
                    {r.result === 'pending' ? '记录结果' : r.result === 'absent' && !r.reviewed ? '复核' : '修改'}
                  </Button>
                )}
              </div>
            ))}
          </div>
        ) : (
          <Table<SpotCheckResultRow>
            rowKey="assignmentId"
            size="middle"
            dataSource={d.results}
            columns={columns}
            pagination={d.results.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` } : false}
            scroll={{ x: canRecord ? 1270 : 1170 }}
            locale={{ emptyText: <EmptyState description="您的范围内没有该抽查的人员结果。" /> }}
          />
        )}
      </Card>

      {can('audit:read') && (
        <Card className="dk-section" size="small" title="操作记录">
          <EntityAuditTab entityType="spot_check" entityId={d.id} />
        </Card>
      )}

      {canRecord && <SpotCheckResultModal check={d} row={editing} onClose={() => setEditing(null)} onSaved={(next) => { setEditing(null); saved(next); }} />}
      {d.sampleKind === 'random' && <SpotCheckRedrawModal check={d} open={redrawing} onClose={() => setRedrawing(false)} />}
    </>
  );
}
