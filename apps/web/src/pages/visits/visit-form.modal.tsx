import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Visit } from '@duikou/contracts';
import { visitsApi } from '../../api/visits.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { usePairingSupportUnits } from '../../shared/use-pairing-support-units';
import { PairingSelect } from '../assignments/dispatch-selects';
import { toVisitCreate, toVisitForm, toVisitUpdate, type VisitFormValues } from './visit-parts';

const FIELDS = ['pairingId', 'supportOrgId', 'date', 'leaderName', 'leaderPost', 'ledByLeadership', 'participants', 'content'] as const;

/** 登记 / 修改领导调研: the support unit's visit to the recipient — date, leader, whether led by the hospital's leadership, participants, content. */
export function VisitFormModal({ open, editing, defaultPairingId, onClose, onSaved }: {
  open: boolean;
  editing: Visit | null;
  defaultPairingId?: string;
  onClose: () => void;
  onSaved: (v: Visit) => void;
}) {
  const [form] = Form.useForm<VisitFormValues>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const pairingId = Form.useWatch('pairingId', form);

  const { supportUnits, loaded, mineIsSupport } = usePairingSupportUnits(pairingId, open && !editing);
  // A support unit records its own visits; anyone else (the administrator) names the visiting unit.
  const askSupport = !editing && loaded && !mineIsSupport;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing ? toVisitForm(editing) : { date: dayjs(), ledByLeadership: true, pairingId: defaultPairingId });
  }, [open, editing, defaultPairingId, form]);

  const save = useMutation({
    mutationFn: (v: VisitFormValues) => (editing ? visitsApi.update(editing.id, toVisitUpdate(v)) : visitsApi.create(toVisitCreate(v, askSupport))),
    onSuccess: (v) => {
      message.success(editing ? '已保存调研记录' : `已登记 ${v.date} 赴${v.recipientOrg.name}的调研`);
      onSaved(v);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? '修改调研记录' : '登记领导调研'}
      okText={editing ? '保存' : '登记'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      forceRender
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<VisitFormValues> form={form} name="visit-form" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        {editing ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${editing.supportOrg.name} → ${editing.recipientOrg.name}`} description={editing.programmeName} />
        ) : (
          <Form.Item label="对口关系" name="pairingId" rules={[{ required: true, message: '请选择对口关系' }]}>
            <PairingSelect />
          </Form.Item>
        )}
        {askSupport && (
          <Form.Item label="赴受援医院的支援单位" name="supportOrgId" rules={[{ required: true, message: '请选择支援单位' }]}>
            <Select placeholder="选择支援单位" options={supportUnits.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <div className="dk-visit-form-row">
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item label="是否院领导带队" name="ledByLeadership" rules={[{ required: true, message: '请选择是否院领导带队' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
          </Form.Item>
        </div>
        <div className="dk-visit-form-row">
          <Form.Item label="带队领导" name="leaderName" rules={[{ required: true, whitespace: true, message: '请填写带队领导姓名' }, { max: 50, message: '不能超过 50 个字符' }]}>
            <Input placeholder="姓名" />
          </Form.Item>
          <Form.Item label="职务" name="leaderPost" rules={[{ max: 50, message: '不能超过 50 个字符' }]}>
            <Input placeholder="如：院长、副院长、医务部主任" />
          </Form.Item>
        </div>
        <Form.Item label="参加人员" name="participants" rules={[{ max: 500, message: '不能超过 500 个字符' }]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：医务部李主任、儿科王主任等 5 人" />
        </Form.Item>
        <Form.Item label="指导、座谈、交流内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写调研内容' }, { max: 2000, message: '不能超过 2000 个字符' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：座谈年度帮扶工作，查看儿科、重症医学科建设，研究下一步帮扶重点" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
