import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ACTIVITY_MAX_ATTACHMENTS, type Activity, type ActivityKind, type AttachmentInput, type RemoteChannel } from '@duikou/contracts';
import { activitiesApi } from '../../api/activities.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { useIsPhone } from '../../shared/use-is-phone';
import { AssignmentSelect, assignmentOptionOfRef } from '../tasks/assignment.select';
import { AttachmentLinks } from './attachment-links';
import { attachmentTypeOf, CHANNEL_OPTIONS, createBodyOf, KIND_OPTIONS, KIND_SHORT_LABELS, readBase64, updateBodyOf } from './activity-parts';

interface FormShape {
  assignmentId?: string;
  kind?: ActivityKind;
  channel?: RemoteChannel;
  date?: Dayjs;
  participants?: string[];
  participantCount?: number | null;
  content?: string;
  attachments?: UploadFile[];
}
const FIELDS = ['assignmentId', 'kind', 'channel', 'date', 'participants', 'participantCount', 'content', 'attachments'];

/**
 * 登记 / 修改带教或远程指导 (POST, PATCH /api/activities). Dispatched staff record from a phone and may
 * leave the assignment out (the server takes their current one); units name the person. Attachments
 * (≤ 3, PDF/JPG/PNG/Word, 2 MB each) go with a new record only; kind and attachments are fixed afterwards.
 */
export function ActivityFormModal({ open, activity, ownOnly, onClose }: {
  open: boolean;
  activity: Activity | null;
  /** Dispatched staff: their own assignment is the default. */
  ownOnly: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormShape>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? activity?.kind;
  const editing = !!activity;
  const remote = kind === 'remote_guidance';

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(activity
      ? {
          assignmentId: activity.assignment.assignmentId, kind: activity.kind, channel: activity.channel ?? undefined, date: dayjs(activity.date),
          participants: activity.participants, participantCount: activity.participantCount, content: activity.content,
        }
      : { date: dayjs(), participants: [] });
  }, [open, activity, form]);

  const save = useMutation({
    mutationFn: async (v: FormShape) => {
      const values = { ...v, date: v.date?.format('YYYY-MM-DD') };
      if (activity) return activitiesApi.update(activity.id, updateBodyOf(values, activity.kind));
      const files: AttachmentInput[] = [];
      for (const f of v.attachments ?? []) {
        const file = f.originFileObj;
        if (!file) continue;
        const t = attachmentTypeOf(file);
        if ('error' in t) throw new Error(t.error);
        files.push({ name: file.name.slice(0, 120), type: t.type, base64: await readBase64(file) });
      }
      return activitiesApi.create(createBodyOf(values, files));
    },
    onSuccess: (saved) => {
      message.success(editing ? '记录已修改' : `已登记 ${saved.date} ${KIND_SHORT_LABELS[saved.kind]}（${saved.participantCount} 人）`);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? '修改带教 / 指导记录' : '登记带教 / 指导'}
      okText={editing ? '保存' : '登记'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
      // Phones: the form fills the screen's width and starts at the top.
      style={isPhone ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<FormShape> form={form} name="activity" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item
          label="派驻人员"
          name="assignmentId"
          rules={ownOnly ? [] : [{ required: true, message: '请选择派驻人员' }]}
          extra={ownOnly && !editing ? '不选则记在本人当前的派驻上' : undefined}
        >
          <AssignmentSelect
            disabled={editing}
            placeholder={ownOnly ? '本人当前派驻' : '输入姓名、科室或单位搜索派驻人员'}
            known={activity ? [assignmentOptionOfRef(activity.assignment)] : []}
          />
        </Form.Item>
        <div className="dk-act-form-row">
          <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择活动类别' }]} extra={editing ? '类别登记后不能更改' : undefined}>
            <Select
              disabled={editing}
              placeholder="选择类别"
              options={KIND_OPTIONS}
              onChange={(k: ActivityKind) => { if (k !== 'remote_guidance') form.setFieldValue('channel', undefined); }}
            />
          </Form.Item>
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly={isPhone} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </div>
        {remote && (
          <Form.Item label="远程方式" name="channel" rules={[{ required: true, message: '远程指导须注明方式（网络视频、微信等）' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={CHANNEL_OPTIONS} className="dk-act-channels" />
          </Form.Item>
        )}
        <Form.Item
          label="参与人员"
          name="participants"
          extra="输入姓名后回车，可一次粘贴多个（用顿号、逗号或空格分隔）"
          dependencies={['participantCount']}
          rules={[({ getFieldValue }) => ({
            validator: async (_r, v?: string[]) => {
              if ((v?.length ?? 0) === 0 && typeof getFieldValue('participantCount') !== 'number') throw new Error('请填写参与人员或参与人数');
            },
          })]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ';', '；', ' ']} placeholder="如：赵一、钱二" suffixIcon={null} />
        </Form.Item>
        <Form.Item
          label="参与人数"
          name="participantCount"
          extra="不填则按所列参与人员计；人多时可只填人数"
          dependencies={['participants']}
          rules={[({ getFieldValue }) => ({
            validator: async (_r, v?: number | null) => {
              const named = (getFieldValue('participants') as string[] | undefined)?.length ?? 0;
              if (typeof v === 'number' && v < named) throw new Error('参与人数不能少于所列参与人员');
            },
          })]}
        >
          <InputNumber min={1} max={2000} precision={0} style={{ width: isPhone ? '100%' : 200 }} placeholder="人数" suffix="人" inputMode="numeric" />
        </Form.Item>
        <Form.Item label={remote ? '指导内容（核查点评、纠错和指导）' : '带教内容'} name="content" rules={[{ required: true, whitespace: true, message: '请填写内容' }, { max: 2000, message: '不超过 2000 个字' }]}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={remote ? '如：微信点评急诊病例 3 份，纠正抗生素使用' : '如：儿科教学查房，讲解新生儿黄疸的鉴别诊断'}
          />
        </Form.Item>
        {editing ? (
          <div>
            <Typography.Text strong>附件</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {activity!.attachments.length > 0 ? <AttachmentLinks attachments={activity!.attachments} /> : <Typography.Text type="secondary">无附件</Typography.Text>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>附件登记后不能更改；如需更换，请删除该记录后重新登记。</Typography.Text>
          </div>
        ) : (
          <Form.Item
            label={`附件（可选，最多 ${ACTIVITY_MAX_ATTACHMENTS} 个）`}
            name="attachments"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, ACTIVITY_MAX_ATTACHMENTS)}
            extra="现场照片、签到表、聊天截图等：PDF、JPG、PNG 或 Word（.docx），每个不超过 2 MB"
            rules={[{
              validator: async (_r, list?: UploadFile[]) => {
                for (const f of list ?? []) {
                  if (!f.originFileObj) continue;
                  const t = attachmentTypeOf(f.originFileObj);
                  if ('error' in t) throw new Error(t.error);
                }
              },
            }]}
          >
            <Upload beforeUpload={() => false} multiple maxCount={ACTIVITY_MAX_ATTACHMENTS} accept=".pdf,.jpg,.jpeg,.png,.docx,image/*">
              <Button icon={<PaperClipOutlined />}>选择文件或拍照</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
