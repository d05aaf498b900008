import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { StatutoryReport } from '@duikou/contracts';
import { statutoryReportsApi } from '../../api/statutory-reports.endpoints';
import { applyApiError } from '../../shared/form-errors';

/** 退回 (POST /api/statutory-reports/:id/send-back): back to the submitter with the reason (required, ≤ 500 字). */
export function StatutoryReportSendBackModal({
  report, open, onClose, onDone,
}: { report: StatutoryReport; open: boolean; onClose: () => void; onDone: (next: StatutoryReport) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (open) { form.resetFields(); setFormError(null); }
  }, [open, form]);
  const send = useMutation({
    mutationFn: (reason: string) => statutoryReportsApi.sendBack(report.id, reason),
    onSuccess: onDone,
    onError: (e) => setFormError(applyApiError(form, e, ['reason'])),
  });
  return (
    <Modal
      open={open} title="退回统计报表" okText="确认退回" okButtonProps={{ danger: true }} cancelText="取消"
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={send.isPending} destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`退回「${report.submitter.name}」更正后重新报送`} />
      {formError && <Alert type="error" showIcon title="退回失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="statutory-send-back" onFinish={(v) => { setFormError(null); send.mutate(v.reason.trim()); }}>
        <Form.Item label="退回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回原因' }, { max: 500, message: '退回原因不超过 500 字' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="需要补充或更正的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
