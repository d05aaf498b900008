import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Leave } from '@duikou/contracts';
import { leaveApi, type LeaveDetail } from '../../api/leave.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { awaitingText, leaveKindLabel, leavePeriod } from './leave-parts';

export type LeaveAction = { leave: Leave; kind: 'approve' | 'reject' | 'return' };

const TITLES = { approve: '同意请假', reject: '驳回请假', return: '销假返岗' } as const;

/** 同意 / 驳回 (reject needs a comment: the API answers 400 field comment) and 销假 (POST /return {date}). */
export function LeaveActionModal({ action, onClose, onDone }: { action: LeaveAction | null; onClose: () => void; onDone?: (l: LeaveDetail) => void }) {
  const [form] = Form.useForm<{ comment?: string; date?: Dayjs }>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = action?.kind;

  useEffect(() => {
    if (!action) return;
    setFormError(null);
    form.resetFields();
    if (action.kind === 'return') {
      const today = dayjs().startOf('day');
      const start = dayjs(action.leave.startDate);
      form.setFieldsValue({ date: today.isBefore(start) ? start : today });
    }
  }, [action, form]);

  const run = useMutation({
    mutationFn: (v: { comment?: string; date?: Dayjs }) => {
      const l = action!.leave;
      if (action!.kind === 'return') return leaveApi.returnOn(l.id, v.date!.format('YYYY-MM-DD'));
      const comment = v.comment?.trim();
      return leaveApi.decide(l.id, { decision: action!.kind as 'approve' | 'reject', ...(comment ? { comment } : {}) });
    },
    onSuccess: (l) => {
      message.success(kind === 'return' ? `已销假，${l.returnedOn ?? ''} 返岗` : kind === 'approve' ? (l.status === 'approved' ? '已同意，审批完成' : '已同意，转下一级审批') : '已驳回');
      queryClient.setQueryData(['leave', 'detail', l.id], l);
      void queryClient.invalidateQueries({ queryKey: ['leave'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
      onDone?.(l);
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, ['comment', 'date'])),
  });

  const l = action?.leave;
  return (
    <Modal
      open={!!action}
      title={kind ? `${TITLES[kind]}${l ? `：${l.personName}` : ''}` : ''}
      okText={kind === 'reject' ? '驳回' : kind === 'approve' ? '同意' : '确认销假'}
      okButtonProps={{ danger: kind === 'reject' }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {l && (
        <Alert
          type={kind === 'reject' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${leaveKindLabel(l.kind)} · ${leavePeriod(l)} · ${l.workingDays} 个工作日`}
          description={<>事由：{l.reason}{awaitingText(l) && <div>{awaitingText(l)}</div>}</>}
        />
      )}
      {formError && <Alert type="error" showIcon title="操作失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="leave-action" layout="vertical" disabled={run.isPending} onFinish={(v) => { setFormError(null); run.mutate(v); }}>
        {kind === 'return' ? (
          <Form.Item label="返岗日期" name="date" rules={[{ required: true, message: '请选择返岗日期' }]} extra="返岗日及以后的请假天数不再计入考勤。">
            <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly />
          </Form.Item>
        ) : (
          <Form.Item
            label={kind === 'reject' ? '驳回理由' : '审批意见（可选）'}
            name="comment"
            rules={kind === 'reject' ? [{ required: true, whitespace: true, message: '驳回须说明理由' }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={kind === 'reject' ? '如：科室人手紧张，请调整日期' : '可不填'} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
