import { useEffect } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ASSIGNMENT_MODE_LABELS, EDUCATION_LABELS, eligibilitySandboxSchema, SANDBOX_EDUCATION_LEVELS, SANDBOX_MODES, SANDBOX_TITLE_LEVELS,
  TITLE_LEVEL_LABELS, type EligibilitySandbox, type PolicyVersionSummary,
} from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { errorMessage } from '../../api/http-client';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList } from '../../shared/verdict-list';
import { zodRule } from '../../shared/zod-rule';

interface EligibilityForm {
  education?: EligibilitySandbox['education'];
  workStartDate?: string;
  titleLevel?: EligibilitySandbox['titleLevel'];
  mode?: EligibilitySandbox['mode'];
  startDate: Dayjs;
}

const shape = eligibilitySandboxSchema.shape;

/** 选派条件: education, years of work, title and mode of a made-up person → the eligibility verdicts. */
export function SandboxEligibilityPanel({ policy }: { policy: PolicyVersionSummary }) {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<EligibilityForm>();
  const run = useMutation({
    mutationFn: (v: EligibilityForm) => policiesApi.evaluateEligibility(policy.id, {
      education: v.education ?? null,
      workStartDate: v.workStartDate?.trim() || null,
      titleLevel: v.titleLevel ?? null,
      mode: v.mode ?? null,
      startDate: v.startDate.format('YYYY-MM-DD'),
    }),
  });
  const { reset } = run;
  useEffect(() => reset(), [policy.id, reset]);

  return (
    <>
      <Typography.Paragraph type="secondary">
        填写拟选派人员的情况；不填的项目按「信息不足」判定，引擎不会猜测。
      </Typography.Paragraph>
      <Form<EligibilityForm>
        form={form}
        layout="vertical"
        initialValues={{ startDate: dayjs() }}
        onFinish={(v) => run.mutate(v)}
        disabled={run.isPending}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label="学历" name="education">
              <Select allowClear placeholder="最高学历" options={SANDBOX_EDUCATION_LEVELS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label="参加工作时间" name="workStartDate" rules={[zodRule(shape.workStartDate, (v) => String(v).trim())]} tooltip="YYYY-MM 或 YYYY-MM-DD">
              <Input placeholder="如 2015-07" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label="职称级别" name="titleLevel">
              <Select allowClear placeholder="职称" options={SANDBOX_TITLE_LEVELS.map((t) => ({ value: t, label: TITLE_LEVEL_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label="支援方式" name="mode">
              <Select allowClear placeholder="派驻方式" options={SANDBOX_MODES.map((m) => ({ value: m, label: ASSIGNMENT_MODE_LABELS[m] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label="派驻开始日期" name="startDate" rules={[{ required: true, message: '请选择派驻开始日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label={isPhone ? undefined : ' '}>
              <Button type="primary" htmlType="submit" loading={run.isPending} block>试算选派条件</Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {run.error && <Alert type="error" showIcon title="试算失败" description={errorMessage(run.error)} />}
      {run.data && (
        <div className="dk-sandbox-result">
          <VerdictList verdicts={run.data.verdicts} empty="该版本没有选派条件方面的规则" />
        </div>
      )}
    </>
  );
}
