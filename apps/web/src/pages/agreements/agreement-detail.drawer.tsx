import { App as AntApp, Button, Descriptions, Drawer, Empty, Popconfirm, Tag, Typography } from 'antd';
import { AuditOutlined, DeleteOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AGREEMENT_SIDE_LABELS, type Agreement } from '@duikou/contracts';
import { agreementsApi } from '../../api/agreements.endpoints';
import { errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { DASH, formatDateTime, text } from '../../shared/format';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList } from '../../shared/verdict-list';
import { AgreementStatusTag, withAgreementFigureLabels } from './agreement-parts';
import type { AgreementStep } from './agreement-sign.modal';

/** 删除草稿 with a confirmation (either side, before anyone signs). */
export function DeleteAgreementButton({ agreement, onDeleted, compact }: { agreement: Agreement; onDeleted: () => void; compact?: boolean }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => agreementsApi.remove(agreement.id),
    onSuccess: () => {
      message.success(`已删除 ${agreement.year} 年度协议草稿`);
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
      onDeleted();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title="删除这份协议草稿？"
      description="草稿尚无任何一方签订，删除后不可恢复。"
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={() => remove.mutate()}
    >
      <Button size="small" type={compact ? 'link' : 'default'} danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label="删除草稿">
        {compact ? undefined : '删除草稿'}
      </Button>
    </Popconfirm>
  );
}

/** The buttons an agreement offers this account (the server decides: canEdit / canSign / canFile). */
export function AgreementActions({ agreement: a, onEdit, onStep, onDeleted, compact }: {
  agreement: Agreement;
  onEdit: (a: Agreement) => void;
  onStep: (s: AgreementStep) => void;
  onDeleted: () => void;
  compact?: boolean;
}) {
  const { can } = useSession();
  const type = compact ? 'link' : 'default';
  const buttons = [
    a.canEdit && <Button key="edit" size="small" type={type} icon={<EditOutlined />} onClick={() => onEdit(a)}>修改</Button>,
    a.canSign && <Button key="sign" size="small" type={compact ? 'link' : 'primary'} icon={<FormOutlined />} onClick={() => onStep({ kind: 'sign', agreement: a })}>签订</Button>,
    a.canFile && can('agreement:file') && (
      <Button key="file" size="small" type={compact ? 'link' : 'primary'} icon={<AuditOutlined />} onClick={() => onStep({ kind: 'file', agreement: a })}>备案</Button>
    ),
    a.canEdit && a.status === 'draft' && <DeleteAgreementButton key="delete" agreement={a} onDeleted={onDeleted} compact={compact} />,
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return <div className="dk-agr-actions">{buttons}</div>;
}

function Lines({ rows, empty = '未填写' }: { rows: { key: string; main: string; sub: string | null }[]; empty?: string }) {
  if (rows.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ol className="dk-agr-lines">
      {rows.map((r) => (
        <li key={r.key}>{r.main}{r.sub && <span className="dk-agr-sub-inline">：{r.sub}</span>}</li>
      ))}
    </ol>
  );
}

/** One agreement: what it commits to, the signatures and filing, and the rule's verdict. */
export function AgreementDetailDrawer({ id, onClose, onEdit, onStep }: {
  id: string | null;
  onClose: () => void;
  onEdit: (a: Agreement) => void;
  onStep: (s: AgreementStep) => void;
}) {
  const isPhone = useIsPhone();
  const q = useQuery({ queryKey: ['agreements', 'detail', id], queryFn: ({ signal }) => agreementsApi.get(id!, signal), enabled: !!id });
  const a = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={a ? `${a.year} 年度帮扶协议` : '帮扶协议'}
      extra={a && <AgreementStatusTag status={a.status} />}
      footer={a && <AgreementActions agreement={a} onEdit={onEdit} onStep={onStep} onDeleted={onClose} />}
      destroyOnHidden
    >
      {q.isPending && id && <CardSkeleton rows={8} />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {a && (
        <>
          <Descriptions column={1} size="small" bordered className="dk-agr-desc">
            <Descriptions.Item label="对口关系">
              <Link to={`/pairings/${a.pairingId}`}>{a.recipientOrg.name} ← {a.supportOrg.name}</Link>
              <span className="dk-agr-sub">{a.programmeName} · {a.policyCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label="帮扶科室">
              {a.departments.length ? <span className="dk-agr-tags">{a.departments.map((d) => <Tag key={d}>{d}</Tag>)}</span> : <Typography.Text type="secondary">未填写</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="适宜技术及目标">
              <Lines rows={a.technologies.map((t, i) => ({ key: `${i}`, main: t.name, sub: t.target }))} />
            </Descriptions.Item>
            <Descriptions.Item label="培养人员">
              <div>培养目标：{a.traineeTarget === null ? '未填写' : `${a.traineeTarget} 人`}</div>
              <Lines rows={a.trainees.map((t, i) => ({ key: `${i}`, main: t.name, sub: t.department }))} empty="尚未确定具体人员" />
            </Descriptions.Item>
            <Descriptions.Item label="能力目标">
              <Lines rows={a.capabilityTargets.map((c, i) => ({ key: `${i}`, main: c.item, sub: c.target }))} />
            </Descriptions.Item>
            <Descriptions.Item label="其他约定"><span className="dk-agr-pre">{text(a.content)}</span></Descriptions.Item>
            <Descriptions.Item label="支援单位签订">{a.supportSignedOn ? `${a.supportSignedOn}（${a.supportSignedBy ?? DASH}）` : <Tag color="gold">未签订</Tag>}</Descriptions.Item>
            <Descriptions.Item label="受援单位签订">{a.recipientSignedOn ? `${a.recipientSignedOn}（${a.recipientSignedBy ?? DASH}）` : <Tag color="gold">未签订</Tag>}</Descriptions.Item>
            <Descriptions.Item label="备案">
              {a.filedOn ? `${a.filedOn}${a.filedCopies ? `，${a.filedCopies} 份` : ''}（${a.filedBy ?? DASH}）` : <Typography.Text type="secondary">未备案</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="起草">{AGREEMENT_SIDE_LABELS[a.draftedBy]} · {a.createdBy} · {formatDateTime(a.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="dk-agr-section-title">规则判定</Typography.Title>
          <VerdictList verdicts={[withAgreementFigureLabels(a.verdict)]} />
        </>
      )}
      {!q.isPending && !q.error && !a && <Empty description="没有找到该协议" />}
    </Drawer>
  );
}
