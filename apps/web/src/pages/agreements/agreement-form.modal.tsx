import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Divider, Form, Input, InputNumber, Modal, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Agreement, AgreementDetail } from '@duikou/contracts';
import { agreementsApi } from '../../api/agreements.endpoints';
import { PairingSelect } from '../assignments/dispatch-selects';
import { usePairingSupportUnits } from '../../shared/use-pairing-support-units';
import {
  applyAgreementError, currentYear, toAgreementContent, toAgreementCreate, toAgreementForm, yearOptions, type AgreementFormValues,
} from './agreement-parts';

/** What a new agreement starts with (e.g. from the coverage list: the pairing, support unit and year). */
export interface AgreementDraft { pairingId?: string; supportOrgId?: string; year?: number }

const FIELDS = ['pairingId', 'supportOrgId', 'year', 'departments', 'technologies', 'traineeTarget', 'trainees', 'capabilityTargets', 'content'] as const;

/** One row of a list field: two inputs and a remove button. */
function ListRows({ name, first, second, addText }: {
  name: 'technologies' | 'trainees' | 'capabilityTargets';
  first: { key: string; placeholder: string; required: string; max: number };
  second: { key: string; placeholder: string; max: number };
  addText: string;
}) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div className="dk-agr-rows">
          {rows.map((row) => (
            <div key={row.key} className="dk-agr-row">
              <Form.Item name={[row.name, first.key]} rules={[{ required: true, whitespace: true, message: first.required }, { max: first.max, message: `不能超过 ${first.max} 个字符` }]}>
                <Input placeholder={first.placeholder} aria-label={first.placeholder} />
              </Form.Item>
              <Form.Item name={[row.name, second.key]} rules={[{ max: second.max, message: `不能超过 ${second.max} 个字符` }]}>
                <Input placeholder={second.placeholder} aria-label={second.placeholder} />
              </Form.Item>
              <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label="删除此行" />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>{addText}</Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * 起草 / 修改年度帮扶协议: pairing, support unit and year when drafting; then what the letter commits to —
 * departments, appropriate technologies with targets, persons to train, capability targets and free text.
 */
export function AgreementFormModal({ open, editing, draft, onClose, onSaved }: {
  open: boolean;
  /** The agreement being edited; none: a new one. */
  editing: Agreement | null;
  draft?: AgreementDraft;
  onClose: () => void;
  onSaved: (a: AgreementDetail) => void;
}) {
  const [form] = Form.useForm<AgreementFormValues>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const pairingId = Form.useWatch('pairingId', form);

  const { supportUnits, mineIsSupport } = usePairingSupportUnits(pairingId, open && !editing);
  // A support unit drafts for itself and a single support unit needs no choice; otherwise the caller names it.
  const askSupport = !editing && supportUnits.length > 1 && !mineIsSupport;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing ? toAgreementForm(editing) : { year: currentYear(), technologies: [{}], ...draft });
  }, [open, editing, draft, form]);

  const save = useMutation({
    mutationFn: (v: AgreementFormValues) => {
      if (editing) return agreementsApi.update(editing.id, toAgreementContent(v));
      const body = toAgreementCreate(v);
      if (!askSupport) delete body.supportOrgId;
      return agreementsApi.create(body);
    },
    onSuccess: (a) => {
      message.success(editing ? '已保存协议内容' : `已起草 ${a.supportOrg.name}—${a.recipientOrg.name} ${a.year} 年度帮扶协议`);
      onSaved(a);
    },
    onError: (e) => setFormError(applyAgreementError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? `修改 ${editing.year} 年度帮扶协议` : '起草年度帮扶协议（目标责任书）'}
      okText={editing ? '保存' : '起草'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      forceRender
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<AgreementFormValues>
        form={form}
        name="agreement-form"
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        {editing ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${editing.recipientOrg.name} ← ${editing.supportOrg.name}`}
            description={`${editing.programmeName} · ${editing.year} 年度。任何一方签订后不能再修改内容。`}
          />
        ) : (
          <div className="dk-agr-form-row">
            <Form.Item label="对口关系" name="pairingId" rules={[{ required: true, message: '请选择对口关系' }]} className="dk-agr-wide">
              <PairingSelect />
            </Form.Item>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
              <Select options={yearOptions()} />
            </Form.Item>
          </div>
        )}
        {askSupport && (
          <Form.Item label="签订协议的支援单位" name="supportOrgId" rules={[{ required: true, message: '该对口关系有多个支援单位，请选择' }]}>
            <Select placeholder="选择支援单位" options={supportUnits.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>帮扶科室</Divider>
        <Form.Item name="departments" extra="输入科室名称后回车，可填写多个" rules={[{ type: 'array', max: 50, message: '帮扶科室不超过 50 个' }]}>
          <Select mode="tags" placeholder="如：儿科、重症医学科、急诊科" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} aria-label="帮扶科室" />
        </Form.Item>
        <Divider titlePlacement="start" plain>适宜技术及目标</Divider>
        <ListRows
          name="technologies"
          first={{ key: 'name', placeholder: '适宜技术名称，如：腹腔镜胆囊切除术', required: '请填写技术名称', max: 100 }}
          second={{ key: 'target', placeholder: '目标，如：年内独立开展 20 例', max: 200 }}
          addText="添加适宜技术"
        />
        <Divider titlePlacement="start" plain>培养人员</Divider>
        <Form.Item label="培养人数（目标）" name="traineeTarget" rules={[{ type: 'integer', min: 0, max: 10000, message: '应为 0–10000 的整数' }]}>
          <InputNumber min={0} max={10000} precision={0} placeholder="人数" style={{ width: 160 }} suffix="人" />
        </Form.Item>
        <ListRows
          name="trainees"
          first={{ key: 'name', placeholder: '姓名', required: '请填写姓名', max: 50 }}
          second={{ key: 'department', placeholder: '科室（可选）', max: 50 }}
          addText="添加已确定的培养人员"
        />
        <Divider titlePlacement="start" plain>能力目标</Divider>
        <ListRows
          name="capabilityTargets"
          first={{ key: 'item', placeholder: '项目，如：《县医院医疗服务能力基本标准》心血管内科', required: '请填写能力目标项目', max: 200 }}
          second={{ key: 'target', placeholder: '目标，如：达到基本标准', max: 200 }}
          addText="添加能力目标"
        />
        <Divider titlePlacement="start" plain>其他约定</Divider>
        <Form.Item name="content" rules={[{ max: 5000, message: '不能超过 5000 个字符' }]}>
          <Input.TextArea rows={3} maxLength={5000} showCount placeholder="双方的其他责任与约定（可选）" aria-label="其他约定" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
