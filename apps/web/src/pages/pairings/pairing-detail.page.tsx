import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Result, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ORG_KIND_LABELS } from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { ApiError } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDate, formatPeriod, formatStaffing, labelOf, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { NEED_TAG_STYLE } from './pairing-columns';
import { PairingFormModal } from './pairing-form.modal';

/** /pairings/:id — every field of the pairing and its 操作记录. */
export function PairingDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['pairings', 'detail', id], queryFn: ({ signal }) => pairingsApi.get(id, signal) });
  const p = q.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['pairings'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };
  const crumbs = [{ title: '对口关系', to: '/pairings' }, { title: p ? p.recipient.name : '对口关系详情' }];

  if (q.isPending) return (<><PageHeader title="对口关系详情" crumbs={crumbs} /><Card><CardSkeleton rows={8} /></Card></>);
  // Unknown, deleted or outside the user's scope (the API answers 404 for all three): nothing to retry.
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <>
        <PageHeader title="对口关系详情" crumbs={crumbs} />
        <Result
          status="404"
          title="对口关系不存在"
          subTitle="该对口关系不存在、已被删除，或不在您的数据范围内。"
          extra={<Link to="/pairings"><Button type="primary">返回对口关系列表</Button></Link>}
        />
      </>
    );
  }
  if (q.error || !p) return (<><PageHeader title="对口关系详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该对口关系" onRetry={() => void q.refetch()} /></>);

  const canOpenOrgs = can('org:read');
  const orgLink = (orgId: string, name: string) => (canOpenOrgs ? <Link to={`/organisations/${orgId}`}>{name}</Link> : name);

  return (
    <>
      <PageHeader
        title={`${p.supportUnits.map((s) => s.name).join('、') || '（无支援单位）'} → ${p.recipient.name}`}
        tags={p.archived && <Tag>已归档</Tag>}
        subtitle={`${p.programmeName} · 适用政策 ${p.policyCode}`}
        crumbs={crumbs}
        extra={
          can('pairing:write') && (
            <>
              {!p.archived && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
              <RecordActions
                what="对口关系"
                referencedBy="派驻人员等记录"
                archived={p.archived}
                size="middle"
                remove={() => pairingsApi.remove(p.id)}
                restore={() => pairingsApi.restore(p.id)}
                onDone={(what) => { refresh(); if (what === 'deleted') void navigate('/pairings'); }}
              />
            </>
          )
        }
      />
      <Card className="dk-section">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="所属项目">{can('programme:read') ? <Link to={`/programmes/${p.programmeId}`}>{p.programmeName}</Link> : p.programmeName}</Descriptions.Item>
          <Descriptions.Item label="适用政策"><Tag color="blue">{p.policyCode}</Tag></Descriptions.Item>
          <Descriptions.Item label="受援县市区">{p.recipient.regionCode && can('region:read') ? <Link to={`/regions/${p.recipient.regionCode}`}>{p.countyName ?? p.recipient.regionName}</Link> : text(p.countyName ?? p.recipient.regionName)}</Descriptions.Item>
          <Descriptions.Item label="受援单位">
            {orgLink(p.recipient.id, p.recipient.name)}
            <Typography.Text type="secondary">（{labelOf(ORG_KIND_LABELS, p.recipient.kind)}）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={`支援单位（${p.supportUnits.length}）`} span="filled">
            {p.supportUnits.length === 0
              ? '—'
              : p.supportUnits.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && '、'}
                    {orgLink(s.id, s.name)}
                    {s.regionName && <Typography.Text type="secondary">（{s.regionName}）</Typography.Text>}
                  </span>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="受援单位专业需求" span="filled">
            {p.needs.length ? p.needs.map((n) => <Tag key={n} style={NEED_TAG_STYLE}>{n}</Tag>) : <Typography.Text type="secondary">未填写</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="人员要求">{formatStaffing(p.minPersonsPerSupportUnitPerYear)}</Descriptions.Item>
          <Descriptions.Item label="有效期">{formatPeriod(p.validFrom, p.validTo)}</Descriptions.Item>
          <Descriptions.Item label="开始日期">{formatDate(p.validFrom)}</Descriptions.Item>
          <Descriptions.Item label="结束日期">{formatDate(p.validTo)}</Descriptions.Item>
          <Descriptions.Item label="备注" span="filled">{text(p.remarks)}</Descriptions.Item>
          <Descriptions.Item label="状态" span="filled">{p.archived ? <Tag>已归档</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      {can('assignment:read') && (
        <Card className="dk-section" size="small" title="派驻人员">
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Link to={`/assignments?pairingId=${p.id}`}><Button>查看派驻人员</Button></Link>
            {can('assignment:write') && !p.archived && <Link to={`/assignments/new?pairingId=${p.id}`}><Button type="primary">派出人员</Button></Link>}
            <Link to="/staffing"><Button type="link">派出人数</Button></Link>
          </div>
        </Card>
      )}
      {can('audit:read') && (
        <Card>
          <Tabs items={[{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="pairing" entityId={p.id} /> }]} />
        </Card>
      )}
      <PairingFormModal open={editing} pairing={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); refresh(); }} />
    </>
  );
}
