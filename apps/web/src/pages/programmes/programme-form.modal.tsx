import { useEffect, useState } from 'react';
import { Alert, App as AntApp, AutoComplete, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { policyCodeSchema, programmeCreateSchema, type Programme } from '@duikou/contracts';
import { programmesApi } from '../../api/endpoints';
import { useMe } from '../../auth/session.context';
import { fromRange, toRange, type RangeValue } from '../../shared/date-range';
import { applyApiError } from '../../shared/form-errors';
import { OrganisationSelect } from '../../shared/remote-selects';
import { zodRule } from '../../shared/zod-rule';

interface ProgrammeForm { name: string; ownerOrgId: string; policyCode: string; documentNo?: string; validity?: RangeValue; description?: string }
const FIELDS = ['name', 'ownerOrgId', 'policyCode', 'documentNo', 'validity', 'description'];
const FIELD_MAP = { validFrom: 'validity', validTo: 'validity' };
const shape = programmeCreateSchema.shape;

export const KNOWN_POLICIES = [
  { value: 'CX', label: 'CX — 楚卫通〔2018〕43号 三级医院对口帮扶贫困县县级医院' },
  { value: 'MY', label: 'MY — 绵阳市“传帮带”对口支援（2018–2020）' },
];

/** 新建 / 编辑 项目. */
export function ProgrammeFormModal({ open, programme, onClose, onSaved }: { open: boolean; programme?: Programme | null; onClose: () => void; onSaved: (p: Programme) => void }) {
  const me = useMe();
  const [form] = Form.useForm<ProgrammeForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const p = programme;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (p) {
      form.setFieldsValue({
        name: p.name, ownerOrgId: p.ownerOrgId, policyCode: p.policyCode, documentNo: p.documentNo ?? undefined,
        validity: toRange(p.validFrom, p.validTo), description: p.description ?? undefined,
      });
    } else if (me.org.kind === 'health_office') {
      form.setFieldsValue({ ownerOrgId: me.org.id });
    }
  }, [open, p, form, me]);

  const save = useMutation({
    mutationFn: (v: ProgrammeForm) => {
      const body = {
        name: v.name.trim(), ownerOrgId: v.ownerOrgId, policyCode: v.policyCode.trim().toUpperCase(),
        documentNo: v.documentNo?.trim() || undefined, description: v.description?.trim() || undefined, ...fromRange(v.validity),
      };
      return p ? programmesApi.update(p.id, body) : programmesApi.create(body);
    },
    onSuccess: (saved) => {
      message.success(p ? '项目已保存' : '项目已新建');
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS, FIELD_MAP)),
  });

  const ownerKnown = [
    ...(p ? [{ value: p.ownerOrgId, label: p.ownerOrgName }] : []),
    ...(me.org.kind === 'health_office' ? [{ value: me.org.id, label: me.org.name }] : []),
  ];

  return (
    <Modal
      open={open}
      title={p ? `编辑项目：${p.name}` : '新建项目'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<ProgrammeForm> form={form} layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label="项目名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入项目名称' }, zodRule(shape.name)]}>
          <Input placeholder="如 2018—2020年三级医院对口帮扶贫困县县级医院" maxLength={200} showCount />
        </Form.Item>
        <Form.Item label="主管部门" name="ownerOrgId" rules={[{ required: true, message: '请选择主管部门' }]} extra="负责该项目的卫生健康行政部门">
          <OrganisationSelect kind="health_office" placeholder="输入名称搜索卫生健康行政部门" knownOptions={ownerKnown} />
        </Form.Item>
        <Form.Item
          label="适用政策"
          name="policyCode"
          rules={[{ required: true, whitespace: true, message: '请输入适用政策编码' }, zodRule(policyCodeSchema, (v) => String(v).trim().toUpperCase())]}
          extra="政策编码决定该项目适用的考核规则，如 CX（楚雄）、MY（绵阳）"
        >
          <AutoComplete options={KNOWN_POLICIES} placeholder="如 CX 或 MY" filterOption={(input, o) => (o?.value as string).toLowerCase().includes(input.toLowerCase())} />
        </Form.Item>
        <Form.Item label="文号" name="documentNo" rules={[zodRule(shape.documentNo)]}>
          <Input placeholder="如 楚卫通〔2018〕43号" maxLength={100} />
        </Form.Item>
        <Form.Item
          label="有效期"
          name="validity"
          rules={[{
            validator: async (_r, v: RangeValue) => {
              const { validFrom, validTo } = fromRange(v);
              if (validFrom && validTo && validFrom > validTo) throw new Error('结束日期不能早于开始日期');
            },
          }]}
          extra="可只填开始或结束日期"
        >
          <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[zodRule(shape.description)]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="项目范围、依据等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
