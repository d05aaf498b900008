import { AutoComplete, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { assignmentCreateSchema, POST_LABELS, TEAM_ROLE_LABELS, type Post } from '@duikou/contracts';
import type { PostOptions } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { formatPeriod } from '../../shared/format';
import { VerdictList } from '../../shared/verdict-list';
import { zodRule } from '../../shared/zod-rule';
import { termEnd, type AssignmentFieldValues } from './assignment-form';

const shape = assignmentCreateSchema.shape;

function SectionTitle({ children }: { children: React.ReactNode }) {
  return <div className="dk-assign-section-title">{children}</div>;
}

/**
 * The fields a dispatch and an edit share: 受援科室, 计划期间 (with 一年 / 半年 for CX), 批次, 队内角色, 受援单位任职
 * (only the posts the policy offers, with the verdict saying why), 意外保险 and 安全教育. Lives inside a parent Form.
 */
export function AssignmentFields({
  form, needs, quickTerms, validity, posts, lockedDates = [], disabled,
}: {
  form: FormInstance;
  /** The pairing's 专业需求, offered as departments. */
  needs: readonly string[];
  /** CX: 一年 / 半年 buttons beside the end date. */
  quickTerms: boolean;
  validity?: { validFrom: string | null; validTo: string | null };
  posts: { data: PostOptions | undefined; loading: boolean; error: unknown; ready: boolean };
  /** Dates already recorded that the API cannot clear (edit). */
  lockedDates?: readonly (keyof AssignmentFieldValues)[];
  disabled?: boolean;
}) {
  const post = Form.useWatch('post', form) as Post | null | undefined;
  const allowed = posts.data?.allowed ?? [];
  const locked = (k: keyof AssignmentFieldValues) => lockedDates.includes(k);

  const setTerm = (months: number) => {
    const from = (form.getFieldValue('plannedStart') as AssignmentFieldValues['plannedStart']) ?? null;
    if (!from) {
      form.setFields([{ name: 'plannedStart', errors: ['请先选择计划开始日期'] }]);
      return;
    }
    form.setFieldsValue({ plannedEnd: termEnd(from, months) });
    void form.validateFields(['plannedEnd']).catch(() => undefined);
  };
  const insuranceLikePeriod = () => {
    const v = form.getFieldsValue(['plannedStart', 'plannedEnd']) as AssignmentFieldValues;
    form.setFieldsValue({ insuranceFrom: v.plannedStart ?? undefined, insuranceTo: v.plannedEnd ?? undefined });
  };

  return (
    <>
      <SectionTitle>派驻安排</SectionTitle>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            label="受援科室"
            name="department"
            rules={[{ required: true, whitespace: true, message: '请填写受援科室' }, zodRule(shape.department)]}
            extra={needs.length ? `受援单位专业需求：${needs.join('、')}` : undefined}
          >
            <AutoComplete
              options={needs.map((n) => ({ value: n, label: n }))}
              placeholder={needs.length ? '从专业需求中选择，或直接输入' : '如 儿科、ICU'}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)}
              disabled={disabled}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="批次" name="batch" rules={[zodRule(shape.batch)]}>
            <Input placeholder="如 2019年第一批" maxLength={50} allowClear disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="计划开始日期"
            name="plannedStart"
            rules={[{ required: true, message: '请选择计划开始日期' }]}
            extra={validity && (validity.validFrom || validity.validTo) ? `对口关系有效期：${formatPeriod(validity.validFrom, validity.validTo)}` : undefined}
          >
            <DatePicker style={{ width: '100%' }} placeholder="开始日期" allowClear={!locked('plannedStart')} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="计划结束日期"
            name="plannedEnd"
            dependencies={['plannedStart']}
            rules={[
              { required: true, message: '请选择计划结束日期' },
              ({ getFieldValue }) => ({
                validator: async (_r, v: AssignmentFieldValues['plannedEnd']) => {
                  const s = getFieldValue('plannedStart') as AssignmentFieldValues['plannedStart'];
                  if (s && v && v.isBefore(s, 'day')) throw new Error('计划结束日期不能早于开始日期');
                },
              }),
            ]}
            extra={quickTerms && (
              <span className="dk-assign-quick">
                按开始日期：
                <Button size="small" onClick={() => setTerm(12)} disabled={disabled}>一年</Button>
                <Button size="small" onClick={() => setTerm(6)} disabled={disabled}>半年</Button>
              </span>
            )}
          >
            <DatePicker style={{ width: '100%' }} placeholder="结束日期" allowClear={!locked('plannedEnd')} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle>医疗队角色与受援单位任职</SectionTitle>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="队内角色" name="role" rules={[{ required: true, message: '请选择队内角色' }]}>
            <Radio.Group
              disabled={disabled}
              options={[{ value: 'member', label: TEAM_ROLE_LABELS.member }, { value: 'leader', label: TEAM_ROLE_LABELS.leader }]}
              optionType="button"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="受援单位任职"
            name="post"
            extra={
              !posts.ready
                ? '选择对口关系和人员后，按政策列出可担任的职务'
                : posts.error
                  ? <Typography.Text type="danger">无法获取可任职务：{errorMessage(posts.error)}</Typography.Text>
                  : !posts.loading && allowed.length === 0
                    ? '按政策，该人员在此不能担任职务'
                    : '只列出政策允许担任的职务；不任职可留空'
            }
          >
            <Select<Post>
              allowClear
              placeholder={allowed.length ? '不任职' : '无可担任的职务'}
              loading={posts.loading}
              disabled={disabled || !posts.ready || allowed.length === 0}
              options={allowed.map((o) => ({ value: o.post, label: o.label || POST_LABELS[o.post] }))}
              // A post no longer offered (role or person changed) is shown but cannot be kept: the API would refuse it.
              status={post && !posts.loading && posts.ready && !allowed.some((o) => o.post === post) ? 'error' : undefined}
            />
          </Form.Item>
        </Col>
      </Row>
      {posts.ready && posts.data && posts.data.verdicts.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>任职规则（说明为何只能担任上述职务）：</Typography.Text>
          <VerdictList verdicts={posts.data.verdicts} summary={false} />
        </div>
      )}

      <SectionTitle>意外保险与安全教育</SectionTitle>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="保险公司" name="insurer" rules={[zodRule(shape.insurer)]}>
            <Input placeholder="承保的保险公司" maxLength={100} allowClear disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="保单号" name="insurancePolicyNo" rules={[zodRule(shape.insurancePolicyNo)]}>
            <Input placeholder="意外伤害保险保单号" maxLength={60} allowClear disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="保险起期" name="insuranceFrom">
            <DatePicker style={{ width: '100%' }} placeholder="起期" allowClear={!locked('insuranceFrom')} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="保险止期"
            name="insuranceTo"
            dependencies={['insuranceFrom']}
            rules={[({ getFieldValue }) => ({
              validator: async (_r, v: AssignmentFieldValues['insuranceTo']) => {
                const s = getFieldValue('insuranceFrom') as AssignmentFieldValues['insuranceFrom'];
                if (s && v && v.isBefore(s, 'day')) throw new Error('保险止期不能早于起期');
              },
            })]}
            extra={<span className="dk-assign-quick"><Button size="small" onClick={insuranceLikePeriod} disabled={disabled}>同计划派驻期</Button>保险应覆盖整个派驻期</span>}
          >
            <DatePicker style={{ width: '100%' }} placeholder="止期" allowClear={!locked('insuranceTo')} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="安全教育日期" name="safetyEducationDate" extra="派出前开展安全教育的日期">
            <DatePicker style={{ width: '100%' }} placeholder="安全教育日期" allowClear={!locked('safetyEducationDate')} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
