import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Result, Spin } from 'antd';
import type { Permission } from '@duikou/contracts';
import { errorMessage } from '../api/http-client';
import { useSession } from './session.context';
import { firstAllowedPath } from '../layout/menu-items';

/** Shows its children only to a signed-in user; otherwise sends to /login?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, refetch } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (error) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto', padding: 16 }}>
        <Alert
          type="error"
          showIcon
          title="无法获取登录状态"
          description={errorMessage(error)}
          action={<Button onClick={refetch}>重试</Button>}
        />
      </div>
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return <>{children}</>;
}

/** Shows its children only with the permission; otherwise a 403 result. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) {
    return <Result status="403" title="没有权限" subTitle="当前角色无权访问此页面。如需开通，请联系系统管理员。" />;
  }
  return <>{children}</>;
}

/** The landing route: the home page for those who may read it, otherwise the first page they may open (auditor → 审计日志). */
export function HomeRedirect({ home }: { home: ReactNode }) {
  const { can, me } = useSession();
  if (can('home:read')) return <>{home}</>;
  const target = me ? firstAllowedPath(me.permissions) : null;
  if (target && target !== '/') return <Navigate to={target} replace />;
  return <Result status="403" title="没有可用的功能" subTitle="当前账号尚未分配任何功能权限，请联系系统管理员。" />;
}
