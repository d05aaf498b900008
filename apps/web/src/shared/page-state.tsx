import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton, Spin } from 'antd';
import { errorMessage } from '../api/http-client';

/** Full-area spinner while a lazily loaded page or its data arrives. */
export function PageLoading({ text = '正在加载…' }: { text?: string }) {
  return (
    <div style={{ padding: '64px 0', textAlign: 'center' }}>
      <Spin size="large" description={text}>
        <div style={{ minHeight: 48 }} />
      </Spin>
    </div>
  );
}

export function CardSkeleton({ rows = 4 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />;
}

/** The API's message in an error Alert, with a retry button when a retry makes sense. */
export function ErrorAlert({ error, title = '加载失败', onRetry, style }: { error: unknown; title?: string; onRetry?: () => void; style?: React.CSSProperties }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorMessage(error)}
      style={{ marginBottom: 16, ...style }}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}
