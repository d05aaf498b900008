import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { PersonSpotCheckVerdicts, SelfCheckVerdict } from '@duikou/contracts';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { formatPeriod } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { useListState } from '../../shared/use-list-state';
import { VERDICT_STATUS_ORDER, VerdictList, VerdictStatusTag, type VerdictLike } from '../../shared/verdict-list';
import { checkIdsOf, headlinesOf, sanctionFormLink, withFigureLabels } from './spot-check-parts';
import './spot-checks.css';

const FILTERS = ['programmeId', 'supportOrgId', 'recipientOrgId', 'tab'] as const;

/** Most pressing person first: by the worst verdict, then by absences. */
function severity(p: PersonSpotCheckVerdicts): number {
  return Math.min(...p.verdicts.map((v) => VERDICT_STATUS_ORDER.indexOf(v.status)));
}

/** The spot checks a verdict counted, as links (抽查 1, 抽查 2 …). */
function CheckLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="dk-sc-links">
      相关抽查：{ids.map((id, i) => <Link key={id} to={`/spot-checks/${id}`}>第 {i + 1} 次</Link>)}
    </span>
  );
}

/** What to do about one of a person's verdicts, as links: open the assignment to replace the person, record a notice … */
function PersonActions({ p, v }: { p: PersonSpotCheckVerdicts; v: VerdictLike & { evidence?: string[] } }) {
  const { can } = useSession();
  const actions: ReactNode[] = [];
  const checks = checkIdsOf(v);
  const lastCheck = checks[checks.length - 1] ?? null;
  if (v.status === 'unmet' && v.ruleId === 'spot-checks.replacement' && can('assignment:read')) {
    actions.push(p.assignmentIds.length === 1
      ? <Link key="replace" to={`/assignments/${p.assignmentIds[0]}`}>打开派驻记录，另派接替 <ArrowRightOutlined /></Link>
      : <Link key="replace" to={`/assignments?personId=${p.personId}`}>查看该人员的派驻记录，另派接替 <ArrowRightOutlined /></Link>);
  }
  if (v.status === 'unmet' && v.ruleId === 'spot-checks.promotion-bar' && can('sanction:write')) {
    actions.push(
      <Link key="criticise" to={sanctionFormLink({ kind: 'notice', orgIds: [p.supportOrgId], personIds: [p.personId], spotCheckId: lastCheck, summary: `${p.personName}连续抽查不在岗，对${p.supportOrgName}通报批评；${p.personName}不得申报高一级专业技术职务` })}>
        登记通报批评 <ArrowRightOutlined />
      </Link>,
    );
  }
  if (v.status === 'unmet' && v.ruleId === 'spot-checks.notice' && can('sanction:write')) {
    actions.push(
      <Link key="notice" to={sanctionFormLink({ kind: 'notice', orgIds: [p.supportOrgId], personIds: [p.personId], spotCheckId: lastCheck, summary: `${p.personName}抽查无故不在岗，予以通报` })}>登记通报</Link>,
      <Link key="interview" to={sanctionFormLink({ kind: 'interview', orgIds: [p.supportOrgId], personIds: [p.personId], spotCheckId: lastCheck, summary: `${p.personName}抽查无故不在岗，约谈${p.supportOrgName}有关领导和负责人` })}>登记约谈</Link>,
    );
  }
  return (
    <div className="dk-sc-verdict-actions">
      <CheckLinks ids={checks} />
      {actions}
    </div>
  );
}

function PersonCard({ p }: { p: PersonSpotCheckVerdicts }) {
  const headlines = headlinesOf(p);
  return (
    <Card
      size="small"
      className="dk-section dk-sc-person"
      data-person={p.personName}
      title={
        <span className="dk-sc-person-title">
          <span>{p.personName}</span>
          <Typography.Text type="secondary" className="dk-sc-person-unit">{p.supportOrgName} · {p.policyCode}</Typography.Text>
        </span>
      }
      extra={<span className="dk-sc-person-figures">抽查 {p.checks} 次 · 不在岗 <b>{p.absences}</b> 次</span>}
    >
      {headlines.length > 0 && (
        <div className="dk-sc-headlines">
          {headlines.map((h) => <Tag key={h.ruleId} color={h.color}>{h.label}</Tag>)}
        </div>
      )}
      <VerdictList
        verdicts={p.verdicts.map(withFigureLabels)}
        summary={false}
        extra={(v) => <PersonActions p={p} v={v as VerdictLike & { evidence?: string[] }} />}
      />
    </Card>
  );
}

/**
 * /spot-checks/consequences 抽查后果: per person with an absence, the engine's verdicts — replacement due,
 * promotion bar and public criticism, notice and interview — with a link to act; and the months each
 * support unit owes its own monthly check.
 */
export function SpotCheckConsequencesPage() {
  const me = useMe();
  const { can } = useSession();
  const { state, update } = useListState(FILTERS);
  const f = state.filters;
  const query = { programmeId: f.programmeId, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId };
  const q = useQuery({
    queryKey: ['spot-checks', 'consequences', query],
    queryFn: ({ signal }) => spotChecksApi.consequences(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = q.data;
  const persons = [...(data?.persons ?? [])].sort((a, b) => severity(a) - severity(b) || b.absences - a.absences);
  // A unit with separate periods on post has a row per period: count units.
  const owing = new Set((data?.selfChecks ?? []).filter((s) => s.verdict.status === 'unmet').map((s) => s.supportOrgId)).size;
  const filtered = !!(f.programmeId || f.supportOrgId || f.recipientOrgId);
  // Dispatched staff see only their own record: no filters, no units' self-checks.
  const ownOnly = me.role === 'staff' || me.role === 'team_leader';

  const selfColumns: ColumnsType<SelfCheckVerdict> = [
    { title: '支援单位', dataIndex: 'supportOrgName', width: 190, render: (n: string, s) => (<>{n}<span className="dk-sc-sub">{s.policyCode}</span></>) },
    { title: '有人员在岗期间', key: 'period', width: 200, render: (_: unknown, s) => formatPeriod(s.period.from, s.period.to) },
    { title: '判定', key: 'status', width: 90, render: (_: unknown, s) => <VerdictStatusTag status={s.verdict.status} /> },
    {
      title: '说明', key: 'explanation',
      render: (_: unknown, s) => (
        <>
          <span className="dk-sc-explanation">{s.verdict.explanation}</span>
          {s.verdict.citation && <span className="dk-sc-sub">依据：{s.verdict.citation}</span>}
        </>
      ),
    },
    {
      title: '处理', key: 'act', width: 150,
      render: (_: unknown, s) => {
        if (s.verdict.status !== 'unmet') return <Typography.Text type="secondary">—</Typography.Text>;
        if (me.org.id === s.supportOrgId && can('spotcheck:write')) return <Link to="/spot-checks">发起本单位自查</Link>;
        if (can('sanction:write')) {
          return <Link to={sanctionFormLink({ kind: 'notice', orgIds: [s.supportOrgId], summary: `${s.supportOrgName}未按要求每月抽查点名本单位派驻人员（${String(s.verdict.figures.owed ?? '')}）` })}>登记通报</Link>;
        }
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
  ];

  const personsTab = q.isPending ? <CardSkeleton rows={6} /> : persons.length === 0 ? (
    <Card>
      <EmptyState
        description={ownOnly ? '您没有抽查不在岗的记录。' : filtered ? '所选范围内没有抽查不在岗的人员。' : '您的范围内没有抽查不在岗的人员：暂无须另派接替、通报或约谈的情形。'}
      />
    </Card>
  ) : (
    <>{persons.map((p) => <PersonCard key={`${p.personId}|${p.policyCode}`} p={p} />)}</>
  );

  const selfTab = (
    <Table<SelfCheckVerdict>
      rowKey={(s) => `${s.supportOrgId}|${s.policyCode}|${s.period.from}`}
      size="middle"
      loading={q.isFetching && !data}
      dataSource={data?.selfChecks ?? []}
      columns={selfColumns}
      scroll={{ x: 980 }}
      pagination={(data?.selfChecks.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 个单位` } : false}
      locale={{ emptyText: <EmptyState description="您的范围内没有须每月自查的支援单位（尚无派驻人员在岗）。" /> }}
    />
  );

  return (
    <>
      <PageHeader
        title="抽查后果"
        subtitle={`规则引擎按抽查结果判定的处理：另派接替、不得申报职称与通报批评、通报约谈；支援单位每月自查${data ? `（截至 ${data.asOf}）` : ''}`}
        crumbs={[{ title: '抽查点名', to: '/spot-checks' }, { title: '抽查后果' }]}
      />
      {!ownOnly && (
        <div className="dk-toolbar">
          <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={f.programmeId} onChange={(v) => update({ programmeId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
        </div>
      )}
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Tabs
        activeKey={f.tab === 'self' ? 'self' : 'persons'}
        onChange={(k) => update({ tab: k === 'self' ? 'self' : undefined })}
        items={[
          { key: 'persons', label: `${ownOnly ? '我的抽查判定' : '派驻人员'}${data && !ownOnly ? `（${persons.length}）` : ''}`, children: personsTab },
          ...(ownOnly ? [] : [
            { key: 'self', label: `支援单位每月自查${data ? `（欠 ${owing} 个单位）` : ''}`, children: selfTab },
          ]),
        ]}
      />
    </>
  );
}
