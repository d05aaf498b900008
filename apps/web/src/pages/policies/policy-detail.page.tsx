import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, Descriptions, Popconfirm, Tabs, Tag } from 'antd';
import { CopyOutlined, DeleteOutlined, EditOutlined, ExperimentOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyVersionDetail } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDate, formatDateTime, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { PolicyDiffTab } from './policy-diff.tab';
import { PolicyEditModal } from './policy-edit.modal';
import { describePolicyPath } from './policy-format';
import { PolicyParametersTable } from './policy-parameters.table';
import { PolicyPublishModal } from './policy-publish.modal';
import { PolicyTags, versionTitle } from './policy-tags';
import './policy.css';

interface Notice { number?: string | null; title?: string; issuer?: string; issuedOn?: string }

/** 「本通知自相矛盾」: each conflict the engine found, with the parameters involved. */
function ConflictsAlert({ conflicts }: { conflicts: PolicyVersionDetail['conflicts'] }) {
  if (conflicts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="dk-section"
      title={`本通知有 ${conflicts.length} 处规定互相矛盾，考核时各项分别核验，请与发文单位确认后再据此作结论`}
      description={
        <ul className="dk-conflict-list">
          {conflicts.map((c, i) => (
            <li key={i}>
              <div>{c.message}</div>
              <div className="dk-conflict-params">涉及参数：{c.parameters.map(describePolicyPath).join('；')}</div>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** /policies/:id (a version id, or CX / MY for the version in force): header, conflicts, parameters, 版本比较, 操作记录. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const q = useQuery({ queryKey: ['policies', 'detail', id], queryFn: ({ signal }) => policiesApi.get(id, signal) });
  const p = q.data;

  const refresh = (next?: PolicyVersionDetail) => {
    if (next) queryClient.setQueryData(['policies', 'detail', id], next);
    void queryClient.invalidateQueries({ queryKey: ['policies'] });
  };
  const clone = useMutation({
    mutationFn: () => policiesApi.clone(p!.id),
    onSuccess: (draft) => {
      message.success(`已复制为${versionTitle(draft)}（草稿），可修改后发布`);
      refresh();
      void navigate(`/policies/${draft.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: () => policiesApi.remove(p!.id),
    onSuccess: () => {
      message.success('草稿已删除');
      // Mark everything stale without refetching the deleted version's own queries (they would answer 404).
      void queryClient.invalidateQueries({ queryKey: ['policies'], refetchType: 'none' });
      void navigate('/policies');
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const crumbs = [{ title: '政策版本', to: '/policies' }, { title: p ? versionTitle(p) : '版本详情' }];
  if (q.isPending) return (<><PageHeader title="政策版本详情" crumbs={crumbs} /><Card><CardSkeleton rows={8} /></Card></>);
  if (q.error || !p) return (<><PageHeader title="政策版本详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该政策版本" onRetry={() => void q.refetch()} /></>);

  const notice = (p.document.notice ?? {}) as Notice;
  const parameters = (p.document.parameters ?? {}) as Record<string, unknown>;
  const canWrite = can('policy:write');
  const editable = canWrite && p.editable;

  return (
    <>
      <PageHeader
        title={versionTitle(p)}
        tags={<PolicyTags policy={p} />}
        subtitle={p.name}
        crumbs={crumbs}
        extra={
          <>
            <Link to={`/policies/sandbox?policy=${p.id}`}><Button icon={<ExperimentOutlined />}>试算</Button></Link>
            {canWrite && (
              <Popconfirm
                title="复制为新草稿"
                description={`以${versionTitle(p)}的全部参数新建一个草稿版本，修改后可发布。`}
                okText="复制"
                cancelText="取消"
                onConfirm={() => clone.mutate()}
              >
                <Button icon={<CopyOutlined />} loading={clone.isPending}>复制为新草稿</Button>
              </Popconfirm>
            )}
            {editable && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
            {editable && <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)}>发布</Button>}
            {editable && (
              <Popconfirm
                title="删除该草稿？"
                description="草稿删除后不能恢复。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>删除草稿</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {p.status === 'draft' && (
        <Alert
          type="info"
          showIcon
          className="dk-section"
          title={p.editable ? '这是草稿：修改参数后发布，发布后自施行日期起生效，且不能再修改。' : '这是其他部门起草的草稿，只有起草部门可以修改和发布。'}
        />
      )}
      <ConflictsAlert conflicts={p.conflicts} />
      <Card className="dk-section">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="名称" span="filled">{p.name}</Descriptions.Item>
          <Descriptions.Item label="政策编码"><Tag color="blue">{p.code}</Tag>第 {p.version} 版</Descriptions.Item>
          <Descriptions.Item label="状态"><PolicyTags policy={p} /></Descriptions.Item>
          <Descriptions.Item label="施行日期">{p.effectiveFrom ? formatDate(p.effectiveFrom) : <span className="dk-muted">未定（发布时设定）</span>}</Descriptions.Item>
          <Descriptions.Item label="使用该编码的项目">{p.programmes} 个</Descriptions.Item>
          <Descriptions.Item label="依据通知" span="filled">
            <div>{notice.title ?? '—'}</div>
            <div className="dk-muted">{[notice.number ?? '（无文号）', notice.issuer, notice.issuedOn && `${formatDate(notice.issuedOn)} 印发`].filter(Boolean).join(' · ')}</div>
          </Descriptions.Item>
          <Descriptions.Item label="起草单位">{text(p.ownerOrgName)}</Descriptions.Item>
          <Descriptions.Item label="适用区划">{text(p.regionName)}</Descriptions.Item>
          <Descriptions.Item label="复制自">{p.basedOnId ? <Link to={`/policies/${p.basedOnId}`}>查看来源版本</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDateTime(p.publishedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'parameters', label: '参数', children: <PolicyParametersTable parameters={parameters} conflictParameters={p.conflicts.flatMap((c) => c.parameters)} /> },
            { key: 'diff', label: '版本比较', children: <PolicyDiffTab policy={p} /> },
            ...(can('audit:read') ? [{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="policy" entityId={p.id} /> }] : []),
          ]}
        />
      </Card>
      {editable && (
        <>
          <PolicyEditModal open={editing} policy={p} onClose={() => setEditing(false)} onSaved={(next) => { setEditing(false); refresh(next); }} />
          <PolicyPublishModal open={publishing} policy={p} onClose={() => setPublishing(false)} onPublished={(next) => { setPublishing(false); refresh(next); }} />
        </>
      )}
    </>
  );
}
