import { useState } from 'react';
import { Badge, Button, Card, Pagination, Result, Select, Table, Tabs, Typography } from 'antd';
import { CarOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { LEAVE_STATUS_LABELS, LEAVE_STATUSES, type Leave } from '@duikou/contracts';
import { leaveApi, tripsApi, type Trip } from '../../api/leave.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { formatDate, formatDateTime, text } from '../../shared/format';
import { paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { LeaveActionModal, type LeaveAction } from './leave-decision.modal';
import { LeaveActions, LeaveDetailDrawer } from './leave-detail.drawer';
import { awaitingText, LeaveDays, leaveKindLabel, leavePeriod, LeaveStatusTag } from './leave-parts';
import { LeaveRequestModal } from './leave-request.modal';
import { TripReportModal } from './trip-report.modal';
import './leave.css';

type TabKey = 'list' | 'todo' | 'trips';

function leaveColumns(open: (l: Leave) => void, onAction: (a: LeaveAction) => void): ColumnsType<Leave> {
  return [
    {
      title: '人员', key: 'person', width: 140,
      render: (_: unknown, l) => (
        <>
          <Typography.Link onClick={() => open(l)}>{l.personName}</Typography.Link>
          <span className="dk-leave-sub">{l.supportOrgName}</span>
        </>
      ),
    },
    { title: '受援单位', dataIndex: 'recipientOrgName', width: 150 },
    { title: '类别', dataIndex: 'kind', width: 80, render: (k: string) => leaveKindLabel(k) },
    { title: '日期', key: 'period', width: 120, render: (_: unknown, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(l.startDate)}<br />至 {formatDate(l.endDate)}</span> },
    { title: '天数', key: 'days', width: 140, render: (_: unknown, l) => <LeaveDays leave={l} compact /> },
    {
      title: '状态', key: 'status', width: 170,
      render: (_: unknown, l) => (
        <>
          <LeaveStatusTag status={l.status} />
          {awaitingText(l) && <span className="dk-leave-sub">{awaitingText(l)}</span>}
          {l.returnedOn && <span className="dk-leave-sub">{formatDate(l.returnedOn)} 销假</span>}
        </>
      ),
    },
    { title: '申请时间', dataIndex: 'createdAt', width: 110, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}<br />{dayjs(d).format('HH:mm')}</span> },
    {
      title: '操作', key: 'actions', width: 200, fixed: 'right' as const,
      render: (_: unknown, l) => <LeaveActions leave={l} onAction={onAction} onOpen={() => open(l)} />,
    },
  ];
}

/** Phones: one card per leave instead of a wide table. */
function LeaveCards({ items, open, onAction }: { items: Leave[]; open: (l: Leave) => void; onAction: (a: LeaveAction) => void }) {
  return (
    <div className="dk-leave-cards">
      {items.map((l) => (
        <Card key={l.id} size="small" className="dk-leave-card" hoverable onClick={() => open(l)}>
          <div className="dk-leave-card-head">
            <span className="dk-leave-card-title">{l.personName} · {leaveKindLabel(l.kind)}</span>
            <LeaveStatusTag status={l.status} />
          </div>
          <div className="dk-leave-card-line">{leavePeriod(l)}</div>
          <div className="dk-leave-card-line"><LeaveDays leave={l} compact /></div>
          {awaitingText(l) && <div className="dk-leave-card-line">{awaitingText(l)}</div>}
          <div onClick={(e) => e.stopPropagation()}><LeaveActions leave={l} onAction={onAction} /></div>
        </Card>
      ))}
    </div>
  );
}

function TripList() {
  const isPhone = useIsPhone();
  const q = useQuery({ queryKey: ['trips'], queryFn: ({ signal }) => tripsApi.list(signal) });
  const columns: ColumnsType<Trip> = [
    { title: '人员', dataIndex: 'personName', width: 110 },
    { title: '受援单位', dataIndex: 'recipientOrgName', width: 160 },
    { title: '外出日期', key: 'period', width: 200, render: (_: unknown, t) => leavePeriod(t) },
    { title: '目的地', dataIndex: 'destination', width: 140 },
    { title: '事由', dataIndex: 'reason', render: (r: string | null) => text(r) },
    { title: '报备时间', dataIndex: 'createdAt', width: 160, render: (d: string) => formatDateTime(d) },
  ];
  return (
    <>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Trip>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: <EmptyState description="还没有外出报备。休息日、节假日离开驻地时请提交外出报备。" /> }}
      />
    </>
  );
}

/** /leave 请假 for those who ask for leave or approve it (the route's permission is either of the two). */
export function LeaveListPage() {
  const { can } = useSession();
  if (!can('leave:request') && !can('leave:approve')) {
    return <Result status="403" title="没有权限" subTitle="当前角色无权访问此页面。如需开通，请联系系统管理员。" />;
  }
  return <LeaveList />;
}

/** Records (own for staff), 待我审批 for approvers, 外出报备; detail in a drawer (?leave=id). */
function LeaveList() {
  const me = useMe();
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canRequest = can('leave:request');
  const canApprove = can('leave:approve');
  const { state, update } = useListState(['status', 'tab', 'leave']);
  // Approvers who never ask for leave (units, offices) start on 待我审批.
  const defaultTab: TabKey = canApprove && !canRequest ? 'todo' : 'list';
  const tab: TabKey = (['list', 'todo', 'trips'] as const).find((t) => t === state.filters.tab && (t !== 'todo' || canApprove)) ?? defaultTab;
  const [requesting, setRequesting] = useState(false);
  const [reportingTrip, setReportingTrip] = useState(false);
  const [action, setAction] = useState<LeaveAction | null>(null);

  const listQuery = { page: state.page, pageSize: state.pageSize, ...(tab === 'todo' ? { todo: 'true' } : { status: state.filters.status }) };
  const list = useQuery({
    queryKey: ['leave', 'list', listQuery],
    queryFn: ({ signal }) => leaveApi.list(listQuery, signal),
    enabled: tab !== 'trips',
    placeholderData: keepPreviousData,
  });
  const todoCount = useQuery({
    queryKey: ['leave', 'list', { todo: 'true', page: 1, pageSize: 1 }],
    queryFn: ({ signal }) => leaveApi.list({ todo: 'true', page: 1, pageSize: 1 }, signal),
    enabled: canApprove,
  });

  const open = (l: Leave) => update({ leave: l.id, page: state.page });
  const own = me.role === 'staff';
  const items = list.data?.items ?? [];
  const emptyText = tab === 'todo'
    ? '没有等待您审批的请假。'
    : state.filters.status ? '没有该状态的请假。' : own ? '您还没有请假记录。需要离岗时点击「请假申请」。' : '您的范围内还没有请假记录。';

  const listView = (
    <>
      {tab === 'list' && (
        <div className="dk-toolbar">
          <Select
            className="dk-toolbar-select"
            allowClear
            placeholder="全部状态"
            aria-label="状态"
            value={state.filters.status}
            onChange={(v) => update({ status: v })}
            options={LEAVE_STATUSES.map((s) => ({ value: s, label: LEAVE_STATUS_LABELS[s] }))}
          />
        </div>
      )}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {isPhone ? (
        <>
          {list.isPending && !list.data ? <Card loading /> : items.length === 0 ? <EmptyState description={emptyText} /> : <LeaveCards items={items} open={open} onAction={setAction} />}
          {(list.data?.total ?? 0) > state.pageSize && (
            <Pagination
              simple
              style={{ marginTop: 12, textAlign: 'center' }}
              current={state.page}
              pageSize={state.pageSize}
              total={list.data?.total ?? 0}
              onChange={(page) => update({ page })}
            />
          )}
        </>
      ) : (
        <Table<Leave>
          rowKey="id"
          loading={list.isFetching}
          dataSource={items}
          columns={leaveColumns(open, setAction)}
          scroll={{ x: 1100 }}
          pagination={paginationOf(state, list.data?.total, update)}
          locale={{ emptyText: <EmptyState description={emptyText} /> }}
        />
      )}
    </>
  );

  const tabs = [
    { key: 'list', label: own ? '我的请假' : '请假记录', children: tab === 'list' ? listView : null },
    ...(canApprove ? [{ key: 'todo', label: <Badge count={todoCount.data?.total ?? 0} size="small" offset={[8, -2]}>待我审批</Badge>, children: tab === 'todo' ? listView : null }] : []),
    { key: 'trips', label: '外出报备', children: tab === 'trips' ? <TripList /> : null },
  ];

  return (
    <>
      <PageHeader
        title="请假"
        subtitle="请假按工作日计算，审批层级由政策决定；休息日、节假日外出只需报备"
        extra={canRequest && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>请假申请</Button>
            <Button icon={<CarOutlined />} onClick={() => setReportingTrip(true)}>外出报备</Button>
          </>
        )}
      />
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => update({ tab: k === defaultTab ? undefined : k, status: undefined })} items={tabs} />
      </Card>
      <LeaveDetailDrawer id={state.filters.leave} onClose={() => update({ leave: undefined, page: state.page })} onAction={setAction} />
      <LeaveRequestModal open={requesting} onClose={() => setRequesting(false)} onTrip={() => setReportingTrip(true)} />
      <TripReportModal open={reportingTrip} onClose={() => setReportingTrip(false)} />
      <LeaveActionModal action={action} onClose={() => setAction(null)} />
    </>
  );
}
