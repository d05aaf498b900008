import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { StaffingRow } from '@duikou/contracts';
import { StaffingPage, yearOf } from './staffing.page';
import { staffingByRecipient } from './staffing-chart';

// ECharts draws on a canvas jsdom does not have: the chart is replaced by its option, to be checked.
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: { series: { name: string; data: unknown[] }[] } }) => (
    <div data-testid="echarts">{option.series.map((s) => `${s.name}:${s.data.join(',')}`).join(' | ')}</div>
  ),
}));

const verdict = (status: StaffingRow['verdict']['status'], explanation: string, required: number | null): StaffingRow['verdict'] => ({
  ruleId: 'staffing', ruleLabel: '每年派出人数', status, figures: { required }, explanation, evidence: [], citation: '楚卫通〔2018〕43号 二（一）',
});
const rows: StaffingRow[] = [
  {
    pairingId: 'p1', programmeName: '2018年三级医院对口帮扶', recipientOrgId: 'r1', recipientOrgName: '武定县人民医院', supportOrgId: 's1', supportOrgName: '云南省第一人民医院',
    required: 5, sent: 3, planned: 1, verdict: verdict('unmet', '2019 年已派出 3 人，受援医院要求每年不少于 5 人，缺 2 人', 5),
  },
  {
    pairingId: 'p1', programmeName: '2018年三级医院对口帮扶', recipientOrgId: 'r1', recipientOrgName: '武定县人民医院', supportOrgId: 's2', supportOrgName: '解放军第401医院',
    required: 5, sent: 5, planned: 0, verdict: verdict('met', '2019 年已派出 5 人，受援医院要求每年不少于 5 人，符合', 5),
  },
  {
    pairingId: 'p2', programmeName: '传帮带', recipientOrgId: 'r2', recipientOrgName: '平武县人民医院', supportOrgId: 's3', supportOrgName: '绵阳市中心医院',
    required: null, sent: 2, planned: 0, verdict: verdict('not_applicable', '该对口关系人员数量不作要求', null),
  },
];

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/staffing" element={<StaffingPage />} />
          <Route path="*" element={null} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('StaffingPage', { timeout: 20_000 }, () => {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      calls.push(input);
      if (input.startsWith('/api/staffing')) return new Response(JSON.stringify({ year: 2019, items: rows, total: rows.length }), { status: 200 });
      return new Response(JSON.stringify({ items: [], total: 0 }), { status: 200 });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the year in the URL and shows sent / required, the verdict and its explanation per row', async () => {
    renderAt('/staffing?year=2019');
    expect(await screen.findByText('3 / 5 人')).toBeTruthy();
    expect(calls.some((c) => c.startsWith('/api/staffing?year=2019'))).toBe(true);
    expect(screen.getByText('5 / 5 人')).toBeTruthy();
    expect(screen.getByText('（不作要求）')).toBeTruthy();
    expect(screen.getByText('2019 年已派出 3 人，受援医院要求每年不少于 5 人，缺 2 人')).toBeTruthy();
    expect(screen.getAllByText('不符合').length).toBeGreaterThan(0);
    expect(screen.getAllByText('符合').length).toBeGreaterThan(0);
  });

  it('charts sent, planned and required per recipient unit', async () => {
    renderAt('/staffing?year=2019');
    const chart = await screen.findByTestId('echarts');
    expect(chart.textContent).toBe('已派出:8,2 | 计划派出:1,0 | 最低要求:10,-');
    expect(screen.getByRole('img', { name: /各受援单位派出人数/ }).getAttribute('aria-label')).toContain('武定县人民医院 已派出8人、计划1人，要求10人');
  });

  it('opens the assignments of a pairing and support unit when a row is clicked', async () => {
    renderAt('/staffing?year=2019');
    fireEvent.click(await screen.findByText('3 / 5 人'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/assignments?pairingId=p1&supportOrgId=s1'));
  });

  it('says so when the year has no pairing', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: string) => new Response(JSON.stringify(input.startsWith('/api/staffing') ? { year: 2026, items: [], total: 0 } : { items: [], total: 0 }), { status: 200 })));
    renderAt('/staffing?year=2026');
    expect(await screen.findByText('2026 年您的范围内没有有效的对口关系。可切换年度查看。')).toBeTruthy();
    expect(screen.queryByTestId('echarts')).toBeNull();
  });
});

describe('yearOf / staffingByRecipient', () => {
  it('defaults to the current year', () => {
    expect(yearOf(undefined)).toBe(new Date().getFullYear());
    expect(yearOf('abc')).toBe(new Date().getFullYear());
    expect(yearOf('2019')).toBe(2019);
  });
  it('sums the support units of a recipient; no minimum stays null', () => {
    expect(staffingByRecipient(rows)).toEqual([
      { recipientOrgId: 'r1', name: '武定县人民医院', sent: 8, planned: 1, required: 10 },
      { recipientOrgId: 'r2', name: '平武县人民医院', sent: 2, planned: 0, required: null },
    ]);
  });
});
