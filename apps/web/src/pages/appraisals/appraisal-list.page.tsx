import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Card, Segmented, Select, Statistic, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { APPRAISAL_GRADE_LABELS, APPRAISAL_STATUS_LABELS, type Appraisal, type AppraisalOverview } from '@duikou/contracts';
import { appraisalsApi } from '../../api/appraisals.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { formatDateTime, formatPeriod } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { VerdictStatusTag } from '../../shared/verdict-list';
import { AppraisalCreateModal } from './appraisal-create.modal';
import type { OverviewSlices } from './appraisal-overview.chart';
import { GRADE_OPTIONS, GradeTag, STATUS_OPTIONS, StatusTag, StepTag, yearOptions } from './appraisal-parts';
import './appraisals.css';

const AppraisalOverviewChart = lazy(() => import('./appraisal-overview.chart').then((m) => ({ default: m.AppraisalOverviewChart })));

const FILTERS = ['view', 'year', 'status', 'grade', 'recipientOrgId', 'unfinished'] as const;
type View = 'all' | 'todo' | 'years';
type OverviewItem = AppraisalOverview['items'][number];

/** The overview as chart slices and grade counts (the grades of the help years listed: up to 200 a year). */
export function overviewSlices(o: Pick<AppraisalOverview, 'counts' | 'items'>): OverviewSlices & { gradeCounts: Record<'excellent' | 'qualified' | 'unqualified', number> } {
  const gradeCounts = { excellent: 0, qualified: 0, unqualified: 0 };
  for (const i of o.items) if (i.grade) gradeCounts[i.grade]++;
  return {
    gradeCounts,
    progress: [
      { name: '未开始', value: o.counts.none, color: '#d9d9d9' },
      { name: APPRAISAL_STATUS_LABELS.draft, value: o.counts.draft, color: '#faad14' },
      { name: APPRAISAL_STATUS_LABELS.in_review, value: o.counts.in_review, color: '#1677ff' },
      { name: APPRAISAL_STATUS_LABELS.filed, value: o.counts.filed, color: '#52c41a' },
    ],
    grades: [
      { name: APPRAISAL_GRADE_LABELS.excellent, value: gradeCounts.excellent, color: '#389e0d' },
      { name: APPRAISAL_GRADE_LABELS.qualified, value: gradeCounts.qualified, color: '#1677ff' },
      { name: APPRAISAL_GRADE_LABELS.unqualified, value: gradeCounts.unqualified, color: '#cf1322' },
    ],
  };
}

/** 年度鉴定总览: the help years ending in a year — how many not started, with the recipient, in review, filed — and the grades. */
function OverviewCard({ year, data, loading, error, onRetry, onYear }: {
  year: number; data: AppraisalOverview | undefined; loading: boolean; error: unknown; onRetry: () => void; onYear: (y: number) => void;
}) {
  const s = data ? overviewSlices(data) : null;
  return (
    <Card
      className="dk-section" size="small"
      title={<span className="dk-ap-overview-head">鉴定总览<Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>（{year} 年内结束的帮扶年度）</Typography.Text></span>}
      extra={<Select size="small" value={year} onChange={onYear} options={yearOptions(dayjs().year())} style={{ width: 100 }} aria-label="总览年度" />}
    >
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : loading || !data || !s ? <CardSkeleton rows={3} /> : (
        <div className="dk-ap-overview">
          <div>
            <div className="dk-ap-stats" data-testid="appraisal-overview">
              <Statistic title="帮扶年度" value={data.total} />
              <Statistic title="未开始" value={data.counts.none} styles={{ content: { color: data.counts.none ? '#d48806' : undefined } }} />
              <Statistic title="受援单位鉴定中" value={data.counts.draft} />
              <Statistic title="审核中" value={data.counts.in_review} />
              <Statistic title="已备案" value={data.counts.filed} styles={{ content: { color: '#389e0d' } }} />
            </div>
            <div className="dk-ap-stats" style={{ marginTop: 8 }}>
              <Statistic title="优秀" value={s.gradeCounts.excellent} />
              <Statistic title="合格" value={s.gradeCounts.qualified} />
              <Statistic title="不合格" value={s.gradeCounts.unqualified} styles={{ content: { color: s.gradeCounts.unqualified ? '#cf1322' : undefined } }} />
            </div>
            {data.total === 0 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{year} 年内没有结束的、须作年度鉴定的帮扶年度。</Typography.Paragraph>}
          </div>
          {data.total > 0 && (
            <Suspense fallback={<CardSkeleton rows={3} />}>
              <AppraisalOverviewChart slices={s} />
            </Suspense>
          )}
        </div>
      )}
    </Card>
  );
}

/** /appraisals 年度鉴定: the appraisals in scope, those waiting for me, and the help years of a year with their progress. */
export function AppraisalListPage() {
  const { can } = useSession();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { state, update, query } = useListState(FILTERS);
  const [creating, setCreating] = useState<{ open: boolean; initial?: { assignmentId: string; periodFrom: string } }>({ open: false });
  const f = state.filters;
  const canAct = can('appraisal:write');
  // Only the recipient unit starts an appraisal (the first step of the chain is its own).
  const canCreate = canAct && me.role === 'recipient_unit';
  const view: View = f.view === 'todo' && canAct ? 'todo' : f.view === 'years' ? 'years' : 'all';
  const overviewYear = f.year ? Number(f.year) : dayjs().year();

  const list = useQuery({
    queryKey: ['appraisals', 'list', query, view],
    queryFn: ({ signal }) => appraisalsApi.list({
      page: query.page, pageSize: query.pageSize, year: f.year, status: f.status, grade: f.grade, recipientOrgId: f.recipientOrgId, todo: view === 'todo' || undefined,
    }, signal),
    placeholderData: keepPreviousData,
    enabled: view !== 'years',
  });
  const todo = useQuery({
    queryKey: ['appraisals', 'todo-count'],
    queryFn: ({ signal }) => appraisalsApi.list({ todo: true, pageSize: 1 }, signal),
    enabled: canAct,
  });
  const overview = useQuery({
    queryKey: ['appraisals', 'overview', overviewYear, f.recipientOrgId ?? ''],
    queryFn: ({ signal }) => appraisalsApi.overview({ year: overviewYear, recipientOrgId: f.recipientOrgId, pageSize: 200 }, signal),
  });
  const filtered = !!(f.year || f.status || f.grade || f.recipientOrgId);
  const open = (id: string) => void navigate(`/appraisals/${id}`);

  const columns: ColumnsType<Appraisal> = [
    {
      title: '派驻人员', key: 'person', width: 130, fixed: isPhone ? undefined : 'left',
      render: (_: unknown, a) => (<><Link to={`/appraisals/${a.id}`}>{a.assignment.personName}</Link><span className="dk-ap-sub">{a.assignment.personTitle ?? ''}</span></>),
    },
    {
      title: '派出单位 → 受援单位', key: 'units', width: 250,
      render: (_: unknown, a) => (<>{a.assignment.supportOrg.name} → {a.assignment.recipientOrg.name}<span className="dk-ap-sub">{a.assignment.department}</span></>),
    },
    { title: '帮扶年度', key: 'period', width: 200, render: (_: unknown, a) => formatPeriod(a.period.from, a.period.to) },
    { title: '当前步骤', key: 'step', width: 210, render: (_: unknown, a) => <StepTag appraisal={a} /> },
    { title: '鉴定等次', dataIndex: 'grade', width: 100, render: (g: Appraisal['grade']) => <GradeTag grade={g} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作', key: 'actions', width: 90, fixed: isPhone ? undefined : 'right',
      render: (_: unknown, a) => <Button size="small" type={a.mine ? 'primary' : 'default'} onClick={() => open(a.id)}>{a.mine ? '处理' : '查看'}</Button>,
    },
  ];

  // Phones: one column per appraisal — person, step and grade, units, period — instead of scrolling sideways.
  const phoneColumns: ColumnsType<Appraisal> = [{
    title: '年度鉴定', key: 'appraisal',
    render: (_: unknown, a) => (
      <div className="dk-ap-phone-row">
        <div className="dk-ap-phone-head"><Link to={`/appraisals/${a.id}`}>{a.assignment.personName}</Link><StepTag appraisal={a} /><GradeTag grade={a.grade} /></div>
        <span className="dk-ap-sub">{a.assignment.supportOrg.name} → {a.assignment.recipientOrg.name} · {a.assignment.department}</span>
        <span>帮扶年度 {formatPeriod(a.period.from, a.period.to)}</span>
        {a.mine && <Button size="small" type="primary" block onClick={() => open(a.id)}>处理</Button>}
      </div>
    ),
  }];

  const years = (overview.data?.items ?? []).filter((i) => !f.unfinished || i.status !== 'filed');
  const yearColumns: ColumnsType<OverviewItem> = [
    {
      title: '派驻人员', key: 'person', width: 110,
      render: (_: unknown, i) => (<>{i.assignment.personName}<span className="dk-ap-sub">{i.assignment.department}</span></>),
    },
    { title: '派出单位 → 受援单位', key: 'units', width: 220, render: (_: unknown, i) => `${i.assignment.supportOrg.name} → ${i.assignment.recipientOrg.name}` },
    { title: '帮扶年度', key: 'period', width: 200, render: (_: unknown, i) => formatPeriod(i.period.from, i.period.to) },
    {
      title: '进度', key: 'status', width: 160,
      render: (_: unknown, i) => (<><StatusTag status={i.status} />{i.awaitingLabel && <span className="dk-ap-sub">等待：{i.awaitingLabel}</span>}</>),
    },
    { title: '等次', dataIndex: 'grade', width: 80, render: (g: OverviewItem['grade']) => <GradeTag grade={g} empty="—" /> },
    {
      title: '规则判定', key: 'verdict',
      render: (_: unknown, i) => (<><VerdictStatusTag status={i.verdict.status} /><span className="dk-ap-verdict-text">{i.verdict.explanation}</span>{i.verdict.citation && <span className="dk-ap-sub">依据：{i.verdict.citation}</span>}</>),
    },
    {
      title: '操作', key: 'actions', width: 110,
      render: (_: unknown, i) => (i.appraisalId
        ? <Button size="small" onClick={() => open(i.appraisalId!)}>查看鉴定</Button>
        : canCreate
          ? <Button size="small" type="primary" onClick={() => setCreating({ open: true, initial: { assignmentId: i.assignment.assignmentId, periodFrom: i.period.from } })}>开始鉴定</Button>
          : <Typography.Text type="secondary">未开始</Typography.Text>),
    },
  ];

  const emptyList = view === 'todo'
    ? '没有等待您处理的年度鉴定。'
    : filtered
      ? '没有符合条件的年度鉴定，请调整筛选条件。'
      : canCreate
        ? '还没有年度鉴定。帮扶年度结束时，点击「新建鉴定」为本单位接收的派驻人员作出鉴定。'
        : '您的范围内还没有年度鉴定。受援单位作出鉴定后，按流程逐级报送。';

  return (
    <>
      <PageHeader
        title="年度鉴定"
        subtitle="受援医院鉴定 → 县级卫生健康行政部门出具意见 → 州（市）卫生健康委审核 → 省卫生健康委备案"
        extra={canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ open: true })}>新建鉴定</Button>}
      />

      <OverviewCard
        year={overviewYear} data={overview.data} loading={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()}
        onYear={(y) => update({ year: y })}
      />

      <div className="dk-ap-views">
        <Segmented<View>
          value={view}
          onChange={(v) => update({ view: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: '全部鉴定' },
            ...(canAct ? [{ value: 'todo' as const, label: <span data-testid="todo-view">待我处理 <Badge count={todo.data?.total ?? 0} size="small" showZero={false} /></span> }] : []),
            { value: 'years', label: '帮扶年度进度' },
          ]}
        />
      </div>

      {view === 'years' ? (
        <>
          <div className="dk-toolbar">
            <Typography.Text>{overviewYear} 年内结束的帮扶年度</Typography.Text>
            {me.role !== 'recipient_unit' && (
              <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
            )}
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <Switch size="small" checked={!!f.unfinished} onChange={(v) => update({ unfinished: v })} />只看未备案
            </label>
          </div>
          {overview.error && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
          <Table<OverviewItem>
            rowKey={(i) => `${i.assignment.assignmentId}-${i.period.from}`}
            size={isPhone ? 'small' : 'middle'}
            loading={overview.isFetching && !overview.data}
            dataSource={years}
            columns={yearColumns}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 个帮扶年度`, hideOnSinglePage: true }}
            scroll={{ x: 1240 }}
            locale={{
              emptyText: overview.isPending ? <CardSkeleton rows={4} /> : (
                <EmptyState description={f.unfinished ? `${overviewYear} 年内结束的帮扶年度都已备案。` : `${overviewYear} 年内没有结束的、须作年度鉴定的帮扶年度；可在上方切换年度。`} />
              ),
            }}
          />
        </>
      ) : (
        <>
          <div className="dk-toolbar">
            <Select
              className="dk-toolbar-select" allowClear placeholder="全部年度" value={f.year ? Number(f.year) : undefined}
              onChange={(v) => update({ year: v })} options={yearOptions(dayjs().year())} aria-label="年度"
            />
            <Select className="dk-toolbar-select" allowClear placeholder="鉴定状态" value={f.status} onChange={(v) => update({ status: v })} options={STATUS_OPTIONS} aria-label="鉴定状态" />
            <Select className="dk-toolbar-select" allowClear placeholder="鉴定等次" value={f.grade} onChange={(v) => update({ grade: v })} options={GRADE_OPTIONS} aria-label="鉴定等次" />
            {me.role !== 'recipient_unit' && (
              <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
            )}
          </div>
          <ListTable<Appraisal>
            list={list}
            state={state}
            update={update}
            columns={columns}
            phoneColumns={phoneColumns}
            isPhone={isPhone}
            scrollX={1150}
            rowClassName="dk-ap-row"
            onRow={(a) => ({ onClick: (e) => { if (!(e.target as HTMLElement).closest('a,button')) open(a.id); } })}
            empty={{ description: emptyList, action: canCreate && view === 'all' && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ open: true })}>新建鉴定</Button> }}
          />
        </>
      )}

      {canCreate && (
        <AppraisalCreateModal
          open={creating.open}
          initial={creating.initial}
          onClose={() => setCreating({ open: false })}
          onCreated={(id) => { setCreating({ open: false }); open(id); }}
        />
      )}
    </>
  );
}
