import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([PieChart, TitleComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface OverviewSlices { progress: { name: string; value: number; color: string }[]; grades: { name: string; value: number; color: string }[] }

/** Two small donuts: the help years by step (未开始 … 已备案) and the decided appraisals by grade. */
export function AppraisalOverviewChart({ slices }: { slices: OverviewSlices }) {
  const pie = (name: string, center: string, data: OverviewSlices['progress']) => ({
    name, type: 'pie', radius: ['36%', '58%'], center: [center, '50%'], avoidLabelOverlap: true,
    label: { show: false }, showEmptyCircle: false, data: data.filter((d) => d.value > 0).map((d) => ({ name: d.name, value: d.value, itemStyle: { color: d.color } })),
  });
  const noGrades = slices.grades.every((g) => g.value === 0);
  const option = {
    tooltip: { trigger: 'item', formatter: '{a}<br/>{b}：{c}（{d}%）' },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    title: [
      { text: '鉴定进度', left: '25%', top: 0, textAlign: 'center', textStyle: { fontSize: 13, fontWeight: 500 } },
      { text: noGrades ? '鉴定等次（暂无）' : '鉴定等次', left: '75%', top: 0, textAlign: 'center', textStyle: { fontSize: 13, fontWeight: 500 } },
    ],
    series: [pie('鉴定进度', '25%', slices.progress), pie('鉴定等次', '75%', slices.grades)],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge className="dk-ap-chart" style={{ height: 230 }} />;
}
