import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { personsApi } from '../../api/persons.endpoints';
import { useDebounced } from '../../shared/use-debounced';

/** 严强（云南省第一人民医院 · 主治医师） */
export function personLabel(p: Pick<Person, 'name' | 'employerOrgName' | 'title'>): string {
  return `${p.name}（${[p.employerOrgName, p.title].filter(Boolean).join(' · ')}）`;
}

/** One person in the caller's scope, searched by name (GET /api/persons?q=), for the per-person registration form. */
export function PersonPickSelect({
  value, onChange, id, placeholder = '输入姓名搜索人员', disabled, status,
}: {
  value?: string; onChange?: (v: string | undefined, p?: Person) => void; id?: string; placeholder?: string; disabled?: boolean; status?: '' | 'error';
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, Person>());
  const list = useQuery({
    queryKey: ['persons', 'pick', q],
    queryFn: ({ signal }) => personsApi.list({ q: q || undefined, pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  for (const p of list.data?.items ?? []) seen.current.set(p.id, p);
  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    const chosen = value && !items.some((p) => p.id === value) ? seen.current.get(value) : undefined;
    return [...(chosen ? [chosen] : []), ...items].map((p) => ({ value: p.id, label: personLabel(p) }));
  }, [list.data, value]);
  return (
    <Select<string>
      id={id}
      value={value}
      status={status}
      disabled={disabled}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : list.error ? errorMessage(list.error) : '没有匹配的人员'}
      onChange={(v) => onChange?.(v, v ? seen.current.get(v) : undefined)}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      popupMatchSelectWidth={false}
      aria-label="人员"
    />
  );
}
