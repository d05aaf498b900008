import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Apprentice, Mentorship } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { ApprenticeFields } from './mentorship-form.modal';
import { toApprenticeInput, type ApprenticeFormValues } from './mentorship-parts';

const FIELDS = ['name', 'specialtyTitle', 'department', 'learningSpecialty', 'learningGoal'];

/** 添加 / 修改跟学人员 of an agreement (once certified, the name and learning specialty are fixed). */
export function ApprenticeFormModal({ open, mentorship, editing, onClose, onSaved }: {
  open: boolean;
  mentorship: Mentorship;
  editing: Apprentice | null;
  onClose: () => void;
  onSaved: (m: Mentorship) => void;
}) {
  const [form] = Form.useForm<ApprenticeFormValues>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name, specialtyTitle: editing.specialtyTitle, department: editing.department ?? '', learningSpecialty: editing.learningSpecialty, learningGoal: editing.learningGoal,
      });
    }
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: ApprenticeFormValues) => {
      const body = toApprenticeInput(v);
      if (!editing) return mentorshipsApi.addApprentice(mentorship.id, body);
      // A certified apprentice keeps the name and specialty printed on the certificate; '' clears the department.
      const department = body.department ?? '';
      return mentorshipsApi.updateApprentice(editing.id, editing.certificateNo
        ? { specialtyTitle: body.specialtyTitle, learningGoal: body.learningGoal, department }
        : { ...body, department });
    },
    onSuccess: (m) => {
      message.success(editing ? '已保存跟学人员' : '已添加跟学人员');
      queryClient.setQueryData(['mentorships', 'detail', m.id], m);
      void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
      onSaved(m);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? `修改跟学人员：${editing.name}` : `添加跟学人员（${mentorship.assignment.personName} ${mentorship.year} 年）`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      {editing?.certificateNo && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`已颁发证书 ${editing.certificateNo}，姓名和跟学专业不能再修改`} />
      )}
      <Form<ApprenticeFormValues> form={form} name="apprentice-form" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <ApprenticeFields locked={!!editing?.certificateNo} />
      </Form>
    </Modal>
  );
}
