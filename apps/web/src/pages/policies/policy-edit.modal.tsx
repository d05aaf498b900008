import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Col, Collapse, DatePicker, Divider, Form, Input, Modal, Row, Switch, Tag, Typography, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { PolicyVersionDetail } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useIsPhone } from '../../shared/use-is-phone';
import { formFieldOfError, isWholeJson, toDocument, toFormValues, type FieldPath, type PolicyEditValues } from './policy-edit.form';
import { describePolicyPath, formatParameterValue, parameterKeys } from './policy-format';
import { parameterLabel } from './policy-labels';
import { versionTitle } from './policy-tags';

const jsonRule = {
  validator: async (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) throw new Error('请填写取值（JSON）');
    try {
      JSON.parse(v);
    } catch (e) {
      throw new Error(`不是有效的 JSON：${e instanceof Error ? e.message : ''}`);
    }
  },
};

/** Preview of a JSON value as the detail page will show it. */
function Preview({ paramKey, text }: { paramKey: string; text?: string }) {
  let lines: string[] = [];
  try {
    const v: unknown = JSON.parse(text ?? '');
    lines = formatParameterValue(paramKey, v);
  } catch {
    return null;
  }
  if (lines.length === 0) return null;
  return (
    <div className="dk-muted" style={{ fontSize: 12, marginTop: -8, marginBottom: 12 }}>
      预览：{lines.join('；')}
    </div>
  );
}

function ParameterEditor({ form, paramKey, wholeJson }: { form: FormInstance<PolicyEditValues>; paramKey: string; wholeJson: boolean }) {
  const present = Form.useWatch(['params', paramKey, 'present'], form) as boolean | undefined;
  const value = Form.useWatch(['params', paramKey, 'value'], form) as string | undefined;
  return (
    <>
      <Form.Item name={['params', paramKey, 'present']} valuePropName="checked" style={{ marginBottom: 12 }}>
        <Switch checkedChildren="本政策有此规定" unCheckedChildren="本政策无此规定" />
      </Form.Item>
      {present && (
        <>
          <Form.Item
            label={wholeJson ? '全部条目（JSON 数组，每项含 value 与 source）' : '取值（JSON）'}
            name={['params', paramKey, 'value']}
            rules={[jsonRule]}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea className="dk-json" autoSize={{ minRows: 2, maxRows: 16 }} spellCheck={false} />
          </Form.Item>
          <Preview paramKey={paramKey} text={value} />
          {!wholeJson && (
            <Row gutter={12}>
              <Col xs={24} md={14}>
                <Form.Item label="出处文件" name={['params', paramKey, 'document']} rules={[{ required: true, whitespace: true, message: '请填写出处文件，如 楚卫通〔2018〕43号' }]}>
                  <Input placeholder="如 楚卫通〔2018〕43号" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label="条款" name={['params', paramKey, 'clause']} rules={[{ required: true, whitespace: true, message: '请填写条款，如 二（一）' }]}>
                  <Input placeholder="如 二（一）" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="原文" name={['params', paramKey, 'quote']}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="通知原文（可选）" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="解读说明" name={['params', paramKey, 'note']}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="如何把原文读成上面的取值（可选）" />
                </Form.Item>
              </Col>
            </Row>
          )}
        </>
      )}
    </>
  );
}

/**
 * 编辑草稿: name, notice, draft effective date and every parameter (value as JSON, with its citation).
 * Sends the full document; a POLICY_INVALID answer is shown at each parameter it names.
 */
export function PolicyEditModal({ open, policy, onClose, onSaved }: {
  open: boolean;
  policy: PolicyVersionDetail;
  onClose: () => void;
  onSaved: (p: PolicyVersionDetail) => void;
}) {
  const [form] = Form.useForm<PolicyEditValues>();
  const { message } = AntApp.useApp();
  const isPhone = useIsPhone();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  const [errorKeys, setErrorKeys] = useState<Set<string>>(new Set());
  const document = policy.document;
  const parameters = useMemo(() => (document.parameters ?? {}) as Record<string, unknown>, [document]);
  const keys = useMemo(() => parameterKeys(parameters), [parameters]);

  useEffect(() => {
    if (!open) return;
    setFormErrors([]);
    setErrorKeys(new Set());
    setOpenKeys([]);
    form.resetFields();
    form.setFieldsValue(toFormValues(document, policy.name, policy.effectiveFrom));
  }, [open, policy, document, form]);

  const showErrorsAt = (parameterKeysWithErrors: string[]) => {
    setErrorKeys(new Set(parameterKeysWithErrors));
    setOpenKeys((prev) => [...new Set([...prev, ...parameterKeysWithErrors])]);
  };

  const save = useMutation({
    mutationFn: (v: PolicyEditValues) => policiesApi.update(policy.id, {
      name: v.name.trim(),
      effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : null,
      document: toDocument(document, v),
    }),
    onSuccess: (p) => {
      message.success('草稿已保存');
      onSaved(p);
    },
    onError: (e) => {
      if (!(e instanceof ApiError) || (!e.field && e.details.length === 0)) {
        setFormErrors([errorMessage(e)]);
        return;
      }
      const items = e.details.length ? e.details : [{ field: e.field, message: e.message }];
      const byField = new Map<string, { name: FieldPath; errors: string[] }>();
      const top: string[] = [];
      const withErrors: string[] = [];
      for (const d of items) {
        const target = d.field ? formFieldOfError(d.field, keys) : null;
        if (!target) {
          top.push(d.field ? `${describePolicyPath(d.field)}：${d.message}` : d.message);
          continue;
        }
        if (target.parameter) withErrors.push(target.parameter);
        const id = target.name.join('.');
        const entry = byField.get(id) ?? { name: target.name, errors: [] };
        entry.errors.push(target.prefix ? `${target.prefix}：${d.message}` : d.message);
        byField.set(id, entry);
      }
      form.setFields([...byField.values()].map((f) => ({ name: f.name as never, errors: f.errors })));
      showErrorsAt(withErrors);
      setFormErrors([e.message, ...top]);
      const first = [...byField.values()][0];
      if (first) setTimeout(() => form.scrollToField(first.name as never, { block: 'center' }), 300);
    },
  });

  return (
    <Modal
      open={open}
      title={`编辑草稿：${versionTitle(policy)}`}
      okText="保存草稿"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={isPhone ? '100%' : 960}
      style={isPhone ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {formErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="保存失败"
          description={formErrors.length === 1 ? formErrors[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{formErrors.map((m, i) => <li key={i}>{m}</li>)}</ul>}
        />
      )}
      <Form<PolicyEditValues>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => { setFormErrors([]); setErrorKeys(new Set()); save.mutate({ ...form.getFieldsValue(true), ...v }); }}
        onFinishFailed={({ errorFields }) => {
          const withErrors = errorFields.map((f) => (f.name[0] === 'params' ? String(f.name[1]) : null)).filter((k): k is string => !!k);
          showErrorsAt(withErrors);
          setFormErrors(['请先改正标红的内容']);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 200, message: '不能超过 200 个字符' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="拟施行日期" name="effectiveFrom" extra="可留空，发布时再定">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>依据通知</Divider>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="文号" name={['notice', 'number']}>
              <Input placeholder="无文号可留空" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="发文机关" name={['notice', 'issuer']} rules={[{ required: true, whitespace: true, message: '请输入发文机关' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="标题" name={['notice', 'title']} rules={[{ required: true, whitespace: true, message: '请输入通知标题' }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="发文日期" name={['notice', 'issuedOn']} rules={[{ required: true, message: '请选择发文日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>参数</Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          取值按政策引擎的格式以 JSON 填写（保存时由服务器逐项校验，错误会显示在对应参数下）；通知没有的规定请关闭开关。
        </Typography.Paragraph>
        <Collapse
          size="small"
          activeKey={openKeys}
          onChange={(k) => setOpenKeys(Array.isArray(k) ? k.map(String) : [String(k)])}
          items={keys.map((key) => ({
            key,
            forceRender: true,
            label: (
              <span className="dk-edit-param-header">
                <span>{parameterLabel(key)}</span>
                <Typography.Text type="secondary" className="dk-json">{key}</Typography.Text>
                <Form.Item noStyle shouldUpdate={(a, b) => a.params?.[key]?.present !== b.params?.[key]?.present}>
                  {() => (form.getFieldValue(['params', key, 'present']) ? null : <Tag>无此规定</Tag>)}
                </Form.Item>
                {errorKeys.has(key) && <Tag color="red">有错误</Tag>}
              </span>
            ),
            children: <ParameterEditor form={form} paramKey={key} wholeJson={isWholeJson(key, parameters[key] ?? null)} />,
          }))}
        />
      </Form>
    </Modal>
  );
}
