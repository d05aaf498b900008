import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, logIn, newContext, screenshot, optionsOf, waitForMessage } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { apiAs, type Api } from '../support/staff-fixture.js';

interface AssignmentItem { id: string; personName: string; department: string; plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null }
interface Prefill {
  periods: { from: string; to: string; appraisalId: string | null }[];
  figures: { onSiteDaysInPeriod: number; onSite: { done: number | null } | null; spotChecks: { checks: number; present: number } };
  chain: { party: string; label: string }[] | null;
}
interface Appraisal { id: string; status: string; stage: number; grade: string | null; comments: string | null; completedOn: string | null; steps: { party: string; action: string; comment: string | null; actedBy: string }[] }

const CHAIN = ['受援医院鉴定', '县级卫生健康行政部门意见', '州（市）卫生健康委审核', '省卫生健康委备案'];
const COMMENTS = '派驻期间按时在岗，认真完成带教查房与门诊工作，遵守受援医院各项制度';
const FIRST_OPINION = '情况属实，同意受援医院鉴定意见';
const REASON = '县级意见未写明在岗天数与抽查情况，请补充后重新上报';
const CORRECTED_OPINION = '经核实，本帮扶年度在岗天数与抽查在岗情况属实，同意鉴定为合格';
const REVIEW = '审核同意，报省备案';
const FILING = '已备案';

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Signs in `username` in its own browser context and opens 年度鉴定 from the menu. */
async function openAppraisals(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  await page.getByRole('menu').getByRole('link', { name: '年度鉴定' }).click();
  await page.waitForURL((u) => u.pathname === '/appraisals');
  await page.getByRole('heading', { name: '年度鉴定' }).waitFor();
  return page;
}

/** The message shown after an act. */
const toast = (page: Page, text: string) => waitForMessage(page, text);
const stepTag = (page: Page) => page.locator('.dk-page-tags').getByTestId('appraisal-step');
const section = (page: Page, party: string) => page.getByTestId(`appraisal-section-${party}`);

describe('年度鉴定：受援医院鉴定 → 县级意见 → 州级退回、重报、审核 → 省级备案，打印鉴定表', () => {
  let server: RunningServer;
  let browser: Browser;
  let recipientApi: Api;
  let assignment: AssignmentItem;
  let prefill: Prefill;
  let period: { from: string; to: string };
  let appraisalId = '';
  let province: Page | undefined;
  let candidates: [AssignmentItem, Prefill][] = [];
  let attempt = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The demo's completed 2018–2020 assignments at 武定县人民医院 (the seed draws new names each time): one
    // help year, spot checks in it, the four-step chain; preferably a term the on-site rule counts (a full year).
    recipientApi = await apiAs(server.url, 'cx-recipient');
    const mine = (await recipientApi<{ items: AssignmentItem[] }>('GET', '/api/assignments?pageSize=100')).json.items;
    candidates = [];
    for (const a of mine) {
      const res = await recipientApi<Prefill>('GET', `/api/appraisals/prefill?assignmentId=${a.id}`);
      if (res.status !== 200) continue;
      const p = res.json;
      if (p.periods.length === 1 && p.periods[0]!.appraisalId === null && p.figures.spotChecks.checks > 0 && p.chain?.length === 4) candidates.push([a, p]);
    }
    expect(candidates.length, 'a demo assignment at 武定县人民医院 ready for an appraisal').toBeGreaterThan(0);
    candidates.sort(([, a], [, b]) => Number(b.figures.onSite?.done != null) - Number(a.figures.onSite?.done != null));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the recipient starts the appraisal from the pre-filled figures, grades it 合格 and submits it', async () => {
    // A retried try (DECISIONS 19) starts afresh on the next candidate: the first may already be created.
    expect(attempt, 'a candidate left for this try').toBeLessThan(candidates.length);
    [assignment, prefill] = candidates[attempt++]!;
    expect(prefill.chain!.map((c) => c.label)).toEqual(CHAIN);
    period = prefill.periods[0]!;
    const page = await openAppraisals(browser, server.url, 'cx-recipient');
    await page.locator('.dk-page-extra').getByRole('button', { name: '新建鉴定' }).click();
    const dialog = page.getByRole('dialog', { name: '新建鉴定' });
    await dialog.waitFor();

    // The assignment, searched by name; the option names the department and the term.
    const term = `${assignment.actualStart ?? assignment.plannedStart} 至 ${assignment.actualEnd ?? assignment.plannedEnd}`;
    const picker = dialog.getByLabel('派驻记录');
    await picker.click();
    await picker.fill(assignment.personName);
    await (await optionsOf(page, picker))
      .filter({ hasText: `${assignment.personName} · ${assignment.department}（` }).filter({ hasText: term }).first().dispatchEvent('click');
    await dialog.locator(`.ant-select-content[title^="${assignment.personName} · ${assignment.department}（"]`).waitFor();

    // The help year (the only one of this term).
    const yearPicker = dialog.getByLabel('帮扶年度', { exact: true });
    await yearPicker.click();
    await (await optionsOf(page, yearPicker))
      .filter({ hasText: `${period.from} 至 ${period.to}` }).first().dispatchEvent('click');
    await dialog.locator(`.ant-select-content[title="${period.from} 至 ${period.to}"]`).waitFor();
    // Still the person chosen above (the year's auto-fill would hide a click that changed the person).
    await dialog.locator(`.ant-select-content[title^="${assignment.personName} · ${assignment.department}（"]`).waitFor();

    // The figures the API pre-fills, as the form shows them, and the chain.
    const figures = dialog.getByTestId('appraisal-prefill');
    await figures.getByTestId('figure-onSiteDaysInPeriod').getByText(`${prefill.figures.onSiteDaysInPeriod} 天`, { exact: true }).waitFor();
    expect(await figures.getByTestId('figure-spotChecks').innerText()).toContain(`被抽查 ${prefill.figures.spotChecks.checks} 次：在岗 ${prefill.figures.spotChecks.present}`);
    const chain = await figures.locator('.dk-ap-chain').innerText();
    for (const label of CHAIN) expect(chain).toContain(label);

    await dialog.getByText('合格', { exact: true }).click();
    await dialog.getByLabel('鉴定意见（可稍后填写）').fill(COMMENTS);
    await shot(page, 'appraisal-01-create');
    await dialog.getByRole('button', { name: '创建鉴定' }).click();
    await page.waitForURL((u) => /^\/appraisals\/[0-9a-f-]{36}$/.test(u.pathname));
    appraisalId = new URL(page.url()).pathname.split('/').pop()!;

    // The form: with the recipient, grade and comments as given, the figures live until submitted.
    await page.getByRole('heading', { name: new RegExp(`^${assignment.personName} · 年度鉴定`) }).waitFor();
    await stepTag(page).getByText('待受援医院鉴定').waitFor();
    await page.getByTestId('appraisal-todo').getByText('此鉴定等待您处理：受援医院鉴定').waitFor();
    const own = section(page, 'recipient_unit');
    await own.getByRole('radio', { name: '合格', exact: true, checked: true }).waitFor({ state: 'attached' });
    expect(await own.getByLabel('鉴定意见').inputValue()).toBe(COMMENTS);
    await page.getByText(/实时数据，截至/).waitFor();
    await shot(page, 'appraisal-02-draft');

    await own.getByRole('button', { name: '提交鉴定' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await toast(page, '已提交，转「县级卫生健康行政部门意见」');
    await stepTag(page).getByText('待县级卫生健康行政部门意见').waitFor();

    // Once submitted the recipient can no longer change or act: its section is read-only.
    await own.getByTestId('appraisal-grade').getByText('合格').waitFor();
    expect(await own.getByRole('button', { name: '提交鉴定' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    expect(await page.getByTestId('appraisal-todo').count()).toBe(0);
    await section(page, 'county_office').getByText('等待「县级卫生健康行政部门意见」处理').waitFor();
    await page.getByText('提交时固定的数据').waitFor();
    await shot(page, 'appraisal-03-submitted');
    await page.context().close();

    const saved = (await recipientApi<Appraisal>('GET', `/api/appraisals/${appraisalId}`)).json;
    expect(saved).toMatchObject({ status: 'in_review', stage: 1, grade: 'qualified', comments: COMMENTS });
  });

  /** Signs in, opens 待我处理 and the appraisal from its row. */
  async function openFromTodo(username: string): Promise<Page> {
    const page = await openAppraisals(browser, server.url, username);
    await page.getByTestId('todo-view').click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'todo');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: assignment.personName }).filter({ hasText: `${period.from} 至 ${period.to}` });
    await row.getByRole('button', { name: /处\s*理/ }).click();
    await page.waitForURL((u) => u.pathname === `/appraisals/${appraisalId}`);
    await page.getByRole('heading', { name: new RegExp(`^${assignment.personName} · 年度鉴定`) }).waitFor();
    return page;
  }

  /** The awaited party's comment and its forward button in its section. */
  async function act(page: Page, scope: Locator, label: string, comment: string, button: string): Promise<void> {
    const box = scope.getByLabel(label, { exact: true });
    await box.fill(comment);
    expect(await box.inputValue()).toBe(comment);
    await scope.getByRole('button', { name: button }).click();
  }

  it('the county office finds it in 待我处理 and gives its opinion; it cannot approve for the prefecture', async () => {
    const page = await openFromTodo('cx-county');
    await page.getByTestId('appraisal-todo').getByText('此鉴定等待您处理：县级卫生健康行政部门意见').waitFor();
    const county = section(page, 'county_office');
    // Its own step only: the prefecture's approval is not offered, nor can it touch the recipient's grade.
    await section(page, 'prefecture_office').getByText('尚未到达此步').waitFor();
    expect(await page.getByRole('button', { name: '审核通过，报省备案' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '确认备案' }).count()).toBe(0);
    expect(await section(page, 'recipient_unit').getByRole('radio').count()).toBe(0);
    await shot(page, 'appraisal-04-county');

    await act(page, county, '意见', FIRST_OPINION, '出具意见并上报');
    await toast(page, '已转「州（市）卫生健康委审核」');
    await stepTag(page).getByText('待州（市）卫生健康委审核').waitFor();
    await county.getByText(FIRST_OPINION).waitFor();
    await page.context().close();
  });

  it('the prefecture office sends it back to the county with a reason', async () => {
    const page = await openFromTodo('cx-office');
    const prefecture = section(page, 'prefecture_office');
    await prefecture.getByRole('button', { name: '审核通过，报省备案' }).waitFor();
    await prefecture.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByText('退回「县级卫生健康行政部门意见」修改后重新报送').waitFor();
    await dialog.getByLabel('退回理由').fill(REASON);
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, '已退回「县级卫生健康行政部门意见」修改');

    // The county's step is awaited again, marked sent back, with the reason in red.
    await stepTag(page).getByText('已退回，县级卫生健康行政部门意见').waitFor();
    const returned = section(page, 'county_office').getByTestId('send-back-reason');
    await returned.getByText('州（市）卫生健康委审核退回修改').waitFor();
    expect(await returned.innerText()).toContain(REASON);
    expect(await returned.innerText()).toContain('cx-office');
    await // The chain (not the timeline, also drawn with steps) marks the county's step.
    await page.locator('.dk-ap-chain .ant-steps-item-error').filter({ hasText: '县级卫生健康行政部门意见' }).waitFor();
    await section(page, 'prefecture_office').getByText('尚未到达此步').waitFor();
    expect(await page.getByTestId('appraisal-todo').count()).toBe(0);
    await shot(page, 'appraisal-05-sent-back');
    await page.context().close();
  });

  it('the county sees the reason, corrects its opinion and reports it again', async () => {
    const page = await openFromTodo('cx-county');
    const county = section(page, 'county_office');
    expect(await county.getByTestId('send-back-reason').innerText()).toContain(REASON);
    await act(page, county, '意见', CORRECTED_OPINION, '出具意见并上报');
    await toast(page, '已转「州（市）卫生健康委审核」');
    await stepTag(page).getByText('待州（市）卫生健康委审核').waitFor();
    await county.getByText(CORRECTED_OPINION).waitFor();
    expect(await county.getByTestId('send-back-reason').count()).toBe(0);
    await page.context().close();
  });

  it('the prefecture office approves it and reports it to the province', async () => {
    const page = await openFromTodo('cx-office');
    await act(page, section(page, 'prefecture_office'), '审核意见', REVIEW, '审核通过，报省备案');
    await toast(page, '已转「省卫生健康委备案」');
    await stepTag(page).getByText('待省卫生健康委备案').waitFor();
    await page.context().close();
  });

  it('the province files it: 已备案, and the record lists every act with the send-back reason', async () => {
    province = await openFromTodo('yn-province');
    const page = province;
    await act(page, section(page, 'provincial_office'), '备案说明', FILING, '确认备案');
    await toast(page, '已完成备案');
    await stepTag(page).getByText('已备案').waitFor();
    await page.getByText(/^最终鉴定等次：合格，备案日期 \d{4}-\d{2}-\d{2}$/).waitFor();
    expect(await page.locator('.dk-ap-chain .ant-steps-item-finish').count()).toBe(4);

    const items = page.getByTestId('appraisal-history-item');
    const history = await items.allInnerTexts();
    const expected: [string, string, string, string][] = [
      ['受援医院鉴定', '提交鉴定', 'cx-recipient', `鉴定意见：${COMMENTS}`],
      ['县级卫生健康行政部门意见', '同意', 'cx-county', `意见：${FIRST_OPINION}`],
      ['州（市）卫生健康委审核', '退回修改', 'cx-office', `退回理由：${REASON}`],
      ['县级卫生健康行政部门意见', '同意', 'cx-county', `意见：${CORRECTED_OPINION}`],
      ['州（市）卫生健康委审核', '同意', 'cx-office', `意见：${REVIEW}`],
      ['省卫生健康委备案', '同意', 'yn-province', `意见：${FILING}`],
    ];
    expect(history.length).toBe(expected.length);
    expected.forEach(([label, action, by, text], i) => {
      expect(history[i], `act ${i + 1}`).toMatch(new RegExp(`^${label}\\s+${action}\\s*${by}`));
      expect(history[i], `act ${i + 1}`).toContain(text);
    });
    const timeline = await page.locator('.dk-ap-history').innerText();
    expect(timeline).toMatch(/新建鉴定\s*cx-recipient/);
    expect(timeline).toContain('已完成备案');
    await shot(page, 'appraisal-06-filed');

    const filed = (await recipientApi<Appraisal>('GET', `/api/appraisals/${appraisalId}`)).json;
    expect(filed).toMatchObject({ status: 'filed', stage: 4, grade: 'qualified' });
    expect(filed.steps.map((s) => `${s.actedBy}:${s.action}`)).toEqual([
      'cx-recipient:submit', 'cx-county:approve', 'cx-office:send_back', 'cx-county:approve', 'cx-office:approve', 'yn-province:approve',
    ]);
  });

  it('prints the appraisal form: the person, the grade 合格 and the county opinion', async () => {
    const page = province!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.dk-page-extra').getByRole('button', { name: '打印鉴定表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = path.join(ARTIFACTS, 'appraisal-form.pdf');
    await download.saveAs(file);
    await toast(page, `已下载 ${download.suggestedFilename()}`);
    // Cells wrap anywhere: compare without whitespace.
    // -raw keeps each box's text together (with -layout the wrapped labels interleave with the opinions).
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const figures = [`本帮扶年度在岗 ${prefill.figures.onSiteDaysInPeriod} 天`, `抽查 ${prefill.figures.spotChecks.checks} 次，在岗 ${prefill.figures.spotChecks.present} 次`];
    for (const words of ['对口帮扶派驻人员年度鉴定表', assignment.personName, '武定县人民医院', `${period.from} 至 ${period.to}`, '■ 合格', '□ 不合格', ...figures, COMMENTS, CORRECTED_OPINION, REVIEW, 'yn-province']) {
      expect(text, words).toContain(words.replace(/\s+/g, ''));
    }
    // The superseded county opinion and the send-back reason are not on the form.
    expect(text).not.toContain(FIRST_OPINION);
    await page.context().close();
  });
});
