import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { AppraisalDetail } from '@duikou/contracts';
import { appraisalsApi } from '../../api/appraisals.endpoints';
import { applyApiError } from '../../shared/form-errors';

/** 退回修改 (POST /api/appraisals/:id/send-back): one step back, with the reason (required, ≤ 500 字). */
export function AppraisalSendBackModal({
  appraisal, open, onClose, onDone,
}: { appraisal: AppraisalDetail; open: boolean; onClose: () => void; onDone: (next: AppraisalDetail) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const previous = appraisal.chain[appraisal.stage - 1]?.label ?? '上一步';
  useEffect(() => {
    if (open) { form.resetFields(); setFormError(null); }
  }, [open, form]);
  const send = useMutation({
    mutationFn: (reason: string) => appraisalsApi.sendBack(appraisal.id, reason),
    onSuccess: onDone,
    onError: (e) => setFormError(applyApiError(form, e, ['reason'])),
  });
  return (
    <Modal
      open={open}
      title="退回修改"
      okText="确认退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`退回「${previous}」修改后重新报送`} />
      {formError && <Alert type="error" showIcon title="退回失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="appraisal-send-back" onFinish={(v) => { setFormError(null); send.mutate(v.reason.trim()); }}>
        <Form.Item
          label="退回理由" name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, { max: 500, message: '退回理由不超过 500 字' }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="需要补充或更正的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
