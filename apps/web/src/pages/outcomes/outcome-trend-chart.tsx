import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Grid } from 'antd';
import type { TrendChartData } from './outcome-parts';
import { periodLabel } from './outcome-parts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const COLORS = ['#1363c6', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96'];

/** Line chart of one group of a recipient's figures over its periods; rates on a right-hand % axis. */
export function OutcomeTrendChart({ data, title }: { data: TrendChartData; title: string }) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const counts = data.series.filter((s) => s.axis === 0);
  // Values printed on the points only while they cannot collide (few lines, few periods, wide screen).
  const labelled = !narrow && data.periods.length <= 8 && data.series.filter((s) => !s.dashed).length <= 2;
  const option = {
    color: COLORS,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '未填报' : String(v)),
    },
    legend: { top: 0, type: narrow ? 'scroll' : 'plain', data: data.series.map((s) => s.name) },
    grid: { left: 8, right: 8, top: narrow ? 64 : 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.periods.map(periodLabel), boundaryGap: true, axisLabel: { rotate: narrow && data.periods.length > 4 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: counts.length ? [...new Set(counts.map((s) => s.unit))].join(' / ') : '', minInterval: 1 },
      ...(data.percentAxis ? [{ type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } }] : []),
    ],
    series: data.series.map((s) => ({
      name: s.name,
      type: 'line',
      yAxisIndex: s.axis,
      data: s.data.map((v) => v ?? '-'),
      connectNulls: true,
      symbolSize: 7,
      lineStyle: s.dashed ? { type: 'dashed', width: 1.5 } : { width: 2.5 },
      label: { show: labelled && !s.dashed, position: 'top', fontSize: 11, formatter: s.unit === '%' ? '{c}%' : '{c}' },
    })),
  };
  const describe = data.series
    .map((s) => `${s.name}：${s.data.map((v, i) => `${periodLabel(data.periods[i]!)} ${v ?? '未填报'}${v !== null ? s.unit : ''}`).join('，')}`)
    .join('；');
  return (
    <div role="img" aria-label={`${title}：${describe}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: narrow ? 280 : 340, width: '100%' }} />
    </div>
  );
}
