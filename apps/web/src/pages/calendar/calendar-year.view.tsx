import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CalendarYearDetail } from '@duikou/contracts';
import { EmptyState } from '../../shared/page-state';
import { SPECIAL_KIND_LABELS, type SpecialKind } from './calendar-days';
import './calendar.css';

type SpecialDay = CalendarYearDetail['days'][number];
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Runs of consecutive days with the same kind and name in a month: 「春节 4–10日」「调休上班 2、3日（春节）」. */
export function monthNotes(days: readonly SpecialDay[]): { kind: SpecialKind; text: string }[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const groups: { kind: SpecialKind; name: string; days: number[] }[] = [];
  for (const d of sorted) {
    const name = d.name ?? '';
    const g = groups.find((x) => x.kind === d.kind && x.name === name);
    const day = Number(d.date.slice(8, 10));
    if (g) g.days.push(day);
    else groups.push({ kind: d.kind, name, days: [day] });
  }
  return groups.map((g) => {
    const runs: string[] = [];
    let start = g.days[0]!;
    let prev = start;
    for (const d of [...g.days.slice(1), Number.NaN]) {
      if (d === prev + 1) { prev = d; continue; }
      runs.push(start === prev ? `${start}` : `${start}–${prev}`);
      start = d;
      prev = d;
    }
    const dates = `${runs.join('、')}日`;
    return g.kind === 'holiday'
      ? { kind: g.kind, text: `${g.name || '放假'} ${dates}` }
      : { kind: g.kind, text: `调休上班 ${dates}${g.name ? `（${g.name}）` : ''}` };
  });
}

function Month({ year, month, days, today }: { year: number; month: number; days: Map<string, SpecialDay>; today: string }) {
  const first = dayjs(`${year}-${pad(month)}-01`);
  const offset = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const inMonth = [...days.values()].filter((d) => d.date.startsWith(`${year}-${pad(month)}-`));
  const holidays = inMonth.filter((d) => d.kind === 'holiday').length;
  const cells = [];
  for (let i = 0; i < offset; i += 1) cells.push(<div key={`b${i}`} />);
  for (let d = 1; d <= count; d += 1) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const special = days.get(date);
    const weekday = (offset + d - 1) % 7;
    const cls = ['dk-day'];
    if (special?.kind === 'holiday') cls.push('dk-day-holiday');
    else if (special?.kind === 'adjusted_workday') cls.push('dk-day-adjusted');
    else if (weekday >= 5) cls.push('dk-day-weekend');
    if (date === today) cls.push('dk-day-today');
    const title = special ? `${date} ${SPECIAL_KIND_LABELS[special.kind]}${special.name ? `：${special.name}` : ''}` : undefined;
    cells.push(
      <div key={date} className={cls.join(' ')} title={title} aria-label={title ?? date}>
        {d}
        {special && <span className="dk-day-mark">{special.kind === 'holiday' ? '休' : '班'}</span>}
      </div>,
    );
  }
  const notes = monthNotes(inMonth);
  return (
    <div className="dk-month">
      <div className="dk-month-title">{month} 月{holidays > 0 && <small>放假 {holidays} 天</small>}</div>
      <div className="dk-month-grid">
        {WEEKDAYS.map((w) => <div key={w} className="dk-month-wd">{w}</div>)}
        {cells}
      </div>
      <div className="dk-month-notes">
        {notes.map((n, i) => <div key={i} className={n.kind === 'holiday' ? 'dk-note-holiday' : 'dk-note-adjusted'}>{n.text}</div>)}
      </div>
    </div>
  );
}

export function CalendarLegend() {
  return (
    <div className="dk-legend">
      <span><span className="dk-legend-swatch" style={{ background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ffa39e' }} />法定节假日（休）</span>
      <span><span className="dk-legend-swatch" style={{ background: '#fff7e6', boxShadow: 'inset 0 0 0 1px #ffd591' }} />调休上班（班）</span>
      <span><span className="dk-legend-swatch" style={{ background: '#fff', boxShadow: 'inset 0 0 0 1px #d9d9d9' }} />工作日</span>
      <span style={{ color: 'rgba(0,0,0,0.4)' }}>灰色数字：周末休息日</span>
    </div>
  );
}

/** A year as 12 small month grids: holidays red (with their names), adjusted working days orange. */
export function CalendarYearGrid({ year, days }: { year: number; days: readonly SpecialDay[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div className="dk-months">
      {Array.from({ length: 12 }, (_, i) => <Month key={i} year={year} month={i + 1} days={byDate} today={today} />)}
    </div>
  );
}

/** The same days as a list. */
export function CalendarDayTable({ days }: { days: readonly SpecialDay[] }) {
  const rows = [...days].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Table<SpecialDay>
      rowKey="date"
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <EmptyState description="该年没有录入法定节假日或调休上班日" /> }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 120 },
        { title: '星期', key: 'weekday', width: 70, render: (_: unknown, d) => WEEKDAY_NAMES[dayjs(d.date).day()] },
        { title: '类型', dataIndex: 'kind', width: 110, render: (k: SpecialKind) => <Tag color={k === 'holiday' ? 'red' : 'orange'}>{SPECIAL_KIND_LABELS[k]}</Tag> },
        { title: '名称', dataIndex: 'name', render: (n: string | null | undefined) => n || <span className="dk-muted">—</span> },
      ]}
    />
  );
}
