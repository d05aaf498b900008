import { Steps, Tag, Typography } from 'antd';
import { LEAVE_KIND_LABELS, LEAVE_STATUS_LABELS, type Leave, type LeaveStatus } from '@duikou/contracts';
import { formatDate, formatDateTime } from '../../shared/format';

export const LEAVE_STATUS_COLORS: Record<LeaveStatus, string> = {
  pending: 'processing', approved: 'success', rejected: 'error', cancelled: 'default', closed: 'purple',
};

export function LeaveStatusTag({ status }: { status: LeaveStatus }) {
  return <Tag color={LEAVE_STATUS_COLORS[status]}>{LEAVE_STATUS_LABELS[status] ?? status}</Tag>;
}

export const leaveKindLabel = (k: string) => (LEAVE_KIND_LABELS as Record<string, string>)[k] ?? k;

/** 2026-11-26 至 2026-12-01 (same day: one date). */
export const leavePeriod = (l: Pick<Leave, 'startDate' | 'endDate'>) =>
  l.startDate === l.endDate ? formatDate(l.startDate) : `${formatDate(l.startDate)} 至 ${formatDate(l.endDate)}`;

/** 工作日 4 天 / 自然日 6 天 */
export function LeaveDays({ leave, compact }: { leave: Pick<Leave, 'workingDays' | 'calendarDays'>; compact?: boolean }) {
  if (compact) return <span style={{ whiteSpace: 'nowrap' }}><b>{leave.workingDays}</b> 工作日 / {leave.calendarDays} 自然日</span>;
  return (
    <span>
      工作日 <b>{leave.workingDays}</b> 天（计入请假）· 自然日 {leave.calendarDays} 天
    </span>
  );
}

/** Who must still decide: 「等待 派驻医院院长 审批」, or the outcome. */
export function awaitingText(l: Leave): string | null {
  if (l.status !== 'pending' || !l.awaiting) return null;
  const label = l.approvals.find((s) => s.party === l.awaiting)?.label ?? l.awaiting;
  return `等待「${label}」审批`;
}

/** The approval chain as Steps: who decided and when, the comment; the awaited step in progress. */
export function ApprovalSteps({ leave, size = 'small' }: { leave: Leave; size?: 'small' | 'default' }) {
  if (leave.approvals.length === 0) {
    return <Typography.Text type="secondary">按政策无需审批{leave.filings.length ? '，报备案即可' : ''}。</Typography.Text>;
  }
  const stopped = leave.status === 'rejected' || leave.status === 'cancelled';
  return (
    <Steps
      size={size}
      orientation="vertical"
      items={leave.approvals.map((s) => {
        const status = s.decision === 'approve' ? 'finish' as const
          : s.decision === 'reject' ? 'error' as const
            : !stopped && leave.awaiting === s.party ? 'process' as const : 'wait' as const;
        const what = s.decision === 'approve' ? '同意' : s.decision === 'reject' ? '驳回'
          : stopped ? (leave.status === 'cancelled' ? '已撤回，未审批' : '未审批') : leave.awaiting === s.party ? '审批中' : '待审批';
        return {
          status,
          title: s.label,
          content: (
            <div className="dk-leave-step">
              <span>{what}{s.decidedBy ? `　${s.decidedBy}` : ''}{s.decidedAt ? `　${formatDateTime(s.decidedAt)}` : ''}</span>
              {s.comment && <span className="dk-leave-step-comment">意见：{s.comment}</span>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 请假条报 … 备案 */
export function Filings({ leave }: { leave: Leave }) {
  if (leave.filings.length === 0) return <Typography.Text type="secondary">无需备案</Typography.Text>;
  return (
    <ul className="dk-leave-filings">
      {leave.filings.map((f) => <li key={f.party}>请假条报 {f.label} 备案</li>)}
    </ul>
  );
}

/** The chain a leave would go through (before it is asked): the approvers in order, then the filings. */
export function ChainPreview({ approvals, filings }: { approvals: { party: string; label: string }[]; filings: { party: string; label: string }[] }) {
  return (
    <div className="dk-leave-chain">
      <div className="dk-leave-chain-title">审批</div>
      {approvals.length === 0 ? (
        <Typography.Text type="secondary">按政策无需审批，提交后即登记为已批准。</Typography.Text>
      ) : (
        <Steps
          size="small"
          orientation="vertical"
          items={approvals.map((s, i) => ({ status: 'wait' as const, title: s.label, content: i === 0 ? '提交后首先由其审批' : '上一级同意后审批' }))}
        />
      )}
      <div className="dk-leave-chain-title">备案</div>
      {filings.length === 0 ? <Typography.Text type="secondary">无需备案</Typography.Text> : (
        <ul className="dk-leave-filings">{filings.map((f) => <li key={f.party}>请假条报 {f.label} 备案</li>)}</ul>
      )}
    </div>
  );
}
