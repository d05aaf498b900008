import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Assignment } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

interface Option { value: string; label: string; hint: string }

const optionOf = (a: Assignment): Option => ({
  value: a.id, label: `${a.personName}（${a.recipientOrgName} · ${a.department}）`, hint: `${a.supportOrgName} · ${a.plannedStart} 至 ${a.plannedEnd}`,
});

/**
 * Several assignments on post on a date (GET /api/assignments?activeOn=…&q=): the persons to check by name.
 * Planned or on duty only; the server still checks each one is on post and in scope.
 */
export function OnPostAssignmentSelect({ id, date, value, onChange, disabled, status }: {
  id?: string;
  date: string | undefined;
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, Option>());
  const query = useQuery({
    queryKey: ['select', 'on-post-assignments', date, q],
    queryFn: ({ signal }) => assignmentsApi.list({ activeOn: date, q: q || undefined, pageSize: 50 }, signal),
    enabled: !!date,
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const items = (query.data?.items ?? []).filter((a) => a.status === 'planned' || a.status === 'on_duty').map(optionOf);
    for (const o of items) seen.current.set(o.value, o);
    const missing = (value ?? []).filter((v) => !items.some((o) => o.value === v)).map((v) => seen.current.get(v) ?? { value: v, label: v, hint: '' });
    return [...missing, ...items];
  }, [query.data, value]);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled || !date}
      status={status}
      allowClear
      placeholder={date ? '输入姓名、科室或单位搜索当日在岗人员' : '请先选择抽查日期'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      optionRender={(o) => (
        <div>
          <div style={{ whiteSpace: 'normal' }}>{o.data.label}</div>
          {o.data.hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'normal' }}>{o.data.hint}</div>}
        </div>
      )}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '当日没有匹配的在岗人员'}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
    />
  );
}
