import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { EDUCATION_LABELS, TITLE_LEVEL_LABELS, type Pairing, type Person } from '@duikou/contracts';
import { dispatchablePersonsApi } from '../../api/assignments.endpoints';
import { pairingsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/http-client';
import { useDebounced } from '../../shared/use-debounced';

interface SelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
  placeholder?: string;
}

/** Two lines: the main label and a grey hint. */
function TwoLines({ label, hint }: { label: React.ReactNode; hint?: string }) {
  return (
    <div>
      <div style={{ whiteSpace: 'normal' }}>{label}</div>
      {hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'normal' }}>{hint}</div>}
    </div>
  );
}

export const pairingLabel = (p: Pick<Pairing, 'recipient' | 'supportUnits'>): string =>
  `${p.recipient.name} ← ${p.supportUnits.map((s) => s.name).join('、') || '（无支援单位）'}`;

/** 对口关系 (GET /api/pairings?q=): 受援单位 ← 支援单位, with the programme below. */
export function PairingSelect({ id, value, onChange, disabled, status, placeholder = '输入受援单位、支援单位或县市区搜索', known }: SelectProps & { known?: Pairing }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const query = useQuery({
    queryKey: ['select', 'pairings', q],
    queryFn: ({ signal }) => pairingsApi.list({ q: q || undefined, pageSize: 50 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const items = [...(query.data?.items ?? [])];
    if (known && !items.some((p) => p.id === known.id)) items.unshift(known);
    return items.map((p) => ({ value: p.id, label: pairingLabel(p), hint: `${p.programmeName} · ${p.policyCode}` }));
  }, [query.data, known]);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      status={status}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      optionRender={(o) => <TwoLines label={o.data.label} hint={o.data.hint} />}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的对口关系'}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
    />
  );
}

export const personHint = (p: Person): string =>
  [p.title || TITLE_LEVEL_LABELS[p.titleLevel], EDUCATION_LABELS[p.education], `参加工作 ${p.workStartDate}`, p.specialty].filter(Boolean).join(' · ');

/**
 * People of one support unit (GET /api/persons?employerOrgId=…): only they may be sent under the pairing.
 * `onPicked` hands back the whole person (education, work start, title) for the rules.
 */
export function PersonSelect({
  id, value, onChange, disabled, status, employerOrgId, excludeId, onPicked, placeholder = '输入姓名搜索本单位人员',
}: SelectProps & { employerOrgId: string | undefined; excludeId?: string; onPicked?: (p: Person | undefined) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const query = useQuery({
    queryKey: ['select', 'persons', employerOrgId, q],
    queryFn: ({ signal }) => dispatchablePersonsApi.list({ employerOrgId: employerOrgId!, q: q || undefined, pageSize: 50 }, signal),
    enabled: !!employerOrgId,
    staleTime: 30_000,
  });
  const items = useMemo(() => (query.data?.items ?? []).filter((p) => !p.archived && p.id !== excludeId), [query.data, excludeId]);
  const options = items.map((p) => ({ value: p.id, label: p.name, hint: personHint(p) }));
  const empty = !employerOrgId
    ? '请先选择派出单位'
    : query.isFetching ? <Spin size="small" />
    : query.error ? errorMessage(query.error)
    : q ? '没有匹配的人员' : '该单位还没有登记人员，请先在「人员」中登记';
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => {
        onChange?.(v);
        onPicked?.(items.find((p) => p.id === v));
      }}
      disabled={disabled || !employerOrgId}
      status={status}
      allowClear
      placeholder={employerOrgId ? placeholder : '请先选择派出单位'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      optionRender={(o) => <TwoLines label={o.data.label} hint={o.data.hint} />}
      notFoundContent={empty}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
    />
  );
}
