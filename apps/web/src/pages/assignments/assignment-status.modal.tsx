import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ASSIGNMENT_STATUS_LABELS, type Assignment, type AssignmentDetail, type AssignmentStatusChange } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { formatDate } from '../../shared/format';
import { keepEnterInDatePickers } from './assignment-form';

export type StatusTarget = AssignmentStatusChange['status'];

/** Button and modal wording per move. */
export const STATUS_ACTIONS: Record<StatusTarget, { verb: string; dateLabel: string }> = {
  on_duty: { verb: '到岗', dateLabel: '到岗日期' },
  completed: { verb: '期满结束', dateLabel: '结束日期' },
  recalled: { verb: '召回', dateLabel: '召回日期' },
};

interface StatusForm { date: Dayjs; reason?: string }

/** A sensible date to offer: today, or the planned day when it is already past (到岗 / 期满). */
function defaultDate(a: Assignment, target: StatusTarget): Dayjs {
  const today = dayjs().startOf('day');
  if (target === 'on_duty') return dayjs(a.plannedStart).isBefore(today) ? dayjs(a.plannedStart) : today;
  if (target === 'completed') return dayjs(a.plannedEnd).isBefore(today) ? dayjs(a.plannedEnd) : today;
  return today;
}

/** 到岗 / 期满结束 / 召回: POST /api/assignments/:id/status { status, date, reason }. */
export function AssignmentStatusModal({ assignment: a, target, onClose, onSaved }: {
  assignment: Assignment;
  target: StatusTarget | null;
  onClose: () => void;
  onSaved: (a: AssignmentDetail) => void;
}) {
  const [form] = Form.useForm<StatusForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const action = target ? STATUS_ACTIONS[target] : null;

  useEffect(() => {
    if (!target) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({ date: defaultDate(a, target) });
  }, [target, a, form]);

  const save = useMutation({
    mutationFn: (v: StatusForm) => assignmentsApi.changeStatus(a.id, { status: target!, date: v.date.format('YYYY-MM-DD'), reason: v.reason?.trim() || undefined }),
    onSuccess: (saved) => {
      message.success(`「${saved.personName}」已${ASSIGNMENT_STATUS_LABELS[saved.status]}`);
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['date', 'reason'])),
  });

  const hint = target === 'recalled'
    ? a.status === 'planned' ? '该人员尚未到岗，召回即取消这次派出。' : `该人员 ${formatDate(a.actualStart)} 到岗，召回后派驻结束于召回日期。`
    : target === 'completed' ? `计划 ${formatDate(a.plannedEnd)} 期满。` : `计划 ${formatDate(a.plannedStart)} 到岗。`;

  return (
    <Modal
      open={!!target}
      title={action ? `${action.verb}：${a.personName}` : ''}
      okText={action ? `确认${action.verb}` : '确定'}
      okButtonProps={{ danger: target === 'recalled' }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {formError && <Alert type="error" showIcon title="操作失败" description={formError} style={{ marginBottom: 16 }} />}
      <Alert type={target === 'recalled' ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form<StatusForm> form={form} name="assignment-status" layout="vertical" onKeyDown={keepEnterInDatePickers} disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label={action?.dateLabel ?? '日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item
          label={target === 'recalled' ? '召回原因' : '说明'}
          name="reason"
          rules={target === 'recalled' ? [{ required: true, whitespace: true, message: '召回须填写原因' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={target === 'recalled' ? '如：身体原因不能继续履职' : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
