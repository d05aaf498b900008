import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loginBodySchema, type LoginBody } from '@duikou/contracts';
import { authApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { zodRule } from '../../shared/zod-rule';
import './login.page.css';

/** Only same-site paths may be a post-login target. */
const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/');

export function LoginPage() {
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginBody>();
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (user) => {
      // Forget data of any previous user, but keep the session query the app is subscribed to.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(user);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (e) => {
      const locked = e instanceof ApiError && e.code === 'ACCOUNT_LOCKED';
      setFailure({ title: locked ? '账号已锁定' : '登录失败', message: errorMessage(e) });
      if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') form.setFieldValue('password', '');
    },
  });

  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <div className="dk-login">
      <div className="dk-login-inner">
        <div className="dk-login-brand">
          <span className="dk-login-mark">对</span>
          <div>
            <Typography.Title level={2} className="dk-login-title">Duikou</Typography.Title>
            <div className="dk-login-subtitle">对口支援帮扶管理平台</div>
          </div>
        </div>
        <Card className="dk-login-card" title="账号登录">
          {failure && (
            <Alert type="error" showIcon title={failure.title} description={failure.message} style={{ marginBottom: 16 }} closable={{ onClose: () => setFailure(null) }} />
          )}
          <Form<LoginBody>
            form={form}
            layout="vertical"
            requiredMark={false}
            disabled={login.isPending}
            onFinish={(values) => {
              setFailure(null);
              login.mutate({ username: values.username.trim(), password: values.password });
            }}
            onValuesChange={() => failure && setFailure(null)}
          >
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }, zodRule(loginBodySchema.shape.username)]}>
              <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }, zodRule(loginBodySchema.shape.password)]}>
              <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" size="large" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
                登录
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
            连续多次输入错误的密码，账号将被暂时锁定。忘记密码请联系本单位管理员或上级卫生健康部门重置。
          </Typography.Paragraph>
        </Card>
        <div className="dk-login-foot">服务各级卫生健康委员会、支援医院与受援医院 · 对口支援与对口帮扶工作管理</div>
      </div>
    </div>
  );
}
