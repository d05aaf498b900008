import { useMemo } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Select, Table, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import type { PolicyVersionSummary } from '@duikou/contracts';
import { formatDate, formatDateTime, text } from '../../shared/format';
import { ListToolbar } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { PolicyTags, versionTitle } from './policy-tags';
import { usePolicyVersions } from './policy-version.select';

/** 政策版本: every version of every policy code the caller may read, newest first within a code. */
export function PolicyListPage() {
  const isPhone = useIsPhone();
  const { state, update } = useListState(['code', 'status']);
  const list = usePolicyVersions();
  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const codes = useMemo(() => [...new Set(all.map((p) => p.code))].sort(), [all]);
  const { code, status } = state.filters;
  const q = state.q.toLowerCase();
  const rows = useMemo(
    () => all
      .filter((p) => (!code || p.code === code) && (!status || p.status === status))
      .filter((p) => !q || `${p.code} ${p.name} ${p.ownerOrgName ?? ''} ${p.regionName ?? ''}`.toLowerCase().includes(q))
      .sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version),
    [all, code, status, q],
  );
  const filtered = !!(q || code || status);
  const byId = useMemo(() => new Map(all.map((p) => [p.id, p])), [all]);

  return (
    <>
      <PageHeader
        title="政策版本"
        subtitle="各通知的考核参数及其出处；已发布的版本不可更改，调整须复制为新草稿后发布"
        extra={<Link to="/policies/sandbox"><Button icon={<ExperimentOutlined />}>规则试算</Button></Link>}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="每个政策编码（如 CX、MY）可有多个版本；项目按其政策编码使用「现行」版本——已发布、施行日期不晚于今天的最新版本。"
      />
      <ListToolbar
        q={state.q}
        onSearch={(v) => update({ q: v })}
        placeholder="名称、起草单位或区划"
        filters={
          <>
            <Select
              className="dk-toolbar-select"
              allowClear
              placeholder="政策编码"
              value={code}
              onChange={(v?: string) => update({ code: v })}
              options={codes.map((c) => ({ value: c, label: c }))}
            />
            <Select
              className="dk-toolbar-select"
              allowClear
              placeholder="状态"
              value={status}
              onChange={(v?: string) => update({ status: v })}
              options={[{ value: 'published', label: '已发布' }, { value: 'draft', label: '草稿' }]}
            />
          </>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<PolicyVersionSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个版本` } : false}
        scroll={isPhone ? undefined : { x: 1000 }}
        locale={{
          emptyText: list.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : list.error ? '加载失败' : (
            <EmptyState description={filtered ? '没有符合条件的政策版本，请调整搜索词或筛选条件。' : '您的范围内还没有政策版本。'} />
          ),
        }}
        columns={[
          {
            title: '版本', key: 'version', width: isPhone ? undefined : 150,
            render: (_: unknown, p) => (
              <>
                <Link to={`/policies/${p.id}`} style={{ fontWeight: 500 }}>{versionTitle(p)}</Link>
                <div style={{ marginTop: 4 }}><PolicyTags policy={p} /></div>
                {isPhone && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>{p.name}</Typography.Text>}
              </>
            ),
          },
          { title: '名称', dataIndex: 'name', responsive: ['md'] },
          { title: '施行日期', dataIndex: 'effectiveFrom', width: 110, render: (d: string | null) => (d ? formatDate(d) : <span className="dk-muted">未定</span>) },
          { title: '起草单位', dataIndex: 'ownerOrgName', width: 170, responsive: ['lg'], render: (v: string | null) => text(v) },
          { title: '适用区划', dataIndex: 'regionName', width: 130, responsive: ['lg'], render: (v: string | null) => text(v) },
          {
            title: '来源', dataIndex: 'basedOnId', width: 120, responsive: ['lg'],
            render: (id: string | null) => {
              const base = id ? byId.get(id) : undefined;
              if (!id) return <span className="dk-muted">—</span>;
              return base ? <Link to={`/policies/${base.id}`}>复制自{versionTitle(base)}</Link> : '复制自其他版本';
            },
          },
          { title: '使用项目', dataIndex: 'programmes', width: 90, align: 'right', responsive: ['md'] },
          { title: '发布时间', dataIndex: 'publishedAt', width: 160, responsive: ['xl'], render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
