import { useState } from 'react';
import { Alert, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { OffSiteGuidance } from '@duikou/contracts';
import { activitiesApi } from '../../api/activities.endpoints';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList, VerdictStatusTag } from '../../shared/verdict-list';
import { labelFigures, PersonCell } from '../tasks/task-parts';
import { missingMonths, MonthChip } from './activity-parts';

type Item = OffSiteGuidance['items'][number];
const GUIDANCE_FIGURES = { offSiteMonths: '有不驻点工作日的月份', guidedMonths: '有远程指导的月份', missingMonths: '缺记录的月份', guidanceRecords: '远程指导记录' };

/**
 * 离岗期间远程指导 (GET /api/activities/off-site-guidance): for each person whose mode leaves them off site
 * (MY 间隔去、分段驻), every month of the term with working days off site and whether remote guidance was
 * recorded in it; the engine's verdict with its explanation, red when a month has none.
 */
export function OffSiteGuidanceTab({ scope, status, onRecord }: {
  scope: { assignmentId?: string; supportOrgId?: string; recipientOrgId?: string };
  status: string | undefined;
  /** Offered when the caller may record guidance. */
  onRecord?: () => void;
}) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...scope, status, ...page };
  const q = useQuery({
    queryKey: ['activities', 'off-site-guidance', query],
    queryFn: ({ signal }) => activitiesApi.offSiteGuidance(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = q.data;

  const columns: ColumnsType<Item> = [
    { title: '派驻人员', key: 'person', width: 220, render: (_: unknown, i) => <PersonCell a={i.assignment} showMode /> },
    {
      title: '判定', key: 'verdict', width: 330,
      render: (_: unknown, i) => (
        <div className={`dk-act-verdict dk-act-verdict-${i.verdict.status}`}>
          <VerdictStatusTag status={i.verdict.status} />
          <div className="dk-act-verdict-text">{i.verdict.explanation}</div>
        </div>
      ),
    },
    {
      title: '不驻点月份与远程指导记录', key: 'months', width: 380,
      render: (_: unknown, i) => {
        const missing = missingMonths(i.months).length;
        return i.months.length === 0 ? <Typography.Text type="secondary">暂无不驻点的工作日</Typography.Text> : (
          <>
            <div className="dk-act-months">{i.months.map((m) => <MonthChip key={m.month} m={m} />)}</div>
            <span className={missing ? 'dk-task-late' : 'dk-task-sub'}>不驻点月份 {i.months.length} 个{missing ? `，缺记录 ${missing} 个` : ''}</span>
          </>
        );
      },
    },
  ];

  // Phones: person, verdict and months stacked in one column.
  const phoneColumns: ColumnsType<Item> = [{
    title: '派驻人员与判定', key: 'all',
    render: (_: unknown, i) => (
      <div className="dk-task-phone-row">
        <div className="dk-task-line-head"><b>{i.assignment.personName}</b><VerdictStatusTag status={i.verdict.status} /></div>
        <span className="dk-task-sub">{i.assignment.supportOrg.name} → {i.assignment.recipientOrg.name} · {i.assignment.term.start} 至 {i.assignment.term.end}</span>
        <div className={`dk-act-verdict dk-act-verdict-${i.verdict.status}`}><div className="dk-act-verdict-text">{i.verdict.explanation}</div></div>
        {i.months.length > 0 && <div className="dk-act-months" style={{ marginTop: 4 }}>{i.months.map((m) => <MonthChip key={m.month} m={m} />)}</div>}
      </div>
    ),
  }];

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        间隔去、分段驻的派驻人员，不驻点期间须通过网络视频、微信等方式核查点评、纠错和指导，并做好记录存档。
        每个有不驻点工作日的月份至少应有一条远程指导记录。{data && `判定日期：${data.asOf}。`}
      </Typography.Paragraph>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {data && data.skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${data.skipped.length} 名人员无法判定`}
          description={<ul className="dk-task-skipped">{data.skipped.map((x) => <li key={x.assignmentId}>{x.personName}：{x.message}</li>)}</ul>}
        />
      )}
      <Table<Item>
        rowKey={(i) => i.assignment.assignmentId}
        size="small"
        loading={q.isFetching && !q.data}
        dataSource={data?.items ?? []}
        columns={isPhone ? phoneColumns : columns}
        scroll={isPhone ? undefined : { x: 980 }}
        rowClassName={(i) => (i.verdict.status === 'unmet' ? 'dk-task-row-unmet' : '')}
        expandable={isPhone ? undefined : { expandedRowRender: (i) => <VerdictList verdicts={[labelFigures(i.verdict, GUIDANCE_FIGURES)]} summary={false} />, columnTitle: '' }}
        pagination={{
          current: page.page, pageSize: page.pageSize, total: data?.total ?? 0, hideOnSinglePage: true,
          showTotal: (t) => `共 ${t} 人`, onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        locale={{
          emptyText: q.isPending ? <CardSkeleton rows={4} /> : (
            <EmptyState
              description={status
                ? '没有该判定结果的人员，请调整筛选条件。'
                : '您的范围内没有需要核查不驻点期间远程指导的人员（仅适用于政策要求记录的间隔去、分段驻人员）。'}
            >
              {onRecord && !status && <Typography.Link onClick={onRecord}>登记远程指导</Typography.Link>}
            </EmptyState>
          ),
        }}
      />
    </>
  );
}
