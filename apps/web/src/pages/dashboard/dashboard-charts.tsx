import { useEffect, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Grid } from 'antd';
import type { DashboardComparisonRow, DashboardTrendPoint } from '@duikou/contracts';
import { describeComparison } from './dashboard-parts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

/** 近 12 个月: on-site and leave person-days (bars), spot-check absences (line, right axis). */
export function TrendChart({ points }: { points: readonly DashboardTrendPoint[] }) {
  const narrow = !Grid.useBreakpoint().md;
  const option = {
    color: ['#1363c6', '#91caff', '#cf1322'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['在岗人日', '请假人日', '抽查不在岗'] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.month.replace('-', '.')), axisLabel: { rotate: narrow ? 45 : 0, fontSize: narrow ? 10 : 12 } },
    yAxis: [{ type: 'value', name: '人日', minInterval: 1 }, { type: 'value', name: '人次', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: '在岗人日', type: 'bar', data: points.map((p) => p.onSiteDays), barMaxWidth: 22 },
      { name: '请假人日', type: 'bar', data: points.map((p) => p.leaveDays), barMaxWidth: 22 },
      { name: '抽查不在岗', type: 'line', yAxisIndex: 1, data: points.map((p) => p.spotCheckAbsences) },
    ],
  };
  const describe = points.map((p) => `${p.month} 在岗${p.onSiteDays}人日、请假${p.leaveDays}人日、抽查不在岗${p.spotCheckAbsences}人次`).join('；');
  return (
    <div role="img" aria-label={`近 12 个月趋势：${describe}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: narrow ? 260 : 300, width: '100%' }} />
    </div>
  );
}

/** Today's figures per child region, unit or person; clicking a bar opens that child. Horizontal on phones. */
export function ComparisonChart({ rows, onOpen }: { rows: readonly DashboardComparisonRow[]; onOpen: (row: DashboardComparisonRow) => void }) {
  const narrow = !Grid.useBreakpoint().md;
  const names = rows.map((r) => r.name);
  const bar = narrow ? 10 : 18;
  const series = [
    { name: '在岗', type: 'bar', stack: 'today', data: rows.map((r) => r.onPost), barMaxWidth: bar },
    { name: '请假', type: 'bar', stack: 'today', data: rows.map((r) => r.onLeave), barMaxWidth: bar },
    { name: '缺勤', type: 'bar', stack: 'today', data: rows.map((r) => r.absent), barMaxWidth: bar },
    { name: '未打卡', type: 'bar', stack: 'today', data: rows.map((r) => r.notCheckedIn), barMaxWidth: bar },
    { name: '在岗天数预警', type: 'bar', data: rows.map((r) => r.atRisk), barMaxWidth: bar },
  ];
  const base = {
    color: ['#1363c6', '#91caff', '#cf1322', '#faad14', '#d46b08'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: series.map((s) => s.name) },
  };
  const many = !narrow && rows.length > 14;
  const option = narrow
    ? {
        ...base,
        legend: { ...base.legend, type: 'scroll' },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 12, width: 110, overflow: 'truncate' } },
        xAxis: { type: 'value', minInterval: 1 },
        series,
      }
    : {
        ...base,
        grid: { left: 8, right: 16, top: 40, bottom: many ? 48 : 8, containLabel: true },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0, width: 110, overflow: 'truncate' } },
        yAxis: { type: 'value', minInterval: 1, name: '人数' },
        dataZoom: many ? [{ type: 'slider', start: 0, end: Math.round((14 / rows.length) * 100), height: 18, bottom: 8 }] : [],
        series,
      };
  const height = narrow ? Math.max(220, 60 + rows.length * 44) : 340;
  // A click anywhere in a row's column (not only on a bar) opens the row it stands for; the handler is
  // bound once, so it reads the rows of the latest render.
  const latest = useRef({ rows, onOpen, narrow });
  useEffect(() => { latest.current = { rows, onOpen, narrow }; });
  const onChartReady = (chart: echarts.ECharts) => {
    chart.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
      const point = [e.offsetX, e.offsetY];
      if (!chart.containPixel({ gridIndex: 0 }, point)) return;
      const [x, y] = chart.convertFromPixel({ gridIndex: 0 }, point) as number[];
      const now = latest.current;
      const row = now.rows[Math.round((now.narrow ? y : x) ?? -1)];
      if (row) now.onOpen(row);
    });
  };
  return (
    <div role="img" aria-label={`对比：${describeComparison(rows)}`} style={{ cursor: 'pointer' }}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge onChartReady={onChartReady} style={{ height, width: '100%' }} />
    </div>
  );
}
