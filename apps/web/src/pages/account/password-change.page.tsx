import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { passwordChangeBodySchema } from '@duikou/contracts';
import { authApi } from '../../api/endpoints';
import { applyApiError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/page-header';
import { zodRule } from '../../shared/zod-rule';
import { useMe } from '../../auth/session.context';

interface PasswordForm { currentPassword: string; newPassword: string; confirmPassword: string }
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** 修改密码: current, new (≥10 characters, letters and digits), confirmation. */
export function PasswordChangePage() {
  const me = useMe();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (v: PasswordForm) => authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      message.success('密码已修改');
      form.resetFields();
      setDone(true);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <>
      <PageHeader title="修改密码" subtitle={`账号：${me.username}（${me.displayName}）`} crumbs={[{ title: '首页', to: '/' }, { title: '修改密码' }]} />
      <Card style={{ maxWidth: 520 }}>
        {done ? (
          <Result
            status="success"
            title="密码已修改"
            subTitle="下次登录请使用新密码。"
            extra={<Button onClick={() => setDone(false)}>再次修改</Button>}
          />
        ) : (
          <>
            {formError && <Alert type="error" showIcon title="修改失败" description={formError} style={{ marginBottom: 16 }} />}
            <Form<PasswordForm>
              form={form}
              layout="vertical"
              disabled={change.isPending}
              onFinish={(v) => {
                setFormError(null);
                change.mutate(v);
              }}
            >
              <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
                <Input.Password autoComplete="current-password" placeholder="当前密码" />
              </Form.Item>
              <Form.Item
                label="新密码"
                name="newPassword"
                extra="至少 10 位，包含字母和数字"
                rules={[
                  { required: true, message: '请输入新密码' },
                  zodRule(passwordChangeBodySchema.shape.newPassword),
                  ({ getFieldValue }) => ({
                    validator: async (_r, v: string) => {
                      if (v && v === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
                    },
                  }),
                ]}
                hasFeedback
              >
                <Input.Password autoComplete="new-password" placeholder="新密码" />
              </Form.Item>
              <Form.Item
                label="确认新密码"
                name="confirmPassword"
                dependencies={['newPassword']}
                hasFeedback
                rules={[
                  { required: true, message: '请再次输入新密码' },
                  ({ getFieldValue }) => ({
                    validator: async (_r, v: string) => {
                      if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" placeholder="再次输入新密码" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                确认修改
              </Button>
            </Form>
          </>
        )}
      </Card>
    </>
  );
}
