import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App as AntApp, Button, DatePicker, Select, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { SANCTION_KIND_LABELS, SANCTION_KINDS, type Sanction, type SanctionKind } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { sanctionsApi } from '../../api/spot-checks.endpoints';
import { useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { SanctionCreateModal, type SanctionDraft } from './sanction-create.modal';
import { formatBytes } from './spot-check-parts';
import './spot-checks.css';

const FILTERS = ['kind', 'from', 'to', 'orgId', 'personId', 'spotCheckId'] as const;
/** URL parameters that open the form filled in (from a check or the consequences page). */
const DRAFT_KEYS = ['new', 'orgIds', 'personIds', 'check', 'summary'] as const;
const KIND_COLORS: Record<SanctionKind, string> = { notice: 'volcano', interview: 'purple' };

const idsOf = (v: string | null): string[] => (v ? v.split(',').filter((x) => /^[0-9a-f-]{36}$/i.test(x)) : []);

function DocumentButton({ s }: { s: Sanction }) {
  const { message } = AntApp.useApp();
  if (!s.document) return <Typography.Text type="secondary">无</Typography.Text>;
  const doc = s.document;
  return (
    <Button
      size="small"
      type="link"
      icon={<DownloadOutlined />}
      className="dk-sc-doc"
      onClick={() => sanctionsApi.downloadDocument(s.id, doc.name).then((name) => message.success(`已下载：${name}`), (e: unknown) => message.error(errorMessage(e)))}
    >
      {doc.name}（{formatBytes(doc.size)}）
    </Button>
  );
}

/** /sanctions 通报约谈: notices and interviews of units and persons, with their documents; record one (offices). */
export function SanctionListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const canWrite = can('sanction:write');

  const newKind = params.get('new');
  const draft = useMemo<SanctionDraft>(() => ({
    kind: newKind === 'interview' ? 'interview' : 'notice',
    orgIds: idsOf(params.get('orgIds')),
    personIds: idsOf(params.get('personIds')),
    spotCheckId: idsOf(params.get('check'))[0] ?? null,
    summary: params.get('summary') ?? '',
  }), [params, newKind]);
  const creating = canWrite && (newKind === 'notice' || newKind === 'interview');
  const openForm = (open: boolean) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const k of DRAFT_KEYS) next.delete(k);
    if (open) next.set('new', 'notice');
    return next;
  }, { replace: true });

  const list = useQuery({
    queryKey: ['sanctions', 'list', query],
    queryFn: ({ signal }) => sanctionsApi.list({ ...query, q: undefined }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = FILTERS.some((k) => !!f[k]);

  const columns: ColumnsType<Sanction> = [
    { title: '日期', dataIndex: 'date', width: 100 },
    { title: '类别', dataIndex: 'kind', width: 70, render: (k: SanctionKind) => <Tag color={KIND_COLORS[k]}>{SANCTION_KIND_LABELS[k]}</Tag> },
    {
      title: '对象', key: 'targets', width: 220,
      render: (_: unknown, s) => (
        <span className="dk-sc-tags">
          {s.orgs.map((o) => <Tag key={o.id} color="blue">{o.name}</Tag>)}
          {s.persons.map((p) => <Tag key={p.id}>{p.name}</Tag>)}
        </span>
      ),
    },
    {
      title: '事由', dataIndex: 'summary', width: 300,
      render: (v: string, s) => (
        <>
          <Typography.Paragraph className="dk-sc-summary" ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open: boolean) => (open ? '收起' : '展开') }}>{v}</Typography.Paragraph>
          {s.spotCheckId && <Link to={`/spot-checks/${s.spotCheckId}`} className="dk-sc-sub">关联抽查记录</Link>}
        </>
      ),
    },
    { title: '文件', key: 'document', width: 190, render: (_: unknown, s) => <DocumentButton s={s} /> },
    { title: '登记单位 / 登记人', key: 'by', width: 190, render: (_: unknown, s) => (<>{s.byOrgName}<span className="dk-sc-sub">{s.createdBy} · {formatDateTime(s.createdAt)}</span></>) },
  ];
  // Phones: one column per record instead of scrolling sideways.
  const phoneColumns: ColumnsType<Sanction> = [{
    title: '通报 / 约谈', key: 'all',
    render: (_: unknown, s) => (
      <div className="dk-sc-phone-row">
        <div className="dk-sc-phone-head"><span>{s.date}</span><Tag color={KIND_COLORS[s.kind]}>{SANCTION_KIND_LABELS[s.kind]}</Tag><span className="dk-sc-sub">{s.byOrgName}</span></div>
        <span className="dk-sc-tags">
          {s.orgs.map((o) => <Tag key={o.id} color="blue">{o.name}</Tag>)}
          {s.persons.map((p) => <Tag key={p.id}>{p.name}</Tag>)}
        </span>
        <span className="dk-sc-summary">{s.summary}</span>
        {s.document && <DocumentButton s={s} />}
      </div>
    ),
  }];

  return (
    <>
      <PageHeader
        title="通报约谈"
        subtitle="对抽查无故不在岗等情形的通报、约谈记录，附通报文件或约谈记录"
        crumbs={[{ title: '抽查点名', to: '/spot-checks' }, { title: '通报约谈' }]}
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(true)}>登记通报 / 约谈</Button>}
      />
      <div className="dk-toolbar">
        <Select
          className="dk-toolbar-select" allowClear placeholder="类别" value={f.kind} onChange={(v) => update({ kind: v })} aria-label="类别"
          options={SANCTION_KINDS.map((k) => ({ value: k, label: SANCTION_KIND_LABELS[k] }))}
        />
        <DatePicker.RangePicker
          className="dk-sc-range"
          placeholder={['开始日期', '结束日期']}
          value={f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          allowEmpty={[true, true]}
          aria-label="日期"
        />
        <OrganisationSelect className="dk-toolbar-select" placeholder="涉及单位" value={f.orgId} onChange={(v) => update({ orgId: v })} />
      </div>
      {(f.personId || f.spotCheckId) && (
        <div className="dk-sc-filter-tags">
          {f.personId && <Tag closable onClose={() => update({ personId: undefined })}>只看涉及指定人员的记录</Tag>}
          {f.spotCheckId && <Tag closable onClose={() => update({ spotCheckId: undefined })}>只看关联指定抽查的记录</Tag>}
        </div>
      )}
      <ListTable<Sanction>
        list={list}
        state={state}
        update={update}
        columns={columns}
        phoneColumns={phoneColumns}
        isPhone={isPhone}
        scrollX={1070}
        empty={{ description: filtered ? '没有符合条件的通报、约谈记录，请调整筛选条件。' : canWrite ? '还没有通报、约谈记录。可在「抽查后果」中按规则判定登记，或点击「登记通报 / 约谈」。' : '您的范围内没有通报、约谈记录。' }}
      />
      {canWrite && (
        <SanctionCreateModal
          open={creating}
          draft={draft}
          onClose={() => openForm(false)}
          onSaved={() => {
            openForm(false);
            void queryClient.invalidateQueries({ queryKey: ['sanctions'] });
            void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
          }}
        />
      )}
    </>
  );
}
