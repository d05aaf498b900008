import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ASSIGNMENT_STATUS_LABELS, type Assignment } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

export interface MentorTerm { start: string; end: string }

const termOf = (a: Assignment): MentorTerm => ({ start: a.actualStart ?? a.plannedStart, end: a.actualEnd ?? a.plannedEnd });

/**
 * The mentor: one dispatched person's assignment in the caller's scope (GET /api/assignments?q=).
 * `onPicked` hands back the term, so the form can offer a year inside it.
 */
export function MentorAssignmentSelect({ id, value, onChange, onPicked, disabled, status, placeholder = '输入姓名、科室或单位搜索支援人员' }: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  onPicked?: (term: MentorTerm | undefined) => void;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
  placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, Assignment>());
  const query = useQuery({
    queryKey: ['select', 'mentor-assignments', q],
    queryFn: ({ signal }) => assignmentsApi.list({ q: q || undefined, pageSize: 50 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const items = query.data?.items ?? [];
    for (const a of items) seen.current.set(a.id, a);
    return items.map((a) => {
      const t = termOf(a);
      return {
        value: a.id,
        label: `${a.personName}（${a.recipientOrgName} · ${a.department}）`,
        hint: `${a.supportOrgName} · ${t.start} 至 ${t.end} · ${ASSIGNMENT_STATUS_LABELS[a.status]}`,
      };
    });
  }, [query.data]);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => {
        onChange?.(v);
        const a = v ? seen.current.get(v) : undefined;
        onPicked?.(a ? termOf(a) : undefined);
      }}
      disabled={disabled}
      status={status}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      optionRender={(o) => (
        <div>
          <div style={{ whiteSpace: 'normal' }}>{o.data.label}</div>
          {o.data.hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'normal' }}>{o.data.hint}</div>}
        </div>
      )}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的派驻人员'}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      aria-label="支援人员"
    />
  );
}
