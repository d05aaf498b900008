import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { labelOfField, type Mentorship } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useMe } from '../../auth/session.context';
import { MentorAssignmentSelect, type MentorTerm } from './mentor-assignment.select';
import { formPathOf, mentorName, toMentorshipCreate, toMentorshipUpdate, yearWithin, type ApprenticeFormValues, type MentorshipFormValues } from './mentorship-parts';

const CREATE_FIELDS = ['assignmentId', 'year', 'signedOn', 'plan', 'apprentices'];
const EDIT_FIELDS = ['signedOn', 'plan'];
const MAX_APPRENTICES = 20;

/** The five fields of an apprentice, shared by the agreement form (inside a Form.List) and the apprentice modal. */
export function ApprenticeFields({ prefix = [], locked = false }: { prefix?: (string | number)[]; locked?: boolean }) {
  const name = (n: keyof ApprenticeFormValues) => [...prefix, n];
  return (
    <div className="dk-ms-grid">
      <Form.Item label="姓名" name={name('name')} rules={[{ required: true, whitespace: true, message: '请填写跟学人员姓名' }, { max: 50, message: '不超过 50 个字' }]}>
        <Input placeholder="如 赵一" maxLength={50} disabled={locked} />
      </Form.Item>
      <Form.Item label="专业及职称" name={name('specialtyTitle')} rules={[{ required: true, whitespace: true, message: '请填写专业及职称' }, { max: 100, message: '不超过 100 个字' }]}>
        <Input placeholder="如 内科 住院医师" maxLength={100} />
      </Form.Item>
      <Form.Item label="跟学专业" name={name('learningSpecialty')} rules={[{ required: true, whitespace: true, message: '请填写跟学专业' }, { max: 50, message: '不超过 50 个字' }]}>
        <Input placeholder="如 心血管内科" maxLength={50} disabled={locked} />
      </Form.Item>
      <Form.Item
        label="所在科室（可选）" name={name('department')} rules={[{ max: 50, message: '不超过 50 个字' }]}
        tooltip="用于判定三年内是否覆盖受援单位主要科室；留空按跟学专业计"
      >
        <Input placeholder="留空按跟学专业计" maxLength={50} />
      </Form.Item>
      <Form.Item
        className="dk-ms-grid-wide" label="学习目标" name={name('learningGoal')}
        rules={[{ required: true, whitespace: true, message: '请填写学习目标' }, { max: 300, message: '不超过 300 个字' }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如 掌握常见病诊疗与急危重症识别转诊" maxLength={300} />
      </Form.Item>
    </div>
  );
}

/**
 * 登记 / 修改师带徒协议. A new agreement names its mentor (a dispatched person's assignment; staff may leave
 * it out for their current one), the year, the signing date, the plan and at least one apprentice.
 * Editing changes the date and plan only; apprentices are edited in the detail drawer.
 */
export function MentorshipFormModal({ open, editing, onClose, onSaved }: {
  open: boolean;
  editing: Mentorship | null;
  onClose: () => void;
  onSaved: (m: Mentorship) => void;
}) {
  const [form] = Form.useForm<MentorshipFormValues>();
  const me = useMe();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [term, setTerm] = useState<MentorTerm | undefined>();
  const dispatched = me.role === 'staff' || me.role === 'team_leader';
  const today = dayjs().endOf('day');

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setTerm(editing ? editing.assignment.term : undefined);
    form.resetFields();
    form.setFieldsValue(editing
      ? { signedOn: editing.signedOn ? dayjs(editing.signedOn) : null, plan: editing.plan ?? '' }
      : { year: new Date().getFullYear(), apprentices: [{}] });
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: MentorshipFormValues) => (editing ? mentorshipsApi.update(editing.id, toMentorshipUpdate(v)) : mentorshipsApi.create(toMentorshipCreate(v))),
    onSuccess: (m) => {
      message.success(editing ? '已保存师带徒协议' : `已登记${m.assignment.personName} ${m.year} 年师带徒协议（跟学人员 ${m.apprentices.length} 人）`);
      void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
      onSaved(m);
    },
    onError: (e) => {
      const path = e instanceof ApiError ? formPathOf(e.field) : null;
      const fields = editing ? EDIT_FIELDS : CREATE_FIELDS;
      if (e instanceof ApiError && path && fields.includes(String(path[0])) && (path.length > 1 || path[0] !== 'apprentices')) {
        // The path is built from the API's field name: `apprentices.2.name` → ['apprentices', 2, 'name'].
        form.setFields([{ name: path as never, errors: [e.message] }]);
        form.scrollToField(path as never, { block: 'center' });
        setFormError(null);
        return;
      }
      setFormError(e instanceof ApiError && e.field ? `${labelOfField(e.field)}：${e.message}` : errorMessage(e));
    },
  });

  return (
    <Modal
      open={open}
      title={editing ? `修改师带徒协议：${mentorName(editing)} ${editing.year} 年` : '登记师带徒协议'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<MentorshipFormValues>
        form={form}
        name="mentorship-form"
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        {editing ? (
          <Typography.Paragraph type="secondary">
            {editing.assignment.supportOrg.name} → {editing.assignment.recipientOrg.name} · {editing.assignment.department}；跟学人员请在协议详情中添加、修改。
          </Typography.Paragraph>
        ) : (
          <div className="dk-ms-grid">
            <Form.Item
              className="dk-ms-grid-wide"
              label="支援人员（带教老师）" name="assignmentId"
              rules={dispatched ? [] : [{ required: true, message: '请选择支援人员' }]}
              extra={dispatched ? '留空即为您本人当前的派驻' : '每名支援人员每年签订一份协议'}
            >
              <MentorAssignmentSelect
                placeholder={dispatched ? '留空即为本人当前派驻' : undefined}
                onPicked={(t) => {
                  setTerm(t);
                  if (t) form.setFieldValue('year', yearWithin(t, form.getFieldValue('year') ?? new Date().getFullYear()));
                }}
              />
            </Form.Item>
            <Form.Item
              label="协议年度" name="year"
              rules={[{ required: true, message: '请填写协议年度' }]}
              extra={term ? `须在派驻期 ${term.start} 至 ${term.end} 内` : undefined}
            >
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} suffix="年" />
            </Form.Item>
            <Form.Item label="签订日期" name="signedOn" extra="尚未签订可留空，签订后再补">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today)} placeholder="选择签订日期" />
            </Form.Item>
          </div>
        )}
        {editing && (
          <Form.Item label="签订日期" name="signedOn" extra="清空表示尚未签订">
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today)} placeholder="选择签订日期" />
          </Form.Item>
        )}
        <Form.Item label="帮带计划（可选）" name="plan" rules={[{ max: 2000, message: '不超过 2000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount placeholder="如 每周教学查房一次，每月专题讲座一次" />
        </Form.Item>
        {!editing && (
          <Form.List
            name="apprentices"
            rules={[{
              validator: async (_, list?: unknown[]) => {
                if (!list || list.length < 1) throw new Error('至少填写 1 名跟学人员');
                if (list.length > MAX_APPRENTICES) throw new Error(`一份协议不超过 ${MAX_APPRENTICES} 名跟学人员`);
              },
            }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div className="dk-ms-apprentices">
                <Typography.Text strong>跟学人员（受援单位人员）</Typography.Text>
                {fields.map((field, i) => (
                  <div key={field.key} className="dk-ms-apprentice-box">
                    <div className="dk-ms-apprentice-head">
                      <span>第 {i + 1} 名</span>
                      {fields.length > 1 && (
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除第 ${i + 1} 名跟学人员`}>删除</Button>
                      )}
                    </div>
                    <ApprenticeFields prefix={[field.name]} />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                {fields.length < MAX_APPRENTICES && (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>添加跟学人员</Button>
                )}
              </div>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
