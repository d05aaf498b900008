import { lazy, Suspense, useEffect, useState } from 'react';
import { Card, Segmented, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { outcomesApi } from '../../api/outcomes.endpoints';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { defaultGroupOf, FIGURE_GROUPS, trendChartData, type FigureGroupKey } from './outcome-parts';

const OutcomeTrendChart = lazy(() => import('./outcome-trend-chart').then((m) => ({ default: m.OutcomeTrendChart })));

/**
 * 成效趋势 of one recipient (GET /api/outcomes/trend): yearly or quarterly lines of one group of figures,
 * the indicators its policies assess and what the year's signed agreements aimed at.
 */
export function OutcomeTrendCard({ orgId, onOrgChange, fixed }: { orgId: string | undefined; onOrgChange: (id: string | undefined) => void; fixed: boolean }) {
  const [granularity, setGranularity] = useState<'year' | 'quarter'>('year');
  const [group, setGroup] = useState<FigureGroupKey | null>(null);
  const q = useQuery({
    queryKey: ['outcomes', 'trend', orgId, granularity],
    queryFn: ({ signal }) => outcomesApi.trend({ recipientOrgId: orgId!, granularity }, signal),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
  const trend = q.data && q.data.recipientOrg.id === orgId ? q.data : undefined;
  // A new recipient opens on what its policies assess.
  useEffect(() => setGroup(null), [orgId]);
  const shownGroup = group ?? (trend ? defaultGroupOf(trend.indicators) : 'growth');
  const data = trend ? trendChartData(trend, shownGroup, granularity) : null;
  const groupLabel = FIGURE_GROUPS.find((g) => g.key === shownGroup)!.label;

  return (
    <Card
      size="small"
      className="dk-oc-trend"
      title="成效趋势"
      extra={
        !fixed && (
          <OrganisationSelect className="dk-oc-trend-org" role="recipient" placeholder="选择受援单位" value={orgId} onChange={onOrgChange} allowClear={false} />
        )
      }
    >
      {!orgId ? (
        <EmptyState description="选择一个受援单位，查看其历年（或各季度）成效指标的变化。" />
      ) : (
        <>
          <div className="dk-toolbar">
            <Segmented<'year' | 'quarter'> value={granularity} onChange={setGranularity} options={[{ value: 'year', label: '按年度' }, { value: 'quarter', label: '按季度' }]} />
            <Segmented<FigureGroupKey> value={shownGroup} onChange={setGroup} options={FIGURE_GROUPS.map((g) => ({ value: g.key, label: g.label }))} />
          </div>
          {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
          {trend && (
            <div className="dk-oc-indicators">
              <Typography.Text type="secondary">{trend.recipientOrg.name} 政策考核的成效指标：</Typography.Text>
              {trend.indicators.length
                ? trend.indicators.map((i) => <Tag key={`${i.policyCode}-${i.key}`} color="blue">{i.label}（{i.policyCode}）</Tag>)
                : <Typography.Text type="secondary">无</Typography.Text>}
            </div>
          )}
          {!trend && !q.error && <CardSkeleton rows={5} />}
          {data && (data.hasData ? (
            <Suspense fallback={<CardSkeleton rows={5} />}>
              <OutcomeTrendChart data={data} title={`${trend!.recipientOrg.name}${groupLabel}趋势`} />
            </Suspense>
          ) : (
            <EmptyState description={`还没有${granularity === 'year' ? '年度' : '季度'}的「${groupLabel}」指标；填报后这里显示变化趋势。`} />
          ))}
          {trend && granularity === 'year' && trend.targets.length > 0 && (
            <Typography.Paragraph type="secondary" className="dk-oc-targets">
              年度协议目标：{trend.targets.map((t) => `${t.year} 年引进技术 ${t.technologies} 项${t.traineeTarget !== null ? `、培养 ${t.traineeTarget} 人` : ''}`).join('；')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
