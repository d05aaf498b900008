import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App as AntApp, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import {
  STATUTORY_REPORT_KIND_LABELS, STATUTORY_REPORT_PARTIES, SUBMISSION_STATE_LABELS, SUBMISSION_STATES,
  type StatutoryOverviewRow, type StatutoryReportKind, type StatutoryReportSummary,
} from '@duikou/contracts';
import { statutoryReportsApi } from '../../api/statutory-reports.endpoints';
import { errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { deadlineText, RECEIVES, STATE_COLORS, StateTag, StatusTag, SUBMITS } from './statutory-report-parts';
import './statutory-reports.css';

const lateTag = (r: StatutoryReportSummary) =>
  r.late === null ? null : r.late ? <Tag color="orange">逾期 {r.daysLate} 天</Tag> : <Tag color="success">按时</Tag>;

function reportColumns(box: 'mine' | 'received'): ColumnsType<StatutoryReportSummary> {
  return [
    { title: '统计期', key: 'period', width: 200, render: (_: unknown, r) => <><Link to={`/statutory-reports/${r.id}`}>{r.periodLabel}统计表</Link><span className="dk-sr-sub">{STATUTORY_REPORT_KIND_LABELS[r.kind]}</span></> },
    box === 'mine'
      ? { title: '接收单位', key: 'receiver', width: 200, render: (_: unknown, r) => r.receiver.name }
      : { title: '报送单位', key: 'submitter', width: 200, render: (_: unknown, r) => r.submitter.name },
    { title: '截止日期', dataIndex: 'dueDate', width: 110 },
    { title: '状态', key: 'status', width: 100, render: (_: unknown, r) => <StatusTag status={r.status} /> },
    { title: '报送时间', key: 'submittedAt', width: 220, render: (_: unknown, r) => (r.submittedAt ? <>{formatDateTime(r.submittedAt)} {lateTag(r)}</> : '—') },
    { title: '在岗人数', key: 'persons', width: 90, align: 'center', render: (_: unknown, r) => r.totals.persons ?? '—' },
  ];
}

/** 我报送的: the current period's report with a 生成本期报表 action, another period on demand, and the unit's reports. */
function SubmitterTab({ kind }: { kind: StatutoryReportKind }) {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [picked, setPicked] = useState<string>();
  const periods = useQuery({ queryKey: ['statutory-reports', 'periods', kind], queryFn: ({ signal }) => statutoryReportsApi.periods(kind, signal) });
  const list = useQuery({
    queryKey: ['statutory-reports', 'list', 'mine'], queryFn: ({ signal }) => statutoryReportsApi.list({ box: 'mine', pageSize: 100 }, signal), placeholderData: keepPreviousData,
  });
  const current = periods.data?.items[0];
  const period = picked ?? current?.period;
  const chosen = periods.data?.items.find((p) => p.period === period);
  const existing = list.data?.items.find((r) => r.kind === kind && r.period === period);
  const generate = useMutation({
    mutationFn: () => statutoryReportsApi.generate({ kind, period: period! }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['statutory-reports'] });
      void message.success(`已按记录生成${r.periodLabel}${STATUTORY_REPORT_KIND_LABELS[kind]}`);
      void navigate(`/statutory-reports/${r.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const frozen = existing && (existing.status === 'submitted' || existing.status === 'accepted');

  return (
    <>
      <Card className="dk-sr-current" size="small">
        {periods.isPending && <CardSkeleton rows={2} />}
        {periods.error && <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
        {periods.data && !current && <Alert type="info" showIcon title={periods.data.message ?? '没有需要报送的统计期'} />}
        {chosen && (
          <div className="dk-sr-current-body">
            <div>
              <Typography.Text type="secondary">{picked && picked !== current?.period ? '所选统计期' : '本期应报'}</Typography.Text>
              <div className="dk-sr-current-title">{chosen.deadline.label}</div>
              <div>
                报送至{STATUTORY_REPORT_PARTIES[kind].receiver}，截止 <Typography.Text strong>{deadlineText(chosen.deadline)}</Typography.Text>
                <span className="dk-sr-sub">依据：{chosen.deadline.citation}</span>
              </div>
              {existing && <div className="dk-sr-current-state">本期报表：<StatusTag status={existing.status} />{lateTag(existing)}</div>}
            </div>
            <Space wrap>
              <Select
                className="dk-sr-period-select" value={period} onChange={setPicked} aria-label="统计期"
                options={periods.data!.items.map((p) => ({ value: p.period, label: `${p.deadline.label}${p.current ? '（本期）' : ''}` }))}
              />
              {existing && <Button onClick={() => void navigate(`/statutory-reports/${existing.id}`)}>查看报表</Button>}
              {!frozen && (
                <Button type="primary" icon={existing ? <ReloadOutlined /> : <FileAddOutlined />} loading={generate.isPending} onClick={() => generate.mutate()}>
                  {existing ? '按最新记录重新生成' : period === current?.period ? '生成本期报表' : '生成所选期报表'}
                </Button>
              )}
            </Space>
          </div>
        )}
      </Card>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<StatutoryReportSummary>
        rowKey="id" size={isPhone ? 'small' : 'middle'} loading={list.isFetching && !list.data} dataSource={list.data?.items ?? []}
        columns={reportColumns('mine')} scroll={{ x: 920 }} pagination={false}
        locale={{ emptyText: <EmptyState description={`还没有生成过${STATUTORY_REPORT_KIND_LABELS[kind]}。点击上方“生成本期报表”，系统将按考勤、请假、抽查等记录自动汇总。`} /> }}
      />
    </>
  );
}

function overviewColumns(): ColumnsType<StatutoryOverviewRow> {
  return [
    { title: '报送单位', key: 'submitter', width: 220, render: (_: unknown, r) => (<>{r.submitter.name}{r.regionName && <span className="dk-sr-sub">{r.regionName}</span>}</>) },
    { title: '报送情况', key: 'state', width: 150, render: (_: unknown, r) => <StateTag state={r.state} daysLate={r.daysLate} /> },
    { title: '截止日期', dataIndex: 'dueDate', width: 110 },
    { title: '报送时间', key: 'submittedAt', width: 170, render: (_: unknown, r) => formatDateTime(r.submittedAt) },
    { title: '应报依据', dataIndex: 'basis', width: 260 },
    { title: '操作', key: 'op', width: 90, render: (_: unknown, r) => (r.reportId ? <Link to={`/statutory-reports/${r.reportId}`}>查看</Link> : '—') },
  ];
}

/** 我接收的: per period, every submitter expected, coloured by on time / late / missing; then the reports received. */
function ReceiverTab({ kind }: { kind: StatutoryReportKind }) {
  const isPhone = useIsPhone();
  const [picked, setPicked] = useState<string>();
  const periods = useQuery({ queryKey: ['statutory-reports', 'periods', kind], queryFn: ({ signal }) => statutoryReportsApi.periods(kind, signal) });
  const period = picked ?? periods.data?.items[0]?.period;
  const grid = useQuery({
    queryKey: ['statutory-reports', 'overview', kind, period], enabled: !!period,
    queryFn: ({ signal }) => statutoryReportsApi.overview({ kind, period: period! }, signal), placeholderData: keepPreviousData,
  });
  const received = useQuery({
    queryKey: ['statutory-reports', 'list', 'received'],
    queryFn: ({ signal }) => statutoryReportsApi.list({ box: 'received', pageSize: 100 }, signal),
  });
  const g = grid.data;

  return (
    <>
      <div className="dk-toolbar">
        <Select
          className="dk-sr-period-select" value={period} onChange={setPicked} aria-label="统计期" loading={periods.isPending}
          options={(periods.data?.items ?? []).map((p) => ({ value: p.period, label: `${p.deadline.label}${p.current ? '（本期）' : ''}` }))}
        />
        {g?.deadline && <span>截止 <Typography.Text strong>{deadlineText(g.deadline)}</Typography.Text></span>}
      </div>
      {periods.error && <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
      {periods.data && periods.data.items.length === 0 && <Alert type="info" showIcon title={periods.data.message ?? '没有需要接收的统计期'} />}
      {grid.error && <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />}
      {g && (
        <div className="dk-sr-counts" data-testid="overview-counts">
          {SUBMISSION_STATES.filter((s) => g.counts[s] > 0 || ['on_time', 'late', 'missing'].includes(s)).map((s) => (
            <Tag key={s} color={STATE_COLORS[s]} className="dk-sr-count">{SUBMISSION_STATE_LABELS[s]} <b>{g.counts[s]}</b></Tag>
          ))}
          <Typography.Text type="secondary">应报 {g.rows.length} 家 · 统计至 {g.asOf}</Typography.Text>
        </div>
      )}
      {g && g.unassigned.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`以下县（市、区）有对口支援关系但未登记卫生健康局，无法报送：${g.unassigned.join('、')}`} />
      )}
      <Table<StatutoryOverviewRow>
        rowKey={(r) => r.submitter.id} size={isPhone ? 'small' : 'middle'} loading={grid.isFetching && !g} dataSource={g?.rows ?? []}
        columns={overviewColumns()} scroll={{ x: 1000 }} pagination={false}
        rowClassName={(r) => `dk-sr-state-${r.state}`}
        locale={{ emptyText: <EmptyState description={g?.message ?? '本期没有应报送的单位'} /> }}
      />
      <Typography.Title level={5} className="dk-sr-section-title">已收到的报表</Typography.Title>
      {received.error && <ErrorAlert error={received.error} onRetry={() => void received.refetch()} />}
      <Table<StatutoryReportSummary>
        rowKey="id" size={isPhone ? 'small' : 'middle'} loading={received.isFetching && !received.data} dataSource={received.data?.items ?? []}
        columns={reportColumns('received')} scroll={{ x: 920 }} pagination={false}
        locale={{ emptyText: <EmptyState description="还没有单位向本单位报送统计报表" /> }}
      />
    </>
  );
}

/** /statutory-reports 统计报表: 我报送的 (support units monthly, counties quarterly) and 我接收的 (province monthly, prefecture quarterly). */
export function StatutoryReportListPage() {
  const { can } = useSession();
  const me = useMe();
  const submits = can('report:write') ? SUBMITS[me.role] : undefined;
  const receives = can('report:review') ? RECEIVES[me.role] : undefined;
  const tabs = [
    ...(submits ? [{ key: 'mine', label: '我报送的', children: <SubmitterTab kind={submits} /> }] : []),
    ...(receives ? [{ key: 'received', label: '我接收的', children: <ReceiverTab kind={receives} /> }] : []),
  ];
  return (
    <>
      <PageHeader
        title="统计报表"
        subtitle="支援医院每月 5 日前向省级卫生健康委报送月度统计表；各县每季度结束后次月 5 日前向州（市）卫生健康委报送季度统计表；遇节假日顺延（楚卫通〔2018〕43号 三（八））"
      />
      {tabs.length > 0 ? <Tabs items={tabs} /> : <AllReports />}
    </>
  );
}

/** Offices that neither send nor receive (county offices reading, the administrator): the reports of their area. */
function AllReports() {
  const isPhone = useIsPhone();
  const list = useQuery({ queryKey: ['statutory-reports', 'list', 'all'], queryFn: ({ signal }) => statutoryReportsApi.list({ pageSize: 100 }, signal) });
  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<StatutoryReportSummary>
        rowKey="id" size={isPhone ? 'small' : 'middle'} loading={list.isFetching && !list.data} dataSource={list.data?.items ?? []}
        columns={reportColumns('received')} scroll={{ x: 920 }} pagination={false}
        locale={{ emptyText: <EmptyState description="本辖区还没有已报送的统计报表" /> }}
      />
    </>
  );
}
