import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import type { Me, Permission } from '@duikou/contracts';

const session = vi.hoisted(() => ({ role: 'recipient_unit' as Me['role'], permissions: [] as string[] }));
vi.mock('../../auth/session.context', () => {
  const me = () => ({ id: 'u1', username: 'u', displayName: '测试', role: session.role, org: { id: 'o1', name: '平武县人民医院', kind: 'general_hospital', regionCode: null, regionName: null }, permissions: session.permissions });
  return {
    useSession: () => ({ me: me(), loading: false, error: null, can: (p: Permission) => session.permissions.includes(p), setMe: () => undefined, refetch: () => undefined }),
    useMe: me,
  };
});

const { FormsCentrePage } = await import('./forms-centre.page');

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={['/forms']}>
          <FormsCentrePage />
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('FormsCentrePage', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      if (input.startsWith('/api/programmes')) {
        return new Response(JSON.stringify({ items: [{ id: 'p-my', name: '传帮带', policyCode: 'MY', documentNo: null }], total: 1 }), { status: 200 });
      }
      return new Response(JSON.stringify({ items: [], total: 0 }), { status: 200 });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows a recipient unit the forms it may export, its own notice first, without registration forms or imports', async () => {
    session.role = 'recipient_unit';
    session.permissions = ['pairing:read', 'programme:read', 'org:read', 'assignment:read', 'results:read', 'person:read', 'calendar:read'];
    renderPage();
    expect(await screen.findByText('绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执')).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 5 }).map((h) => h.textContent ?? '');
    expect(headings[0]).toContain('绵阳');
    expect(screen.queryByText('下载报名表')).toBeNull();
    expect(screen.queryByText('导入 .xlsx…')).toBeNull();
    expect(screen.queryByText('下载导入模板')).toBeNull();
    expect(screen.getByText('您的范围内暂无该通知下的项目；仍可按此样式导出，表中只含您可见的记录。')).toBeTruthy();
  });

  it('filters the forms by the search box and says so when nothing matches', async () => {
    session.role = 'prefecture_office';
    session.permissions = ['pairing:read', 'pairing:write', 'programme:read', 'org:read', 'assignment:read', 'results:read', 'person:read', 'person:write', 'person:reveal', 'report:read'];
    renderPage();
    await screen.findByText('四川省非贫困民族县、服务薄弱地区（单位）对口支援人员报名表');
    const search = screen.getByLabelText('搜索表格');
    fireEvent.change(search, { target: { value: '楚雄附件2' } });
    expect(screen.getByText('三级医院对口帮扶下派人员情况统计表')).toBeTruthy();
    expect(screen.queryByText('四川省非贫困民族县、服务薄弱地区（单位）对口支援人员报名表')).toBeNull();
    fireEvent.change(search, { target: { value: '不存在的表' } });
    expect(screen.getByText('显示全部表格')).toBeTruthy();
  });
});
