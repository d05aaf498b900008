import { Table, Tag, Tooltip, type TablePaginationConfig } from 'antd';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditEvent } from '@duikou/contracts';
import { formatDateTime, labelOf } from './format';
import { AuditDiff } from './audit-diff';
import { EmptyState } from './page-state';

const ACTION_COLORS: Record<string, string> = {
  create: 'green', update: 'blue', archive: 'orange', restore: 'cyan', delete: 'red', import: 'purple',
  login: 'default', login_failed: 'volcano', logout: 'default', password_change: 'geekblue', account_locked: 'red', reveal: 'magenta', export: 'magenta',
};

/** Audit events: time, actor, action, entity, summary; each row expands into a before/after view. */
export function AuditEventsTable({
  items, loading, pagination, showEntity = true, emptyText = '暂无操作记录',
}: {
  items: AuditEvent[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showEntity?: boolean;
  emptyText?: string;
}) {
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      expandable={{
        expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
        rowExpandable: (e) => e.before != null || e.after != null,
      }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'actorUsername', width: 120, render: (v: string | null) => v ?? <Tag>系统</Tag> },
        { title: '操作', dataIndex: 'action', width: 110, render: (v: string) => <Tag color={ACTION_COLORS[v] ?? 'default'}>{labelOf(AUDIT_ACTION_LABELS, v)}</Tag> },
        ...(showEntity
          ? [{ title: '对象', dataIndex: 'entityType', width: 110, render: (v: string) => labelOf(AUDIT_ENTITY_LABELS, v) }]
          : []),
        { title: '摘要', dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
        {
          title: 'IP', dataIndex: 'ip', width: 130, responsive: ['lg'],
          render: (v: string | null) => (v ? <Tooltip title="操作来源地址">{v}</Tooltip> : '—'),
        },
      ]}
    />
  );
}
