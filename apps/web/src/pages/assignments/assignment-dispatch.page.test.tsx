import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Me, Pairing, Person } from '@duikou/contracts';
import { ME_QUERY_KEY, SessionProvider } from '../../auth/session.context';
import { AssignmentDispatchPage } from './assignment-dispatch.page';

const sentence = '本科学历，参工时间 2016-07-01，至派驻开始日 2019-03-01，工作满 2 年，要求满 5 年，不符合';
const pairing: Pairing = {
  id: 'p1', programmeId: 'g1', programmeName: '2018年三级医院对口帮扶贫困县县级医院', policyCode: 'CX',
  recipient: { id: 'r1', name: '武定县人民医院', kind: 'general_hospital', regionCode: '532329', regionName: '武定县' },
  supportUnits: [{ id: 's1', name: '云南省第一人民医院', regionName: '昆明市' }], countyName: '武定县', needs: ['儿科', 'ICU'],
  minPersonsPerSupportUnitPerYear: 5, validFrom: '2018-01-01', validTo: '2020-12-31', remarks: null, archived: false,
} as Pairing;
const person = {
  id: 'x1', name: '王小芳', gender: 'female', birthMonth: '1993-08', education: 'bachelor', workStartDate: '2016-07-01', employerOrgId: 's1',
  employerOrgName: '云南省第一人民医院', title: '住院医师', titleLevel: 'junior', specialty: '儿科', archived: false,
} as Person;

function meWith(permissions: string[]): Me {
  return { id: 'u', username: 'cx-office', displayName: '楚雄州卫健委', role: 'prefecture_office', org: { id: 'o', name: '楚雄州卫健委', kind: 'health_commission', regionCode: '532300', regionName: '楚雄州' }, permissions };
}

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname}</div>;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function pick(label: string, optionText: string) {
  const box = screen.getByLabelText(label);
  fireEvent.mouseDown(box);
  const option = await screen.findByTitle(optionText, undefined, { timeout: 5000 });
  fireEvent.click(option);
}

/** Types a date into an antd DatePicker and commits it with Enter. */
function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

describe('派出人员 (AssignmentDispatchPage)', { timeout: 60_000 }, () => {
  let posts: { url: string; body: Record<string, unknown> }[];
  let answer422 = true;

  beforeEach(() => {
    posts = [];
    answer422 = true;
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) as Record<string, unknown> : {};
      if (init?.method === 'POST') posts.push({ url, body });
      if (url.startsWith('/api/pairings/p1')) return json(pairing);
      if (url.startsWith('/api/pairings')) return json({ items: [pairing], total: 1 });
      if (url.startsWith('/api/persons')) return json({ items: [person], total: 1 });
      if (url.startsWith('/api/assignments/post-options')) return json({ allowed: [], verdicts: [] });
      if (url.startsWith('/api/policies/CX/evaluate/eligibility')) {
        return json({ verdicts: [{ ruleId: 'eligibility.work-years', ruleLabel: '选派条件：学历与工作年限', status: 'unmet', figures: { requiredYears: 5, workYears: 2 }, explanation: sentence, evidence: [], citation: '楚卫通〔2018〕43号 二（二）' }] });
      }
      if (url === '/api/assignments' && init?.method === 'POST') {
        if (!body.overrideReason && answer422) {
          return json({ code: 'RULE_VIOLATION', message: `不符合选派条件：${sentence}`, field: 'personId', details: [{ field: 'personId', message: sentence }] }, 422);
        }
        if (body.plannedStart === '2019-05-01') return json({ code: 'CONFLICT', message: '该人员在 2019-03-01 至 2020-02-29 已有派驻，时间重叠', field: 'plannedStart' }, 409);
        return json({ id: 'a-new', personName: '王小芳', recipientOrgName: '武定县人民医院' }, 201);
      }
      return json({ items: [], total: 0 });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderPage(permissions: string[]) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(ME_QUERY_KEY, meWith(permissions));
    render(
      <QueryClientProvider client={client}>
        <AntApp>
          <MemoryRouter initialEntries={['/assignments/new?pairingId=p1']}>
            <SessionProvider>
              <Routes>
                <Route path="/assignments/new" element={<AssignmentDispatchPage />} />
                <Route path="*" element={null} />
              </Routes>
              <Where />
            </SessionProvider>
          </MemoryRouter>
        </AntApp>
      </QueryClientProvider>,
    );
  }

  async function fillForm(start = '2019-03-01') {
    await screen.findByText('2018年三级医院对口帮扶贫困县县级医院 · 适用政策 CX');
    await pick('人员', '王小芳');
    await pick('支援方式', '驻点派驻');
    fireEvent.change(screen.getByLabelText('受援科室'), { target: { value: '儿科' } });
    typeDate('计划开始日期', start);
    fireEvent.click(screen.getByText(/^一\s*年$/));
    await waitFor(() => expect((screen.getByLabelText('计划结束日期') as HTMLInputElement).value).not.toBe(''));
  }

  it('shows the refusal with explanation and citation, then sends anyway with the 破例 reason', async () => {
    renderPage(['assignment:read', 'assignment:write', 'assignment:override', 'pairing:read', 'person:read', 'policy:read']);
    await fillForm();
    await act(async () => { fireEvent.click(screen.getByText('核验并派出')); });

    const panel = await screen.findByLabelText('不符合选派条件');
    expect(within(panel).getByText(sentence)).toBeTruthy();
    await waitFor(() => expect(panel.textContent).toContain('依据：楚卫通〔2018〕43号 二（二）'));
    expect(panel.textContent).toContain('选派条件：学历与工作年限');
    expect(posts[0]!.body).toMatchObject({ pairingId: 'p1', personId: 'x1', mode: 'resident', department: '儿科', plannedStart: '2019-03-01', plannedEnd: '2020-02-29', role: 'member' });
    expect(posts[0]!.body.overrideReason).toBeUndefined();

    fireEvent.change(within(panel).getByLabelText(/破例派出理由/), { target: { value: '儿科人才紧缺，经州卫健委研究同意' } });
    await act(async () => { fireEvent.click(within(panel).getByText(/^破例派出$/, { selector: 'button span' })); });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/assignments/a-new'));
    const last = posts.filter((p) => p.url === '/api/assignments').at(-1)!;
    expect(last.body).toMatchObject({ personId: 'x1', overrideReason: '儿科人才紧缺，经州卫健委研究同意' });
  });

  it('offers no override without assignment:override, and puts a 409 overlap on the start date', async () => {
    renderPage(['assignment:read', 'assignment:write', 'pairing:read', 'person:read']);
    await fillForm();
    await act(async () => { fireEvent.click(screen.getByText('核验并派出')); });
    const panel = await screen.findByLabelText('不符合选派条件');
    expect(within(panel).queryByLabelText(/破例派出理由/)).toBeNull();

    answer422 = false;
    typeDate('计划开始日期', '2019-05-01');
    await waitFor(() => expect(screen.queryByLabelText('不符合选派条件')).toBeNull());
    await act(async () => { fireEvent.click(screen.getByText('核验并派出')); });
    expect(await screen.findByText('该人员在 2019-03-01 至 2020-02-29 已有派驻，时间重叠')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/assignments/new');
  });
});
