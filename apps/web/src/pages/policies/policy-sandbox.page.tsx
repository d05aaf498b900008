import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Form, Tabs, Typography } from 'antd';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert, PageLoading } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { SandboxDeadlinesPanel } from './sandbox-deadlines.panel';
import { SandboxEligibilityPanel } from './sandbox-eligibility.panel';
import { SandboxLeavePanel } from './sandbox-leave.panel';
import { PolicyVersionSelect, usePolicyVersions } from './policy-version.select';
import './policy.css';

const TABS = ['eligibility', 'leave', 'deadlines'] as const;

/**
 * 规则试算: what the rules of one policy version answer for a made-up case — eligibility of a person,
 * the approvals a leave needs, a year's reporting deadlines. Nothing is saved.
 */
export function PolicySandboxPage() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const versions = usePolicyVersions();
  const items = useMemo(() => versions.data?.items ?? [], [versions.data]);
  const policyId = params.get('policy') ?? undefined;
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'eligibility';
  const selected = items.find((p) => p.id === policyId);

  const set = (changes: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    return next;
  }, { replace: true });

  // Default: the first version in force (CX before MY), else the newest.
  useEffect(() => {
    if (policyId || items.length === 0) return;
    const first = [...items].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version).find((p) => p.current) ?? items[0];
    if (first) set({ policy: first.id });
  }, [policyId, items]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <PageHeader
        title="规则试算"
        subtitle="输入一个假设的情形，看某个政策版本的规则如何判定；试算不保存任何数据"
        crumbs={[{ title: '政策版本', to: '/policies' }, { title: '规则试算' }]}
      />
      <Card className="dk-section" size="small">
        <Form layout={isPhone ? 'vertical' : 'inline'}>
          <Form.Item label="政策版本" style={{ marginBottom: 0, minWidth: 0, flex: 1 }}>
            <PolicyVersionSelect
              id="sandbox-policy"
              value={selected?.id}
              onChange={(id) => set({ policy: id })}
              versions={items}
              loading={versions.isPending}
              style={{ width: isPhone ? '100%' : 420, maxWidth: '100%' }}
            />
          </Form.Item>
        </Form>
        {selected && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            {selected.name} · {selected.status === 'draft' ? '草稿（尚未生效）' : `${selected.effectiveFrom ?? ''} 起施行`}{selected.current ? ' · 现行' : ''} ·{' '}
            <Link to={`/policies/${selected.id}`}>查看参数</Link>
          </Typography.Paragraph>
        )}
      </Card>
      {versions.error && <ErrorAlert error={versions.error} title="无法加载政策版本" onRetry={() => void versions.refetch()} />}
      {versions.isPending && <PageLoading text="正在加载政策版本…" />}
      {!versions.isPending && !versions.error && items.length === 0 && <Card><EmptyState description="您的范围内还没有政策版本，无法试算。" /></Card>}
      {policyId && !versions.isPending && items.length > 0 && !selected && (
        <Alert type="warning" showIcon className="dk-section" title="所选政策版本不存在或无权查看，请重新选择。" />
      )}
      {selected && (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'eligibility' ? undefined : k })}
            items={[
              { key: 'eligibility', label: '选派条件', children: <SandboxEligibilityPanel policy={selected} /> },
              { key: 'leave', label: '请假', children: <SandboxLeavePanel policy={selected} /> },
              { key: 'deadlines', label: '报送期限', children: <SandboxDeadlinesPanel policy={selected} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
