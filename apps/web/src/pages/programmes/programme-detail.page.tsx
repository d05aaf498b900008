import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { programmesApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDate, formatPeriod, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { PairingExportModal } from '../pairings/pairing-export.modal';
import { PairingFormModal } from '../pairings/pairing-form.modal';
import { PairingImportModal } from '../pairings/pairing-import.modal';
import { RelatedPairingsTable } from '../pairings/related-pairings.table';
import { ProgrammeFormModal } from './programme-form.modal';

/** /programmes/:id — every field, the programme's pairings (with import/export/new) and 操作记录. */
export function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [newPairing, setNewPairing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const q = useQuery({ queryKey: ['programmes', 'detail', id], queryFn: ({ signal }) => programmesApi.get(id, signal) });
  const p = q.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    void queryClient.invalidateQueries({ queryKey: ['pairings'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };
  const crumbs = [{ title: '项目', to: '/programmes' }, { title: p?.name ?? '项目详情' }];

  if (q.isPending) return (<><PageHeader title="项目详情" crumbs={crumbs} /><Card><CardSkeleton rows={6} /></Card></>);
  if (q.error || !p) return (<><PageHeader title="项目详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该项目" onRetry={() => void q.refetch()} /></>);

  const canWritePairings = can('pairing:write') && !p.archived;

  return (
    <>
      <PageHeader
        title={p.name}
        tags={<><Tag color="blue">{p.policyCode}</Tag>{p.archived && <Tag>已归档</Tag>}</>}
        subtitle={[p.documentNo, p.ownerOrgName].filter(Boolean).join(' · ')}
        crumbs={crumbs}
        extra={
          can('programme:write') && (
            <>
              {!p.archived && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
              <RecordActions
                what="项目"
                referencedBy="对口关系"
                archived={p.archived}
                size="middle"
                remove={() => programmesApi.remove(p.id)}
                restore={() => programmesApi.restore(p.id)}
                onDone={(what) => { refresh(); if (what === 'deleted') void navigate('/programmes'); }}
              />
            </>
          )
        }
      />
      <Card className="dk-section">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="项目名称" span="filled">{p.name}</Descriptions.Item>
          <Descriptions.Item label="适用政策"><Tag color="blue">{p.policyCode}</Tag></Descriptions.Item>
          <Descriptions.Item label="文号">{text(p.documentNo)}</Descriptions.Item>
          <Descriptions.Item label="主管部门">{can('org:read') ? <Link to={`/organisations/${p.ownerOrgId}`}>{p.ownerOrgName}</Link> : p.ownerOrgName}</Descriptions.Item>
          <Descriptions.Item label="对口关系">{p.pairingCount} 个</Descriptions.Item>
          <Descriptions.Item label="有效期">{formatPeriod(p.validFrom, p.validTo)}</Descriptions.Item>
          <Descriptions.Item label="开始 / 结束日期">{formatDate(p.validFrom)} / {formatDate(p.validTo)}</Descriptions.Item>
          <Descriptions.Item label="说明" span="filled"><Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{text(p.description)}</Typography.Paragraph></Descriptions.Item>
          <Descriptions.Item label="状态" span="filled">{p.archived ? <Tag>已归档</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            ...(can('pairing:read')
              ? [{
                  key: 'pairings',
                  label: `对口关系（${p.pairingCount}）`,
                  children: (
                    <>
                      <div className="dk-toolbar">
                        <span className="dk-toolbar-spacer" />
                        {canWritePairings && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入</Button>}
                        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>导出</Button>
                        {canWritePairings && <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewPairing(true)}>新建对口关系</Button>}
                      </div>
                      <RelatedPairingsTable filter={{ programmeId: p.id }} showProgramme={false} emptyText="该项目还没有对口关系。可以逐条新建，或导入楚雄/绵阳附件1 样式的 Excel 表。" />
                    </>
                  ),
                }]
              : []),
            ...(can('audit:read') ? [{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="programme" entityId={p.id} /> }] : []),
          ]}
        />
      </Card>
      <ProgrammeFormModal open={editing} programme={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); refresh(); }} />
      <PairingFormModal open={newPairing} defaultProgrammeId={p.id} onClose={() => setNewPairing(false)} onSaved={() => { setNewPairing(false); refresh(); }} />
      <PairingImportModal open={importing} programmeId={p.id} defaultLayout={p.policyCode === 'CX' ? 'cx' : 'my'} onClose={() => setImporting(false)} onImported={refresh} />
      <PairingExportModal open={exporting} programmeId={p.id} defaultLayout={p.policyCode === 'CX' ? 'cx' : 'my'} onClose={() => setExporting(false)} />
    </>
  );
}
