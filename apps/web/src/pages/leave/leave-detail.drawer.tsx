import { App as AntApp, Button, Descriptions, Drawer, Popconfirm, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined, LoginOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OFFICE_ROLES, type Leave } from '@duikou/contracts';
import { leaveApi } from '../../api/leave.endpoints';
import { errorMessage } from '../../api/http-client';
import { useMe } from '../../auth/session.context';
import { formatDate, formatDateTime } from '../../shared/format';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList } from '../../shared/verdict-list';
import type { LeaveAction } from './leave-decision.modal';
import { ApprovalSteps, awaitingText, Filings, LeaveDays, leaveKindLabel, leavePeriod, LeaveStatusTag } from './leave-parts';
import './leave.css';

/** What the signed-in account may do with a leave (the server checks again). */
export function useLeaveRights() {
  const me = useMe();
  const office = (OFFICE_ROLES as readonly string[]).includes(me.role);
  return {
    mayDecide: (l: Leave) => l.mine && me.permissions.includes('leave:approve'),
    mayCancel: (l: Leave) => l.status === 'pending' && l.requestedBy === me.username,
    /** 销假: the person, the recipient or the support unit (not the offices). */
    mayReturn: (l: Leave) => l.status === 'approved' && !office && me.role !== 'auditor',
  };
}

/** 撤回 with a confirmation. */
export function CancelLeaveButton({ leave, block }: { leave: Leave; block?: boolean }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => leaveApi.cancel(leave.id),
    onSuccess: (l) => {
      message.success('已撤回请假申请');
      queryClient.setQueryData(['leave', 'detail', l.id], l);
      void queryClient.invalidateQueries({ queryKey: ['leave'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Popconfirm title="撤回这次请假申请？" description="撤回后审批终止，如仍需请假请重新申请。" okText="撤回" cancelText="不撤回" onConfirm={() => cancel.mutate()}>
      <Button size="small" icon={<RollbackOutlined />} loading={cancel.isPending} block={block}>撤回</Button>
    </Popconfirm>
  );
}

/** The buttons a leave offers this account: 同意 / 驳回, 撤回, 销假. */
export function LeaveActions({ leave, onAction, onOpen }: { leave: Leave; onAction: (a: LeaveAction) => void; onOpen?: () => void }) {
  const rights = useLeaveRights();
  const buttons = [
    onOpen && <Button key="open" size="small" onClick={onOpen}>详情</Button>,
    rights.mayDecide(leave) && <Button key="approve" type="primary" size="small" icon={<CheckOutlined />} onClick={() => onAction({ leave, kind: 'approve' })}>同意</Button>,
    rights.mayDecide(leave) && <Button key="reject" danger size="small" icon={<CloseOutlined />} onClick={() => onAction({ leave, kind: 'reject' })}>驳回</Button>,
    rights.mayCancel(leave) && <CancelLeaveButton key="cancel" leave={leave} />,
    rights.mayReturn(leave) && <Button key="return" size="small" icon={<LoginOutlined />} onClick={() => onAction({ leave, kind: 'return' })}>销假</Button>,
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return <div className="dk-leave-actions">{buttons}</div>;
}

/** Detail of one leave: facts, approval chain, filings, the engine's verdicts and the attachment. */
export function LeaveDetailDrawer({ id, onClose, onAction }: { id: string | undefined; onClose: () => void; onAction: (a: LeaveAction) => void }) {
  const isPhone = useIsPhone();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: ['leave', 'detail', id], queryFn: ({ signal }) => leaveApi.get(id!, signal), enabled: !!id });
  const l = q.data;
  const download = useMutation({
    mutationFn: () => leaveApi.downloadAttachment(l!.id, l!.attachmentName ?? '附件'),
    onError: (e) => message.error(errorMessage(e)),
  });

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={l ? <>{l.personName} 的请假 <LeaveStatusTag status={l.status} /></> : '请假详情'}
      extra={l && !isPhone ? <LeaveActions leave={l} onAction={onAction} /> : undefined}
      destroyOnHidden
    >
      {q.isPending && id && <CardSkeleton rows={8} />}
      {q.error && <ErrorAlert error={q.error} title="无法加载该请假申请" onRetry={() => void q.refetch()} />}
      {l && (
        <>
          {isPhone && <div style={{ marginBottom: 12 }}><LeaveActions leave={l} onAction={onAction} /></div>}
          {awaitingText(l) && <Typography.Paragraph type="warning">{awaitingText(l)}</Typography.Paragraph>}
          <Descriptions bordered size="small" column={1} className="dk-section">
            <Descriptions.Item label="人员">{l.personName}</Descriptions.Item>
            <Descriptions.Item label="派出单位">{l.supportOrgName}</Descriptions.Item>
            <Descriptions.Item label="受援单位">{l.recipientOrgName}</Descriptions.Item>
            <Descriptions.Item label="类别">{leaveKindLabel(l.kind)}{l.emergencyRecall && '（卫生应急调回）'}</Descriptions.Item>
            <Descriptions.Item label="日期">{leavePeriod(l)}</Descriptions.Item>
            <Descriptions.Item label="天数"><LeaveDays leave={l} /></Descriptions.Item>
            <Descriptions.Item label="事由">{l.reason}</Descriptions.Item>
            <Descriptions.Item label="附件">
              {l.attachmentName ? (
                <Button type="link" size="small" style={{ padding: 0 }} icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
                  {l.attachmentName}
                </Button>
              ) : '无'}
            </Descriptions.Item>
            <Descriptions.Item label="申请人">{l.requestedBy}　{formatDateTime(l.createdAt)}</Descriptions.Item>
            {l.returnedOn && <Descriptions.Item label="销假返岗">{formatDate(l.returnedOn)}</Descriptions.Item>}
            <Descriptions.Item label="状态"><LeaveStatusTag status={l.status} />{awaitingText(l)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>审批</Typography.Title>
          <div className="dk-section"><ApprovalSteps leave={l} /></div>
          <Typography.Title level={5}>备案</Typography.Title>
          <div className="dk-section"><Filings leave={l} /></div>
          <Typography.Title level={5}>规则结论</Typography.Title>
          <VerdictList verdicts={l.verdicts} empty="该政策对请假没有可核验的规则" />
        </>
      )}
    </Drawer>
  );
}
