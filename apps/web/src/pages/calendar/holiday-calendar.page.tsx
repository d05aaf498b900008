import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, Popconfirm, Segmented, Select, Table, Tag, Typography } from 'antd';
import { AppstoreOutlined, DeleteOutlined, EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CalendarYear, CalendarYearDetail } from '@duikou/contracts';
import { calendarApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { CalendarYearEditModal } from './calendar-year-edit.modal';
import { CalendarDayTable, CalendarLegend, CalendarYearGrid } from './calendar-year.view';
import './calendar.css';

const sourceLabel = (s: string) => (s === 'manual' ? '手工录入' : `系统预置（${s}）`);

/**
 * 节假日日历: the years whose holidays and adjusted working days are loaded, one year as 12 month
 * grids or a list; administrators enter, replace (by hand or from a file) and delete a year.
 */
export function HolidayCalendarPage() {
  const { can } = useSession();
  const canWrite = can('calendar:write');
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [editing, setEditing] = useState<{ year: number | null; preset?: number } | null>(null);

  const years = useQuery({ queryKey: ['calendar', 'years'], queryFn: ({ signal }) => calendarApi.years(signal) });
  const list = useMemo(() => [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const thisYear = dayjs().year();
  const asked = Number(params.get('year')) || null;
  const year = asked ?? (list.some((y) => y.year === thisYear) ? thisYear : list[0]?.year ?? null);
  const setYear = (y: number) => setParams((prev) => { const n = new URLSearchParams(prev); n.set('year', String(y)); return n; }, { replace: true });

  const detail = useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => calendarApi.year(year!, signal),
    enabled: year !== null,
  });
  const missing = detail.error instanceof ApiError && detail.error.code === 'CALENDAR_YEAR_MISSING';

  const refresh = (saved?: CalendarYearDetail) => {
    if (saved) queryClient.setQueryData(['calendar', 'year', saved.year], saved);
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    void queryClient.invalidateQueries({ queryKey: ['policies', 'deadlines'] });
  };
  const remove = useMutation({
    mutationFn: (y: number) => calendarApi.removeYear(y),
    onSuccess: (_r, y) => {
      message.success(`已删除 ${y} 年的节假日日历`);
      queryClient.removeQueries({ queryKey: ['calendar', 'year', y] });
      setParams((prev) => { const n = new URLSearchParams(prev); n.delete('year'); return n; }, { replace: true });
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const deleteButton = (y: number, size: 'small' | 'middle' = 'middle') => (
    <Popconfirm
      title={`删除 ${y} 年的节假日日历？`}
      description={<div style={{ maxWidth: 280 }}>删除后，凡涉及 {y} 年的工作日计算（请假天数、在岗工作日、报送期限顺延）都会报错，直到重新录入。</div>}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => remove.mutate(y)}
    >
      <Button size={size} danger icon={<DeleteOutlined />} loading={remove.isPending && remove.variables === y}>删除</Button>
    </Popconfirm>
  );

  return (
    <>
      <PageHeader
        title="节假日日历"
        subtitle="法定节假日与调休上班日，用于计算工作日、请假天数和报送期限顺延"
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ year: null, preset: (list[0]?.year ?? thisYear - 1) + 1 })}>录入年份</Button>}
      />
      <Alert
        type="info"
        showIcon
        className="dk-section"
        title="每年的放假安排以国务院办公厅发布的《关于××年部分节假日安排的通知》为准"
        description={
          <>
            通知通常在上一年年底发布，列出各节日的放假日期和因调休需要上班的周末。本平台只按已录入的日历计算：
            某一年尚未录入时，凡涉及该年的计算（请假工作日、在岗天数、报送期限顺延）都会直接提示「该年日历尚未录入」，而不会按普通周末推测。
            {canWrite ? '通知发布后，请及时在此录入新的一年。' : '如缺少某年，请联系系统管理员录入。'}
          </>
        }
      />
      {years.error && <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />}
      <Card className="dk-section" title="已录入的年份" size="small">
        <Table<CalendarYear>
          rowKey="year"
          size="small"
          loading={years.isFetching}
          dataSource={list}
          pagination={false}
          scroll={{ y: 260 }}
          onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: years.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : <EmptyState description={canWrite ? '还没有录入任何年份。点击「录入年份」按国务院办公厅通知录入。' : '还没有录入任何年份，请联系系统管理员录入。'} /> }}
          columns={[
            { title: '年份', dataIndex: 'year', width: 80, render: (y: number) => <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); setYear(y); }}>{y} 年</Button> },
            { title: '法定节假日', dataIndex: 'holidays', width: 100, render: (n: number) => `${n} 天` },
            { title: '调休上班', dataIndex: 'adjustedWorkdays', width: 90, render: (n: number) => `${n} 天` },
            { title: '来源', dataIndex: 'source', width: 250, responsive: ['md'], render: sourceLabel },
            { title: '说明', dataIndex: 'note', responsive: ['lg'], render: (n: string | null) => n ?? '—' },
            { title: '录入', key: 'loaded', width: 200, responsive: ['lg'], render: (_: unknown, r) => `${formatDateTime(r.loadedAt)}${r.loadedBy ? ` · ${r.loadedBy}` : ''}` },
          ]}
        />
      </Card>
      {year !== null && (
        <Card>
          <div className="dk-year-bar">
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={[...new Set([...list.map((y) => y.year), year])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }))}
              aria-label="选择年份"
            />
            {detail.data && <Segmented value={view} onChange={(v) => setView(v as 'grid' | 'list')} options={[{ value: 'grid', label: '月历', icon: <AppstoreOutlined /> }, { value: 'list', label: '列表', icon: <UnorderedListOutlined /> }]} />}
            {detail.data && (
              <span>
                <Tag color="red">法定节假日 {detail.data.holidays} 天</Tag>
                <Tag color="orange">调休上班 {detail.data.adjustedWorkdays} 天</Tag>
              </span>
            )}
            <span style={{ flex: 1 }} />
            {canWrite && detail.data && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing({ year })}>修改</Button>
                {deleteButton(year)}
              </>
            )}
          </div>
          {detail.isPending && <CardSkeleton rows={8} />}
          {detail.error && (missing ? (
            <Alert
              type="warning"
              showIcon
              title={`${year} 年的节假日日历尚未录入`}
              description={`涉及 ${year} 年的工作日计算会报错，直到按国务院办公厅通知录入该年。`}
              action={canWrite ? <Button type="primary" onClick={() => setEditing({ year: null, preset: year })}>录入</Button> : undefined}
            />
          ) : <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />)}
          {detail.data && (
            <>
              {detail.data.note && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{detail.data.note} · {sourceLabel(detail.data.source)}</Typography.Paragraph>}
              {view === 'grid' ? (
                <>
                  <div style={{ marginBottom: 12 }}><CalendarLegend /></div>
                  <CalendarYearGrid year={year} days={detail.data.days} />
                </>
              ) : <CalendarDayTable days={detail.data.days} />}
            </>
          )}
        </Card>
      )}
      {canWrite && (
        <CalendarYearEditModal
          open={editing !== null}
          year={editing?.year ?? null}
          presetYear={editing?.preset}
          detail={editing?.year != null && detail.data?.year === editing.year ? detail.data : undefined}
          knownYears={list.map((y) => y.year)}
          onClose={() => setEditing(null)}
          onSaved={(d) => { setEditing(null); refresh(d); setYear(d.year); }}
        />
      )}
    </>
  );
}
