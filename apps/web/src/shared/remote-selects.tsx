import { useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ORG_KIND_LABELS, REGION_LEVEL_LABELS, type OrgKind, type RegionLevel } from '@duikou/contracts';
import { organisationsApi, programmesApi, regionsApi } from '../api/endpoints';
import { errorMessage } from '../api/http-client';
import { useDebounced } from './use-debounced';

export interface Option { value: string; label: string; hint?: string }

interface RemoteSelectBaseProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Labels of values already chosen (e.g. of the record being edited), so they show before any search. */
  knownOptions?: Option[];
  style?: React.CSSProperties;
  className?: string;
  id?: string;
  status?: '' | 'error' | 'warning';
}

/** A searchable Select whose options come from the API (query on typing, debounced), remembering labels seen. */
function useRemoteOptions(key: readonly unknown[], search: string, load: (q: string, signal: AbortSignal) => Promise<Option[]>, knownOptions: Option[] = []) {
  const debounced = useDebounced(search.trim(), 300);
  const cache = useRef(new Map<string, Option>());
  const query = useQuery({
    queryKey: [...key, debounced],
    queryFn: ({ signal }) => load(debounced, signal),
    staleTime: 30_000,
  });
  for (const o of knownOptions) if (!cache.current.has(o.value)) cache.current.set(o.value, o);
  for (const o of query.data ?? []) cache.current.set(o.value, o);
  return { query, cache: cache.current };
}

function mergeSelected(options: Option[], selected: string[], cache: Map<string, Option>): Option[] {
  const seen = new Set(options.map((o) => o.value));
  const extra = selected.filter((v) => !seen.has(v)).map((v) => cache.get(v) ?? { value: v, label: v });
  return [...extra, ...options];
}

function renderOptions(options: Option[]) {
  return options.map((o) => ({
    value: o.value,
    label: o.label,
    title: o.hint ? `${o.label}（${o.hint}）` : o.label,
    hint: o.hint,
  }));
}

/** An option with its hint (region, kind …) on a second, grey line. */
function renderWithHint(o: { data: { label?: React.ReactNode; hint?: unknown } }) {
  return (
    <div>
      <div style={{ whiteSpace: 'normal' }}>{o.data.label}</div>
      {typeof o.data.hint === 'string' && o.data.hint && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{o.data.hint}</div>}
    </div>
  );
}

type OrganisationSelectProps = (RemoteSelectBaseProps<string> & { multiple?: false }) | (RemoteSelectBaseProps<string[]> & { multiple: true });

/** Organisations, searched by name via GET /api/organisations?q= (optionally only one kind or role). */
export function OrganisationSelect(props: OrganisationSelectProps & { kind?: OrgKind; role?: 'support' | 'recipient' }) {
  const { kind, role, knownOptions, placeholder = '输入名称搜索机构', allowClear = true, disabled, style, className, id, status } = props;
  const [search, setSearch] = useState('');
  const { query, cache } = useRemoteOptions(
    ['select', 'organisations', kind ?? '', role ?? ''],
    search,
    async (q, signal) => {
      const r = await organisationsApi.list({ q: q || undefined, kind, role, pageSize: 30 }, signal);
      return r.items.map((o) => ({ value: o.id, label: o.name, hint: [o.regionName, ORG_KIND_LABELS[o.kind]].filter(Boolean).join(' · ') }));
    },
    knownOptions,
  );
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = useMemo(() => renderOptions(mergeSelected(query.data ?? [], selected, cache)), [query.data, selected.join(','), cache]); // eslint-disable-line react-hooks/exhaustive-deps
  const common = {
    id, style, className, status, disabled, allowClear, placeholder,
    showSearch: { filterOption: false, onSearch: setSearch },
    options,
    loading: query.isFetching,
    notFoundContent: query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的机构',
    optionRender: renderWithHint,
    onOpenChange: (open: boolean) => { if (!open) setSearch(''); },
  };
  if (props.multiple) {
    return <Select<string[]> {...common} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />;
  }
  return <Select<string> {...common} value={props.value} onChange={(v) => props.onChange?.(v)} />;
}

/** Programmes (few per scope): GET /api/programmes?q= */
export function ProgrammeSelect(props: RemoteSelectBaseProps<string> & { includeArchived?: boolean }) {
  const { knownOptions, placeholder = '选择项目', allowClear = true, disabled, style, className, id, status, value, onChange } = props;
  const [search, setSearch] = useState('');
  const { query, cache } = useRemoteOptions(
    ['select', 'programmes'],
    search,
    async (q, signal) => {
      const r = await programmesApi.list({ q: q || undefined, pageSize: 100 }, signal);
      return r.items.map((p) => ({ value: p.id, label: p.name, hint: `${p.policyCode}${p.documentNo ? ` · ${p.documentNo}` : ''}` }));
    },
    knownOptions,
  );
  const options = useMemo(() => renderOptions(mergeSelected(query.data ?? [], value ? [value] : [], cache)), [query.data, value, cache]);
  return (
    <Select<string>
      id={id}
      style={style}
      className={className}
      status={status}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的项目'}
      value={value}
      onChange={(v) => onChange?.(v)}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      popupMatchSelectWidth={false}
    />
  );
}

/** Regions: GET /api/regions?q=&level= */
export function RegionSelect(props: RemoteSelectBaseProps<string> & { level?: RegionLevel }) {
  const { knownOptions, level, placeholder = '输入名称或编码搜索区划', allowClear = true, disabled, style, className, id, status, value, onChange } = props;
  const [search, setSearch] = useState('');
  const { query, cache } = useRemoteOptions(
    ['select', 'regions', level ?? ''],
    search,
    async (q, signal) => {
      const r = await regionsApi.list({ q: q || undefined, level, pageSize: 50 }, signal);
      return r.items.map((g) => ({ value: g.code, label: g.name, hint: `${g.code} · ${REGION_LEVEL_LABELS[g.level]}${g.parentName ? ` · ${g.parentName}` : ''}` }));
    },
    knownOptions,
  );
  const options = useMemo(() => renderOptions(mergeSelected(query.data ?? [], value ? [value] : [], cache)), [query.data, value, cache]);
  return (
    <Select<string>
      id={id}
      style={style}
      className={className}
      status={status}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? <Spin size="small" /> : query.error ? errorMessage(query.error) : '没有匹配的区划'}
      value={value}
      onChange={(v) => onChange?.(v)}
      onOpenChange={(open) => { if (!open) setSearch(''); }}
      optionRender={renderWithHint}
    />
  );
}
