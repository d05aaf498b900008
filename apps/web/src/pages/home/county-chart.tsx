import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Grid } from 'antd';
import type { HomeSummary } from '@duikou/contracts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

/** Bar chart: pairings, recipient units and support units per county (HomeSummary.byCounty). */
export function CountyChart({ data }: { data: HomeSummary['byCounty'] }) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const names = data.map((d) => d.regionName || '未指定区划');
  const series = [
    { name: '对口关系', type: 'bar', data: data.map((d) => d.pairings), barMaxWidth: narrow ? 14 : 28 },
    { name: '受援单位', type: 'bar', data: data.map((d) => d.recipients), barMaxWidth: narrow ? 14 : 28 },
    { name: '支援单位', type: 'bar', data: data.map((d) => d.supportUnits), barMaxWidth: narrow ? 14 : 28 },
  ];
  const base = {
    color: ['#1363c6', '#36a852', '#f5a623'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['对口关系', '受援单位', '支援单位'] },
  };
  // Phones: horizontal bars, one row per county, so every name stays readable.
  const many = !narrow && data.length > 14;
  const option = narrow
    ? {
        ...base,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 12 } },
        xAxis: { type: 'value', minInterval: 1 },
        series,
      }
    : {
        ...base,
        grid: { left: 8, right: 16, top: 40, bottom: many ? 48 : 8, containLabel: true },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: data.length > 8 ? 40 : 0 } },
        yAxis: { type: 'value', minInterval: 1, name: '数量' },
        dataZoom: many ? [{ type: 'slider', start: 0, end: Math.round((14 / data.length) * 100), height: 18, bottom: 8 }] : [],
        series,
      };
  const height = narrow ? Math.max(240, 60 + data.length * 52) : 360;
  return (
    <div role="img" aria-label={`各县市区对口关系：${data.map((d) => `${d.regionName} 对口关系${d.pairings}个、受援单位${d.recipients}个、支援单位${d.supportUnits}个`).join('；')}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
