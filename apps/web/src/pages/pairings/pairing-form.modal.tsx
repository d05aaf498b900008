import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { pairingCreateSchema, type Pairing } from '@duikou/contracts';
import { pairingsApi, programmesApi } from '../../api/endpoints';
import { fromRange, toRange, type RangeValue } from '../../shared/date-range';
import { applyApiError } from '../../shared/form-errors';
import { formatStaffing } from '../../shared/format';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { zodRule } from '../../shared/zod-rule';

interface PairingForm {
  programmeId: string;
  recipientOrgId: string;
  supportOrgIds: string[];
  needs: string[];
  minPersonsPerSupportUnitPerYear: number | null;
  validity?: RangeValue;
  remarks?: string;
}
const FIELDS = ['programmeId', 'recipientOrgId', 'supportOrgIds', 'needs', 'minPersonsPerSupportUnitPerYear', 'validity', 'remarks'];
const FIELD_MAP = { validFrom: 'validity', validTo: 'validity' };
const shape = pairingCreateSchema.shape;

const COMMON_NEEDS = ['ICU', '儿科', '急诊', '妇产科', '内科', '外科', '麻醉科', '医学影像', '检验科', '骨科', '心血管内科', '神经内科', '呼吸内科', '消化内科', '中医科', '康复医学科', '护理', '医院管理'];

/** 新建 / 编辑 对口关系: programme, recipient, support units, needs, staffing requirement, validity, remarks. */
export function PairingFormModal({ open, pairing, defaultProgrammeId, onClose, onSaved }: {
  open: boolean;
  pairing?: Pairing | null;
  defaultProgrammeId?: string;
  onClose: () => void;
  onSaved: (p: Pairing) => void;
}) {
  const [form] = Form.useForm<PairingForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const p = pairing;
  const programmeId = Form.useWatch('programmeId', form);
  const minPersons = Form.useWatch('minPersonsPerSupportUnitPerYear', form);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (p) {
      form.setFieldsValue({
        programmeId: p.programmeId, recipientOrgId: p.recipient.id, supportOrgIds: p.supportUnits.map((s) => s.id), needs: p.needs,
        minPersonsPerSupportUnitPerYear: p.minPersonsPerSupportUnitPerYear, validity: toRange(p.validFrom, p.validTo), remarks: p.remarks ?? undefined,
      });
    } else if (defaultProgrammeId) {
      form.setFieldsValue({ programmeId: defaultProgrammeId });
    }
  }, [open, p, form, defaultProgrammeId]);

  // A new pairing takes the programme's validity unless the user sets another one.
  const programme = useQuery({
    queryKey: ['programmes', 'detail', programmeId],
    queryFn: ({ signal }) => programmesApi.get(programmeId, signal),
    enabled: open && !p && !!programmeId,
  });
  useEffect(() => {
    if (!open || p || !programme.data) return;
    if (!form.getFieldValue('validity')) form.setFieldsValue({ validity: toRange(programme.data.validFrom, programme.data.validTo) });
  }, [open, p, programme.data, form]);

  const save = useMutation({
    mutationFn: (v: PairingForm) => {
      const common = {
        recipientOrgId: v.recipientOrgId,
        supportOrgIds: v.supportOrgIds,
        needs: (v.needs ?? []).map((n) => n.trim()).filter(Boolean),
        minPersonsPerSupportUnitPerYear: v.minPersonsPerSupportUnitPerYear ?? null,
        remarks: v.remarks?.trim() || (p ? '' : undefined),
        ...fromRange(v.validity),
      };
      return p ? pairingsApi.update(p.id, common) : pairingsApi.create({ programmeId: v.programmeId, ...common });
    },
    onSuccess: (saved) => {
      message.success(p ? '对口关系已保存' : '对口关系已新建');
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS, FIELD_MAP)),
  });

  return (
    <Modal
      open={open}
      title={p ? `编辑对口关系：${p.recipient.name}` : '新建对口关系'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={680}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<PairingForm>
        form={form}
        name="pairing-form"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ needs: [], supportOrgIds: [], minPersonsPerSupportUnitPerYear: null }}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        <Form.Item label="所属项目" name="programmeId" rules={[{ required: true, message: '请选择项目' }]} extra={p ? '对口关系创建后不能改到其他项目' : undefined}>
          <ProgrammeSelect disabled={!!p} allowClear={false} knownOptions={p ? [{ value: p.programmeId, label: p.programmeName }] : []} />
        </Form.Item>
        <Form.Item label="受援单位" name="recipientOrgId" rules={[{ required: true, message: '请选择受援单位' }]}>
          <OrganisationSelect
            placeholder="输入名称搜索受援单位"
            knownOptions={p ? [{ value: p.recipient.id, label: p.recipient.name, hint: p.recipient.regionName ?? undefined }] : []}
          />
        </Form.Item>
        <Form.Item
          label="支援单位"
          name="supportOrgIds"
          dependencies={['recipientOrgId']}
          rules={[
            { required: true, type: 'array', min: 1, message: '至少选择一个支援单位' },
            zodRule(shape.supportOrgIds),
            ({ getFieldValue }) => ({
              validator: async (_r, v: string[] | undefined) => {
                if (v?.includes(getFieldValue('recipientOrgId') as string)) throw new Error('受援单位不能同时是自己的支援单位');
              },
            }),
          ]}
          extra="可选多个支援单位（不超过 20 个）"
        >
          <OrganisationSelect
            multiple
            placeholder="输入名称搜索支援单位"
            knownOptions={p ? p.supportUnits.map((s) => ({ value: s.id, label: s.name, hint: s.regionName ?? undefined })) : []}
          />
        </Form.Item>
        <Form.Item
          label="受援单位专业需求"
          name="needs"
          rules={[zodRule(shape.needs, (v) => (v as string[]).map((n) => n.trim()))]}
          extra="可从常用专业中选择，也可直接输入后按回车添加"
        >
          <Select
            mode="tags"
            placeholder="如 ICU、儿科、急诊"
            tokenSeparators={[',', '，', '、', ';', '；']}
            options={COMMON_NEEDS.map((n) => ({ value: n, label: n }))}
          />
        </Form.Item>
        <Form.Item
          label="人员要求（每个支援单位每年最少人数）"
          name="minPersonsPerSupportUnitPerYear"
          rules={[zodRule(shape.minPersonsPerSupportUnitPerYear)]}
          extra={<>留空表示不作要求。当前：<Typography.Text strong>{formatStaffing(minPersons ?? null)}</Typography.Text></>}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 200 }} placeholder="不作要求" suffix="人" />
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
          extra={!p && programme.data ? '默认取项目的有效期' : '可只填开始或结束日期'}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item label="备注" name="remarks" rules={[zodRule(shape.remarks)]}>
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="如 人员要求依据、特殊说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
