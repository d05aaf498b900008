import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { personsApi } from '../../api/persons.endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

export interface PersonOption { value: string; label: string; hint?: string }

/** Persons in scope, searched by name (GET /api/persons?q=), several at once; `known` labels the values chosen before. */
export function PersonMultiSelect({ id, value, onChange, disabled, status, known = [] }: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
  known?: PersonOption[];
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, PersonOption>(known.map((o) => [o.value, o])));
  const query = useQuery({
    queryKey: ['select', 'persons', 'any', q],
    queryFn: ({ signal }) => personsApi.list({ q: q || undefined, pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const items = (query.data?.items ?? []).map((p) => ({ value: p.id, label: p.name, hint: [p.employerOrgName, p.title, p.specialty].filter(Boolean).join(' · ') }));
    for (const o of items) seen.current.set(o.value, o);
    const missing = (value ?? []).filter((v) => !items.some((o) => o.value === v)).map((v) => seen.current.get(v) ?? { value: v, label: v });
    return [...missing, ...items];
  }, [query.data, value]);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      status={status}
      allowClear
      placeholder="输入姓名搜索人员"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'normal' }}>{o.data.hint}</div>}
        </div>
      )}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的人员'}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
    />
  );
}
