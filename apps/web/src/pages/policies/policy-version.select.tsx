import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { POLICY_STATUS_LABELS, type PolicyVersionSummary } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { versionTitle } from './policy-tags';

export const POLICY_LIST_KEY = ['policies', 'list'] as const;

/** All versions the caller may read (GET /api/policies), shared by the list, the sandbox and the selects. */
export function usePolicyVersions() {
  return useQuery({ queryKey: POLICY_LIST_KEY, queryFn: ({ signal }) => policiesApi.list({}, signal) });
}

const byCodeThenVersion = (a: PolicyVersionSummary, b: PolicyVersionSummary) => a.code.localeCompare(b.code) || b.version - a.version;

/** Versions grouped by policy code, newest first; `exclude` leaves one out (e.g. the version being compared). */
export function PolicyVersionSelect({
  value, onChange, versions, loading, exclude, placeholder = '选择政策版本', style, id,
}: {
  value?: string;
  onChange?: (id: string) => void;
  versions: PolicyVersionSummary[];
  loading?: boolean;
  exclude?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const codes = [...new Set(versions.map((v) => v.code))].sort();
  const options = codes.map((code) => ({
    label: `政策 ${code}`,
    title: code,
    options: versions.filter((v) => v.code === code && v.id !== exclude).sort(byCodeThenVersion).map((v) => ({
      value: v.id,
      title: `${versionTitle(v)} ${v.name}`,
      search: `${versionTitle(v)} ${v.name}`,
      label: (
        <span style={{ whiteSpace: 'normal' }}>
          {versionTitle(v)}{' '}
          <Tag color={v.status === 'draft' ? 'gold' : 'green'} style={{ marginInlineEnd: 4 }}>{POLICY_STATUS_LABELS[v.status]}</Tag>
          {v.current && <Tag color="blue">现行</Tag>}
          <span className="dk-muted" style={{ fontSize: 12 }}>{v.name}</span>
        </span>
      ),
    })),
  })).filter((g) => g.options.length > 0);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      options={options}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'search' }}
      style={style}
      popupMatchSelectWidth={false}
      labelRender={({ value: v, label }) => {
        const p = versions.find((x) => x.id === v);
        if (!p) return label;
        return (
          <span>
            {versionTitle(p)}{' '}
            <Tag color={p.status === 'draft' ? 'gold' : 'green'} style={{ marginInlineEnd: 4 }}>{POLICY_STATUS_LABELS[p.status]}</Tag>
            {p.current && <Tag color="blue">现行</Tag>}
          </span>
        );
      }}
      notFoundContent={loading ? '正在加载…' : '没有可选的版本'}
    />
  );
}
