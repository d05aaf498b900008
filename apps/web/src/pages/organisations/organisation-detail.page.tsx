import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Table, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN_LEVEL_LABELS, ORG_GRADE_LABELS, ORG_KIND_LABELS, type Pairing } from '@duikou/contracts';
import { organisationsApi, pairingsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { labelOf, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { pairingColumns } from '../pairings/pairing-columns';
import { OrganisationFormModal } from './organisation-form.modal';

const MAX_PAIRINGS = 200;

/** The organisation's pairings, split into "as support unit" and "as recipient" (one request, the API filters by orgId on both sides). */
function OrganisationPairings({ orgId, side }: { orgId: string; side: 'support' | 'recipient' }) {
  const q = useQuery({
    queryKey: ['pairings', 'list', { orgId, pageSize: MAX_PAIRINGS }],
    queryFn: ({ signal }) => pairingsApi.list({ orgId, pageSize: MAX_PAIRINGS, includeArchived: true }, signal),
  });
  const items = (q.data?.items ?? []).filter((p) => (side === 'recipient' ? p.recipient.id === orgId : p.supportUnits.some((s) => s.id === orgId)));
  return (
    <>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.total > MAX_PAIRINGS && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`该机构参与的对口关系超过 ${MAX_PAIRINGS} 个，这里只列出前 ${MAX_PAIRINGS} 个；完整列表请到「对口关系」中按机构搜索。`} />
      )}
      <Table<Pairing>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={items}
        columns={pairingColumns()}
        scroll={{ x: 1300 }}
        pagination={items.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{ emptyText: <EmptyState description={side === 'support' ? '该机构目前没有作为支援单位的对口关系。' : '该机构目前没有作为受援单位的对口关系。'} /> }}
      />
    </>
  );
}

/** /organisations/:id — every field, its pairings as support unit and as recipient, 操作记录. */
export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['organisations', 'detail', id], queryFn: ({ signal }) => organisationsApi.get(id, signal) });
  const o = q.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['organisations'] });
  const crumbs = [{ title: '机构', to: '/organisations' }, { title: o?.name ?? '机构详情' }];

  if (q.isPending) return (<><PageHeader title="机构详情" crumbs={crumbs} /><Card><CardSkeleton rows={6} /></Card></>);
  if (q.error || !o) return (<><PageHeader title="机构详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该机构" onRetry={() => void q.refetch()} /></>);

  return (
    <>
      <PageHeader
        title={o.name}
        tags={o.archived && <Tag>已归档</Tag>}
        subtitle={`${labelOf(ORG_KIND_LABELS, o.kind)} · ${labelOf(ORG_GRADE_LABELS, o.grade)}${o.regionName ? ` · ${o.regionName}` : ''}`}
        crumbs={crumbs}
        extra={
          can('org:write') && (
            <>
              {!o.archived && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
              <RecordActions
                what="机构"
                referencedBy="对口关系、项目或用户"
                archived={o.archived}
                size="middle"
                remove={() => organisationsApi.remove(o.id)}
                restore={() => organisationsApi.restore(o.id)}
                onDone={(what) => { refresh(); if (what === 'deleted') void navigate('/organisations'); }}
              />
            </>
          )
        }
      />
      <Card className="dk-section">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label="机构名称">{o.name}</Descriptions.Item>
          <Descriptions.Item label="简称">{text(o.shortName)}</Descriptions.Item>
          <Descriptions.Item label="机构类别">{labelOf(ORG_KIND_LABELS, o.kind)}</Descriptions.Item>
          <Descriptions.Item label="等级">{labelOf(ORG_GRADE_LABELS, o.grade)}</Descriptions.Item>
          <Descriptions.Item label="所在区划">{o.regionCode ? <Link to={`/regions/${o.regionCode}`}>{o.regionName ?? o.regionCode}（{o.regionCode}）</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="行政隶属">{labelOf(ADMIN_LEVEL_LABELS, o.adminLevel)}</Descriptions.Item>
          <Descriptions.Item label="作为支援单位的对口关系">{o.supportPairings} 个</Descriptions.Item>
          <Descriptions.Item label="作为受援单位的对口关系">{o.recipientPairings} 个</Descriptions.Item>
          <Descriptions.Item label="状态" span="filled">{o.archived ? <Tag>已归档</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      {(can('pairing:read') || can('audit:read')) && <Card>
        <Tabs
          defaultActiveKey={o.recipientPairings > 0 && o.supportPairings === 0 ? 'recipient' : 'support'}
          items={[
            ...(can('pairing:read')
              ? [
                  { key: 'support', label: `作为支援单位（${o.supportPairings}）`, children: <OrganisationPairings orgId={o.id} side="support" /> },
                  { key: 'recipient', label: `作为受援单位（${o.recipientPairings}）`, children: <OrganisationPairings orgId={o.id} side="recipient" /> },
                ]
              : []),
            ...(can('audit:read') ? [{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="organisation" entityId={o.id} /> }] : []),
          ]}
        />
      </Card>}
      <OrganisationFormModal open={editing} organisation={o} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); refresh(); }} />
    </>
  );
}
