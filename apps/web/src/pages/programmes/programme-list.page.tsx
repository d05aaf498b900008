import { useState } from 'react';
import { Link } from 'react-router';
import { AutoComplete, Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Programme } from '@duikou/contracts';
import { programmesApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { ArchivedTag } from '../../shared/archived-tag';
import { formatPeriod, text } from '../../shared/format';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { KNOWN_POLICIES, ProgrammeFormModal } from './programme-form.modal';

/** 项目 list: policy filter, search, archived switch, create/edit/archive/restore. */
export function ProgrammeListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canWrite = can('programme:write');
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(['policyCode']);
  const [editing, setEditing] = useState<Programme | null | undefined>(undefined);
  const [policyInput, setPolicyInput] = useState<string | undefined>(undefined);

  const list = useQuery({
    queryKey: ['programmes', 'list', query],
    queryFn: ({ signal }) => programmesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    void queryClient.invalidateQueries({ queryKey: ['select', 'programmes'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };
  const filtered = !!(state.q || state.filters.policyCode);
  const setPolicy = (v: string | undefined) => {
    const code = v?.trim().toUpperCase();
    update({ policyCode: code && /^[A-Z][A-Z0-9_-]{0,31}$/.test(code) ? code : undefined });
  };

  return (
    <>
      <PageHeader title="项目" subtitle="对口支援 / 对口帮扶项目及其适用的政策" />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="项目名称或文号"
        includeArchived={state.includeArchived}
        onIncludeArchived={(v) => update({ includeArchived: v })}
        filters={
          <AutoComplete
            className="dk-toolbar-select"
            allowClear
            placeholder="适用政策"
            value={policyInput ?? state.filters.policyCode}
            options={KNOWN_POLICIES.map((p) => ({ value: p.value, label: p.label }))}
            onChange={(v: string | undefined) => { setPolicyInput(v); if (!v) setPolicy(undefined); }}
            onSelect={(v: string | undefined) => { setPolicyInput(undefined); setPolicy(v); }}
            onBlur={() => { if (policyInput !== undefined) { setPolicy(policyInput); setPolicyInput(undefined); } }}
            popupMatchSelectWidth={false}
          />
        }
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>新建</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Programme>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 1110 }}
        rowClassName={(r) => (r.archived ? 'dk-row-archived' : '')}
        locale={{
          emptyText: <EmptyState description={filtered ? '没有符合条件的项目，请调整搜索词或筛选条件。' : canWrite ? '还没有项目。点击「新建」创建一个对口支援项目，再为它添加对口关系。' : '您的范围内还没有项目。'} />,
        }}
        columns={[
          { title: '项目名称', dataIndex: 'name', render: (n: string, r) => <><Link to={`/programmes/${r.id}`}>{n}</Link><ArchivedTag archived={r.archived} /></> },
          { title: '适用政策', dataIndex: 'policyCode', width: 90, render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: '文号', dataIndex: 'documentNo', width: 150, render: (v: string | null) => text(v) },
          { title: '主管部门', dataIndex: 'ownerOrgName', width: 180 },
          { title: '有效期', key: 'validity', width: 190, render: (_: unknown, r) => formatPeriod(r.validFrom, r.validTo) },
          {
            title: '对口关系', dataIndex: 'pairingCount', width: 90, align: 'right',
            render: (n: number, r) => (can('pairing:read') ? <Link to={`/pairings?programmeId=${r.id}`}>{n}</Link> : n),
          },
          ...(canWrite
            ? [{
                title: '操作', key: 'actions', width: isPhone ? 80 : 190, fixed: isPhone ? undefined : ('right' as const),
                render: (_: unknown, r: Programme) => (
                  <RecordActions
                    compact={isPhone}
                    what="项目"
                    referencedBy="对口关系"
                    archived={r.archived}
                    onEdit={() => setEditing(r)}
                    remove={() => programmesApi.remove(r.id)}
                    restore={() => programmesApi.restore(r.id)}
                    onDone={refresh}
                  />
                ),
              }]
            : []),
        ]}
      />
      <ProgrammeFormModal
        open={editing !== undefined}
        programme={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); refresh(); }}
      />
    </>
  );
}
