import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, DatePicker, Select, Tag, Typography } from 'antd';
import { AlertOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { SpotCheck } from '@duikou/contracts';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { CollapsibleFilters } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { CheckStateTag, countsText, METHOD_OPTIONS, MethodTag, sampleLabel } from './spot-check-parts';
import { SpotCheckStartModal } from './spot-check-start.modal';
import './spot-checks.css';

const FILTERS = ['method', 'from', 'to', 'byOrgId', 'supportOrgId', 'recipientOrgId', 'personId'] as const;

/** /spot-checks 抽查点名: the checks made or that sampled staff in the caller's scope, newest first; start one. */
export function SpotCheckListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { state, update, query } = useListState(FILTERS);
  const [starting, setStarting] = useState(false);
  const f = state.filters;
  const canWrite = can('spotcheck:write');
  // Dispatched staff see the checks that sampled them, and only their own result.
  const ownOnly = ['staff', 'team_leader'].includes(useMe().role);
  const resultText = (c: SpotCheck) => (ownOnly ? `本人：${countsText(c.counts)}` : countsText(c.counts));

  const list = useQuery({
    queryKey: ['spot-checks', 'list', query],
    queryFn: ({ signal }) => spotChecksApi.list({ ...query, q: undefined }, signal),
    placeholderData: keepPreviousData,
    // A roll call answers itself: refresh while one is open.
    refetchInterval: (q) => (q.state.data?.items.some((c) => c.open) ? 20_000 : false),
  });
  const filtered = FILTERS.some((k) => !!f[k]);
  const activeFilters = FILTERS.filter((k) => k !== 'personId' && !!f[k]).length;

  const columns: ColumnsType<SpotCheck> = [
    {
      title: '抽查日期', dataIndex: 'date', width: 120,
      render: (d: string, c) => <Link to={`/spot-checks/${c.id}`}>{d}</Link>,
    },
    { title: '方式', dataIndex: 'method', width: 96, render: (m: SpotCheck['method']) => <MethodTag method={m} /> },
    {
      title: '抽样', key: 'sample', width: 170,
      render: (_: unknown, c) => (
        <>
          {sampleLabel(c)}
          {c.seed && <span className="dk-sc-sub">随机种子 <Typography.Text code>{c.seed}</Typography.Text></span>}
        </>
      ),
    },
    {
      title: '发起单位 / 发起人', key: 'by', width: 210,
      render: (_: unknown, c) => (
        <>
          {c.byOrgName}
          {c.mine && <Tag className="dk-sc-mine" color="blue">本单位</Tag>}
          <span className="dk-sc-sub">{c.createdBy} · {formatDateTime(c.createdAt)}</span>
        </>
      ),
    },
    { title: '结果', key: 'counts', width: 200, render: (_: unknown, c) => resultText(c) },
    { title: '状态', key: 'state', width: 150, render: (_: unknown, c) => <CheckStateTag check={c} /> },
  ];
  // Phones: one column per check — date and method, who, results and state — instead of scrolling sideways.
  const phoneColumns: ColumnsType<SpotCheck> = [{
    title: '抽查', key: 'check',
    render: (_: unknown, c) => (
      <div className="dk-sc-phone-row">
        <div className="dk-sc-phone-head"><Link to={`/spot-checks/${c.id}`}>{c.date}</Link><MethodTag method={c.method} /><CheckStateTag check={c} /></div>
        <span className="dk-sc-sub">{c.byOrgName} · {sampleLabel(c)}</span>
        <span>{resultText(c)}</span>
      </div>
    ),
  }];

  const filterControls = (
    <>
      <Select
        className="dk-toolbar-select" allowClear placeholder="抽查方式" value={f.method} onChange={(v) => update({ method: v })}
        options={METHOD_OPTIONS} aria-label="抽查方式"
      />
      <DatePicker.RangePicker
        className="dk-sc-range"
        placeholder={['开始日期', '结束日期']}
        value={f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null}
        onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        aria-label="抽查日期"
      />
      {!ownOnly && (
        <>
          <OrganisationSelect className="dk-toolbar-select" placeholder="发起单位" value={f.byOrgId} onChange={(v) => update({ byOrgId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="被抽查人员的派出单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
        </>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="抽查点名"
        subtitle="电话、视频、现场抽查与点名：随机抽取（记录随机种子，可复核）或指定人员，逐人记录在岗情况"
        extra={
          <div className="dk-sc-actions">
            <Button icon={<AlertOutlined />} onClick={() => void navigate('/spot-checks/consequences')}>抽查后果</Button>
            <Button icon={<NotificationOutlined />} onClick={() => void navigate('/sanctions')}>通报约谈</Button>
            {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>发起抽查</Button>}
          </div>
        }
      />
      <div className="dk-toolbar">
        <CollapsibleFilters active={activeFilters}>{filterControls}</CollapsibleFilters>
      </div>
      {f.personId && (
        <div className="dk-sc-filter-tags">
          <Tag closable onClose={() => update({ personId: undefined })}>只看抽到指定人员的抽查</Tag>
        </div>
      )}
      <ListTable<SpotCheck>
        list={list}
        state={state}
        update={update}
        columns={columns}
        phoneColumns={phoneColumns}
        isPhone={isPhone}
        scrollX={950}
        rowClassName="dk-sc-row"
        onRow={(c) => ({ onClick: (e) => { if (!(e.target as HTMLElement).closest('a,button')) void navigate(`/spot-checks/${c.id}`); } })}
        empty={{ description: filtered ? '没有符合条件的抽查记录，请调整筛选条件。' : canWrite ? '还没有抽查记录。点击「发起抽查」随机抽取当日在岗人员或指定人员，电话、视频、现场核查或发起点名。' : '您的范围内还没有抽查记录。' }}
      />
      {canWrite && (
        <SpotCheckStartModal
          open={starting}
          onClose={() => setStarting(false)}
          onOpen={(id) => { setStarting(false); void navigate(`/spot-checks/${id}`); }}
        />
      )}
    </>
  );
}
