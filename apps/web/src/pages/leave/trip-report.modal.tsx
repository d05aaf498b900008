import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tripsApi } from '../../api/leave.endpoints';
import type { RangeValue } from '../../shared/date-range';
import { applyApiError } from '../../shared/form-errors';
import { DateRangeField } from './date-range.field';

interface TripForm { range: RangeValue; destination: string; reason?: string }

/** 外出报备 (POST /api/trip-reports): leaving on rest days or holidays, told to the team leader and the recipient. */
export function TripReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TripForm>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
  }, [open, form]);

  const submit = useMutation({
    mutationFn: (v: TripForm) => tripsApi.create({
      startDate: v.range![0]!.format('YYYY-MM-DD'), endDate: v.range![1]!.format('YYYY-MM-DD'), destination: v.destination.trim(),
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    }),
    onSuccess: (t) => {
      message.success(`已报备：${t.startDate} 至 ${t.endDate} 前往${t.destination}`);
      void queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, ['range', 'destination', 'reason'], { startDate: 'range', endDate: 'range' })),
  });

  return (
    <Modal
      open={open}
      title="外出报备"
      okText="提交报备"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title="休息日、节假日离开驻地需报备；含工作日的外出请提交请假申请。" style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" showIcon title="提交失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<TripForm> form={form} name="trip-report" layout="vertical" disabled={submit.isPending} onFinish={(v) => { setFormError(null); submit.mutate(v); }}>
        <Form.Item
          label="外出日期"
          name="range"
          rules={[{ required: true, message: '请选择外出的起止日期' }, { validator: async (_r, v: RangeValue) => { if (!v?.[0] || !v[1]) throw new Error('请选择外出的起止日期'); } }]}
        >
          <DateRangeField />
        </Form.Item>
        <Form.Item label="目的地" name="destination" rules={[{ required: true, whitespace: true, message: '请填写目的地' }]}>
          <Input maxLength={100} placeholder="如：昆明市" />
        </Form.Item>
        <Form.Item label="事由（可选）" name="reason">
          <Input.TextArea rows={2} maxLength={300} showCount placeholder="如：探亲" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
