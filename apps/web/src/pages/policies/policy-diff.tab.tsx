import { useEffect, useMemo, useState } from 'react';
import { Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PolicyDiff, PolicyVersionSummary } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { describePolicyPath, genericLines, inlineValue } from './policy-format';
import { versionTitle } from './policy-tags';
import { PolicyVersionSelect } from './policy-version.select';

type Change = PolicyDiff['changes'][number];

function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <span className="dk-muted">（无）</span>;
  const lines = typeof v === 'object' ? genericLines(v) : [inlineValue(v)];
  return <>{lines.map((l, i) => <div key={i}>{l}</div>)}</>;
}

/** The version to compare with by default: the one it was copied from, else the newest other version. */
function defaultAgainst(self: PolicyVersionSummary, others: PolicyVersionSummary[]): string | undefined {
  if (self.basedOnId && others.some((o) => o.id === self.basedOnId)) return self.basedOnId;
  const older = others.filter((o) => o.version < self.version).sort((a, b) => b.version - a.version)[0];
  return (older ?? [...others].sort((a, b) => b.version - a.version)[0])?.id;
}

/** 版本比较: parameter by parameter, this version against another of the same code. */
export function PolicyDiffTab({ policy }: { policy: PolicyVersionSummary }) {
  const isPhone = useIsPhone();
  const siblings = useQuery({
    queryKey: ['policies', 'list', { code: policy.code }],
    queryFn: ({ signal }) => policiesApi.list({ code: policy.code }, signal),
  });
  const others = useMemo(() => (siblings.data?.items ?? []).filter((p) => p.id !== policy.id && p.code === policy.code), [siblings.data, policy]);
  const [against, setAgainst] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!against || !others.some((o) => o.id === against)) setAgainst(defaultAgainst(policy, others));
  }, [others, policy, against]);

  const diff = useQuery({
    queryKey: ['policies', 'diff', policy.id, against],
    queryFn: ({ signal }) => policiesApi.diff(policy.id, against!, signal),
    enabled: !!against,
  });
  const other = others.find((o) => o.id === against);

  if (siblings.error) return <ErrorAlert error={siblings.error} onRetry={() => void siblings.refetch()} />;
  if (!siblings.isPending && others.length === 0) {
    return <EmptyState description={`${policy.code} 目前只有这一个版本。复制为新草稿并修改后，即可在此逐项比较两个版本。`} />;
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{versionTitle(policy)}（本版）对比</span>
        <PolicyVersionSelect
          value={against}
          onChange={setAgainst}
          versions={others}
          loading={siblings.isPending}
          placeholder="选择同一政策的其他版本"
          style={{ minWidth: isPhone ? 220 : 280 }}
        />
        {diff.data && !diff.isFetching && <Typography.Text type="secondary">共 {diff.data.changes.length} 处不同</Typography.Text>}
      </Space>
      {diff.error && <ErrorAlert error={diff.error} title="无法比较" onRetry={() => void diff.refetch()} />}
      <Table<Change>
        rowKey="path"
        size="small"
        loading={siblings.isPending || diff.isFetching}
        dataSource={diff.data?.changes ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={diff.data ? '两个版本的参数完全相同' : '请选择要比较的版本'} /> }}
        columns={[
          {
            title: '参数', dataIndex: 'path', width: isPhone ? 110 : 280,
            render: (p: string) => (
              <>
                <div>{describePolicyPath(p)}</div>
                {!isPhone && <Typography.Text type="secondary" style={{ fontSize: 12 }} className="dk-json">{p}</Typography.Text>}
              </>
            ),
          },
          { title: other ? versionTitle(other) : '对比版本', dataIndex: 'before', render: (v: unknown) => <Value v={v} /> },
          { title: `${versionTitle(policy)}（本版）`, dataIndex: 'after', render: (v: unknown) => <Value v={v} /> },
        ]}
      />
    </>
  );
}
