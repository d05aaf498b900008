import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App as AntApp, Badge, Button, Card, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATION_KIND_LABELS, type Notification, type NotificationKind } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { notificationKeys, notificationsApi } from '../../api/notifications.endpoints';
import { useMe } from '../../auth/session.context';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { ageOf } from './notification-parts';
import './notifications.css';

const KIND_COLORS: Record<NotificationKind, string> = { due_date: 'orange', approval: 'blue', roll_call: 'red', consequence: 'volcano', report: 'geekblue' };

function KindTag({ kind }: { kind: string }) {
  const k = kind as NotificationKind;
  return <Tag color={KIND_COLORS[k] ?? 'default'}>{NOTIFICATION_KIND_LABELS[k] ?? kind}</Tag>;
}

/** 消息中心: the caller's own reminders, unread first; each links to where to act. */
export function NotificationCenterPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const q = { page, pageSize, ...(filter === 'unread' ? { unread: 'true' } : {}) };
  const list = useQuery({ queryKey: notificationKeys.list(q), queryFn: ({ signal }) => notificationsApi.list(q, signal) });
  // Marking read changes the list and the header bell: refresh both.
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });

  const markRead = useMutation({ mutationFn: notificationsApi.markRead, onSuccess: refresh, onError: (e) => message.error(errorMessage(e)) });
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: (r) => { message.success(r.updated > 0 ? `已将 ${r.updated} 条消息标为已读` : '没有未读消息'); void refresh(); },
    onError: (e) => message.error(errorMessage(e)),
  });
  const run = useMutation({
    mutationFn: notificationsApi.runReminders,
    onSuccess: (r) => {
      void refresh();
      modal.info({
        title: r.ran ? `提醒任务已运行：新建 ${r.created} 条消息` : '提醒任务未运行',
        content: (
          <div>
            <div>截至 {r.asOf}；外发 {r.deliveries.sent} 条成功、{r.deliveries.failed} 条失败。</div>
            {Object.entries(r.byKind).map(([k, n]) => <div key={k}>{NOTIFICATION_KIND_LABELS[k as NotificationKind] ?? k}：{n} 条</div>)}
            {r.warnings.map((w) => <Typography.Paragraph key={w} type="warning" style={{ margin: '8px 0 0' }}>{w}</Typography.Paragraph>)}
          </div>
        ),
      });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  const unread = list.data?.unread ?? 0;
  return (
    <div>
      <PageHeader
        title="消息中心"
        subtitle="报送期限、待我审批、点名与抽查后果的提醒；同一提醒只发一次"
        crumbs={[{ title: '首页', to: '/' }, { title: '消息中心' }]}
        extra={(
          <Space wrap>
            <Button icon={<CheckOutlined />} disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>全部标为已读</Button>
            {me.role === 'admin' && <Button icon={<ReloadOutlined />} loading={run.isPending} onClick={() => run.mutate()}>立即运行提醒任务</Button>}
          </Space>
        )}
      />
      <Card
        className="dk-notes"
        title={(
          <Segmented
            value={filter}
            onChange={(v) => { setFilter(v as 'all' | 'unread'); setPage(1); }}
            options={[{ value: 'all', label: '全部' }, { value: 'unread', label: <span>未读 <Badge count={unread} size="small" overflowCount={99} /></span> }]}
          />
        )}
      >
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <CardSkeleton rows={6} />}
        {list.data && list.data.items.length === 0 && (
          <EmptyState description={filter === 'unread' ? '没有未读消息' : '暂无消息。报送期限临近、有请假待您审批、有点名待应答或抽查后果到期时，会在这里提醒您。'} />
        )}
        {list.data && list.data.items.length > 0 && (
          <List
            itemLayout="vertical"
            dataSource={list.data.items}
            renderItem={(n) => (
              <List.Item
                key={n.id}
                className={n.readAt ? 'dk-note dk-note-read' : 'dk-note dk-note-unread'}
                actions={[
                  n.link && <Button key="go" type="link" size="small" onClick={() => open(n)}>去处理 <RightOutlined /></Button>,
                  !n.readAt && <Button key="read" type="link" size="small" loading={markRead.isPending && markRead.variables === n.id} onClick={() => markRead.mutate(n.id)}>标为已读</Button>,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  avatar={<Badge dot={!n.readAt} offset={[-2, 2]}><BellOutlined className="dk-note-icon" /></Badge>}
                  title={(
                    <Space size={6} wrap>
                      <KindTag kind={n.kind} />
                      {n.link ? <a onClick={() => open(n)}>{n.title}</a> : <span>{n.title}</span>}
                    </Space>
                  )}
                  description={<Typography.Text type="secondary">{ageOf(n.createdAt, new Date())}{n.readAt ? ' · 已读' : ''}</Typography.Text>}
                />
                {n.body && <Typography.Paragraph className="dk-note-body">{n.body}</Typography.Paragraph>}
              </List.Item>
            )}
          />
        )}
        {list.data && list.data.total > pageSize && (
          <Pagination className="dk-notes-pager" current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} showSizeChanger={false} size="small" />
        )}
      </Card>
    </div>
  );
}
