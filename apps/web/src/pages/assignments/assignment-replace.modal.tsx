import { useEffect, useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { TITLE_LEVEL_LABELS, type Assignment, type AssignmentDetail, type Person, type TitleLevel } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { policiesApi } from '../../api/endpoints';
import { ApiError } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { formatDate } from '../../shared/format';
import { keepEnterInDatePickers } from './assignment-form';
import { PersonSelect } from './dispatch-selects';
import { enrichRefusal, refusalOf, RuleRefusalPanel, type Refusal } from './rule-refusal';

interface ReplaceForm { personId?: string; startDate?: Dayjs; reason?: string }

/** The first day a replacement may start: the day after 到岗 (if on duty), not before today or the planned start. */
function defaultStart(a: Assignment): Dayjs {
  const today = dayjs().startOf('day');
  const from = a.status === 'on_duty' && a.actualStart ? dayjs(a.actualStart).add(1, 'day') : dayjs(a.plannedStart);
  const d = from.isAfter(today) ? from : today;
  return d.isAfter(dayjs(a.plannedEnd)) ? dayjs(a.plannedEnd) : d;
}

/**
 * 另派接替: POST /api/assignments/:id/replace — a colleague of the same support unit with at least the same
 * title takes over from a day; the old assignment ends the day before. Refusals and 破例 as when dispatching.
 */
export function AssignmentReplaceModal({ open, assignment: a, onClose, onReplaced }: {
  open: boolean;
  assignment: Assignment;
  onClose: () => void;
  onReplaced: (created: AssignmentDetail) => void;
}) {
  const [form] = Form.useForm<ReplaceForm>();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [person, setPerson] = useState<Person | undefined>();
  const canOverride = can('assignment:override');

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setRefusal(null);
    setOverrideError(null);
    setPerson(undefined);
    form.resetFields();
    form.setFieldsValue({ startDate: defaultStart(a) });
  }, [open, a, form]);

  const save = useMutation({
    mutationFn: ({ v, overrideReason }: { v: ReplaceForm; overrideReason?: string }) => assignmentsApi.replace(a.id, {
      personId: v.personId!, reason: v.reason?.trim() ?? '', startDate: v.startDate!.format('YYYY-MM-DD'), ...(overrideReason ? { overrideReason } : {}),
    }),
    onSuccess: (created, { overrideReason }) => {
      message.success(`已由「${created.personName}」接替${overrideReason ? '（破例派出）' : ''}`);
      onReplaced(created);
    },
    onError: (e, { v, overrideReason }) => {
      const r = refusalOf(e);
      if (r) {
        setRefusal(r);
        setOverrideError(null);
        void complete(r, v);
        return;
      }
      if (overrideReason && e instanceof ApiError && e.field === 'overrideReason') {
        setOverrideError(e.message);
        return;
      }
      setFormError(applyApiError(form, e, ['personId', 'startDate', 'reason']));
    },
  });

  const complete = async (r: Refusal, v: ReplaceForm) => {
    if (!person || person.id !== v.personId || !can('policy:read') || r.verdicts.every((x) => x.citation)) return;
    try {
      const { verdicts } = await policiesApi.evaluateEligibility(a.policyCode, {
        education: person.education, workStartDate: person.workStartDate, titleLevel: person.titleLevel === 'none' ? null : person.titleLevel,
        mode: a.mode, startDate: v.startDate!.format('YYYY-MM-DD'),
      });
      setRefusal((cur) => (cur === r ? enrichRefusal(r, verdicts) : cur));
    } catch {
      /* the sentences alone still say why */
    }
  };

  const submit = (v: ReplaceForm, overrideReason?: string) => {
    setFormError(null);
    if (!overrideReason) setRefusal(null);
    save.mutate({ v, overrideReason });
  };

  return (
    <Modal
      open={open}
      title={`另派接替：${a.personName}`}
      okText="确认接替"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !!refusal }}
      confirmLoading={save.isPending && !refusal}
      width={680}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`接替人员须来自「${a.supportOrgName}」，职称不低于被替换人员（${a.personTitle || TITLE_LEVEL_LABELS[a.personTitleLevel as TitleLevel] || '—'}）。`}
        description={`原派驻于接替开始日前一天结束（计划至 ${formatDate(a.plannedEnd)}），接替人员沿用原科室、支援方式、批次和角色。`}
      />
      {formError && <Alert type="error" showIcon title="接替失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<ReplaceForm>
        form={form}
        name="assignment-replace"
        onKeyDown={keepEnterInDatePickers}
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => submit(v)}
        onValuesChange={(changed: Partial<ReplaceForm>) => { if ('personId' in changed || 'startDate' in changed) setRefusal(null); }}
      >
        <Form.Item label="接替人员" name="personId" rules={[{ required: true, message: '请选择接替人员' }]}>
          <PersonSelect employerOrgId={a.supportOrgId} excludeId={a.personId} onPicked={setPerson} />
        </Form.Item>
        <Form.Item label="接替开始日期" name="startDate" rules={[{ required: true, message: '请选择接替开始日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item label="替换原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写替换原因' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：经考核不能胜任，按要求另派相应人员" />
        </Form.Item>
      </Form>
      {refusal && (
        <RuleRefusalPanel
          refusal={refusal}
          what="接替"
          canOverride={canOverride}
          submitting={save.isPending}
          overrideError={overrideError}
          onOverride={(reason) => { void form.validateFields().then((v) => submit(v, reason)).catch(() => undefined); }}
        />
      )}
    </Modal>
  );
}
