import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { REGION_LEVELS, REGION_LEVEL_LABELS, type Region, type RegionLevel } from '@duikou/contracts';
import { regionsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { ArchivedTag } from '../../shared/archived-tag';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { RegionSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { RegionFormModal } from './region-form.modal';

/** 行政区划 list: level and parent filters, search, archived switch, create/edit/archive/restore. */
export function RegionListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canWrite = can('region:write');
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(['level', 'parentCode']);
  const [editing, setEditing] = useState<Region | null | undefined>(undefined);

  const list = useQuery({
    queryKey: ['regions', 'list', query],
    queryFn: ({ signal }) => regionsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['regions'] });
  const filtered = !!(state.q || state.filters.level || state.filters.parentCode);

  return (
    <>
      <PageHeader title="行政区划" subtitle="GB/T 2260 行政区划及功能区（本地编码）" />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="名称或编码"
        includeArchived={state.includeArchived}
        onIncludeArchived={(v) => update({ includeArchived: v })}
        filters={
          <>
            <Select<RegionLevel>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部级别"
              value={(state.filters.level as RegionLevel | undefined) ?? undefined}
              onChange={(v) => update({ level: v })}
              options={REGION_LEVELS.map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] }))}
            />
            <RegionSelect className="dk-toolbar-select" placeholder="上级区划" value={state.filters.parentCode} onChange={(v) => update({ parentCode: v })} />
          </>
        }
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>新建</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Region>
        rowKey="code"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 760 }}
        locale={{
          emptyText: (
            <EmptyState description={filtered ? '没有符合条件的区划，请调整搜索词或筛选条件。' : '还没有区划。点击「新建」添加省、州/市、县市区或功能区。'} />
          ),
        }}
        rowClassName={(r) => (r.archived ? 'dk-row-archived' : '')}
        columns={[
          { title: '编码', dataIndex: 'code', width: 100, render: (c: string, r) => <>{c}{r.isLocalCode && <Tag style={{ marginInlineStart: 6 }}>本地编码</Tag>}</> },
          { title: '名称', dataIndex: 'name', render: (n: string, r) => <><Link to={`/regions/${r.code}`}>{n}</Link><ArchivedTag archived={r.archived} /></> },
          { title: '级别', dataIndex: 'level', width: 110, render: (l: RegionLevel) => REGION_LEVEL_LABELS[l] },
          { title: '上级区划', dataIndex: 'parentName', render: (p: string | null, r) => (r.parentCode ? <Link to={`/regions/${r.parentCode}`}>{p ?? r.parentCode}</Link> : '—') },
          { title: '机构数', dataIndex: 'organisationCount', width: 90, align: 'right' },
          ...(canWrite
            ? [{
                title: '操作', key: 'actions', width: isPhone ? 80 : 190, fixed: isPhone ? undefined : ('right' as const),
                render: (_: unknown, r: Region) => (
                  <RecordActions
                    compact={isPhone}
                    what="区划"
                    referencedBy="机构或下级区划"
                    archived={r.archived}
                    onEdit={() => setEditing(r)}
                    remove={() => regionsApi.remove(r.code)}
                    restore={() => regionsApi.restore(r.code)}
                    onDone={refresh}
                  />
                ),
              }]
            : []),
        ]}
      />
      <RegionFormModal
        open={editing !== undefined}
        region={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          refresh();
        }}
      />
    </>
  );
}
