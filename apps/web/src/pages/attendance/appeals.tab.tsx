import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Select, Spin, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { APPEAL_STATUS_LABELS, APPEAL_STATUSES, ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES, type Appeal, type AttendanceStatus } from '@duikou/contracts';
import { attendanceApi, checkInApi } from '../../api/attendance.endpoints';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { formatDate, formatDateTime, text } from '../../shared/format';
import { applyApiError } from '../../shared/form-errors';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { useDebounced } from '../../shared/use-debounced';
import { useIsPhone } from '../../shared/use-is-phone';
import { STATUS_MARKS } from './attendance-grid';

const APPEAL_COLORS: Record<Appeal['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error' };

function StatusMark({ status }: { status: string | null }) {
  if (!status) return <Typography.Text type="secondary">未填</Typography.Text>;
  const m = STATUS_MARKS[status as AttendanceStatus];
  const label = (ATTENDANCE_STATUS_LABELS as Record<string, string>)[status] ?? status;
  return m ? <span style={{ color: m.color, fontWeight: 600 }}>{label}</span> : <>{label}</>;
}

/** Assignments the caller may appeal for: GET /api/assignments?q= (staff get theirs preselected from today's post). */
function AssignmentPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const list = useQuery({
    queryKey: ['assignments', 'list', { q, pageSize: 50, picker: 'appeal' }],
    queryFn: ({ signal }) => assignmentsApi.list({ q: q || undefined, pageSize: 50 }, signal),
  });
  const options = (list.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.personName} · ${a.recipientOrgName}（${formatDate(a.actualStart ?? a.plannedStart)} 至 ${formatDate(a.actualEnd ?? a.plannedEnd)}）`,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      placeholder="输入姓名搜索派驻记录"
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : list.error ? errorMessage(list.error) : '没有匹配的派驻记录'}
      popupMatchSelectWidth={false}
    />
  );
}

interface AppealForm { assignmentId: string; date: Dayjs; requestedStatus: AttendanceStatus; reason: string }

/** 提出考勤申诉 (confirmed months only; the API's 409 says so otherwise). */
function AppealCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AppealForm>();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const ownPost = useQuery({ queryKey: ['check-in', 'today'], queryFn: ({ signal }) => checkInApi.today(signal), enabled: open && can('checkin:write'), retry: false });

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
  }, [open, form]);
  useEffect(() => {
    const id = ownPost.data?.assignment?.id;
    if (open && id && !form.getFieldValue('assignmentId')) form.setFieldsValue({ assignmentId: id });
  }, [open, ownPost.data, form]);

  const create = useMutation({
    mutationFn: (v: AppealForm) => attendanceApi.createAppeal({ assignmentId: v.assignmentId, date: v.date.format('YYYY-MM-DD'), requestedStatus: v.requestedStatus, reason: v.reason.trim() }),
    onSuccess: () => {
      message.success('考勤申诉已提交，等待受援单位处理');
      void queryClient.invalidateQueries({ queryKey: ['attendance', 'appeals'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, ['assignmentId', 'date', 'requestedStatus', 'reason'])),
  });

  return (
    <Modal open={open} title="提出考勤申诉" okText="提交申诉" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="只能对受援单位已确认锁定的月份提出申诉；未确认的月份请直接联系受援单位修改。" />
      {formError && <Alert type="error" showIcon title="提交失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<AppealForm> form={form} name="appeal-create" layout="vertical" disabled={create.isPending} onFinish={(v) => { setFormError(null); create.mutate(v); }}>
        <Form.Item label="派驻记录" name="assignmentId" rules={[{ required: true, message: '请选择派驻记录' }]}>
          <AssignmentPicker />
        </Form.Item>
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择要更正的日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item label="应为" name="requestedStatus" rules={[{ required: true, message: '请选择正确的考勤状态' }]}>
          <Select options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))} placeholder="正确的考勤状态" />
        </Form.Item>
        <Form.Item label="申诉理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：当日在岗，手机故障未能打卡，科室排班表可证明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 同意 / 驳回 an appeal (驳回 needs a reason). */
function AppealDecisionModal({ target, onClose }: { target: { appeal: Appeal; decision: 'approve' | 'reject' } | null; onClose: () => void }) {
  const [form] = Form.useForm<{ comment?: string }>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    setFormError(null);
    form.resetFields();
  }, [target, form]);
  const decide = useMutation({
    mutationFn: (v: { comment?: string }) => attendanceApi.decideAppeal(target!.appeal.id, { decision: target!.decision, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }),
    onSuccess: (a) => {
      message.success(a.status === 'approved' ? '已同意，考勤已更正' : '已驳回');
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, ['comment'])),
  });
  const a = target?.appeal;
  const reject = target?.decision === 'reject';
  return (
    <Modal
      open={!!target}
      title={reject ? '驳回考勤申诉' : '同意考勤申诉'}
      okText={reject ? '驳回' : '同意并更正'}
      okButtonProps={{ danger: reject }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {a && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<>{a.personName} {formatDate(a.date)}：<StatusMark status={a.currentStatus} /> → <StatusMark status={a.requestedStatus} /></>}
          description={`理由：${a.reason}`}
        />
      )}
      {formError && <Alert type="error" showIcon title="操作失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="appeal-decision" layout="vertical" disabled={decide.isPending} onFinish={(v) => { setFormError(null); decide.mutate(v); }}>
        <Form.Item label={reject ? '驳回理由' : '处理意见（可选）'} name="comment" rules={reject ? [{ required: true, whitespace: true, message: '驳回须说明理由' }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 考勤申诉: list by status; staff and support units raise them, the recipient (attendance:write) decides. */
export function AppealsTab({ recipientOrgId, canCreate }: { recipientOrgId?: string; canCreate: boolean }) {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const canDecide = can('attendance:write');
  const [status, setStatus] = useState<Appeal['status'] | undefined>(canDecide ? 'pending' : undefined);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: 'approve' | 'reject' } | null>(null);
  const query = useMemo(() => ({ ...(status ? { status } : {}), ...(recipientOrgId ? { recipientOrgId } : {}) }), [status, recipientOrgId]);
  const list = useQuery({ queryKey: ['attendance', 'appeals', query], queryFn: ({ signal }) => attendanceApi.appeals(query, signal), placeholderData: keepPreviousData });

  const columns: ColumnsType<Appeal> = [
    { title: '人员', key: 'person', width: 140, render: (_: unknown, a) => <>{a.personName}<span className="dk-att-sub">{a.recipientOrgName}</span></> },
    { title: '日期', dataIndex: 'date', width: 105, render: (d: string) => formatDate(d) },
    { title: '更正', key: 'change', width: 145, render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}><StatusMark status={a.currentStatus} /> → <StatusMark status={a.requestedStatus} /></span> },
    { title: '理由', dataIndex: 'reason', width: 200 },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: Appeal['status']) => <Tag color={APPEAL_COLORS[s]}>{APPEAL_STATUS_LABELS[s]}</Tag> },
    { title: '申请', key: 'by', width: 150, render: (_: unknown, a) => <>{a.requestedBy}<span className="dk-att-sub">{formatDateTime(a.createdAt)}</span></> },
    {
      title: '处理', key: 'decided', width: 180,
      render: (_: unknown, a) => (a.decidedBy
        ? <>{a.decidedBy}<span className="dk-att-sub">{formatDateTime(a.decidedAt)}</span>{a.decisionComment && <span className="dk-att-sub">意见：{a.decisionComment}</span>}</>
        : <Typography.Text type="secondary">—</Typography.Text>),
    },
    ...(canDecide ? [{
      title: '操作', key: 'actions', width: 110, fixed: isPhone ? undefined : 'right' as const,
      render: (_: unknown, a: Appeal) => (a.status === 'pending' ? (
        <div className="dk-att-actions">
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDeciding({ appeal: a, decision: 'approve' })}>同意</Button>
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeciding({ appeal: a, decision: 'reject' })}>驳回</Button>
        </div>
      ) : null),
    }] : []),
  ];

  return (
    <>
      <div className="dk-toolbar">
        <Select
          className="dk-toolbar-select"
          allowClear
          placeholder="全部状态"
          aria-label="申诉状态"
          value={status}
          onChange={(v) => setStatus(v)}
          options={APPEAL_STATUSES.map((s) => ({ value: s, label: APPEAL_STATUS_LABELS[s] }))}
        />
        <span className="dk-toolbar-spacer" />
        {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>提出申诉</Button>}
      </div>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Appeal>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: canDecide ? 1110 : 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: <EmptyState description={status ? `没有「${APPEAL_STATUS_LABELS[status]}」的考勤申诉。` : '还没有考勤申诉。'} /> }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {text(canDecide ? '同意后该日考勤改为申请的状态，并标注“申诉更正”。' : '考勤申诉由受援单位处理；同意后该日考勤自动更正。')}
      </Typography.Paragraph>
      <AppealCreateModal open={creating} onClose={() => setCreating(false)} />
      <AppealDecisionModal target={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
