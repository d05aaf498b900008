import { useState } from 'react';
import { Alert, Button, Switch, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { QuarterlyReport, QuarterlySchedule } from '@duikou/contracts';
import { quarterlyReportsApi } from '../../api/tasks.endpoints';
import { paginationOf } from '../../shared/list-toolbar';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList, VerdictStatusTag } from '../../shared/verdict-list';
import { labelFigures, lateness, PersonCell, quarterLabel, TaskStatusTag } from './task-parts';

type ScheduleItem = QuarterlySchedule['items'][number];
type ScheduleQuarter = ScheduleItem['quarters'][number];

/** One quarter of the schedule: status, due date (postponed past holidays), submission, the engine's sentence, and what to do. */
function QuarterCell({ q, canWrite, onOpen, onReport }: { q: ScheduleQuarter | undefined; canWrite: boolean; onOpen: (id: string) => void; onReport: (quarter: string) => void }) {
  if (!q) return <Typography.Text type="secondary">不在派驻期内</Typography.Text>;
  const v = q.verdict;
  return (
    <div className={`dk-task-q dk-task-q-${v.status}`} data-status={v.status}>
      <div className="dk-task-q-head">
        <VerdictStatusTag status={v.status} />
        {q.reportId
          ? <Typography.Link onClick={() => onOpen(q.reportId!)}>{q.submittedOn} 已反馈</Typography.Link>
          : canWrite && v.status !== 'not_applicable'
            ? <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onReport(q.quarter)}>反馈</Button>
            : <span className="dk-task-sub-inline">未反馈</span>}
      </div>
      <span className="dk-task-sub">
        截止 {q.due ?? '未定'}{q.postponed && <Tag className="dk-task-postponed" color="gold" title={`原定 ${q.nominal}，遇节假日顺延`}>顺延</Tag>}
      </span>
      <div className="dk-task-q-text">{v.explanation}</div>
    </div>
  );
}

/**
 * 季度进展 (GET /api/quarterly-reports/schedule and /api/quarterly-reports): the due dates of the year's quarters
 * per person, with the engine's verdict (late and overdue in red, with its explanation), then the reports given.
 */
export function QuarterlyProgressTab({ year, scope, lateOnly, onLateOnly, canWrite, onOpen, onEdit, onReport, listState, onListChange }: {
  year: number;
  /** Person and units filtered on. */
  scope: { assignmentId?: string; supportOrgId?: string; recipientOrgId?: string };
  lateOnly: boolean;
  onLateOnly: (v: boolean) => void;
  canWrite: boolean;
  onOpen: (id: string) => void;
  onEdit: (r: QuarterlyReport) => void;
  onReport: (defaults: { assignmentId: string; quarter: string }) => void;
  listState: { page: number; pageSize: number };
  onListChange: (c: Record<string, number>) => void;
}) {
  const isPhone = useIsPhone();
  const [schedulePage, setSchedulePage] = useState({ page: 1, pageSize: 20 });
  const scheduleQuery = { year, ...scope, lateOnly: lateOnly ? 'true' : undefined, ...schedulePage };
  const schedule = useQuery({
    queryKey: ['quarterly-reports', 'schedule', scheduleQuery],
    queryFn: ({ signal }) => quarterlyReportsApi.schedule(scheduleQuery, signal),
    placeholderData: keepPreviousData,
  });
  const listQuery = { year, ...scope, page: listState.page, pageSize: listState.pageSize };
  const reports = useQuery({
    queryKey: ['quarterly-reports', 'list', listQuery],
    queryFn: ({ signal }) => quarterlyReportsApi.list(listQuery, signal),
    placeholderData: keepPreviousData,
  });

  const quarterColumns: ColumnsType<ScheduleItem> = [1, 2, 3, 4].map((n) => ({
    title: `第${['一', '二', '三', '四'][n - 1]}季度`,
    key: `q${n}`,
    width: 230,
    render: (_: unknown, item) => (
      <QuarterCell
        q={item.quarters.find((q) => q.quarter === `${year}-Q${n}`)}
        canWrite={canWrite}
        onOpen={onOpen}
        onReport={(quarter) => onReport({ assignmentId: item.assignment.assignmentId, quarter })}
      />
    ),
  }));
  const scheduleColumns: ColumnsType<ScheduleItem> = [
    { title: '派驻人员', key: 'person', width: 200, fixed: isPhone ? undefined : 'left', render: (_: unknown, item) => <PersonCell a={item.assignment} /> },
    { title: '全年', key: 'status', width: 90, render: (_: unknown, item) => <VerdictStatusTag status={item.status} /> },
    ...quarterColumns,
  ];

  // Phones: one column per person, the quarters stacked, instead of scrolling sideways.
  const schedulePhoneColumns: ColumnsType<ScheduleItem> = [{
    title: '派驻人员与各季度反馈', key: 'all',
    render: (_: unknown, item) => (
      <div className="dk-task-phone-row">
        <div className="dk-task-line-head"><b>{item.assignment.personName}</b><VerdictStatusTag status={item.status} /></div>
        <span className="dk-task-sub">{item.assignment.supportOrg.name} → {item.assignment.recipientOrg.name}</span>
        {item.quarters.map((q) => (
          <div key={q.quarter} className="dk-task-phone-quarter">
            <div className="dk-task-phone-quarter-name">{quarterLabel(q.quarter)}</div>
            <QuarterCell q={q} canWrite={canWrite} onOpen={onOpen} onReport={(quarter) => onReport({ assignmentId: item.assignment.assignmentId, quarter })} />
          </div>
        ))}
      </div>
    ),
  }];
  const reportPhoneColumns: ColumnsType<QuarterlyReport> = [{
    title: '季度进展', key: 'all',
    render: (_: unknown, r) => {
      const l = lateness(r);
      return (
        <div className="dk-task-phone-row">
          <div className="dk-task-line-head">
            <Typography.Link onClick={() => onOpen(r.id)}>{r.assignment.personName} · {quarterLabel(r.quarter)}</Typography.Link>
            {r.canEdit && <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onEdit(r)}>更正</Button>}
          </div>
          <span className={l.late ? 'dk-task-late' : 'dk-task-sub'}>{r.submittedOn} 反馈 · {l.text}</span>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 13 }}>{r.summary}</Typography.Paragraph>
        </div>
      );
    },
  }];

  const reportColumns: ColumnsType<QuarterlyReport> = [
    { title: '派驻人员', key: 'person', width: 200, render: (_: unknown, r) => <PersonCell a={r.assignment} /> },
    { title: '季度', dataIndex: 'quarter', width: 140, render: (q: string, r) => <Typography.Link onClick={() => onOpen(r.id)}>{quarterLabel(q)}</Typography.Link> },
    {
      title: '反馈日期', key: 'submitted', width: 190,
      render: (_: unknown, r) => {
        const l = lateness(r);
        return (
          <>
            {r.submittedOn}
            <span className={l.late ? 'dk-task-late' : 'dk-task-sub'}>{l.text}</span>
          </>
        );
      },
    },
    { title: '支援工作情况', dataIndex: 'summary', width: 280, render: (s: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s }} style={{ marginBottom: 0 }}>{s}</Typography.Paragraph> },
    {
      title: '年度任务进展', key: 'tasks', width: 240,
      render: (_: unknown, r) => r.tasks.length === 0 ? <Typography.Text type="secondary">未填写</Typography.Text> : (
        <div className="dk-task-progress-list">
          {r.tasks.map((t) => <div key={t.taskId}><TaskStatusTag status={t.status} />{t.title}</div>)}
        </div>
      ),
    },
    {
      title: '操作', key: 'actions', width: 110, fixed: isPhone ? undefined : 'right',
      render: (_: unknown, r) => (
        <>
          <Button size="small" type="link" style={{ paddingInline: 4 }} onClick={() => onOpen(r.id)}>查看</Button>
          {r.canEdit && <Button size="small" type="link" style={{ paddingInline: 4 }} onClick={() => onEdit(r)}>更正</Button>}
        </>
      ),
    },
  ];

  const s = schedule.data;
  return (
    <>
      <div className="dk-task-section-head">
        <Typography.Title level={5} style={{ margin: 0 }}>{year} 年反馈时限与判定</Typography.Title>
        <label className="dk-task-switch"><Switch size="small" checked={lateOnly} onChange={onLateOnly} />只看逾期、未按时反馈</label>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        受援单位每季度结束后向支援单位反馈派驻人员工作情况；截止日按政策计算，遇节假日顺延。{s && `判定日期：${s.asOf}。`}
      </Typography.Paragraph>
      {schedule.error && <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {s && s.skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${s.skipped.length} 名人员无法判定`}
          description={<ul className="dk-task-skipped">{s.skipped.map((x) => <li key={x.assignmentId}>{x.personName}：{x.message}</li>)}</ul>}
        />
      )}
      <Table<ScheduleItem>
        rowKey={(i) => i.assignment.assignmentId}
        size="small"
        loading={schedule.isFetching && !schedule.data}
        dataSource={s?.items ?? []}
        columns={isPhone ? schedulePhoneColumns : scheduleColumns}
        scroll={isPhone ? undefined : { x: 1250 }}
        rowClassName={(i) => (i.status === 'unmet' ? 'dk-task-row-unmet' : '')}
        expandable={isPhone ? undefined : {
          expandedRowRender: (item) => (
            <VerdictList verdicts={item.quarters.map((q) => labelFigures({ ...q.verdict, ruleLabel: `${quarterLabel(q.quarter)} · ${q.verdict.ruleLabel}` }, { quarter: null }))} />
          ),
          columnTitle: '',
        }}
        pagination={{
          current: schedulePage.page, pageSize: schedulePage.pageSize, total: s?.total ?? 0, hideOnSinglePage: true,
          showTotal: (t) => `共 ${t} 人`, onChange: (page, pageSize) => setSchedulePage({ page, pageSize }),
        }}
        locale={{
          emptyText: schedule.isPending ? <CardSkeleton rows={3} /> : (
            <EmptyState
              description={lateOnly
                ? `${year} 年没有逾期或未按时反馈的人员。`
                : `${year} 年您的范围内没有需要按季度反馈的派驻人员（政策不要求季度反馈，或当年没有派驻）。可切换年度查看。`}
            />
          ),
        }}
      />

      <div className="dk-task-section-head" style={{ marginTop: 24 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{year} 年季度进展记录</Typography.Title>
      </div>
      {reports.error && <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      <Table<QuarterlyReport>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={reports.isFetching && !reports.data}
        dataSource={reports.data?.items ?? []}
        columns={isPhone ? reportPhoneColumns : reportColumns}
        scroll={isPhone ? undefined : { x: 1160 }}
        pagination={paginationOf(listState, reports.data?.total, onListChange)}
        locale={{
          emptyText: reports.isPending ? <CardSkeleton rows={3} /> : (
            <EmptyState
              description={canWrite
                ? `${year} 年还没有季度进展。在上表中点击某季度的「反馈」，或点击右上角「反馈季度进展」。`
                : `${year} 年您的范围内还没有受援单位反馈的季度进展。`}
            />
          ),
        }}
      />
    </>
  );
}
