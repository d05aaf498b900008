import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ASSIGNMENT_STATUS_LABELS, type Assignment, type AssignmentRef } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

export interface AssignmentOption { value: string; label: string; hint?: string }

export const assignmentOptionOf = (a: Assignment): AssignmentOption => ({
  value: a.id,
  label: `${a.personName}（${a.recipientOrgName} · ${a.department}）`,
  hint: `${a.supportOrgName} · ${a.actualStart ?? a.plannedStart} 至 ${a.actualEnd ?? a.plannedEnd} · ${ASSIGNMENT_STATUS_LABELS[a.status]}`,
});

/** The option of a record's assignment, so an edit form shows the name before any search. */
export const assignmentOptionOfRef = (r: AssignmentRef): AssignmentOption => ({
  value: r.assignmentId,
  label: `${r.personName}（${r.recipientOrg.name} · ${r.department}）`,
  hint: `${r.supportOrg.name} · ${r.term.start} 至 ${r.term.end}`,
});

/**
 * One dispatched person (an assignment) in the caller's scope, searched by name, unit or department
 * (GET /api/assignments?q=). A value chosen before (e.g. from the URL) is named through GET /api/assignments/:id.
 */
export function AssignmentSelect({ id, value, onChange, disabled, status, placeholder = '输入姓名、科室或单位搜索派驻人员', known = [], className, style, allowClear = true }: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
  placeholder?: string;
  known?: AssignmentOption[];
  className?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, AssignmentOption>());
  for (const o of known) if (!seen.current.has(o.value)) seen.current.set(o.value, o);
  const query = useQuery({
    queryKey: ['select', 'assignments', q],
    queryFn: ({ signal }) => assignmentsApi.list({ q: q || undefined, pageSize: 50 }, signal),
    staleTime: 30_000,
  });
  const unknown = !!value && !seen.current.has(value) && !query.data?.items.some((a) => a.id === value);
  const named = useQuery({
    queryKey: ['assignments', 'detail', value],
    queryFn: ({ signal }) => assignmentsApi.get(value!, signal),
    enabled: unknown,
    staleTime: 60_000,
    retry: false,
  });
  if (named.data) seen.current.set(named.data.id, assignmentOptionOf(named.data));
  const options = useMemo(() => {
    const items = (query.data?.items ?? []).map(assignmentOptionOf);
    for (const o of items) seen.current.set(o.value, o);
    const missing = value && !items.some((o) => o.value === value) ? [seen.current.get(value) ?? { value, label: named.isFetching ? '正在加载…' : '派驻人员' }] : [];
    return [...missing, ...items];
  }, [query.data, value, named.data, named.isFetching]);
  return (
    <Select<string>
      id={id}
      className={className}
      style={style}
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      status={status}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      popupMatchSelectWidth={false}
      optionRender={(o) => (
        <div style={{ maxWidth: 360 }}>
          <div style={{ whiteSpace: 'normal' }}>{o.data.label}</div>
          {o.data.hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'normal' }}>{o.data.hint}</div>}
        </div>
      )}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的派驻人员'}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      aria-label="派驻人员"
    />
  );
}
