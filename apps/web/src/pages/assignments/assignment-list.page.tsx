import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, DatePicker, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { ASSIGNMENT_FLAG_LABELS, ASSIGNMENT_FLAGS, ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUSES, type Assignment } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { pairingsApi } from '../../api/endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { formatDate } from '../../shared/format';
import { CollapsibleFilters, ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { AssignmentExportModal } from './assignment-export.modal';
import { AssignmentFlagTags, AssignmentStatusTag, MODE_OPTIONS, modeLabel, roleAndPost, titleOf } from './assignment-tags';
import './assignments.css';

const FILTERS = ['programmeId', 'supportOrgId', 'recipientOrgId', 'mode', 'status', 'flag', 'activeOn', 'pairingId', 'personId'] as const;
/** Filters behind the 筛选 button on phones (everything but the search box). */
const MENU_FILTERS = ['programmeId', 'supportOrgId', 'recipientOrgId', 'mode', 'status', 'flag', 'activeOn'] as const;

export function assignmentColumns(): ColumnsType<Assignment> {
  return [
    {
      title: '人员', key: 'person', width: 130, fixed: 'left',
      render: (_: unknown, a) => (
        <>
          <Link to={`/assignments/${a.id}`}>{a.personName}</Link>
          {roleAndPost(a) && <span className="dk-assign-sub">{roleAndPost(a)}</span>}
        </>
      ),
    },
    { title: '职称', key: 'title', width: 110, render: (_: unknown, a) => titleOf(a) },
    { title: '支援单位', dataIndex: 'supportOrgName', width: 170 },
    {
      title: '受援单位 / 科室', key: 'recipient', width: 190,
      render: (_: unknown, a) => (<>{a.recipientOrgName}<span className="dk-assign-sub">{a.department}</span></>),
    },
    { title: '支援方式', dataIndex: 'mode', width: 96, render: (m: Assignment['mode']) => modeLabel(m) },
    {
      title: '计划期间', key: 'period', width: 120,
      render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(a.plannedStart)}<br />至 {formatDate(a.plannedEnd)}</span>,
    },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: Assignment['status']) => <AssignmentStatusTag status={s} /> },
    {
      title: '提示', dataIndex: 'flags', width: 220,
      render: (flags: Assignment['flags']) => <AssignmentFlagTags flags={flags} empty={<Typography.Text type="secondary">—</Typography.Text>} />,
    },
  ];
}

/** /assignments 派驻: who is sent where, filterable by programme, units, mode, status, flag and a day; state in the URL. */
export function AssignmentListPage() {
  const { can } = useSession();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { state, update, query } = useListState(FILTERS);
  const [exporting, setExporting] = useState(false);
  const f = state.filters;

  const list = useQuery({
    queryKey: ['assignments', 'list', query],
    queryFn: ({ signal }) => assignmentsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const pairing = useQuery({
    queryKey: ['pairings', 'detail', f.pairingId],
    queryFn: ({ signal }) => pairingsApi.get(f.pairingId!, signal),
    enabled: !!f.pairingId && can('pairing:read'),
  });

  const activeMenuFilters = MENU_FILTERS.filter((k) => !!f[k]).length;
  const filtered = !!state.q || FILTERS.some((k) => !!f[k]);
  const personName = f.personId ? list.data?.items.find((a) => a.personId === f.personId)?.personName : undefined;
  const canWrite = can('assignment:write');
  const { page: _page, pageSize: _pageSize, ...exportFilters } = query;
  // The notice of the records shown (楚雄 → 附件2, 绵阳 → 附件3); else the user's own province.
  const exportLayout = (list.data?.items[0]?.policyCode ?? (me.org.regionCode?.startsWith('53') ? 'CX' : 'MY')) === 'CX' ? 'cx' : 'my';
  const newPath = f.pairingId ? `/assignments/new?pairingId=${f.pairingId}` : '/assignments/new';

  const filterControls = (
    <>
      <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={f.programmeId} onChange={(v) => update({ programmeId: v })} />
      <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
      <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
      <Select className="dk-toolbar-select" allowClear placeholder="支援方式" value={f.mode} onChange={(v) => update({ mode: v })} options={MODE_OPTIONS} aria-label="支援方式" />
      <Select
        className="dk-toolbar-select" allowClear placeholder="状态" value={f.status} onChange={(v) => update({ status: v })} aria-label="状态"
        options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: ASSIGNMENT_STATUS_LABELS[s] }))}
      />
      <Select
        className="dk-toolbar-select" allowClear placeholder="提示（缺项 / 破例）" value={f.flag} onChange={(v) => update({ flag: v })} aria-label="提示"
        options={ASSIGNMENT_FLAGS.map((x) => ({ value: x, label: ASSIGNMENT_FLAG_LABELS[x] }))}
      />
      <DatePicker
        className="dk-toolbar-select"
        placeholder="某日在派人员"
        value={f.activeOn ? dayjs(f.activeOn) : null}
        onChange={(d) => update({ activeOn: d ? d.format('YYYY-MM-DD') : undefined })}
        aria-label="某日在派人员"
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="派驻"
        subtitle="支援单位派出到受援单位的人员：支援方式、期间、状态，以及保险、安全教育等缺项"
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>导出统计表</Button>
            <Button onClick={() => void navigate('/staffing')}>派出人数</Button>
          </>
        }
      />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="姓名、科室或单位"
        filters={<CollapsibleFilters active={activeMenuFilters}>{filterControls}</CollapsibleFilters>}
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(newPath)}>派出人员</Button>}
      />
      {(f.pairingId || f.personId) && (
        <div className="dk-assign-filter-tags">
          <Typography.Text type="secondary">另按</Typography.Text>
          {f.pairingId && (
            <Tag closable onClose={() => update({ pairingId: undefined })}>
              对口关系：{pairing.data ? `${pairing.data.recipient.name}（${pairing.data.programmeName}）` : '指定的对口关系'}
            </Tag>
          )}
          {f.personId && <Tag closable onClose={() => update({ personId: undefined })}>人员：{personName ?? '指定人员'}</Tag>}
          <Typography.Text type="secondary">筛选</Typography.Text>
        </div>
      )}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Assignment>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 1140 }}
        columns={assignmentColumns().map((c) => (isPhone && c.fixed ? { ...c, fixed: undefined } : c))}
        locale={{
          // Before the first answer the spinner alone: an empty-state sentence would be wrong for a moment.
          emptyText: list.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : (
            <EmptyState
              description={
                filtered
                  ? '没有符合条件的派驻记录，请调整搜索词或筛选条件。'
                  : canWrite
                    ? '还没有派驻记录。点击「派出人员」选择对口关系和人员，系统会按政策核验选派条件。'
                    : '您的范围内还没有派驻记录。'
              }
            />
          ),
        }}
      />
      <AssignmentExportModal
        open={exporting}
        onClose={() => setExporting(false)}
        filters={exportFilters}
        total={list.data && !list.isPlaceholderData ? list.data.total : null}
        defaultLayout={exportLayout}
      />
    </>
  );
}
