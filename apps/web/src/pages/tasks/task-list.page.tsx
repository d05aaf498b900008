import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Popconfirm, Select, Table, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { AnnualTask, QuarterlyReport } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { tasksApi } from '../../api/tasks.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { text } from '../../shared/format';
import { paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { AssignmentSelect } from './assignment.select';
import { QuarterlyProgressTab } from './quarterly-progress.tab';
import { QuarterlyReportDrawer } from './quarterly-report.drawer';
import { QuarterlyReportModal } from './quarterly-report.modal';
import { TaskFormModal } from './task-form.modal';
import { PersonCell, quarterLabel, TaskStatusTag, yearOptions } from './task-parts';
import './tasks.css';

const FILTERS = ['tab', 'year', 'assignmentId', 'supportOrgId', 'recipientOrgId', 'lateOnly', 'report'] as const;
type TabKey = 'tasks' | 'quarterly';

/** 编辑 / 删除 of one task; a task already reported on cannot be deleted (the server says so). */
function TaskActions({ task, onEdit, compact }: { task: AnnualTask; onEdit: () => void; compact: boolean }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => tasksApi.remove(task.id),
    onSuccess: () => {
      message.success('已删除该年度任务');
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!task.canEdit) return null;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit} style={{ paddingInline: 4 }} aria-label="编辑">{!compact && '编辑'}</Button>
      <Popconfirm
        title="删除该年度任务？"
        description={<div style={{ maxWidth: 260 }}>已在季度进展中反馈过的任务不能删除。</div>}
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={remove.isPending} style={{ paddingInline: 4 }} aria-label="删除">{!compact && '删除'}</Button>
      </Popconfirm>
    </span>
  );
}

/**
 * /tasks 年度任务与季度进展: the annual tasks the recipient unit sets for each dispatched person, and the
 * quarterly feedback it owes the support unit (due dates, late flags with the engine's explanation, reports).
 */
export function TaskListPage() {
  const { can } = useSession();
  const me = useMe();
  const isPhone = useIsPhone();
  const canWrite = can('task:write');
  const { state, update } = useListState(FILTERS);
  const f = state.filters;
  const tab: TabKey = f.tab === 'quarterly' ? 'quarterly' : 'tasks';
  const ownOnly = ['staff', 'team_leader'].includes(me.role);
  const [editing, setEditing] = useState<{ task: AnnualTask | null } | null>(null);
  const [reporting, setReporting] = useState<{ report: QuarterlyReport | null; defaults?: { assignmentId?: string; quarter?: string } } | null>(null);
  const scope = { assignmentId: f.assignmentId, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId };
  // Stable, so the open form is not reset on every render.
  const taskDefaults = useMemo(() => ({ assignmentId: f.assignmentId, year: f.year ? Number(f.year) : undefined }), [f.assignmentId, f.year]);
  // The schedule is per year: without a choice it is this year's, as the API's default.
  const scheduleYear = Number(f.year) || dayjs().year();

  const listQuery = { page: state.page, pageSize: state.pageSize, year: f.year, ...scope };
  const list = useQuery({
    queryKey: ['tasks', 'list', listQuery],
    queryFn: ({ signal }) => tasksApi.list(listQuery, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'tasks',
  });
  const filtered = !!(f.year || f.assignmentId || f.supportOrgId || f.recipientOrgId);

  const columns: ColumnsType<AnnualTask> = [
    { title: '派驻人员', key: 'person', width: 210, render: (_: unknown, t) => <PersonCell a={t.assignment} /> },
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y} 年` },
    {
      title: '任务', key: 'title', width: 280,
      render: (_: unknown, t) => (
        <>
          <b>{t.title}</b>
          {t.description && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: t.description }} style={{ marginBottom: 0, fontSize: 13 }}>{t.description}</Typography.Paragraph>}
        </>
      ),
    },
    { title: '目标 / 考核要求', dataIndex: 'target', width: 220, render: (v: string | null) => text(v) },
    {
      title: '最新进展', key: 'latest', width: 150,
      render: (_: unknown, t) => (
        <>
          <TaskStatusTag status={t.latestStatus} />
          {t.latestQuarter && <span className="dk-task-sub">{quarterLabel(t.latestQuarter)}反馈</span>}
        </>
      ),
    },
    ...(canWrite ? [{
      title: '操作', key: 'actions', width: isPhone ? 70 : 130, fixed: isPhone ? undefined : ('right' as const),
      render: (_: unknown, t: AnnualTask) => <TaskActions task={t} compact={isPhone} onEdit={() => setEditing({ task: t })} />,
    }] : []),
  ];

  // Phones: one column per task (title, state, person, target) instead of scrolling sideways.
  const phoneColumns: ColumnsType<AnnualTask> = [{
    title: '年度任务', key: 'task',
    render: (_: unknown, t) => (
      <div className="dk-task-phone-row">
        <div className="dk-task-line-head"><b>{t.title}</b><TaskStatusTag status={t.latestStatus} /></div>
        <span className="dk-task-sub">{t.year} 年 · {t.assignment.personName} · {t.assignment.recipientOrg.name}{t.latestQuarter ? ` · ${quarterLabel(t.latestQuarter)}反馈` : ''}</span>
        {t.target && <div className="dk-task-phone-target">目标：{t.target}</div>}
        {t.description && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 0, fontSize: 13 }}>{t.description}</Typography.Paragraph>}
        {t.canEdit && canWrite && <div style={{ textAlign: 'right' }}><TaskActions task={t} compact={false} onEdit={() => setEditing({ task: t })} /></div>}
      </div>
    ),
  }];

  const yearSelect = tab === 'tasks'
    ? <Select className="dk-toolbar-select" allowClear placeholder="全部年度" aria-label="年度" value={f.year} onChange={(v) => update({ year: v })} options={yearOptions()} />
    : <Select className="dk-toolbar-select" aria-label="年度" value={String(scheduleYear)} onChange={(v) => update({ year: v === String(dayjs().year()) ? undefined : v })} options={yearOptions()} />;
  const toolbar = (
    <div className="dk-toolbar">
      {yearSelect}
      {!ownOnly && (
        <AssignmentSelect className="dk-task-person-select" placeholder="全部派驻人员（输入姓名搜索）" value={f.assignmentId} onChange={(v) => update({ assignmentId: v })} />
      )}
      {!ownOnly && me.role !== 'support_unit' && me.role !== 'recipient_unit' && (
        <>
          <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
        </>
      )}
    </div>
  );

  const tasksView = (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AnnualTask>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        columns={isPhone ? phoneColumns : columns}
        scroll={isPhone ? undefined : { x: canWrite ? 1070 : 940 }}
        pagination={paginationOf(state, list.data?.total, update)}
        locale={{
          emptyText: list.isPending ? <CardSkeleton rows={4} /> : (
            <EmptyState
              description={filtered
                ? '没有符合条件的年度任务，请调整筛选条件。'
                : canWrite
                  ? '还没有年度任务。受援单位为每名派驻人员安排年度任务，季度反馈时逐项填写进展。'
                  : ownOnly ? '受援单位还没有为您安排年度任务。' : '您的范围内还没有年度任务。'}
            >
              {canWrite && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ task: null })}>安排年度任务</Button>}
            </EmptyState>
          ),
        }}
      />
    </>
  );

  const tabs = [
    { key: 'tasks', label: '年度任务', children: tab === 'tasks' ? <>{toolbar}{tasksView}</> : null },
    {
      key: 'quarterly', label: '季度进展',
      children: tab === 'quarterly' ? (
        <>
          {toolbar}
          <QuarterlyProgressTab
            key={`${scheduleYear}-${f.assignmentId}-${f.supportOrgId}-${f.recipientOrgId}-${f.lateOnly}`}
            year={scheduleYear}
            scope={scope}
            lateOnly={f.lateOnly === 'true'}
            onLateOnly={(v) => update({ lateOnly: v })}
            canWrite={canWrite}
            onOpen={(id) => update({ report: id, page: state.page })}
            onEdit={(r) => setReporting({ report: r })}
            onReport={(defaults) => setReporting({ report: null, defaults })}
            listState={state}
            onListChange={update}
          />
        </>
      ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="年度任务与季度进展"
        subtitle="受援单位为派驻人员安排年度任务，每季度向支援单位反馈工作情况和任务进展；逾期未反馈按政策标红"
        extra={canWrite && (
          tab === 'tasks'
            ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ task: null })}>安排年度任务</Button>
            : <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setReporting({ report: null, defaults: { assignmentId: f.assignmentId } })}>反馈季度进展</Button>
        )}
      />
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => update({ tab: k === 'tasks' ? undefined : k })} items={tabs} />
      </Card>
      {canWrite && (
        <>
          <TaskFormModal
            open={!!editing}
            task={editing?.task ?? null}
            defaults={taskDefaults}
            onClose={() => setEditing(null)}
          />
          <QuarterlyReportModal open={!!reporting} report={reporting?.report ?? null} defaults={reporting?.defaults} onClose={() => setReporting(null)} />
        </>
      )}
      <QuarterlyReportDrawer
        id={f.report}
        onClose={() => update({ report: undefined, page: state.page })}
        onEdit={(r) => { update({ report: undefined, page: state.page }); setReporting({ report: r }); }}
      />
    </>
  );
}
