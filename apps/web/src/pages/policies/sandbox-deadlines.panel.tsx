import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { PolicyDeadline, PolicyVersionSummary } from '@duikou/contracts';
import { policiesApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { EmptyState } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';

export const DEADLINE_KIND_LABELS: Record<PolicyDeadline['kind'], string> = { monthly: '月报', quarterly: '季报', programme: '项目节点' };
const KIND_COLORS: Record<PolicyDeadline['kind'], string> = { monthly: 'blue', quarterly: 'purple', programme: 'cyan' };
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const withWeekday = (d: string) => `${d}（${WEEKDAYS[dayjs(d).day()]}）`;

/** 报送期限: a year's reporting and programme deadlines under the version, postponed past holidays. */
export function SandboxDeadlinesPanel({ policy }: { policy: PolicyVersionSummary }) {
  const isPhone = useIsPhone();
  const [year, setYear] = useState(() => dayjs().year());
  const q = useQuery({
    queryKey: ['policies', 'deadlines', policy.id, year],
    queryFn: ({ signal }) => policiesApi.deadlines(policy.id, year, signal),
    placeholderData: keepPreviousData,
  });
  const missingCalendar = q.error instanceof ApiError && q.error.code === 'CALENDAR_YEAR_MISSING';
  const items = q.error ? [] : (q.data?.items ?? []);
  const postponed = items.filter((d) => d.postponed).length;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年份</span>
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
          disabledDate={(d) => d.year() < 2000 || d.year() > 2100}
        />
        {q.data && !q.error && (
          <Typography.Text type="secondary">共 {items.length} 项，其中 {postponed} 项遇节假日或休息日顺延</Typography.Text>
        )}
      </Space>
      {q.error && (
        <Alert
          type={missingCalendar ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={missingCalendar ? '缺少节假日日历，无法确定顺延后的期限' : '无法计算报送期限'}
          description={<>{errorMessage(q.error)}{missingCalendar && <> 见 <Link to="/calendar">节假日日历</Link>。</>}</>}
        />
      )}
      <Table<PolicyDeadline>
        rowKey={(d) => `${d.kind}-${d.period}-${d.label}`}
        size="small"
        loading={q.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: q.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : <EmptyState description={q.error ? '无法计算' : `${policy.code} 在 ${year} 年没有报送期限（该版本未规定月报、季报或当年的项目节点）`} /> }}
        columns={[
          {
            title: '截止日期', dataIndex: 'due', width: isPhone ? 150 : 250,
            render: (due: string, d) => (
              <>
                <div style={{ fontWeight: 500 }}>{withWeekday(due)}</div>
                {d.postponed && (
                  <div style={{ fontSize: 12 }}>
                    <Tag color="orange" style={{ marginInlineEnd: 4 }}>节假日顺延</Tag>
                    <span className="dk-muted" style={{ whiteSpace: 'nowrap' }}>{d.nominal} → {due}</span>
                  </div>
                )}
              </>
            ),
          },
          {
            title: '事项', dataIndex: 'label',
            render: (label: string, d) => (
              <>
                <Tag color={KIND_COLORS[d.kind]}>{DEADLINE_KIND_LABELS[d.kind]}</Tag>{label}
                <div className="dk-muted" style={{ fontSize: 12 }}>
                  期间 {d.period}{isPhone && (d.reporter || d.recipient) ? ` · ${d.reporter ?? '—'} → ${d.recipient ?? '—'}` : ''}
                </div>
              </>
            ),
          },
          {
            title: '报送', key: 'who', width: 260, responsive: ['md'],
            render: (_: unknown, d) => (d.reporter || d.recipient ? `${d.reporter ?? '—'} → ${d.recipient ?? '—'}` : <span className="dk-muted">—</span>),
          },
          { title: '依据', dataIndex: 'citation', width: 200, responsive: ['lg'] },
        ]}
      />
    </>
  );
}
