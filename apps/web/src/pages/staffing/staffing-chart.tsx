import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Grid } from 'antd';
import type { StaffingRow } from '@duikou/contracts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface RecipientStaffing { recipientOrgId: string; name: string; sent: number; planned: number; required: number | null }

/** Rows (pairing × support unit) summed per recipient; `required` is null when no support unit has a minimum. */
export function staffingByRecipient(rows: readonly StaffingRow[]): RecipientStaffing[] {
  const by = new Map<string, RecipientStaffing>();
  for (const r of rows) {
    const cur = by.get(r.recipientOrgId) ?? { recipientOrgId: r.recipientOrgId, name: r.recipientOrgName, sent: 0, planned: 0, required: null };
    cur.sent += r.sent;
    cur.planned += r.planned;
    if (r.required !== null) cur.required = (cur.required ?? 0) + r.required;
    by.set(r.recipientOrgId, cur);
  }
  return [...by.values()];
}

/** Bar chart of 已派出 (+ 计划派出) against 最低要求 per recipient unit; horizontal on phones. */
export function StaffingChart({ rows, year }: { rows: readonly StaffingRow[]; year: number }) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const data = staffingByRecipient(rows);
  const names = data.map((d) => d.name);
  const bar = narrow ? 12 : 26;
  const series = [
    { name: '已派出', type: 'bar', stack: 'sent', data: data.map((d) => d.sent), barMaxWidth: bar },
    { name: '计划派出', type: 'bar', stack: 'sent', data: data.map((d) => d.planned), barMaxWidth: bar },
    { name: '最低要求', type: 'bar', data: data.map((d) => d.required ?? '-'), barMaxWidth: bar },
  ];
  const base = {
    color: ['#1363c6', '#91caff', '#f5a623'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['已派出', '计划派出', '最低要求'] },
  };
  const many = !narrow && data.length > 12;
  const option = narrow
    ? {
        ...base,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 12, width: 120, overflow: 'break' } },
        xAxis: { type: 'value', minInterval: 1 },
        series,
      }
    : {
        ...base,
        grid: { left: 8, right: 16, top: 40, bottom: many ? 48 : 8, containLabel: true },
        // Long unit names (…计划生育服务中心) are cut; the tooltip gives them whole.
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
        yAxis: { type: 'value', minInterval: 1, name: '人数' },
        dataZoom: many ? [{ type: 'slider', start: 0, end: Math.round((12 / data.length) * 100), height: 18, bottom: 8 }] : [],
        series,
      };
  const height = narrow ? Math.max(220, 60 + data.length * 56) : 340;
  const describe = data
    .map((d) => `${d.name} 已派出${d.sent}人${d.planned ? `、计划${d.planned}人` : ''}，${d.required === null ? '不作要求' : `要求${d.required}人`}`)
    .join('；');
  return (
    <div role="img" aria-label={`${year} 年各受援单位派出人数：${describe}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
