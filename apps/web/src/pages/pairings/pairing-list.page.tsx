import { useState } from 'react';
import { Button, Table } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Pairing } from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { OrganisationSelect, ProgrammeSelect, RegionSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { pairingColumns } from './pairing-columns';
import { PairingExportModal } from './pairing-export.modal';
import { PairingFormModal } from './pairing-form.modal';
import { PairingImportModal } from './pairing-import.modal';

/** 对口关系 list (columns of MY 附件1), filters, import/export of the official tables, create/edit/delete. */
export function PairingListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canWrite = can('pairing:write');
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(['programmeId', 'regionCode', 'orgId']);
  const [editing, setEditing] = useState<Pairing | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const list = useQuery({
    queryKey: ['pairings', 'list', query],
    queryFn: ({ signal }) => pairingsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['pairings'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    void queryClient.invalidateQueries({ queryKey: ['organisations'] });
  };
  const filtered = !!(state.q || state.filters.programmeId || state.filters.regionCode || state.filters.orgId);

  return (
    <>
      <PageHeader
        title="对口关系"
        subtitle="支援单位 → 受援单位的对口支援关系；可按楚雄、绵阳附件1 样式导入导出"
        extra={
          <>
            {canWrite && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入</Button>}
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>导出</Button>
          </>
        }
      />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="单位、县市区或专业"
        includeArchived={state.includeArchived}
        onIncludeArchived={(v) => update({ includeArchived: v })}
        filters={
          <>
            <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={state.filters.programmeId} onChange={(v) => update({ programmeId: v })} />
            <RegionSelect className="dk-toolbar-select" placeholder="受援县市区" value={state.filters.regionCode} onChange={(v) => update({ regionCode: v })} />
            <OrganisationSelect className="dk-toolbar-select" placeholder="参与机构" value={state.filters.orgId} onChange={(v) => update({ orgId: v })} />
          </>
        }
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>新建</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Pairing>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 1460 }}
        rowClassName={(r) => (r.archived ? 'dk-row-archived' : '')}
        locale={{
          emptyText: (
            <EmptyState
              description={filtered ? '没有符合条件的对口关系，请调整搜索词或筛选条件。' : canWrite ? '还没有对口关系。点击「新建」逐条添加，或点击「导入」上传楚雄/绵阳附件1 样式的 Excel 表。' : '您的范围内还没有对口关系。'}
            />
          ),
        }}
        columns={[
          ...pairingColumns(),
          ...(canWrite
            ? [{
                title: '操作', key: 'actions', width: isPhone ? 80 : 190, fixed: isPhone ? undefined : ('right' as const),
                render: (_: unknown, r: Pairing) => (
                  <RecordActions
                    compact={isPhone}
                    what="对口关系"
                    referencedBy="派驻人员等记录"
                    archived={r.archived}
                    onEdit={() => setEditing(r)}
                    remove={() => pairingsApi.remove(r.id)}
                    restore={() => pairingsApi.restore(r.id)}
                    onDone={refresh}
                  />
                ),
              }]
            : []),
        ]}
      />
      <PairingFormModal
        open={editing !== undefined}
        pairing={editing}
        defaultProgrammeId={state.filters.programmeId}
        onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); refresh(); }}
      />
      <PairingImportModal open={importing} programmeId={state.filters.programmeId} onClose={() => setImporting(false)} onImported={refresh} />
      <PairingExportModal open={exporting} programmeId={state.filters.programmeId} onClose={() => setExporting(false)} />
    </>
  );
}
