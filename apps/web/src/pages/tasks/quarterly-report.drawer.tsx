import { Button, Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { QuarterlyReport } from '@duikou/contracts';
import { quarterlyReportsApi } from '../../api/tasks.endpoints';
import { formatDateTime, text } from '../../shared/format';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { lateness, quarterLabel, TaskStatusTag } from './task-parts';

/** One quarterly report (GET /api/quarterly-reports/:id): the work, the task progress, the due date and lateness. */
export function QuarterlyReportDrawer({ id, onClose, onEdit }: { id: string | undefined; onClose: () => void; onEdit: (r: QuarterlyReport) => void }) {
  const isPhone = useIsPhone();
  const q = useQuery({
    queryKey: ['quarterly-reports', 'detail', id],
    queryFn: ({ signal }) => quarterlyReportsApi.get(id!, signal),
    enabled: !!id,
  });
  const r = q.data;
  const late = r ? lateness(r) : null;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={r ? `${r.assignment.personName} · ${quarterLabel(r.quarter)}` : '季度进展'}
      extra={r?.canEdit && <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(r)}>更正</Button>}
      destroyOnHidden
    >
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && !!id && <CardSkeleton rows={6} />}
      {r && late && (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="派驻人员">{r.assignment.personName}{r.assignment.personTitle ? `（${r.assignment.personTitle}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="支援单位">{r.assignment.supportOrg.name}</Descriptions.Item>
            <Descriptions.Item label="受援单位">{r.assignment.recipientOrg.name} · {r.assignment.department}</Descriptions.Item>
            <Descriptions.Item label="反馈日期">{r.submittedOn}（{r.submittedBy}）</Descriptions.Item>
            <Descriptions.Item label="截止日期">
              {r.due ?? '尚未确定'}{' '}
              {late.late ? <Tag color="red">逾期 {r.daysLate} 天</Tag> : r.due && <Tag color="green">按时</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="最后修改">{formatDateTime(r.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>支援工作情况</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</Typography.Paragraph>
          <Typography.Title level={5}>年度任务进展</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={r.tasks}
            locale={{ emptyText: '本次反馈没有填写年度任务进展' }}
            renderItem={(t) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div className="dk-task-line-head"><span>{t.title}</span><TaskStatusTag status={t.status} /></div>
                  <Typography.Text type="secondary">{text(t.progress)}</Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
