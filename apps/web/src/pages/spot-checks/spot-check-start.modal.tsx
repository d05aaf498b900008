import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Result, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ROLL_CALL_MINUTES, SPOT_CHECK_MAX_SAMPLE, SPOT_CHECK_METHOD_LABELS, type SpotCheckCreate, type SpotCheckDetail, type SpotCheckMethod } from '@duikou/contracts';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { ApiError } from '../../api/http-client';
import { useMe } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { OnPostAssignmentSelect } from './on-post-assignment.select';
import { METHOD_OPTIONS } from './spot-check-parts';

interface StartForm {
  date?: Dayjs;
  method: SpotCheckMethod;
  rollCallMinutes?: number;
  kind: 'random' | 'picked';
  size?: number;
  seed?: string;
  programmeId?: string;
  supportOrgId?: string;
  recipientOrgId?: string;
  assignmentIds?: string[];
}

const FORM_FIELDS = ['date', 'method', 'rollCallMinutes', 'kind', 'size', 'seed', 'programmeId', 'supportOrgId', 'recipientOrgId', 'assignmentIds'];

/** The API names sample fields `sample.size`, `sample.assignmentIds.1` …: put them on this form's fields. */
export function formFieldOf(field: string | undefined): string | undefined {
  if (!field) return field;
  const m = /^sample\.(size|seed|programmeId|supportOrgId|recipientOrgId|assignmentIds)\b/.exec(field);
  return m ? m[1] : field;
}

/** The request body of the form's values. */
export function toSpotCheckCreate(v: StartForm): SpotCheckCreate {
  const sample: SpotCheckCreate['sample'] = v.kind === 'random'
    ? {
        kind: 'random', size: v.size ?? 1, ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
        ...(v.programmeId ? { programmeId: v.programmeId } : {}), ...(v.supportOrgId ? { supportOrgId: v.supportOrgId } : {}),
        ...(v.recipientOrgId ? { recipientOrgId: v.recipientOrgId } : {}),
      }
    : { kind: 'picked', assignmentIds: v.assignmentIds ?? [] };
  return {
    method: v.method, date: (v.date ?? dayjs()).format('YYYY-MM-DD'), sample,
    ...(v.method === 'roll_call' && v.rollCallMinutes ? { rollCallMinutes: v.rollCallMinutes } : {}),
  };
}

/**
 * 发起抽查 (POST /api/spot-checks): a random draw of N from the staff on post that day — the seed is
 * recorded and shown so anyone can re-draw the same sample — or named persons; a roll call gives the
 * sampled staff a number of minutes to answer from their phones.
 */
export function SpotCheckStartModal({ open, onClose, onOpen }: { open: boolean; onClose: () => void; onOpen: (id: string) => void }) {
  const [form] = Form.useForm<StartForm>();
  const me = useMe();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<SpotCheckDetail | null>(null);
  const method = Form.useWatch('method', form);
  const kind = Form.useWatch('kind', form);
  const date = Form.useWatch('date', form);
  const today = dayjs().startOf('day');
  const supportUnit = me.role === 'support_unit';

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setDrawn(null);
    form.resetFields();
  }, [open, form]);

  const save = useMutation({
    mutationFn: (v: StartForm) => spotChecksApi.create(toSpotCheckCreate(v)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['spot-checks'] });
      if (created.sampleKind === 'random') {
        setDrawn(created);
        return;
      }
      message.success(`已发起${SPOT_CHECK_METHOD_LABELS[created.method]}：指定 ${created.results.length} 人`);
      onOpen(created.id);
    },
    onError: (e) => {
      const mapped = e instanceof ApiError ? new ApiError(e.status, { code: e.code, message: e.message, field: formFieldOf(e.field), details: e.details }) : e;
      setFormError(applyApiError(form, mapped, FORM_FIELDS));
    },
  });

  if (drawn) {
    return (
      <Modal open={open} title="随机抽取结果" onCancel={onClose} width={640} footer={[
        <Button key="close" onClick={onClose}>关闭</Button>,
        <Button key="open" type="primary" onClick={() => onOpen(drawn.id)}>查看并记录结果</Button>,
      ]}>
        <Result
          status="success"
          style={{ padding: '8px 0 12px' }}
          title={`已随机抽取 ${drawn.results.length} 人`}
          subTitle={`${SPOT_CHECK_METHOD_LABELS[drawn.method]} · ${drawn.date} · 当日在岗 ${drawn.population.size} 人`}
        />
        <div className="dk-sc-seed-box" data-testid="drawn-seed">
          <div>随机种子（已记录，可按种子复核抽样）</div>
          <Typography.Text code copyable={{ text: drawn.seed ?? '' }} className="dk-sc-seed">{drawn.seed}</Typography.Text>
        </div>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          抽中人员：{drawn.results.map((r) => `${r.personName}（${r.recipientOrgName}）`).join('、')}
        </Typography.Paragraph>
        {drawn.method === 'roll_call' && drawn.rollCallDeadline && (
          <Alert type="info" showIcon title={`被点名人员须在 ${dayjs(drawn.rollCallDeadline).format('HH:mm')} 前在手机打卡页面应答，逾时记为不在岗（待复核）。`} />
        )}
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title="发起抽查"
      okText={kind === 'random' ? '随机抽取' : '发起抽查'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="发起失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<StartForm>
        form={form}
        name="spot-check-start"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ date: today, method: 'phone', kind: 'random', size: 3, rollCallMinutes: ROLL_CALL_MINUTES.default }}
        onValuesChange={(changed: Partial<StartForm>) => {
          // A roll call is made on the day itself.
          if (changed.method === 'roll_call') form.setFieldValue('date', today);
          if ('date' in changed) form.setFieldValue('assignmentIds', []);
        }}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        <Form.Item label="抽查方式" name="method" rules={[{ required: true, message: '请选择抽查方式' }]}>
          <Radio.Group optionType="button" options={METHOD_OPTIONS} />
        </Form.Item>
        <div className="dk-sc-form-row">
          <Form.Item
            label="抽查日期" name="date" rules={[{ required: true, message: '请选择抽查日期' }]}
            extra={method === 'roll_call' ? '点名只能针对当天发起' : '抽查当日在岗的派驻人员；不能晚于今天'}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} disabled={method === 'roll_call'} disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
          {method === 'roll_call' && (
            <Form.Item
              label="应答时限（分钟）" name="rollCallMinutes"
              rules={[{ required: true, message: '请填写应答时限' }]}
              extra={`${ROLL_CALL_MINUTES.min}–${ROLL_CALL_MINUTES.max} 分钟，逾时未应答记为不在岗（待复核）`}
            >
              <InputNumber min={ROLL_CALL_MINUTES.min} max={ROLL_CALL_MINUTES.max} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </div>
        <Form.Item label="抽样方式" name="kind">
          <Radio.Group options={[{ value: 'random', label: '随机抽取' }, { value: 'picked', label: '指定人员' }]} />
        </Form.Item>
        {kind === 'picked' ? (
          <Form.Item
            label="抽查人员" name="assignmentIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择 1 名在岗人员' }]}
            extra="如根据举报线索核查；只能选择抽查日期当天在岗的派驻人员"
          >
            <OnPostAssignmentSelect date={date?.format('YYYY-MM-DD')} />
          </Form.Item>
        ) : (
          <>
            <div className="dk-sc-form-row">
              <Form.Item label="抽取人数" name="size" rules={[{ required: true, message: '请填写抽取人数' }]}>
                <InputNumber min={1} max={SPOT_CHECK_MAX_SAMPLE} precision={0} style={{ width: '100%' }} suffix="人" />
              </Form.Item>
              <Form.Item
                label="随机种子（可选）" name="seed" extra="留空由系统生成；抽取后显示并记录，凭种子可重现同一抽样"
                rules={[{ pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '随机种子应为 1–64 位字母、数字、- 或 _' }]}
              >
                <Input placeholder="如 wuding-2026-11" maxLength={64} />
              </Form.Item>
            </div>
            <Typography.Text type="secondary" className="dk-sc-form-hint">
              抽样范围（可选）：{supportUnit ? '本单位派出的在岗人员' : '管辖范围内对口关系下的在岗人员'}，可再按项目、单位缩小
            </Typography.Text>
            <div className="dk-sc-form-row">
              <Form.Item label="项目" name="programmeId"><ProgrammeSelect placeholder="全部项目" /></Form.Item>
              {!supportUnit && <Form.Item label="支援单位" name="supportOrgId"><OrganisationSelect role="support" placeholder="全部支援单位" /></Form.Item>}
              <Form.Item label="受援单位" name="recipientOrgId"><OrganisationSelect role="recipient" placeholder="全部受援单位" /></Form.Item>
            </div>
          </>
        )}
      </Form>
    </Modal>
  );
}
