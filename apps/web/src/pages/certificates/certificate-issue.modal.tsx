import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Descriptions, Form, Modal, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, Certificate } from '@duikou/contracts';
import { certificatesApi } from '../../api/certificates.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { formatPeriod } from '../../shared/format';
import { AssignmentPickSelect } from '../appraisals/assignment-pick.select';

/**
 * 出具证明 (POST /api/certificates): for an assignment that ended at its term (期满结束), once; by the
 * dispatching unit or an office over the recipient. What it prints is fixed at issue.
 */
export function CertificateIssueModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (c: Certificate) => void }) {
  const [form] = Form.useForm<{ assignmentId?: string }>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Assignment | undefined>();
  const assignmentId = Form.useWatch('assignmentId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    setPicked(undefined);
  }, [open, form]);

  // Already issued? Say so before the API refuses.
  const existing = useQuery({
    queryKey: ['certificates', 'list', { assignmentId }],
    queryFn: ({ signal }) => certificatesApi.list({ assignmentId, pageSize: 1 }, signal),
    enabled: open && !!assignmentId,
  });
  const issued = existing.data?.items[0];

  const save = useMutation({
    mutationFn: (id: string) => certificatesApi.issue(id),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['certificates'] });
      message.success(`已出具经历证明 ${c.number}`);
      onIssued(c);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['assignmentId'])),
  });

  return (
    <Modal
      open={open}
      title="出具证明"
      okText="出具证明"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !!issued }}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        派驻期满结束后，由派出单位或受援单位所在辖区的卫生健康行政部门出具，作为职称晋升的对口支援工作经历证明。每次派驻只出具一份，编号自动生成。
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title="出具失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="certificate-issue" disabled={save.isPending} onFinish={(v) => { setFormError(null); if (v.assignmentId) save.mutate(v.assignmentId); }}>
        <Form.Item label="派驻记录（期满结束）" name="assignmentId" rules={[{ required: true, message: '请选择已期满结束的派驻' }]}>
          <AssignmentPickSelect status="completed" onChange={(_, a) => setPicked(a)} />
        </Form.Item>
      </Form>
      {issued && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`该派驻已出具经历证明 ${issued.number}（${issued.issuedOn}）`} />}
      {picked && (
        <Descriptions bordered size="small" column={1} title="证明将载明">
          <Descriptions.Item label="人员">{picked.personName}{picked.personTitle ? `（${picked.personTitle}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="派出单位">{picked.supportOrgName}</Descriptions.Item>
          <Descriptions.Item label="受援单位 / 科室">{picked.recipientOrgName} · {picked.department}</Descriptions.Item>
          <Descriptions.Item label="派驻期间">{formatPeriod(picked.actualStart ?? picked.plannedStart, picked.actualEnd ?? picked.plannedEnd)}</Descriptions.Item>
          <Descriptions.Item label="在岗天数 / 鉴定等次">按出具时的考勤与最近一次已备案的年度鉴定自动填写</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
