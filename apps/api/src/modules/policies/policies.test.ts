import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

interface Summary { id: string; code: string; version: number; status: string; current: boolean; editable: boolean; regionName: string | null; ownerOrgName: string | null }

describe.each(testDatabases())('policy versions on %s', (kind) => {
  let t: TestApp;
  let cxOffice: string;
  let draftId: string;
  const codesSeenBy = async (username: string) =>
    ((await t.request('GET', '/api/policies', { cookie: await t.login(username) })).json().items as Summary[]).map((p) => `${p.code}${p.version}`).sort();

  beforeAll(async () => {
    t = await createTestApp(kind);
    cxOffice = await t.login('cx-office');
  });
  afterAll(async () => { await t?.close(); });

  it('ships CX and MY as published versions in force, each read only by the area it governs', async () => {
    const all = (await t.request('GET', '/api/policies', { cookie: await t.login('admin') })).json().items as Summary[];
    expect(all.map((p) => [p.code, p.version, p.status, p.current, p.ownerOrgName])).toEqual([
      ['CX', 1, 'published', true, '系统预置'], ['MY', 1, 'published', true, '系统预置'],
    ]);
    expect(all.find((p) => p.code === 'CX')!.regionName).toBe('楚雄彝族自治州');
    expect(await codesSeenBy('cx-office')).toEqual(['CX1']);
    expect(await codesSeenBy('yn-province')).toEqual(['CX1']);
    expect(await codesSeenBy('cx-county')).toEqual(['CX1']);
    expect(await codesSeenBy('my-office')).toEqual(['MY1']);
    // A provincial hospital in Kunming supporting a Chuxiong county reads CX through its programme.
    expect(await codesSeenBy('cx-support')).toEqual(['CX1']);
    expect((await t.request('GET', '/api/policies/CX', { cookie: await t.login('my-office') })).statusCode).toBe(404);
  });

  it('shows each parameter with its clause, and reports the MY notice contradicting itself', async () => {
    const cx = (await t.request('GET', '/api/policies/CX', { cookie: cxOffice })).json();
    expect(cx.document.parameters.onSiteDays.source).toMatchObject({ document: '楚卫通〔2018〕43号', clause: '二（一）' });
    expect(cx.document.parameters.onSiteDays.value.requirements).toContainEqual({ termMonths: 12, minDays: 240 });
    expect(cx.conflicts).toEqual([]);
    const my = (await t.request('GET', '/api/policies/MY', { cookie: await t.login('my-office') })).json();
    expect(my.conflicts.length).toBeGreaterThan(0);
    expect(my.conflicts[0].parameters.join()).toContain('segmentedStays');
    expect(my.conflicts[0].message).toMatch(/6/);
  });

  it('clones into a draft of the caller office, refuses an invalid document naming the parameter, and diffs the change', async () => {
    const clone = await t.request('POST', '/api/policies/CX/clone', { cookie: cxOffice });
    expect(clone.statusCode).toBe(201);
    const draft = clone.json();
    draftId = draft.id;
    expect(draft).toMatchObject({ code: 'CX', version: 2, status: 'draft', editable: true, current: false, regionName: '楚雄彝族自治州' });

    const doc = structuredClone(draft.document);
    doc.parameters.onSiteDays.value.requirements[0].minDays = -5;
    const bad = await t.request('PATCH', `/api/policies/${draftId}`, { cookie: cxOffice, body: { document: doc } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'POLICY_INVALID' });
    expect(bad.json().field).toContain('parameters.onSiteDays.value.requirements.0.minDays');

    doc.parameters.onSiteDays.value.requirements[0].minDays = 220;
    const ok = await t.request('PATCH', `/api/policies/${draftId}`, { cookie: cxOffice, body: { name: '楚雄州对口帮扶（2021 修订）', document: doc } });
    expect(ok.statusCode, ok.body).toBe(200);
    const v1 = (await t.request('GET', '/api/policies/CX', { cookie: cxOffice })).json().id;
    const diff = (await t.request('GET', `/api/policies/${draftId}/diff?against=${v1}`, { cookie: cxOffice })).json();
    expect(diff.changes).toContainEqual({ path: 'parameters.onSiteDays.value.requirements.0.minDays', before: 240, after: 220 });
    expect(diff.changes.some((c: { path: string }) => c.path === 'version')).toBe(false);
  });

  it('keeps drafts to their office: others in scope read but cannot change them, others outside never see them', async () => {
    expect((await t.request('GET', `/api/policies/${draftId}`, { cookie: await t.login('my-office') })).statusCode).toBe(404);
    const county = await t.login('cx-county');
    expect((await t.request('GET', `/api/policies/${draftId}`, { cookie: county })).json().editable).toBe(false);
    expect((await t.request('PATCH', `/api/policies/${draftId}`, { cookie: county, body: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.request('POST', `/api/policies/${draftId}/publish`, { cookie: await t.login('cx-support'), body: { effectiveFrom: '2021-01-01' } })).statusCode).toBe(403);
  });

  it('publishes with an effective date, then the version in force follows the date and the published one never changes', async () => {
    const pub = await t.request('POST', `/api/policies/${draftId}/publish`, { cookie: cxOffice, body: { effectiveFrom: '2026-12-01', note: '州卫健委会议通过' } });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', effectiveFrom: '2026-12-01', current: false });
    expect((await t.request('GET', '/api/policies/CX', { cookie: cxOffice })).json().version).toBe(1);
    t.clock.advance(10 * 86_400_000); // 2026-12-03: the idle session has long expired, so log in again
    const login = await t.request('POST', '/api/auth/login', { body: { username: 'cx-office', password: TEST_PASSWORD } });
    cxOffice = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await t.request('GET', '/api/policies/CX', { cookie: cxOffice })).json().version).toBe(2);
    const change = await t.request('PATCH', `/api/policies/${draftId}`, { cookie: cxOffice, body: { name: 'x' } });
    expect(change.statusCode).toBe(409);
    expect(change.json().message).toContain('已发布');
    expect((await t.request('DELETE', `/api/policies/${draftId}`, { cookie: cxOffice })).statusCode).toBe(409);
    const admin = String((await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: TEST_PASSWORD } })).headers['set-cookie']).split(';')[0]!;
    const audit = (await t.request('GET', `/api/audit-events?entityType=policy&entityId=${draftId}`, { cookie: admin })).json().items as { summary: string }[];
    expect(audit.map((a) => a.summary).join('\n')).toMatch(/复制[\s\S]*修改|修改[\s\S]*复制/);
    expect(audit.some((a) => a.summary.includes('2026-12-01 起施行'))).toBe(true);
  });
});

describe.each(testDatabases())('rule sandbox on %s', (kind) => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    office = await t.login('admin');
  });
  afterAll(async () => { await t?.close(); });

  const eligibility = async (code: string, body: object) => {
    const res = await t.request('POST', `/api/policies/${code}/evaluate/eligibility`, { cookie: office, body });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().verdicts as { ruleId: string; status: string; explanation: string }[]).map((v) => [v.ruleId, v]));
  };

  it.each([
    ['bachelor', '2015-07-01', 'unmet', '工作满 3 年，要求满 5 年'],
    ['bachelor', '2013-07-01', 'met', '工作满 5 年'],
    ['master', '2015-07-01', 'met', '要求满 3 年'],
  ])('CX: %s graduate working since %s, dispatched 2018-07-01, is %s', async (education, workStartDate, status, words) => {
    const v = await eligibility('CX', { education, workStartDate, startDate: '2018-07-01', mode: 'resident' });
    expect(v['eligibility.work-years']).toMatchObject({ status });
    expect(v['eligibility.work-years']!.explanation).toContain(words);
    expect(v['eligibility.title-mode']!.status).toBe('not_applicable');
  });

  it.each([
    ['interval_visits', 'intermediate', 'unmet'],
    ['interval_visits', 'associate_senior', 'met'],
    ['segmented_stays', 'intermediate', 'met'],
    ['segmented_stays', 'junior', 'unmet'],
  ])('MY: %s with a %s title is %s', async (mode, titleLevel, status) => {
    const v = await eligibility('MY', { titleLevel, mode, startDate: '2018-06-01' });
    expect(v['eligibility.title-mode']!.status).toBe(status);
  });

  it('answers unknown, never a guess, when a fact is missing', async () => {
    const v = await eligibility('CX', { education: 'bachelor', startDate: '2018-07-01' });
    expect(v['eligibility.work-years']!.status).toBe('unknown');
    expect(v['eligibility.work-years']!.explanation).toContain('参工时间未登记');
  });

  it.each([
    // National Day 2019: 10-01..10-07 off; Sun 09-29 and Sat 10-12 were working days (调休).
    ['2019-09-30', '2019-10-08', false, 2, 9, []],
    ['2019-10-08', '2019-10-14', false, 6, 7, ['派驻医院院长', '省卫生计生委医政医管处', '州卫生计生委医政医管科']],
    ['2019-10-09', '2019-10-11', false, 3, 3, ['派驻医院院长']],
    ['2019-10-09', '2019-10-09', true, 1, 1, ['省卫生计生委医政医管处', '州卫生计生委医政医管科']],
  ])('CX leave %s..%s (recall %s) costs %i working days of %i and needs %j', async (startDate, endDate, emergencyRecall, workingDays, calendarDays, approvals) => {
    const res = await t.request('POST', '/api/policies/CX/evaluate/leave', { cookie: office, body: { startDate, endDate, emergencyRecall } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ workingDays, calendarDays });
    expect(r.approvals.map((a: { label: string }) => a.label)).toEqual(approvals);
    expect(r.filings.map((a: { label: string }) => a.label)).toEqual(['省级项目管理办公室', '州级项目管理办公室']);
  });

  it('refuses a leave in a year with no holiday calendar, naming the year', async () => {
    const res = await t.request('POST', '/api/policies/CX/evaluate/leave', { cookie: office, body: { startDate: '2027-03-01', endDate: '2027-03-05' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_YEAR_MISSING');
    expect(res.json().message).toContain('2027');
  });

  it('refuses an end before the start, naming the field', async () => {
    const res = await t.request('POST', '/api/policies/CX/evaluate/leave', { cookie: office, body: { startDate: '2019-10-09', endDate: '2019-10-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('endDate');
  });

  it('lists a year of CX deadlines, moving those on holidays to the next working day', async () => {
    const items = (await t.request('GET', '/api/policies/CX/deadlines?year=2019', { cookie: office })).json().items as { kind: string; nominal: string; due: string; postponed: boolean; recipient: string }[];
    expect(items.filter((d) => d.kind === 'monthly')).toHaveLength(12);
    expect(items.filter((d) => d.kind === 'quarterly')).toHaveLength(4);
    expect(items.find((d) => d.kind === 'monthly' && d.nominal === '2019-10-05')).toMatchObject({ due: '2019-10-08', postponed: true, recipient: '省级项目管理办公室' });
    expect(items.find((d) => d.kind === 'monthly' && d.nominal === '2019-06-05')).toMatchObject({ due: '2019-06-05', postponed: false });
    expect((await t.request('GET', '/api/policies/CX/deadlines?year=2027', { cookie: office })).json().code).toBe('CALENDAR_YEAR_MISSING');
  });
});
