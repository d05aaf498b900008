import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Table, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN_LEVEL_LABELS, ORG_GRADE_LABELS, ORG_KIND_LABELS, REGION_LEVEL_LABELS, type Organisation, type Region } from '@duikou/contracts';
import { organisationsApi, regionsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { ArchivedTag } from '../../shared/archived-tag';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { labelOf } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { RelatedPairingsTable } from '../pairings/related-pairings.table';
import { RegionFormModal } from './region-form.modal';

function usePaged() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  return {
    page, pageSize,
    pagination: (total: number | undefined) => ({
      current: page, pageSize, total: total ?? 0, showSizeChanger: true, showTotal: (t: number) => `共 ${t} 条`,
      onChange: (p: number, s: number) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); },
    }),
  };
}

function ChildRegions({ code }: { code: string }) {
  const paged = usePaged();
  const q = useQuery({
    queryKey: ['regions', 'list', { parentCode: code, page: paged.page, pageSize: paged.pageSize }],
    queryFn: ({ signal }) => regionsApi.list({ parentCode: code, page: paged.page, pageSize: paged.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Region>
        rowKey="code"
        size="middle"
        loading={q.isFetching}
        dataSource={(q.data?.items ?? []).filter((r) => r.code !== code)}
        pagination={paged.pagination(q.data?.total)}
        scroll={{ x: 560 }}
        locale={{ emptyText: <EmptyState description="该区划没有下级区划。" /> }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 100 },
          { title: '名称', dataIndex: 'name', render: (n: string, r) => <><Link to={`/regions/${r.code}`}>{n}</Link><ArchivedTag archived={r.archived} /></> },
          { title: '级别', dataIndex: 'level', width: 110, render: (l: Region['level']) => REGION_LEVEL_LABELS[l] },
          { title: '机构数', dataIndex: 'organisationCount', width: 90, align: 'right' },
        ]}
      />
    </>
  );
}

function RegionOrganisations({ code }: { code: string }) {
  const paged = usePaged();
  const q = useQuery({
    queryKey: ['organisations', 'list', { regionCode: code, page: paged.page, pageSize: paged.pageSize }],
    queryFn: ({ signal }) => organisationsApi.list({ regionCode: code, page: paged.page, pageSize: paged.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Organisation>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={paged.pagination(q.data?.total)}
        scroll={{ x: 720 }}
        locale={{ emptyText: <EmptyState description="该区划及其下级区划内还没有机构。" /> }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, r) => <><Link to={`/organisations/${r.id}`}>{n}</Link><ArchivedTag archived={r.archived} /></> },
          { title: '类别', dataIndex: 'kind', width: 150, render: (k: string) => labelOf(ORG_KIND_LABELS, k) },
          { title: '等级', dataIndex: 'grade', width: 100, render: (g: string) => labelOf(ORG_GRADE_LABELS, g) },
          { title: '所在区划', dataIndex: 'regionName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '行政隶属', dataIndex: 'adminLevel', width: 110, render: (a: string | null) => labelOf(ADMIN_LEVEL_LABELS, a) },
        ]}
      />
    </>
  );
}

/** /regions/:code — every field, sub-regions, organisations, pairings in the area and 操作记录. */
export function RegionDetailPage() {
  const { code = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['regions', 'detail', code], queryFn: ({ signal }) => regionsApi.get(code, signal) });
  const r = q.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['regions'] });
  const crumbs = [{ title: '行政区划', to: '/regions' }, { title: r?.name ?? code }];

  if (q.isPending) return (<><PageHeader title="区划详情" crumbs={crumbs} /><Card><CardSkeleton rows={6} /></Card></>);
  if (q.error || !r) return (<><PageHeader title="区划详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该区划" onRetry={() => void q.refetch()} /></>);

  return (
    <>
      <PageHeader
        title={r.name}
        tags={<>{r.archived && <Tag>已归档</Tag>}{r.isLocalCode && <Tag color="purple">本地编码</Tag>}</>}
        subtitle={`${REGION_LEVEL_LABELS[r.level]} · ${r.code}`}
        crumbs={crumbs}
        extra={
          can('region:write') && (
            <>
              {!r.archived && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
              <RecordActions
                what="区划"
                referencedBy="机构或下级区划"
                archived={r.archived}
                size="middle"
                remove={() => regionsApi.remove(r.code)}
                restore={() => regionsApi.restore(r.code)}
                onDone={(what) => { refresh(); if (what === 'deleted') void navigate('/regions'); }}
              />
            </>
          )
        }
      />
      <Card className="dk-section">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label="区划编码">{r.code}</Descriptions.Item>
          <Descriptions.Item label="名称">{r.name}</Descriptions.Item>
          <Descriptions.Item label="级别">{REGION_LEVEL_LABELS[r.level]}</Descriptions.Item>
          <Descriptions.Item label="上级区划">{r.parentCode ? <Link to={`/regions/${r.parentCode}`}>{r.parentName ?? r.parentCode}（{r.parentCode}）</Link> : '无（顶级区划）'}</Descriptions.Item>
          <Descriptions.Item label="编码类型">{r.isLocalCode ? '本地编码（功能区，无国标编码）' : 'GB/T 2260 国标编码'}</Descriptions.Item>
          <Descriptions.Item label="本区划机构数">{r.organisationCount}</Descriptions.Item>
          <Descriptions.Item label="状态" span="filled">{r.archived ? <Tag>已归档</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'children', label: '下级区划', children: <ChildRegions code={r.code} /> },
            { key: 'orgs', label: '机构', children: <RegionOrganisations code={r.code} /> },
            ...(can('pairing:read')
              ? [{ key: 'pairings', label: '对口关系', children: <RelatedPairingsTable filter={{ regionCode: r.code }} emptyText="该区划内还没有受援单位的对口关系。" /> }]
              : []),
            ...(can('audit:read') ? [{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="region" entityId={r.code} /> }] : []),
          ]}
        />
      </Card>
      <RegionFormModal open={editing} region={r} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); refresh(); }} />
    </>
  );
}
