import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { policyPublishSchema, type PolicyVersionDetail } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { applyApiError } from '../../shared/form-errors';
import { zodRule } from '../../shared/zod-rule';
import { versionTitle } from './policy-tags';

interface PublishForm { effectiveFrom: Dayjs; note?: string }

/** 发布: sets the effective date; from then on the version never changes. */
export function PolicyPublishModal({ open, policy, onClose, onPublished }: {
  open: boolean;
  policy: PolicyVersionDetail;
  onClose: () => void;
  onPublished: (p: PolicyVersionDetail) => void;
}) {
  const [form] = Form.useForm<PublishForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({ effectiveFrom: policy.effectiveFrom ? dayjs(policy.effectiveFrom) : dayjs() });
  }, [open, policy, form]);

  const publish = useMutation({
    mutationFn: (v: PublishForm) => policiesApi.publish(policy.id, { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), note: v.note?.trim() || undefined }),
    onSuccess: (p) => {
      message.success(`${versionTitle(p)}已发布，${p.effectiveFrom ?? ''} 起施行`);
      onPublished(p);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['effectiveFrom', 'note'])),
  });

  return (
    <Modal
      open={open}
      title={`发布 ${versionTitle(policy)}`}
      okText="确认发布"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={publish.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="发布后该版本永远不能再修改或删除"
        description="已发布的版本是考核的依据，任何人都不能再更改它的参数。如需调整，只能复制为新草稿、修改后发布新的版本。自施行日期起，该政策编码的项目按此版本考核（直到更新的版本施行）。"
      />
      {policy.conflicts.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本版本仍有 ${policy.conflicts.length} 处参数互相矛盾`}
          description="仍可发布（各项将分别核验），但建议先与发文单位确认。"
        />
      )}
      {formError && <Alert type="error" showIcon title="发布失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<PublishForm> form={form} layout="vertical" disabled={publish.isPending} onFinish={(v) => { setFormError(null); publish.mutate(v); }}>
        <Form.Item label="施行日期" name="effectiveFrom" rules={[{ required: true, message: '请选择施行日期' }]} extra="通常为新通知的印发或施行日期；施行日期前仍按原现行版本考核">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="发布说明" name="note" rules={[zodRule(policyPublishSchema.shape.note)]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：依据某某通知调整在岗天数要求（记入操作记录）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
