import { useEffect } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Col, DatePicker, Form, Row, Steps, Switch, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { PolicyVersionSummary } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import type { RangeValue } from '../../shared/date-range';
import { useIsPhone } from '../../shared/use-is-phone';
import { VerdictList } from '../../shared/verdict-list';
import { PARTY_LABELS } from './policy-labels';

interface LeaveForm { range: RangeValue; emergencyRecall?: boolean }

/** Two single date pickers for phones, where the two-month range popup does not fit. */
function PhoneRange({ value, onChange }: { value?: RangeValue; onChange?: (v: RangeValue) => void }) {
  const [from, to] = value ?? [null, null];
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <DatePicker value={from} onChange={(d) => onChange?.([d, to])} placeholder="开始日期" style={{ flex: 1, minWidth: 0 }} />
      <DatePicker value={to} onChange={(d) => onChange?.([from, d])} placeholder="结束日期" style={{ flex: 1, minWidth: 0 }}
        disabledDate={(d) => !!from && d.isBefore(from, 'day')} />
    </div>
  );
}

/** 请假: a leave's working days by the holiday calendar, and the approvals and filings it needs. */
export function SandboxLeavePanel({ policy }: { policy: PolicyVersionSummary }) {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<LeaveForm>();
  const run = useMutation({
    mutationFn: (v: LeaveForm) => policiesApi.evaluateLeave(policy.id, {
      startDate: v.range![0]!.format('YYYY-MM-DD'),
      endDate: v.range![1]!.format('YYYY-MM-DD'),
      emergencyRecall: !!v.emergencyRecall,
    }),
  });
  const { reset } = run;
  useEffect(() => reset(), [policy.id, reset]);
  const r = run.data;
  const missingCalendar = run.error instanceof ApiError && run.error.code === 'CALENDAR_YEAR_MISSING';

  return (
    <>
      <Typography.Paragraph type="secondary">
        请假天数按工作日计（法定节假日、休息日不计，调休上班日计入），依据「节假日日历」。
      </Typography.Paragraph>
      <Form<LeaveForm> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} disabled={run.isPending} initialValues={{ emergencyRecall: false }}>
        <Row gutter={12} align="bottom">
          <Col xs={24} md={12} lg={10}>
            <Form.Item label="离岗日期" name="range" rules={[{ required: true, message: '请选择离岗的起止日期' }, { validator: async (_r, v: RangeValue) => { if (!v?.[0] || !v[1]) throw new Error('请选择离岗的起止日期'); } }]}>
              {isPhone ? <PhoneRange /> : <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6} lg={5}>
            <Form.Item label="卫生应急调回" name="emergencyRecall" valuePropName="checked" tooltip="因卫生应急等情况确需调回派出单位">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6} lg={5}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={run.isPending} block>试算请假</Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {run.error && (
        <Alert
          type={missingCalendar ? 'warning' : 'error'}
          showIcon
          title={missingCalendar ? '缺少节假日日历，无法计算工作日' : '试算失败'}
          description={<>{errorMessage(run.error)}{missingCalendar && <> 见 <Link to="/calendar">节假日日历</Link>。</>}</>}
        />
      )}
      {r && (
        <div className="dk-sandbox-result">
          <div className="dk-sandbox-days">
            共 <b>{r.calendarDays}</b> 个自然日，其中工作日 <b>{r.workingDays}</b> 天（节假日、休息日不计）{r.emergencyRecall && '，属卫生应急调回'}
          </div>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>审批</Typography.Title>
              {r.approvals.length ? (
                <Steps
                  size="small"
                  orientation="vertical"
                  items={r.approvals.map((a) => ({ status: 'process' as const, title: a.label, content: PARTY_LABELS[a.party] !== a.label ? PARTY_LABELS[a.party] : undefined }))}
                />
              ) : <Typography.Text type="secondary">无需审批</Typography.Text>}
            </Col>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>备案</Typography.Title>
              {r.filings.length ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {r.filings.map((f) => <li key={f.party}>请假条报 {f.label} 备案</li>)}
                </ul>
              ) : <Typography.Text type="secondary">无需备案</Typography.Text>}
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>规则结论</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>试算中没有登记任何审批或备案，因此「尚缺」列出的就是这次请假需要办理的全部手续。</Typography.Paragraph>
          <VerdictList verdicts={r.verdicts} empty="该版本没有请假方面的规则" />
        </div>
      )}
    </>
  );
}
