import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ASSESSMENT_RESULT_LABELS, ASSESSMENT_RESULTS, type Apprentice, type AssessmentResult, type Mentorship } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { applyApiError } from '../../shared/form-errors';

interface AssessmentForm { result?: AssessmentResult; assessedOn?: Dayjs; comments?: string }
const FIELDS = ['result', 'assessedOn', 'comments'];

/** 登记考核结果 (support or recipient unit); a certified apprentice can no longer fail. */
export function ApprenticeAssessmentModal({ apprentice, onClose, onSaved }: {
  apprentice: Apprentice | null;
  onClose: () => void;
  onSaved: (m: Mentorship) => void;
}) {
  const [form] = Form.useForm<AssessmentForm>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const today = dayjs().endOf('day');

  useEffect(() => {
    if (!apprentice) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({
      result: apprentice.assessmentResult ?? undefined,
      assessedOn: apprentice.assessedOn ? dayjs(apprentice.assessedOn) : dayjs(),
      comments: apprentice.assessmentComments ?? '',
    });
  }, [apprentice, form]);

  const save = useMutation({
    mutationFn: (v: AssessmentForm) => mentorshipsApi.assess(apprentice!.id, {
      result: v.result!, assessedOn: v.assessedOn!.format('YYYY-MM-DD'), ...(v.comments?.trim() ? { comments: v.comments.trim() } : {}),
    }),
    onSuccess: (m, v) => {
      message.success(`已登记「${apprentice!.name}」${ASSESSMENT_RESULT_LABELS[v.result!]}`);
      queryClient.setQueryData(['mentorships', 'detail', m.id], m);
      void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
      onSaved(m);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS, { result: 'result' })),
  });

  return (
    <Modal
      open={!!apprentice}
      title={apprentice ? `登记考核结果：${apprentice.name}` : '登记考核结果'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      {apprentice?.certificateNo && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`已颁发证书 ${apprentice.certificateNo}，不能改为考核不合格`} />
      )}
      <Form<AssessmentForm> form={form} name="apprentice-assessment" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label="考核结果" name="result" rules={[{ required: true, message: '请选择考核结果' }]} extra="考核合格后可颁发师带徒证书">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ASSESSMENT_RESULTS.map((r) => ({ value: r, label: ASSESSMENT_RESULT_LABELS[r], disabled: r === 'failed' && !!apprentice?.certificateNo }))}
          />
        </Form.Item>
        <Form.Item label="考核日期" name="assessedOn" rules={[{ required: true, message: '请选择考核日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(today)} />
        </Form.Item>
        <Form.Item label="考核意见（可选）" name="comments" rules={[{ max: 500, message: '不超过 500 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder="如 能独立处理常见病" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
