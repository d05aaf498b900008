import { Link } from 'react-router';
import { Switch, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { VisitVerdicts } from '@duikou/contracts';
import { visitsApi } from '../../api/visits.endpoints';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList, VerdictStatusTag, VerdictSummary } from '../../shared/verdict-list';
import { leaderText, progressOf } from './visit-parts';

type VerdictItem = VisitVerdicts['items'][number];

function Progress({ done, required }: { done: number; required: unknown }) {
  const p = progressOf(done, required);
  return <span className={p.reached === false ? 'dk-visit-short' : undefined}>{p.text}</span>;
}

/** The visits the verdict counted (its records), fetched when a row is opened. */
function VerdictRecords({ item, year }: { item: VerdictItem; year: number }) {
  const q = useQuery({
    queryKey: ['leadership-visits', 'list', { pairingId: item.pairingId, supportOrgId: item.supportOrg.id, year, pageSize: 50 }],
    queryFn: ({ signal }) => visitsApi.list({ pairingId: item.pairingId, supportOrgId: item.supportOrg.id, year, pageSize: 50 }, signal),
  });
  if (q.isPending) return <CardSkeleton rows={1} />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div className="dk-visit-records">
      <span>涉及记录：</span>
      <Link to={`/pairings/${item.pairingId}`}>对口关系</Link>
      {q.data.items.length === 0
        ? <Typography.Text type="secondary">{year} 年尚无调研记录</Typography.Text>
        : q.data.items.map((v) => (
          <Tag key={v.id} color={v.ledByLeadership ? 'blue' : undefined}>{v.date} {leaderText(v)}{v.ledByLeadership ? ' · 院领导带队' : ''}</Tag>
        ))}
    </div>
  );
}

/**
 * 年度判定 (GET /api/leadership-visits/verdicts): per support unit × recipient, the visits of the year against
 * the rule (楚雄：每年不少于 2 次、院领导带队不少于 1 次), with the engine's explanation and the records counted.
 */
export function VisitVerdictsSection({ year, pairingId, shortOnly, onShortOnly }: {
  year: number;
  pairingId?: string;
  shortOnly: boolean;
  onShortOnly: (v: boolean) => void;
}) {
  const isPhone = useIsPhone();
  const q = useQuery({
    queryKey: ['leadership-visits', 'verdicts', { year, shortOnly }],
    queryFn: ({ signal }) => visitsApi.verdicts({ year, shortOnly: shortOnly ? 'true' : undefined, pageSize: 200 }, signal),
    placeholderData: keepPreviousData,
  });
  // The verdicts take no pairing filter: narrow here (a scope holds few pairings).
  const items = (q.data?.items ?? []).filter((i) => !pairingId || i.pairingId === pairingId);

  const columns: ColumnsType<VerdictItem> = [
    {
      title: '受援单位', key: 'recipient', width: 180,
      render: (_: unknown, i) => (<><Link to={`/pairings/${i.pairingId}`}>{i.recipientOrg.name}</Link><span className="dk-visit-sub">{i.policyCode}</span></>),
    },
    { title: '支援单位', key: 'support', width: 180, render: (_: unknown, i) => i.supportOrg.name },
    { title: '调研次数', key: 'visits', width: 100, render: (_: unknown, i) => <Progress done={i.visits} required={i.verdict.figures.required} /> },
    { title: '院领导带队', key: 'led', width: 100, render: (_: unknown, i) => <Progress done={i.ledByLeadership} required={i.verdict.figures.requiredLed} /> },
    {
      title: '规则判定', key: 'verdict', width: 360,
      render: (_: unknown, i) => (<div className="dk-visit-verdict-cell"><VerdictStatusTag status={i.verdict.status} /><span>{i.verdict.explanation}</span></div>),
    },
  ];
  const phoneColumns: ColumnsType<VerdictItem> = [{
    title: '对口关系', key: 'all',
    render: (_: unknown, i) => (
      <div className="dk-visit-phone-row">
        <div className="dk-visit-phone-head"><VerdictStatusTag status={i.verdict.status} /><Link to={`/pairings/${i.pairingId}`}>{i.recipientOrg.name}</Link></div>
        <span className="dk-visit-sub">支援单位：{i.supportOrg.name}</span>
        <span>调研 <Progress done={i.visits} required={i.verdict.figures.required} /> · 院领导带队 <Progress done={i.ledByLeadership} required={i.verdict.figures.requiredLed} /></span>
      </div>
    ),
  }];

  return (
    <section className="dk-visit-section" aria-label="年度判定">
      <div className="dk-visit-section-head">
        <Typography.Title level={5} className="dk-visit-section-title">{year} 年度判定</Typography.Title>
        {q.data && <VerdictSummary verdicts={items.map((i) => i.verdict)} />}
        <span className="dk-toolbar-spacer" />
        <label className="dk-visit-switch">
          <Switch size="small" checked={shortOnly} onChange={onShortOnly} />
          只看未达标
        </label>
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<VerdictItem>
        rowKey={(i) => `${i.pairingId}|${i.supportOrg.id}`}
        size="small"
        loading={q.isFetching && !q.data}
        dataSource={items}
        columns={isPhone ? phoneColumns : columns}
        rowClassName={(i) => (i.verdict.status === 'unmet' ? 'dk-visit-unmet' : '')}
        expandable={{
          expandedRowRender: (i) => <VerdictList verdicts={[i.verdict]} extra={() => <VerdictRecords item={i} year={year} />} />,
          // Phones show the explanation only when opened.
          defaultExpandAllRows: false,
        }}
        pagination={items.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 条`, size: 'small' } : false}
        scroll={isPhone ? undefined : { x: 960 }}
        locale={{
          emptyText: q.isPending ? <CardSkeleton rows={3} /> : (
            <EmptyState
              description={shortOnly
                ? `${year} 年没有未达标的对口关系。`
                : `${year} 年您的范围内没有适用此规则的对口关系（对口关系不在有效期内，或所依政策无此要求），请选择其他年度。`}
            />
          ),
        }}
      />
    </section>
  );
}
