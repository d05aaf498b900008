import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Select, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { AssignmentProgress } from '@duikou/contracts';
import { progressApi } from '../../api/progress.endpoints';
import { CollapsibleFilters, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { VerdictStatusTag, VerdictSummary } from '../../shared/verdict-list';
import { MODE_OPTIONS, modeLabel } from '../assignments/assignment-tags';
import { DaysBar, headlineExplanation, unitOf } from './progress-parts';
import './progress.css';

const AtRiskChart = lazy(() => import('./at-risk-chart').then((m) => ({ default: m.AtRiskChart })));

const FILTERS = ['programmeId', 'supportOrgId', 'recipientOrgId', 'mode', 'status'] as const;

/**
 * /progress/at-risk 在岗进度预警: planned and on-duty assignments whose on-site days are already short
 * or, at the pace so far, will be short at the end of the term — worst first, with the rules' reasons.
 */
export function AtRiskPage() {
  const isPhone = useIsPhone();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const q = useQuery({
    queryKey: ['progress', 'at-risk', query],
    queryFn: ({ signal }) => progressApi.atRisk({ ...query, q: undefined, includeArchived: undefined }, signal),
    placeholderData: keepPreviousData,
  });
  const items = q.data?.items ?? [];
  const skipped = q.data?.skipped ?? [];
  const filtered = FILTERS.some((k) => !!f[k]);

  const columns: ColumnsType<AssignmentProgress> = [
    {
      title: '人员', key: 'person', width: 120, fixed: isPhone ? undefined : 'left',
      render: (_: unknown, p) => (<><Link to={`/assignments/${p.assignmentId}`}>{p.personName}</Link><span className="dk-prog-sub">{p.supportOrgName}</span></>),
    },
    { title: '受援单位', dataIndex: 'recipientOrgName', width: 170, render: (n: string, p) => (<>{n}<span className="dk-prog-sub">{p.programmeName} · {p.policyCode}</span></>) },
    { title: '支援方式 / 派驻期', key: 'term', width: 150, render: (_: unknown, p) => (<>{modeLabel(p.mode)}<span className="dk-prog-sub">{p.term.start} 至 {p.term.end}</span></>) },
    { title: '已在岗 / 要求', key: 'done', width: 170, render: (_: unknown, p) => <DaysBar p={p} compact /> },
    {
      title: '期满预计', key: 'forecast', width: 100,
      render: (_: unknown, p) => (p.figures?.forecast !== null && p.figures?.forecast !== undefined ? `${p.figures.forecast} ${unitOf(p)}` : '—'),
    },
    { title: '判定', dataIndex: 'status', width: 80, render: (s: AssignmentProgress['status']) => <VerdictStatusTag status={s} /> },
    { title: '说明', key: 'explanation', render: (_: unknown, p) => <span className="dk-prog-explain">{headlineExplanation(p)}</span> },
  ];
  // Phones: the person, then the figures and the verdict, without scrolling sideways.
  const phoneColumns: ColumnsType<AssignmentProgress> = [{
    title: '派驻', key: 'all',
    render: (_: unknown, p) => (
      <div className="dk-prog-phone-row">
        <div className="dk-prog-head"><Link to={`/assignments/${p.assignmentId}`}>{p.personName}</Link><VerdictStatusTag status={p.status} /></div>
        <span className="dk-prog-sub">{p.supportOrgName} → {p.recipientOrgName}</span>
        <DaysBar p={p} compact />
        {p.figures?.forecast !== null && p.figures?.forecast !== undefined && <span className="dk-prog-sub">期满预计 {p.figures.forecast} {unitOf(p)}</span>}
        <span className="dk-prog-explain">{headlineExplanation(p)}</span>
      </div>
    ),
  }];

  const filterControls = (
    <>
      <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={f.programmeId} onChange={(v) => update({ programmeId: v })} />
      <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
      <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
      <Select className="dk-toolbar-select" allowClear placeholder="支援方式" value={f.mode} onChange={(v) => update({ mode: v })} options={MODE_OPTIONS} aria-label="支援方式" />
      <Select
        className="dk-toolbar-select" allowClear placeholder="有风险及不符合" value={f.status} onChange={(v) => update({ status: v })} aria-label="判定"
        options={[{ value: 'unmet', label: '只看不符合（已无法达标）' }, { value: 'at_risk', label: '只看有风险' }]}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="在岗进度预警"
        subtitle={`在岗天数已不达标或按当前进度期满时可能不达标的派驻，最严重的在前${q.data ? `（截至 ${q.data.asOf}，按节假日日历计算工作日）` : ''}`}
      />
      <div className="dk-toolbar">
        <CollapsibleFilters active={FILTERS.filter((k) => !!f[k]).length}>{filterControls}</CollapsibleFilters>
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="dk-section"
          title={`${q.data?.skippedTotal ?? skipped.length} 个派驻暂无法评估`}
          description={
            <ul className="dk-prog-skipped">
              {skipped.slice(0, 10).map((s) => <li key={s.assignmentId}><Link to={`/assignments/${s.assignmentId}`}>{s.personName}</Link>：{s.message}</li>)}
              {(q.data?.skippedTotal ?? skipped.length) > 10 && <li>另有 {(q.data?.skippedTotal ?? skipped.length) - 10} 个…</li>}
            </ul>
          }
        />
      )}
      {items.some((p) => p.figures?.required) && (
        <Card
          className="dk-section"
          size="small"
          title={`已在岗与期满预计占要求的比例（本页 ${items.length} 人）`}
          extra={!isPhone && <VerdictSummary verdicts={items.map((p) => ({ ruleId: p.assignmentId, status: p.status, figures: {}, explanation: '' }))} />}
        >
          <Suspense fallback={<CardSkeleton rows={4} />}>
            <AtRiskChart items={items} />
          </Suspense>
        </Card>
      )}
      <Table<AssignmentProgress>
        rowKey="assignmentId"
        size={isPhone ? 'small' : 'middle'}
        loading={q.isFetching && !q.data}
        dataSource={items}
        columns={isPhone ? phoneColumns : columns}
        pagination={paginationOf(state, q.data?.total, update)}
        scroll={isPhone ? undefined : { x: 1100 }}
        locale={{
          emptyText: q.isPending ? <CardSkeleton rows={3} /> : (
            <EmptyState
              description={
                filtered
                  ? '所选范围内没有在岗天数不达标或可能不达标的派驻。'
                  : '您的范围内没有在岗天数不达标或可能不达标的派驻（仅评估计划派出和在岗的派驻）。'
              }
            />
          ),
        }}
      />
      <Typography.Paragraph type="secondary" className="dk-prog-note">
        判定依据各派驻适用政策版本的在岗要求，工作日按节假日日历计算；没有考勤记录的日期按未在岗计。点击人员查看派驻详情中的在岗进度和全部规则结论。
      </Typography.Paragraph>
    </>
  );
}
