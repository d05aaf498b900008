import { useState } from 'react';
import { Alert, Button, Calendar, Card, DatePicker, Grid, List, Popover, Segmented, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { DEADLINE_KIND_LABELS, type DeadlineEntry } from '@duikou/contracts';
import { deadlinesApi } from '../../api/notifications.endpoints';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { ProgrammeSelect } from '../../shared/remote-selects';
import { dueStateOf, groupByMonth, movedLabel } from './notification-parts';
import './notifications.css';

const KIND_COLORS: Record<DeadlineEntry['kind'], string> = { programme: 'purple', monthly: 'blue', quarterly: 'geekblue', progress: 'cyan' };
/** The list shows this many months from the chosen one. */
const LIST_MONTHS = 3;

/** One deadline: what, due date (and where it moved from), who reports to whom, programme, policy and clause. */
function DeadlineDetail({ d, today }: { d: DeadlineEntry; today: string }) {
  const state = dueStateOf(d.due, today);
  const moved = movedLabel(d);
  return (
    <div className="dk-deadline">
      <Space size={6} wrap>
        <Tag color={KIND_COLORS[d.kind]}>{DEADLINE_KIND_LABELS[d.kind]}</Tag>
        <Typography.Text strong>{d.label}</Typography.Text>
      </Space>
      <div className="dk-deadline-due">
        截止 <Typography.Text strong>{d.due}</Typography.Text> <Tag color={state.color}>{state.label}</Tag>
        {moved && <Typography.Text type="warning">{moved}</Typography.Text>}
      </div>
      <Typography.Text type="secondary" className="dk-deadline-meta">
        {d.reporter ? `${d.reporter}` : '各单位'}{d.recipient ? ` → ${d.recipient}` : ''} · {d.programmeName} · {d.policyCode} 第 {d.policyVersion} 版 · 依据 {d.citation}
      </Typography.Text>
    </div>
  );
}

/** 时限日历: every deadline of the caller's programmes (one-off and recurring), moved past holidays by the engine. */
export function DeadlineCalendarPage() {
  const screens = Grid.useBreakpoint();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [programmeId, setProgrammeId] = useState<string | undefined>();
  const today = dayjs().format('YYYY-MM-DD');
  const months = view === 'list' ? LIST_MONTHS : 1;
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.add(months - 1, 'month').endOf('month').format('YYYY-MM-DD');
  const q = { from, to, programmeId };
  const query = useQuery({ queryKey: ['deadlines', q], queryFn: ({ signal }) => deadlinesApi.list(q, signal) });
  const items = query.data?.items ?? [];

  const byDate = new Map<string, DeadlineEntry[]>();
  for (const d of items) byDate.set(d.due, [...(byDate.get(d.due) ?? []), d]);

  const step = (n: number) => setMonth((m) => m.add(n, 'month'));
  const rangeTitle = months === 1 ? month.format('YYYY 年 M 月') : `${month.format('YYYY 年 M 月')} — ${month.add(months - 1, 'month').format('YYYY 年 M 月')}`;

  return (
    <div>
      <PageHeader
        title="时限日历"
        subtitle="通知规定的项目节点与月报、季报、季度工作反馈的截止日；遇节假日按政策顺延至下一个工作日"
        crumbs={[{ title: '首页', to: '/' }, { title: '时限日历' }]}
      />
      <Card>
        <div className="dk-deadline-toolbar">
          <Space wrap>
            <Button aria-label="上一月" icon={<LeftOutlined />} onClick={() => step(-1)} />
            <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v.startOf('month'))} format="YYYY 年 M 月" />
            <Button aria-label="下一月" icon={<RightOutlined />} onClick={() => step(1)} />
            <Button onClick={() => setMonth(dayjs().startOf('month'))}>本月</Button>
          </Space>
          <Space wrap>
            <ProgrammeSelect value={programmeId} onChange={(v) => setProgrammeId(v ?? undefined)} placeholder="全部项目" style={{ minWidth: 220 }} />
            <Segmented value={view} onChange={(v) => setView(v as 'list' | 'calendar')} options={[{ value: 'list', label: '列表' }, { value: 'calendar', label: '月历' }]} />
          </Space>
        </div>
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data?.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 12 }} />)}
        {query.isPending && <CardSkeleton rows={6} />}
        {query.data && view === 'list' && (items.length === 0 ? (
          <EmptyState description={`${rangeTitle}没有截止事项。所在项目不在有效期内，或政策没有规定此期间的时限。`} />
        ) : groupByMonth(items).map((g) => (
          <div key={g.month} className="dk-deadline-month">
            <Typography.Title level={5}>{g.title}<Typography.Text type="secondary" className="dk-deadline-count">（{g.items.length} 项）</Typography.Text></Typography.Title>
            <List dataSource={g.items} renderItem={(d) => <List.Item key={d.key}><DeadlineDetail d={d} today={today} /></List.Item>} />
          </div>
        )))}
        {query.data && view === 'calendar' && (
          <Calendar
            value={month.isSame(dayjs(), 'month') ? dayjs() : month}
            fullscreen={!!screens.md}
            headerRender={() => <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>{rangeTitle}</Typography.Title>}
            onPanelChange={(v) => setMonth(v.startOf('month'))}
            onSelect={(v, info) => { if (info.source === 'month') setMonth(v.startOf('month')); }}
            cellRender={(date, info) => {
              if (info.type !== 'date') return info.originNode;
              const list = byDate.get(date.format('YYYY-MM-DD')) ?? [];
              if (list.length === 0) return null;
              const content = <div className="dk-deadline-pop">{list.map((d) => <DeadlineDetail key={d.key} d={d} today={today} />)}</div>;
              return (
                <Popover content={content} trigger="click" title={`${date.format('YYYY-MM-DD')} 截止`}>
                  {screens.md ? (
                    <ul className="dk-deadline-cell">
                      {list.map((d) => <li key={d.key}><Tag color={KIND_COLORS[d.kind]}>{d.label}</Tag></li>)}
                    </ul>
                  ) : <span className="dk-deadline-dot">{list.length}</span>}
                </Popover>
              );
            }}
          />
        )}
      </Card>
    </div>
  );
}
