import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ASSIGNMENT_STATUS_LABELS, type Assignment, type AssignmentStatus } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

/** 严强 · 内科（云南省第一人民医院 → 武定县人民医院，2020-09-01 至 2020-12-31） */
export function assignmentLabel(a: Pick<Assignment, 'personName' | 'department' | 'supportOrgName' | 'recipientOrgName' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>): string {
  return `${a.personName} · ${a.department}（${a.supportOrgName} → ${a.recipientOrgName}，${a.actualStart ?? a.plannedStart} 至 ${a.actualEnd ?? a.plannedEnd}）`;
}

/**
 * A dispatched person's assignment in the caller's scope, searched by name (GET /api/assignments?q=),
 * optionally only those of one status (e.g. 期满结束 for a certificate).
 */
export function AssignmentPickSelect({
  value, onChange, status, id, placeholder = '输入派驻人员姓名搜索', disabled,
}: {
  value?: string; onChange?: (v: string | undefined, a?: Assignment) => void; status?: AssignmentStatus; id?: string; placeholder?: string; disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const seen = useRef(new Map<string, Assignment>());
  const list = useQuery({
    queryKey: ['assignments', 'pick', status ?? '', q],
    queryFn: ({ signal }) => assignmentsApi.list({ q: q || undefined, status, pageSize: 50 }, signal),
    staleTime: 30_000,
  });
  for (const a of list.data?.items ?? []) seen.current.set(a.id, a);
  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    const chosen = value && !items.some((a) => a.id === value) ? seen.current.get(value) : undefined;
    return [...(chosen ? [chosen] : []), ...items].map((a) => ({
      value: a.id, label: assignmentLabel(a), hint: `${a.programmeName} · ${ASSIGNMENT_STATUS_LABELS[a.status]}`,
    }));
  }, [list.data, value]);
  return (
    <Select<string>
      id={id}
      value={value}
      disabled={disabled}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : list.error ? errorMessage(list.error) : '没有匹配的派驻记录'}
      optionRender={(o) => (
        <div>
          <div style={{ whiteSpace: 'normal' }}>{o.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{o.data.hint}</div>
        </div>
      )}
      onChange={(v) => onChange?.(v, v ? seen.current.get(v) : undefined)}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      aria-label="派驻记录"
    />
  );
}
