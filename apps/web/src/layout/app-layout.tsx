import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { App as AntApp, Avatar, Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { BellOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@duikou/contracts';
import { authApi } from '../api/endpoints';
import { errorMessage } from '../api/http-client';
import { notificationKeys, notificationsApi } from '../api/notifications.endpoints';
import { useMe, useSession } from '../auth/session.context';
import { PageLoading } from '../shared/page-state';
import { allowedNavItems, selectedNavKey, type NavItem } from './menu-items';
import './app-layout.css';

const { Header, Sider, Content } = Layout;

function Brand({ compact }: { compact?: boolean }) {
  return (
    <Link to="/" className="dk-brand">
      <span className="dk-brand-mark">对</span>
      {!compact && (
        <span className="dk-brand-text">
          <span className="dk-brand-name">Duikou</span>
          <span className="dk-brand-sub">对口支援帮扶管理平台</span>
        </span>
      )}
    </Link>
  );
}

/** Menu entries: ungrouped items first, then each group under its title. */
function menuItems(navItems: NavItem[]): NonNullable<MenuProps['items']> {
  const entry = (item: NavItem) => ({ key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> });
  const groups = [...new Set(navItems.map((i) => i.group).filter((g): g is string => !!g))];
  return [
    ...navItems.filter((i) => !i.group).map(entry),
    ...groups.map((g) => ({ type: 'group' as const, key: `group:${g}`, label: g, children: navItems.filter((i) => i.group === g).map(entry) })),
  ];
}

/** The header bell: the caller's unread count, polled every minute, opening the notification centre. */
function NotificationBell() {
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Tooltip title={count > 0 ? `${count} 条未读消息` : '消息中心'}>
      <Button type="text" aria-label={count > 0 ? `消息中心，${count} 条未读` : '消息中心'} onClick={() => void navigate('/notifications')}
        icon={<Badge count={count} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Tooltip>
  );
}

/** The authenticated shell: side menu filtered by permission, header with the user and account actions. */
export function AppLayout() {
  const me = useMe();
  const { setMe } = useSession();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  const items = menuItems(allowedNavItems(me.permissions));
  const selected = selectedNavKey(location.pathname);
  const roleLabel = ROLE_LABELS[me.role] ?? me.role;

  const logout = async () => {
    setLoggingOut(true);
    try {
      await authApi.logout();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoggingOut(false);
      setMe(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      void navigate('/login', { replace: true });
    }
  };

  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[selected]}
      items={items}
      onClick={() => setDrawerOpen(false)}
    />
  );

  const userMenu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="dk-user-card">
          <div className="dk-user-name">{me.displayName}</div>
          <div className="dk-user-org">{me.org.name}</div>
          <Tag color="blue">{roleLabel}</Tag>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => void navigate('/account/password') },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: () => void logout() },
  ];

  return (
    <Layout className="dk-shell">
      {!isMobile && (
        <Sider width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" className="dk-sider">
          <Brand compact={collapsed} />
          {menu}
        </Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="dk-header">
          <Space size={8} className="dk-header-left">
            {isMobile && <Button type="text" aria-label="打开菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />}
            {isMobile && <span className="dk-header-title">对口支援帮扶管理平台</span>}
          </Space>
          {isMobile ? (
            <Space size={4}>
              <NotificationBell />
              <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
                <Button type="text" aria-label="账号" icon={<Avatar size="small" icon={<UserOutlined />} />} />
              </Dropdown>
            </Space>
          ) : (
            <Space size={12} className="dk-header-right" wrap={false}>
              <NotificationBell />
              <Avatar size="small" icon={<UserOutlined />} />
              <span className="dk-header-user">
                <Typography.Text strong>{me.displayName}</Typography.Text>
                <Typography.Text type="secondary" className="dk-header-org" ellipsis>
                  {me.org.name}
                </Typography.Text>
              </span>
              <Tag color="blue">{roleLabel}</Tag>
              <Button size="small" icon={<KeyOutlined />} onClick={() => void navigate('/account/password')}>
                修改密码
              </Button>
              <Button size="small" icon={<LogoutOutlined />} loading={loggingOut} onClick={() => void logout()}>
                退出登录
              </Button>
            </Space>
          )}
        </Header>
        <Content className="dk-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
