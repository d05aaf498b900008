import { lazy, Suspense } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Statistic, Tag, Typography } from 'antd';
import { ArrowRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardComparisonRow } from '@duikou/contracts';
import { dashboardApi } from '../../api/dashboard.endpoints';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { COMPARISON_TITLES, drillSearch, figureCards, freshnessText, rowLink, SEVERITY_COLORS, SEVERITY_TEXT } from './dashboard-parts';
import './dashboard.css';

// ECharts is loaded only with the charts, in their own chunk.
const TrendChart = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.TrendChart })));
const ComparisonChart = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.ComparisonChart })));

const TONE_COLORS = { normal: undefined, warn: '#d46b08', danger: '#cf1322' } as const;

/**
 * /dashboard 监管看板: today's attendance and the engine's verdicts of the caller's area, what needs
 * attention first (each with a link to act on it), 12 months of trends and a comparison of the regions,
 * units or persons below — a bar or a row opens the next level, the breadcrumb goes back up.
 */
export function DashboardPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const regionCode = params.get('regionCode') ?? undefined;
  const orgId = params.get('orgId') ?? undefined;
  const q = useQuery({
    queryKey: ['dashboard', regionCode ?? null, orgId ?? null],
    queryFn: ({ signal }) => dashboardApi.get({ regionCode, orgId }, signal),
  });
  const d = q.data;
  const drilled = !!(regionCode || orgId);
  const open = (row: DashboardComparisonRow) => {
    const to = rowLink(row);
    if (to) void navigate(to);
  };

  return (
    <>
      <PageHeader
        title={d ? `${d.scope.name} · 监管看板` : '监管看板'}
        subtitle={d ? freshnessText(d) : undefined}
        crumbs={d && d.crumbs.length > 1 ? d.crumbs.map((c, i) => ({ title: c.name, to: i < d.crumbs.length - 1 ? `/dashboard${drillSearch(c)}` : undefined })) : undefined}
        extra={<Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => void q.refetch()}>刷新</Button>}
      />
      {q.error && (
        <ErrorAlert error={q.error} title="看板数据加载失败" onRetry={() => void q.refetch()} />
      )}
      {q.error && drilled && <Link to="/dashboard">返回我的辖区看板</Link>}
      {q.isPending && <CardSkeleton rows={8} />}
      {d && <DashboardBody d={d} onOpen={open} />}
    </>
  );
}

function DashboardBody({ d, onOpen }: { d: Dashboard; onOpen: (row: DashboardComparisonRow) => void }) {
  const rows = d.comparison.rows;
  const hasTrend = d.trend.some((p) => p.onSiteDays + p.leaveDays + p.spotCheckAbsences > 0);
  const hasRows = rows.some((r) => r.dispatched + r.onSiteDays + r.spotCheckAbsences + r.atRisk > 0);
  return (
    <>
      <div className="dk-card-grid">
        {figureCards(d).map((c) => {
          const body = (
            <Card size="small" className={`dk-dash-card${c.to ? ' dk-dash-link' : ''}`}>
              <Statistic title={<span className="dk-dash-title">{c.title}</span>} value={c.value} styles={{ content: { color: TONE_COLORS[c.tone] } }} />
            </Card>
          );
          return c.to ? <Link key={c.key} to={c.to} aria-label={`${c.title} ${c.value}`}>{body}</Link> : <div key={c.key}>{body}</div>;
        })}
      </div>

      <Card className="dk-section" size="small" title={`待办与风险（${d.attention.length}）`}>
        {d.attention.length === 0 ? (
          <EmptyState description="范围内没有需要处理的事项：请假审批、在岗天数、抽查后果、协议、季度进展和院领导带队均无欠缺。" />
        ) : (
          <ul className="dk-dash-attention" aria-label="待办与风险">
            {d.attention.map((item) => (
              <li key={item.key} data-key={item.key}>
                <div className="dk-dash-attention-body">
                  <div className="dk-dash-attention-head">
                    <Tag color={SEVERITY_COLORS[item.severity]}>{SEVERITY_TEXT[item.severity]}</Tag>
                    <span>{item.title}</span>
                    <Typography.Text type="secondary" className="dk-dash-count">{item.count} 项</Typography.Text>
                  </div>
                  {item.explanation && <div className="dk-dash-attention-why">{item.explanation}</div>}
                </div>
                <Link to={item.link} aria-label={`去处理：${item.title}`}>
                  <Button size="small" type={item.severity === 'high' ? 'primary' : 'default'} danger={item.severity === 'high'}>
                    去处理 <ArrowRightOutlined />
                  </Button>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="dk-dash-charts">
        <Card size="small" title="近 12 个月趋势">
          {hasTrend ? (
            <Suspense fallback={<CardSkeleton rows={5} />}>
              <TrendChart points={d.trend} />
            </Suspense>
          ) : (
            <EmptyState description="近 12 个月没有考勤与抽查记录。派驻人员打卡或受援单位填报考勤后，这里按月统计。" />
          )}
        </Card>
        <Card size="small" title={`${COMPARISON_TITLES[d.comparison.level]}（今日）`}>
          {rows.length === 0 || !hasRows ? (
            <EmptyState description={d.comparison.level === 'person' ? '本单位今日没有派驻人员。' : '下级地区和单位今日没有派驻人员，近 12 个月也没有考勤记录。'} />
          ) : (
            <Suspense fallback={<CardSkeleton rows={5} />}>
              <ComparisonChart rows={rows} onOpen={onOpen} />
            </Suspense>
          )}
        </Card>
      </div>

      {rows.length > 0 && (
        <Card className="dk-section" size="small" title={`${COMPARISON_TITLES[d.comparison.level]}明细`}>
          <Typography.Text type="secondary">
            {d.comparison.level === 'person' ? '点姓名查看派驻详情。' : '点名称进入下一级看板；面包屑可返回上一级。'}
          </Typography.Text>
          <ComparisonTable rows={rows} level={d.comparison.level} />
        </Card>
      )}
    </>
  );
}

function ComparisonTable({ rows, level }: { rows: readonly DashboardComparisonRow[]; level: Dashboard['comparison']['level'] }) {
  const head = level === 'region' ? '地区' : level === 'unit' ? '单位' : '人员';
  return (
    <div className="dk-dash-table-wrap">
      <table className="dk-dash-table">
        <thead>
          <tr>
            <th>{head}</th><th>在派</th><th>在岗</th><th>请假</th><th>缺勤</th><th>未打卡</th><th>在岗天数预警</th>
            <th>近12月在岗人日</th><th>近12月请假人日</th><th>近12月抽查不在岗</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const to = rowLink(r);
            return (
              <tr key={r.key}>
                <td>{to ? <Link to={to}>{r.name}</Link> : r.name}</td>
                <td>{r.dispatched}</td>
                <td>{r.onPost}</td>
                <td>{r.onLeave}</td>
                <td className={r.absent > 0 ? 'dk-dash-bad' : undefined}>{r.absent}</td>
                <td>{r.notCheckedIn}</td>
                <td className={r.atRisk > 0 ? 'dk-dash-bad' : undefined}>{r.atRisk}</td>
                <td>{r.onSiteDays}</td>
                <td>{r.leaveDays}</td>
                <td className={r.spotCheckAbsences > 0 ? 'dk-dash-bad' : undefined}>{r.spotCheckAbsences}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
