import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { AssignmentDetail } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { pairingsApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { AssignmentFields } from './assignment-fields';
import { ASSIGNMENT_FIELD_NAMES, dayOf, fieldsToBody, keepEnterInDatePickers, type AssignmentFieldValues } from './assignment-form';

const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'insuranceFrom', 'insuranceTo', 'safetyEducationDate'] as const;

/** 编辑派驻: PATCH /api/assignments/:id — department, dates, batch, role, post, insurance, safety education. */
export function AssignmentEditModal({ open, assignment: a, onClose, onSaved }: {
  open: boolean;
  assignment: AssignmentDetail;
  onClose: () => void;
  onSaved: (a: AssignmentDetail) => void;
}) {
  const [form] = Form.useForm<AssignmentFieldValues>();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const role = Form.useWatch('role', form) ?? a.role;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({
      department: a.department, plannedStart: dayOf(a.plannedStart), plannedEnd: dayOf(a.plannedEnd), batch: a.batch ?? undefined, role: a.role,
      post: a.post, insurer: a.insurer ?? undefined, insurancePolicyNo: a.insurancePolicyNo ?? undefined, insuranceFrom: dayOf(a.insuranceFrom),
      insuranceTo: dayOf(a.insuranceTo), safetyEducationDate: dayOf(a.safetyEducationDate),
    });
  }, [open, a, form]);

  const pairing = useQuery({
    queryKey: ['pairings', 'detail', a.pairingId],
    queryFn: ({ signal }) => pairingsApi.get(a.pairingId, signal),
    enabled: open && can('pairing:read'),
  });
  const posts = useQuery({
    queryKey: ['assignments', 'post-options', a.pairingId, a.personId, role],
    queryFn: ({ signal }) => assignmentsApi.postOptions({ pairingId: a.pairingId, personId: a.personId, role }, signal),
    enabled: open,
  });
  useEffect(() => {
    const current = form.getFieldValue('post') as string | null | undefined;
    if (open && current && posts.data && !posts.data.allowed.some((o) => o.post === current)) form.setFieldsValue({ post: null });
  }, [open, posts.data, form]);

  const save = useMutation({
    mutationFn: (v: AssignmentFieldValues) => assignmentsApi.update(a.id, fieldsToBody(v, { clearEmptyTexts: true })),
    onSuccess: (saved) => {
      message.success('派驻信息已保存');
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, ASSIGNMENT_FIELD_NAMES)),
  });

  const p = pairing.data;
  return (
    <Modal
      open={open}
      title={`编辑派驻：${a.personName} → ${a.recipientOrgName}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<AssignmentFieldValues>
        form={form}
        name="assignment-edit"
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
        scrollToFirstError={{ block: 'center' }}
        onKeyDown={keepEnterInDatePickers}
      >
        <AssignmentFields
          form={form}
          needs={p?.needs ?? []}
          quickTerms={a.policyCode === 'CX'}
          validity={p ? { validFrom: p.validFrom, validTo: p.validTo } : undefined}
          posts={{ data: posts.data, loading: posts.isFetching, error: posts.error, ready: true }}
          lockedDates={DATE_FIELDS.filter((k) => !!a[k])}
          disabled={save.isPending}
        />
      </Form>
    </Modal>
  );
}
