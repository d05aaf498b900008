import { useState } from 'react';
import { Table } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Pairing } from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { pairingColumns } from './pairing-columns';

/** Pairings of a programme or a region, paged on the server. */
export function RelatedPairingsTable({
  filter, emptyText, showProgramme = true,
}: {
  filter: { programmeId?: string; orgId?: string; regionCode?: string };
  emptyText: string;
  showProgramme?: boolean;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const query = useQuery({
    queryKey: ['pairings', 'list', { ...filter, page, pageSize }],
    queryFn: ({ signal }) => pairingsApi.list({ ...filter, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  return (
    <>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Pairing>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={items}
        columns={pairingColumns({ showProgramme })}
        scroll={{ x: showProgramme ? 1240 : 1040 }}
        locale={{ emptyText: <EmptyState description={emptyText} /> }}
        pagination={{
          current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); },
        }}
      />
    </>
  );
}
