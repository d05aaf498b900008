import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Grid } from 'antd';
import type { AssignmentProgress } from '@duikou/contracts';
import { unitOf } from './progress-parts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export interface AtRiskBar { name: string; done: number; forecast: number; required: number; unit: string }

/** The assignments with figures, as percentages of their own requirement (工作日 and 天 side by side). */
export function atRiskBars(items: readonly AssignmentProgress[]): AtRiskBar[] {
  return items.flatMap((p) => {
    const f = p.figures;
    if (!f || f.done === null || f.required === null || f.required === 0) return [];
    return [{ name: `${p.personName}（${p.recipientOrgName}）`, done: f.done, forecast: f.forecast ?? f.done, required: f.required, unit: unitOf(p) }];
  });
}

const pct = (n: number, of: number) => Math.round((n / of) * 100);

/** Horizontal bars: done so far and forecast at the end of the term, as % of the requirement, with the 100 % line. */
export function AtRiskChart({ items }: { items: readonly AssignmentProgress[] }) {
  const narrow = !Grid.useBreakpoint().md;
  const bars = atRiskBars(items);
  // On phones the name alone: the unit is in the tooltip and the table.
  const names = bars.map((b) => (narrow ? b.name.replace(/（.*）$/, '') : b.name));
  const option = {
    color: ['#1363c6', '#fa8c16'],
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const b = bars[params[0]?.dataIndex ?? 0];
        if (!b) return '';
        return `${b.name}<br/>已在岗 ${b.done} ${b.unit}（${pct(b.done, b.required)}%）<br/>期满预计 ${b.forecast} ${b.unit}（${pct(b.forecast, b.required)}%）<br/>要求 ${b.required} ${b.unit}`;
      },
    },
    legend: { top: 0, data: ['已在岗', '期满预计'] },
    grid: { left: 8, right: 32, top: 48, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: narrow ? 64 : 200, overflow: 'truncate' } },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), splitNumber: narrow ? 2 : 5, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '已在岗', type: 'bar', barMaxWidth: 14, data: bars.map((b) => pct(b.done, b.required)),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#cf1322', type: 'dashed' }, label: { formatter: '要求', position: 'start' }, data: [{ xAxis: 100 }] },
      },
      { name: '期满预计', type: 'bar', barMaxWidth: 14, data: bars.map((b) => pct(b.forecast, b.required)) },
    ],
  };
  const height = Math.max(180, 60 + bars.length * 40);
  const describe = bars.map((b) => `${b.name} 已在岗 ${b.done}、期满预计 ${b.forecast}、要求 ${b.required} ${b.unit}`).join('；');
  return (
    <div role="img" aria-label={`在岗进度预警：${describe}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
