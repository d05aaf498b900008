import { DatePicker, Input, Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditAction } from '@duikou/contracts';
import { auditApi } from '../../api/endpoints';
import { AuditEventsTable } from '../../shared/audit-events.table';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { ErrorAlert } from '../../shared/page-state';
import { useListState } from '../../shared/use-list-state';

/** 审计日志: who did what to which record, when; filters by object type, action, actor and dates; rows expand to before/after. */
export function AuditListPage() {
  const { state, update, query } = useListState(['entityType', 'action', 'actor', 'from', 'to']);
  const { includeArchived: _ignored, ...auditQuery } = query;
  const list = useQuery({
    queryKey: ['audit-events', 'list', auditQuery],
    queryFn: ({ signal }) => auditApi.list(auditQuery, signal),
    placeholderData: keepPreviousData,
  });
  const f = state.filters;
  const filtered = !!(state.q || f.entityType || f.action || f.actor || f.from || f.to);

  return (
    <>
      <PageHeader title="审计日志" subtitle="谁在何时对哪条记录做了什么，展开可查看修改前后的内容" />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="搜索摘要"
        filters={
          <>
            <Select<string>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部对象"
              value={f.entityType}
              onChange={(v) => update({ entityType: v })}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Select<AuditAction>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部操作"
              value={f.action as AuditAction | undefined}
              onChange={(v) => update({ action: v })}
              options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
            />
            <Input.Search
              className="dk-toolbar-select"
              allowClear
              placeholder="操作人（用户名）"
              defaultValue={f.actor}
              key={f.actor ?? ''}
              onSearch={(v) => update({ actor: v.trim() })}
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={['开始日期', '结束日期']}
              value={f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null}
              onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
              style={{ maxWidth: '100%' }}
            />
          </>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <AuditEventsTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={paginationOf(state, list.data?.total, update)}
        emptyText={filtered ? '没有符合条件的操作记录，请调整筛选条件。' : '暂无操作记录。登录、新建、修改、归档、导入等操作都会记录在这里。'}
      />
    </>
  );
}
