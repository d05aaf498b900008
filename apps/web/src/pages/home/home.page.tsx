import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Card, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, HomeOutlined, ProjectOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { homeApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { PageHeader } from '../../shared/page-header';
import './home.page.css';

// ECharts is only loaded here, in its own chunk.
const CountyChart = lazy(() => import('./county-chart').then((m) => ({ default: m.CountyChart })));


/** 首页: the figures of the user's scope (HomeSummary), a chart by county and a table by programme. */
export function HomePage() {
  const { me, can } = useSession();
  const summary = useQuery({ queryKey: ['home', 'summary'], queryFn: ({ signal }) => homeApi.summary(signal) });
  const s = summary.data;

  const cards: { key: string; title: string; value: number | undefined; icon: React.ReactNode; to?: string; warn?: boolean }[] = [
    { key: 'programmes', title: '项目', value: s?.programmes, icon: <ProjectOutlined />, to: can('programme:read') ? '/programmes' : undefined },
    { key: 'pairings', title: '对口关系', value: s?.pairings, icon: <ApartmentOutlined />, to: can('pairing:read') ? '/pairings' : undefined },
    { key: 'recipients', title: '受援单位', value: s?.recipientUnits, icon: <HomeOutlined />, to: can('org:read') ? '/organisations?role=recipient' : undefined },
    { key: 'supports', title: '支援单位', value: s?.supportUnits, icon: <BankOutlined />, to: can('org:read') ? '/organisations?role=support' : undefined },
    { key: 'nostaff', title: '未设人员要求的对口关系', value: s?.pairingsWithoutStaffingMinimum, icon: <WarningOutlined />, warn: (s?.pairingsWithoutStaffingMinimum ?? 0) > 0 },
  ];

  return (
    <>
      <PageHeader
        title={s ? `${s.scopeName} · 对口支援工作概况` : '首页'}
        subtitle={me ? `${me.org.name} · 数据范围：${s?.scopeName ?? me.org.regionName ?? '本单位'}` : undefined}
      />
      {summary.error && <ErrorAlert error={summary.error} title="首页数据加载失败" onRetry={() => void summary.refetch()} />}
      <div className="dk-card-grid">
        {cards.map((c) => {
          const body = (
            <Card size="small" className={`dk-stat-card${c.to ? ' dk-stat-link' : ''}`} loading={summary.isPending}>
              <Statistic
                title={<span className="dk-stat-title">{c.icon} {c.title}</span>}
                value={c.value ?? 0}
                styles={{ content: c.warn ? { color: '#d46b08' } : undefined }}
              />
            </Card>
          );
          return c.to ? <Link key={c.key} to={c.to}>{body}</Link> : <div key={c.key}>{body}</div>;
        })}
      </div>

      <Card className="dk-section" title="各县市区对口关系" size="small">
        {summary.isPending ? (
          <CardSkeleton rows={6} />
        ) : !s || s.byCounty.length === 0 ? (
          <EmptyState description="范围内还没有对口关系。新建或导入对口关系后，这里将按受援县市区统计。" />
        ) : (
          <Suspense fallback={<CardSkeleton rows={6} />}>
            <CountyChart data={s.byCounty} />
          </Suspense>
        )}
      </Card>

      <Card className="dk-section" title="按项目统计" size="small">
        {/* A plain table: the home page is the first screen of every office, and antd's Table (with its
            pagination, selects and inputs) would add ~80 KB gzip for three columns (bench: web). */}
        {summary.isPending ? (
          <CardSkeleton rows={3} />
        ) : !s || s.byProgramme.length === 0 ? (
          <EmptyState description="范围内还没有项目。由州/市卫健委在「项目」中新建后即显示在这里。" />
        ) : (
          <div className="dk-simple-table-wrap">
            <table className="dk-simple-table">
              <thead>
                <tr><th>项目名称</th><th className="dk-col-policy">适用政策</th><th className="dk-col-num">对口关系</th></tr>
              </thead>
              <tbody>
                {s.byProgramme.map((r) => (
                  <tr key={r.programmeId}>
                    <td>{can('programme:read') ? <Link to={`/programmes/${r.programmeId}`}>{r.name}</Link> : r.name}</td>
                    <td><Tag color="blue">{r.policyCode}</Tag></td>
                    <td className="dk-col-num">{can('pairing:read') ? <Link to={`/pairings?programmeId=${r.programmeId}`}>{r.pairings}</Link> : r.pairings}</td>
                  </tr>
                ))}
              </tbody>
              {s.byProgramme.length > 1 && (
                <tfoot>
                  <tr><td><Typography.Text strong>合计</Typography.Text></td><td /><td className="dk-col-num"><Typography.Text strong>{s.byProgramme.reduce((n, r) => n + r.pairings, 0)}</Typography.Text></td></tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
