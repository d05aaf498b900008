import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN_LEVEL_LABELS, ORG_GRADE_LABELS, ORG_KINDS, ORG_KIND_LABELS, type OrgKind, type Organisation } from '@duikou/contracts';
import { organisationsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { ArchivedTag } from '../../shared/archived-tag';
import { labelOf } from '../../shared/format';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { RegionSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { OrganisationFormModal } from './organisation-form.modal';

/** 机构 list: kind, region and role filters, search, archived switch, create/edit/archive/restore. */
export function OrganisationListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canWrite = can('org:write');
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(['kind', 'regionCode', 'role']);
  const [editing, setEditing] = useState<Organisation | null | undefined>(undefined);

  const list = useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: ({ signal }) => organisationsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['organisations'] });
  const filtered = !!(state.q || state.filters.kind || state.filters.regionCode || state.filters.role);

  return (
    <>
      <PageHeader title="机构" subtitle="卫生健康行政部门、支援单位和受援单位" />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="机构名称或简称"
        includeArchived={state.includeArchived}
        onIncludeArchived={(v) => update({ includeArchived: v })}
        filters={
          <>
            <Select<OrgKind>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部类别"
              value={state.filters.kind as OrgKind | undefined}
              onChange={(v) => update({ kind: v })}
              options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
              popupMatchSelectWidth={false}
            />
            <Select<'support' | 'recipient'>
              className="dk-toolbar-select"
              allowClear
              placeholder="支援/受援"
              value={state.filters.role as 'support' | 'recipient' | undefined}
              onChange={(v) => update({ role: v })}
              options={[
                { value: 'support', label: '支援单位' },
                { value: 'recipient', label: '受援单位' },
              ]}
            />
            <RegionSelect className="dk-toolbar-select" placeholder="所在区划（含下级）" value={state.filters.regionCode} onChange={(v) => update({ regionCode: v })} />
          </>
        }
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>新建</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Organisation>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 1120 }}
        rowClassName={(r) => (r.archived ? 'dk-row-archived' : '')}
        locale={{
          emptyText: <EmptyState description={filtered ? '没有符合条件的机构，请调整搜索词或筛选条件。' : '还没有机构。点击「新建」添加卫生健康部门、支援医院或受援医院。'} />,
        }}
        columns={[
          {
            title: '机构名称', dataIndex: 'name',
            render: (n: string, r) => (
              <>
                <Link to={`/organisations/${r.id}`}>{n}</Link>
                {r.shortName && <Typography.Text type="secondary">（{r.shortName}）</Typography.Text>}
                <ArchivedTag archived={r.archived} />
              </>
            ),
          },
          { title: '类别', dataIndex: 'kind', width: 150, render: (k: string) => labelOf(ORG_KIND_LABELS, k) },
          { title: '等级', dataIndex: 'grade', width: 90, render: (g: string) => labelOf(ORG_GRADE_LABELS, g) },
          { title: '所在区划', dataIndex: 'regionName', width: 110, render: (v: string | null, r) => (r.regionCode ? <Link to={`/regions/${r.regionCode}`}>{v ?? r.regionCode}</Link> : '—') },
          { title: '行政隶属', dataIndex: 'adminLevel', width: 110, render: (a: string | null) => labelOf(ADMIN_LEVEL_LABELS, a) },
          { title: '作为支援单位', dataIndex: 'supportPairings', width: 120, align: 'right', render: (n: number) => (n ? `${n} 个` : '—') },
          { title: '作为受援单位', dataIndex: 'recipientPairings', width: 120, align: 'right', render: (n: number) => (n ? `${n} 个` : '—') },
          ...(canWrite
            ? [{
                title: '操作', key: 'actions', width: isPhone ? 80 : 190, fixed: isPhone ? undefined : ('right' as const),
                render: (_: unknown, r: Organisation) => (
                  <RecordActions
                    compact={isPhone}
                    what="机构"
                    referencedBy="对口关系、项目或用户"
                    archived={r.archived}
                    onEdit={() => setEditing(r)}
                    remove={() => organisationsApi.remove(r.id)}
                    restore={() => organisationsApi.restore(r.id)}
                    onDone={refresh}
                  />
                ),
              }]
            : []),
        ]}
      />
      <OrganisationFormModal
        open={editing !== undefined}
        organisation={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); refresh(); }}
      />
    </>
  );
}
