import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  ADMIN_LEVELS, ADMIN_LEVEL_LABELS, ORG_GRADES, ORG_GRADE_LABELS, ORG_KINDS, ORG_KIND_LABELS, organisationCreateSchema,
  type AdminLevel, type Organisation, type OrgGrade, type OrgKind,
} from '@duikou/contracts';
import { organisationsApi } from '../../api/endpoints';
import { applyApiError } from '../../shared/form-errors';
import { RegionSelect } from '../../shared/remote-selects';
import { zodRule } from '../../shared/zod-rule';

interface OrganisationForm { name: string; shortName?: string; kind: OrgKind; grade: OrgGrade; regionCode: string; adminLevel?: AdminLevel | null }
const FIELDS = ['name', 'shortName', 'kind', 'grade', 'regionCode', 'adminLevel'];
const shape = organisationCreateSchema.shape;

/** 新建 / 编辑 机构. */
export function OrganisationFormModal({ open, organisation, onClose, onSaved }: { open: boolean; organisation?: Organisation | null; onClose: () => void; onSaved: (o: Organisation) => void }) {
  const [form] = Form.useForm<OrganisationForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const o = organisation;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (o) form.setFieldsValue({ name: o.name, shortName: o.shortName ?? undefined, kind: o.kind, grade: o.grade, regionCode: o.regionCode ?? undefined, adminLevel: o.adminLevel });
  }, [open, o, form]);

  const save = useMutation({
    mutationFn: (v: OrganisationForm) => {
      const body = { name: v.name.trim(), shortName: v.shortName?.trim() || undefined, kind: v.kind, grade: v.grade, regionCode: v.regionCode, adminLevel: v.adminLevel ?? null };
      return o ? organisationsApi.update(o.id, body) : organisationsApi.create(body);
    },
    onSuccess: (saved) => {
      message.success(o ? '机构已保存' : '机构已新建');
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={o ? `编辑机构：${o.name}` : '新建机构'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={600}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<OrganisationForm>
        form={form}
        layout="vertical"
        initialValues={{ grade: 'ungraded' }}
        disabled={save.isPending}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        <Form.Item label="机构名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }, zodRule(shape.name)]}>
          <Input placeholder="如 武定县人民医院" maxLength={100} showCount />
        </Form.Item>
        <Form.Item label="简称" name="shortName" rules={[zodRule(shape.shortName)]}>
          <Input placeholder="可不填" maxLength={30} />
        </Form.Item>
        <Form.Item label="机构类别" name="kind" rules={[{ required: true, message: '请选择机构类别' }]}>
          <Select placeholder="选择机构类别" options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="等级" name="grade" rules={[{ required: true, message: '请选择等级' }]}>
          <Select options={ORG_GRADES.map((g) => ({ value: g, label: ORG_GRADE_LABELS[g] }))} />
        </Form.Item>
        <Form.Item label="所在区划" name="regionCode" rules={[{ required: true, message: '请选择所在区划' }]} extra="支援单位可以位于本地区以外（如上海的医院、部队医院）">
          <RegionSelect knownOptions={o?.regionCode ? [{ value: o.regionCode, label: o.regionName ?? o.regionCode }] : []} />
        </Form.Item>
        <Form.Item label="行政隶属" name="adminLevel" extra="支援单位的隶属关系：绵阳「传帮带」的师带徒人数要求取决于它（市属 ≥4 人，县属 ≥3 人）">
          <Select allowClear placeholder="不适用可不选" options={ADMIN_LEVELS.map((a) => ({ value: a, label: ADMIN_LEVEL_LABELS[a] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
