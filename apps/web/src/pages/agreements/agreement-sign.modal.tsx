import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, InputNumber, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Agreement, AgreementDetail } from '@duikou/contracts';
import { agreementsApi } from '../../api/agreements.endpoints';
import { useSession } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { sideOfOrg } from './agreement-parts';

export type AgreementStep = { kind: 'sign' | 'file'; agreement: Agreement };

interface StepForm { date?: Dayjs; copies?: number | null }

/** The latest of the two signatures: filing cannot come before it. */
const lastSigned = (a: Agreement): string | null =>
  [a.supportSignedOn, a.recipientSignedOn].filter((d): d is string => !!d).sort().pop() ?? null;

/** 签订 (the caller's own side) or 备案 (the office; copies default to what the policy requires). */
export function AgreementStepModal({ step, onClose, onSaved }: { step: AgreementStep | null; onClose: () => void; onSaved: (a: AgreementDetail) => void }) {
  const [form] = Form.useForm<StepForm>();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const a = step?.agreement;
  const filing = step?.kind === 'file';
  const side = a ? sideOfOrg(a, me?.org.id) : null;

  useEffect(() => {
    if (!step) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({ date: dayjs(), copies: null });
  }, [step, form]);

  const save = useMutation({
    mutationFn: (v: StepForm) => {
      const date = (v.date ?? dayjs()).format('YYYY-MM-DD');
      if (!a) throw new Error('没有选择协议');
      return filing ? agreementsApi.file(a.id, { filedOn: date, ...(v.copies ? { copies: v.copies } : {}) }) : agreementsApi.sign(a.id, date);
    },
    onSuccess: (r) => {
      message.success(filing ? `已备案（${r.filedOn}${r.filedCopies ? `，${r.filedCopies} 份` : ''}）` : `${side ?? '本单位'}已签订（${side === '受援单位' ? r.recipientSignedOn : r.supportSignedOn}）${r.status === 'signed' ? '，双方均已签订，可报备案' : ''}`);
      onSaved(r);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['date', 'copies'], { signedOn: 'date', filedOn: 'date' })),
  });

  const minDate = a && filing ? lastSigned(a) : null;
  return (
    <Modal
      open={!!step}
      title={filing ? '协议备案' : `签订协议（${side ?? '本单位'}）`}
      okText={filing ? '备案' : '签订'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      forceRender
    >
      {a && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${a.supportOrg.name}—${a.recipientOrg.name} ${a.year} 年度帮扶协议`}
          description={filing
            ? `双方已签订（支援单位 ${a.supportSignedOn}，受援单位 ${a.recipientSignedOn}）。备案后协议状态为「已备案」。`
            : '签订后协议内容不能再修改；双方均签订后，报卫生健康行政部门备案。'}
        />
      )}
      {formError && <Alert type="error" showIcon title={filing ? '备案失败' : '签订失败'} description={formError} style={{ marginBottom: 16 }} />}
      <Form<StepForm> form={form} name="agreement-step" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label={filing ? '备案日期' : '签订日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!minDate && d.isBefore(dayjs(minDate), 'day'))}
          />
        </Form.Item>
        {filing && (
          <Form.Item label="备案份数" name="copies" extra="留空则按政策规定的份数登记（楚雄：一式两份报州卫生健康委）">
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} suffix="份" placeholder="按政策" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
