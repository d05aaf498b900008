import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditApi } from '../api/endpoints';
import { AuditEventsTable } from './audit-events.table';
import { ErrorAlert } from './page-state';

/** 操作记录 of one record: GET /api/audit-events?entityType=…&entityId=… */
export function EntityAuditTab({ entityType, entityId }: { entityType: string; entityId: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const query = useQuery({
    queryKey: ['audit-events', { entityType, entityId, page, pageSize }],
    queryFn: ({ signal }) => auditApi.list({ entityType, entityId, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <AuditEventsTable
        items={query.data?.items ?? []}
        loading={query.isFetching}
        showEntity={false}
        emptyText="该记录暂无操作记录"
        pagination={{
          current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); },
        }}
      />
    </>
  );
}
