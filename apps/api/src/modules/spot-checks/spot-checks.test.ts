import { eq } from 'drizzle-orm';
import { spotCheckResults, spotChecks } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff, makeIdNumber } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { drawSample } from './sampling.js';

interface Result { assignmentId: string; personName: string; result: string; reason: string | null; evidence: string | null; reviewed: boolean }
interface Verdict { ruleId: string; status: string; evidence: string[]; explanation: string; figures: Record<string, unknown> }

describe('drawSample', () => {
  it('draws the same sample from the same seed and population, and another from another seed', () => {
    const population = Array.from({ length: 50 }, (_, i) => `a-${String(i).padStart(2, '0')}`);
    const first = drawSample(population, 5, 'seed-1');
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
    expect(drawSample(population, 5, 'seed-1')).toEqual(first);
    expect(drawSample(population, 5, 'seed-2')).not.toEqual(first);
    // A larger draw starts with the smaller one: the stored size re-draws the same people.
    expect(drawSample(population, 8, 'seed-1').slice(0, 5)).toEqual(first);
    expect(drawSample(population.slice(0, 3), 10, 'seed-1').sort()).toEqual(population.slice(0, 3));
  });
});

// The test clock stands at 2026-11-23 10:00 in China (a Monday). 云南省第一人民医院 has four people at 武定县人民医院.
describe.each(testDatabases())('spot checks, roll calls and sanctions on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let office: string;
  let staff: string;
  let supportOrgId: string;
  let li: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const a: Record<'wang' | 'zhao' | 'qian', string> = { wang: '', zhao: '', qian: '' };
  const persons: Record<string, string> = {};
  const checks: string[] = [];

  const create = (cookie: string, body: object) => t.request('POST', '/api/spot-checks', { cookie, body });
  const record = (cookie: string, id: string, assignmentId: string, body: object) => t.request('PUT', `/api/spot-checks/${id}/results/${assignmentId}`, { cookie, body });
  const resultOf = (detail: { results: Result[] }, assignmentId: string) => detail.results.find((r) => r.assignmentId === assignmentId)!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    li = await dispatchCxStaff(t, { start: '2026-07-01', end: '2026-12-31' });
    support = await t.login('cx-support');
    office = await t.login('cx-office');
    staff = await t.login('cx-staff');
    supportOrgId = (await t.request('GET', '/api/auth/me', { cookie: support })).json().org.id;
    let seq = 31;
    for (const [key, name, start, end] of [
      ['wang', '王医生', '2026-07-01', '2026-12-31'], ['zhao', '赵医生', '2026-06-01', '2026-11-30'], ['qian', '钱医生', '2026-10-01', '2027-03-31'],
    ] as const) {
      const person = await t.request('POST', '/api/persons', { cookie: support, body: {
        name, gender: 'male', birthMonth: '1984-03', education: 'master', workStartDate: '2010-07-01', titleLevel: 'associate_senior', title: '副主任医师',
        specialty: '内科', idNumber: makeIdNumber('530102', '1984-03-12', String(seq += 2).padStart(3, '0')), mobile: `139000000${seq}`, employerOrgId: supportOrgId,
      } });
      expect(person.statusCode, person.body).toBe(201);
      persons[key] = person.json().id;
      const res = await t.request('POST', '/api/assignments', { cookie: support, body: {
        pairingId: li.pairingId, personId: persons[key], mode: 'resident', department: '内科', plannedStart: start, plannedEnd: end,
      } });
      expect(res.statusCode, res.body).toBe(201);
      a[key] = res.json().id;
    }
  });
  afterAll(async () => { await t?.close(); });

  it('draws a random sample from the staff on post with a seed, and re-draws the same assignments from it', async () => {
    const res = await create(support, { method: 'phone', date: '2026-11-20', sample: { kind: 'random', size: 2, seed: 'wuding-2026-11' } });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check).toMatchObject({ method: 'phone', sampleKind: 'random', sampleSize: 2, seed: 'wuding-2026-11', byOrgName: '云南省第一人民医院', mine: true, open: false });
    expect(check.population.size).toBe(4);
    expect(check.results).toHaveLength(2);
    expect(check.results.every((r: Result) => r.result === 'pending')).toBe(true);
    const sampled = check.results.map((r: Result) => r.assignmentId).sort();
    const redraw = await t.request('GET', `/api/spot-checks/${check.id}/redraw`, { cookie: office });
    expect(redraw.statusCode, redraw.body).toBe(200);
    expect(redraw.json()).toMatchObject({ seed: 'wuding-2026-11', size: 2, drawn: sampled, recorded: sampled, matches: true, populationUnchanged: true, populationSize: 4 });
    // The same seed over the same population draws the same people again.
    const again = (await create(support, { method: 'video_call', date: '2026-11-20', sample: { kind: 'random', size: 2, seed: 'wuding-2026-11' } })).json();
    expect(again.results.map((r: Result) => r.assignmentId).sort()).toEqual(sampled);
    // Without a seed, one is generated and recorded.
    const unseeded = (await create(support, { method: 'phone', date: '2026-11-20', sample: { kind: 'random', size: 3 } })).json();
    expect(unseeded.seed).toMatch(/^[0-9a-f]{16}$/);
    expect((await t.request('GET', `/api/spot-checks/${unseeded.id}/redraw`, { cookie: support })).json().matches).toBe(true);
    // Before 钱医生 arrived (2026-10-01) only three were on post.
    expect((await create(support, { method: 'phone', date: '2026-09-15', sample: { kind: 'random', size: 9 } })).json().results).toHaveLength(3);
  });

  it('refuses bad samples and dates with the field named', async () => {
    const future = await create(support, { method: 'phone', date: '2026-11-24', sample: { kind: 'random', size: 1 } });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('date');
    const empty = await create(support, { method: 'phone', date: '2026-01-05', sample: { kind: 'random', size: 1 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('sample');
    const gone = await create(support, { method: 'on_site', date: '2026-12-01', sample: { kind: 'picked', assignmentIds: [a.zhao] } });
    expect(gone.statusCode).toBe(400); // a future date
    const notOnPost = await create(support, { method: 'on_site', date: '2026-06-15', sample: { kind: 'picked', assignmentIds: [a.zhao, a.wang] } });
    expect(notOnPost.statusCode).toBe(400);
    expect(notOnPost.json().field).toBe('sample.assignmentIds.1');
    const minutes = await create(support, { method: 'phone', date: '2026-11-20', rollCallMinutes: 10, sample: { kind: 'random', size: 1 } });
    expect(minutes.json().field).toBe('rollCallMinutes');
    const oldRollCall = await create(support, { method: 'roll_call', date: '2026-11-20', sample: { kind: 'random', size: 1 } });
    expect(oldRollCall.json().field).toBe('date');
    expect((await create(await t.login('cx-recipient'), { method: 'phone', date: '2026-11-20', sample: { kind: 'random', size: 1 } })).statusCode).toBe(403);
  });

  it('records results: a reason for an absence, an approved leave for on_leave; only the checker records', async () => {
    for (const date of ['2026-11-02', '2026-11-09', '2026-11-16']) {
      const res = await create(office, { method: 'phone', date, sample: { kind: 'picked', assignmentIds: [a.wang, li.assignmentId] } });
      expect(res.statusCode, res.body).toBe(201);
      checks.push(res.json().id);
    }
    const [first, second, third] = checks as [string, string, string];
    const noReason = await record(office, first, a.wang, { result: 'absent' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    expect((await record(support, first, a.wang, { result: 'present' })).statusCode).toBe(403);
    expect((await record(office, first, a.qian, { result: 'present' })).statusCode).toBe(404);
    expect((await record(office, first, a.wang, { result: 'absent', reason: '无故离岗，电话无人接听' })).statusCode).toBe(200);
    expect((await record(office, first, li.assignmentId, { result: 'absent', reason: '不在岗' })).statusCode).toBe(200);
    expect((await record(office, second, a.wang, { result: 'absent', reason: '无故离岗' })).statusCode).toBe(200);
    // No leave on record for 王医生 on 11-09: on_leave is refused.
    const noLeave = await record(office, second, a.wang, { result: 'on_leave' });
    expect(noLeave.statusCode).toBe(400);
    expect(noLeave.json().field).toBe('result');
    expect(noLeave.json().message).toContain('没有已批准的请假');
    // 李医生 took a one-day leave on 11-09 (it needs no approval).
    const leave = await t.request('POST', '/api/leave-requests', { cookie: staff, body: { startDate: '2026-11-09', endDate: '2026-11-09', kind: 'sick', reason: '发热' } });
    expect(leave.json()).toMatchObject({ status: 'approved' });
    const onLeave = await record(office, second, li.assignmentId, { result: 'on_leave', evidence: '请假条已核' });
    expect(onLeave.statusCode, onLeave.body).toBe(200);
    expect(resultOf(onLeave.json(), li.assignmentId)).toMatchObject({ result: 'on_leave', evidence: '请假条已核', reviewed: true });
    expect((await record(office, third, a.wang, { result: 'present' })).statusCode).toBe(200);
    const detail = (await record(office, third, li.assignmentId, { result: 'absent', reason: '无故离岗' })).json();
    expect(detail.counts).toMatchObject({ total: 2, present: 1, absent: 1, pending: 0 });
    const audit = (await t.request('GET', `/api/audit-events?entityType=spot_check&entityId=${third}`, { cookie: await t.login('admin') })).json().items;
    expect(audit.map((e: { summary: string }) => e.summary)).toContain('抽查（2026-11-16）「李医生」：待记录 → 不在岗，无故离岗（已复核）');
  });

  it('computes the consequences with the engine: 2 absences → replacement, 2 in a row → promotion bar, approved leave breaks the run', async () => {
    const res = await t.request('GET', '/api/spot-checks/consequences', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const byName = Object.fromEntries(body.persons.map((p: { personName: string }) => [p.personName, p]));
    expect(Object.keys(byName).sort()).toEqual(['李医生', '王医生'].sort());
    const rules = (name: string) => Object.fromEntries(byName[name].verdicts.map((v: Verdict) => [v.ruleId, v])) as Record<string, Verdict>;
    const wang = rules('王医生');
    expect(byName['王医生']).toMatchObject({ checks: 3, absences: 2, policyCode: 'CX', supportOrgName: '云南省第一人民医院' });
    expect(wang['spot-checks.replacement']).toMatchObject({ status: 'unmet', evidence: [persons.wang, checks[0], checks[1]], figures: { dueSince: '2026-11-09' } });
    expect(wang['spot-checks.promotion-bar']!.status).toBe('unmet');
    expect(wang['spot-checks.promotion-bar']!.explanation).toContain('并对派驻医院通报批评');
    expect(wang['spot-checks.notice']!.status).toBe('unmet');
    const li_ = rules('李医生');
    expect(li_['spot-checks.replacement']!.status).toBe('unmet');
    expect(li_['spot-checks.promotion-bar']!.status).toBe('at_risk'); // absent, on leave, absent: never 2 in a row
    expect(li_['spot-checks.notice']!.status).toBe('unmet');
    const verdicts = await t.request('GET', `/api/spot-checks/verdicts?assignmentId=${li.assignmentId}`, { cookie: staff });
    expect(verdicts.json()).toMatchObject({ assignmentId: li.assignmentId, personName: '李医生', checks: 3, absences: 2 });
    const clean = (await t.request('GET', `/api/spot-checks/verdicts?assignmentId=${a.qian}`, { cookie: support })).json();
    expect(clean.verdicts.map((v: Verdict) => v.status)).toEqual(['met', 'met', 'met']);
  });

  it('lists the months a support unit owes its own monthly check, and counts any check it made', async () => {
    const selfCheck = async () => {
      const body = (await t.request('GET', '/api/spot-checks/consequences', { cookie: office })).json();
      return body.selfChecks.find((s: { supportOrgName: string }) => s.supportOrgName === '云南省第一人民医院').verdict as Verdict;
    };
    const before = await selfCheck();
    // Staff on post since 2026-06-01; the unit checked in September (09-15) and November (the current month, not yet owed).
    expect(before).toMatchObject({ ruleId: 'spot-checks.monthly-self-check', status: 'unmet', figures: { owed: '2026-06、2026-07、2026-08、2026-10' } });
    expect(before.explanation).toContain('4 个月未抽查');
    const october = await create(support, { method: 'on_site', date: '2026-10-15', sample: { kind: 'picked', assignmentIds: [a.qian] } });
    expect(october.statusCode).toBe(201);
    checks.push(october.json().id);
    expect((await selfCheck()).figures.owed).toBe('2026-06、2026-07、2026-08');
  });

  it('owes self-checks only for months with staff on post: a unit\'s separate stints are judged apart', async () => {
    // 赵医生 also served a two-month stint in 2024; nobody of the unit was on post from May 2024 to May 2026.
    const stint = await t.request('POST', '/api/assignments', { cookie: support, body: {
      pairingId: li.pairingId, personId: persons.zhao, mode: 'resident', department: '内科', plannedStart: '2024-03-01', plannedEnd: '2024-04-30',
    } });
    expect(stint.statusCode, stint.body).toBe(201);
    const body = (await t.request('GET', '/api/spot-checks/consequences', { cookie: office })).json();
    const unit = (body.selfChecks as { supportOrgName: string; period: { from: string; to: string }; verdict: Verdict }[])
      .filter((s) => s.supportOrgName === '云南省第一人民医院');
    expect(unit.map((s) => s.period)).toEqual([{ from: '2024-03-01', to: '2024-04-30' }, { from: '2026-06-01', to: '2027-03-31' }]);
    expect(unit[0]!.verdict.figures.owed).toBe('2024-03、2024-04');
    expect(unit[1]!.verdict.figures.owed).toBe('2026-06、2026-07、2026-08');
    expect(JSON.stringify(unit.map((s) => s.verdict.figures.owed))).not.toContain('2025');
  });

  it('runs a roll call: the staff member answers in time with a location; late answers are refused and timeouts marked for review', async () => {
    const res = await create(support, { method: 'roll_call', date: '2026-11-23', rollCallMinutes: 10, sample: { kind: 'picked', assignmentIds: [li.assignmentId, a.wang] } });
    expect(res.statusCode, res.body).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({ open: true, rollCallDeadline: '2026-11-23T02:10:00.000Z' });
    const mine = (await t.request('GET', '/api/roll-calls/mine', { cookie: staff })).json();
    expect(mine.items).toEqual([expect.objectContaining({ spotCheckId: call.id, assignmentId: li.assignmentId, deadline: '2026-11-23T02:10:00.000Z', recipientOrgName: '武定县人民医院' })]);
    const answer = { clientId: 'phone-rollcall-0001', lat: 25.5301, lng: 102.4002, accuracyM: 15 };
    const answered = await t.request('POST', `/api/roll-calls/${call.id}/answer`, { cookie: staff, body: answer });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ result: 'present', answeredAt: '2026-11-23T02:00:00.000Z' });
    expect((await t.request('POST', `/api/roll-calls/${call.id}/answer`, { cookie: staff, body: answer })).json().result).toBe('present');
    expect((await t.request('GET', '/api/roll-calls/mine', { cookie: staff })).json().total).toBe(0);
    // The office and other staff cannot answer for anyone.
    expect((await t.request('POST', `/api/roll-calls/${call.id}/answer`, { cookie: office, body: answer })).statusCode).toBe(403);

    const late = (await create(support, { method: 'roll_call', date: '2026-11-23', rollCallMinutes: 5, sample: { kind: 'picked', assignmentIds: [li.assignmentId] } })).json();
    t.clock.advance(11 * 60_000);
    const refused = await t.request('POST', `/api/roll-calls/${late.id}/answer`, { cookie: staff, body: { clientId: 'phone-rollcall-0002' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT' });
    expect(refused.json().message).toContain('点名已于 2026-11-23 10:05 截止');
    const first = (await t.request('GET', `/api/spot-checks/${call.id}`, { cookie: support })).json();
    expect(resultOf(first, li.assignmentId)).toMatchObject({ result: 'present', reviewed: false });
    expect(resultOf(first, li.assignmentId).evidence).toContain('定位 25.530100, 102.400200（精度约 15 米）');
    expect(resultOf(first, a.wang)).toMatchObject({ result: 'absent', reason: '点名超时未应答', reviewed: false });
    expect(first.counts).toMatchObject({ present: 1, absent: 1, unreviewed: 1 });
    expect(first.open).toBe(false);
    // The checker reviews the timeout: confirmed by phone that he was in surgery.
    const reviewed = await record(support, call.id, a.wang, { result: 'present', evidence: '电话核实：在手术室' });
    expect(resultOf(reviewed.json(), a.wang)).toMatchObject({ result: 'present', reviewed: true, evidence: '电话核实：在手术室' });
    expect(reviewed.json().counts.unreviewed).toBe(0);
    const audit = (await t.request('GET', `/api/audit-events?entityType=spot_check&entityId=${late.id}`, { cookie: await t.login('admin') })).json().items;
    expect(audit[0]).toMatchObject({ actorUsername: 'system' });
    expect(audit[0].summary).toContain('1 人未应答');
  });

  it('ends a roll call early: who has not answered is absent, pending review', async () => {
    const call = (await create(support, { method: 'roll_call', date: '2026-11-23', sample: { kind: 'picked', assignmentIds: [li.assignmentId] } })).json();
    expect(new Date(call.rollCallDeadline).getTime() - t.clock.now().getTime()).toBe(30 * 60_000);
    expect((await t.request('POST', `/api/spot-checks/${checks[0]}/close`, { cookie: office })).statusCode).toBe(409);
    expect((await t.request('POST', `/api/spot-checks/${call.id}/close`, { cookie: office })).statusCode).toBe(403);
    const closed = await t.request('POST', `/api/spot-checks/${call.id}/close`, { cookie: support });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ open: false, counts: { absent: 1, unreviewed: 1 } });
    expect((await t.request('POST', `/api/roll-calls/${call.id}/answer`, { cookie: staff, body: { clientId: 'phone-rollcall-0003' } })).statusCode).toBe(409);
  });

  it('reads a check stored without a recorded draw (imported or generated demo rows): no seed to re-draw, no server error', async () => {
    // The demo generator stores its monthly self-checks as { supportOrgId } only, without the draw.
    const [row] = await t.database.db.insert(spotChecks).values({
      byOrgId: supportOrgId, method: 'phone', date: '2026-11-16', sampleSize: 2, population: { supportOrgId }, createdBy: 'demo',
    }).returning({ id: spotChecks.id });
    await t.database.db.insert(spotCheckResults).values([
      { spotCheckId: row!.id, assignmentId: a.wang, personId: persons.wang!, result: 'present', reviewed: true, recordedBy: 'demo' },
      { spotCheckId: row!.id, assignmentId: a.qian, personId: persons.qian!, result: 'present', reviewed: true, recordedBy: 'demo' },
    ]);
    const detail = await t.request('GET', `/api/spot-checks/${row!.id}`, { cookie: office });
    expect(detail.statusCode, detail.body).toBe(200);
    // No count of those on post was stored: the persons checked are the most that is known.
    expect(detail.json()).toMatchObject({
      sampleKind: 'picked', seed: null, sampleSize: 2, counts: { total: 2, present: 2 },
      population: { programmeId: null, supportOrgId, recipientOrgId: null, size: 2 },
    });
    const listed = (await t.request('GET', '/api/spot-checks?from=2026-11-16&to=2026-11-16&pageSize=200', { cookie: office })).json();
    expect(listed.items.find((c: { id: string }) => c.id === row!.id)).toMatchObject({ sampleKind: 'picked', seed: null });
    const redraw = await t.request('GET', `/api/spot-checks/${row!.id}/redraw`, { cookie: office });
    expect(redraw.statusCode).toBe(409);
    expect(redraw.json().message).toContain('没有记录随机种子');
    await t.database.db.delete(spotChecks).where(eq(spotChecks.id, row!.id));
  });

  it('shows each caller only the checks in its scope; staff see their own results only', async () => {
    const recipient = await t.login('cx-recipient');
    const forRecipient = (await t.request('GET', '/api/spot-checks?pageSize=200', { cookie: recipient })).json();
    const all = (await t.request('GET', '/api/spot-checks?pageSize=200', { cookie: office })).json();
    expect(forRecipient.total).toBe(all.total);
    const own = (await t.request('GET', '/api/spot-checks?pageSize=200', { cookie: staff })).json();
    expect(own.total).toBeGreaterThanOrEqual(3);
    expect(own.items.every((c: { counts: { total: number } }) => c.counts.total === 1)).toBe(true);
    expect((await t.request('GET', `/api/spot-checks/${checks[3]}`, { cookie: staff })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/spot-checks/verdicts?assignmentId=${a.wang}`, { cookie: staff })).statusCode).toBe(404);
    const withWang = (await t.request('GET', `/api/spot-checks?personId=${persons.wang}&pageSize=200`, { cookie: office })).json();
    expect(withWang.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(checks.slice(0, 3)));
    expect(withWang.total).toBeLessThan(all.total);

    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/spot-checks', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/spot-checks/${checks[0]}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/spot-checks/${checks[0]}/redraw`, { cookie: my })).statusCode).toBe(404);
    expect((await record(my, checks[0]!, a.wang, { result: 'present' })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/spot-checks/consequences', { cookie: my })).json()).toMatchObject({ persons: [], selfChecks: [] });
    expect((await t.request('GET', `/api/spot-checks/verdicts?assignmentId=${a.wang}`, { cookie: my })).statusCode).toBe(404);
    const intoCx = await create(my, { method: 'phone', date: '2026-11-20', sample: { kind: 'picked', assignmentIds: [a.wang] } });
    expect(intoCx.statusCode).toBe(400);
    expect(intoCx.json().field).toBe('sample.assignmentIds.0');
  });

  it('records notices and interviews with a document, checking every unit and person is in scope', async () => {
    const doc = Buffer.from('%PDF-1.4 通报 楚卫通').toString('base64');
    const body = {
      kind: 'notice', date: '2026-11-20', orgIds: [supportOrgId], personIds: [persons.wang], spotCheckId: checks[1],
      summary: '王医生连续两次抽查不在岗，对云南省第一人民医院通报批评', document: { name: '通报.pdf', type: 'application/pdf', base64: doc },
    };
    expect((await t.request('POST', '/api/sanctions', { cookie: support, body })).statusCode).toBe(403);
    const res = await t.request('POST', '/api/sanctions', { cookie: office, body });
    expect(res.statusCode, res.body).toBe(201);
    const sanction = res.json();
    expect(sanction).toMatchObject({
      kind: 'notice', byOrgName: '楚雄彝族自治州卫生健康委员会', orgs: [{ id: supportOrgId, name: '云南省第一人民医院' }], persons: [{ id: persons.wang, name: '王医生' }],
      spotCheckId: checks[1], document: { name: '通报.pdf', type: 'application/pdf', size: Buffer.from(doc, 'base64').length },
    });
    const file = await t.request('GET', `/api/sanctions/${sanction.id}/document`, { cookie: support });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(Buffer.from(doc, 'base64'))).toBe(true);
    expect((await t.request('GET', '/api/sanctions', { cookie: support })).json().total).toBe(1);
    expect((await t.request('GET', `/api/sanctions?orgId=${supportOrgId}&kind=notice`, { cookie: office })).json().total).toBe(1);
    expect((await t.request('GET', '/api/sanctions', { cookie: staff })).json().total).toBe(0);
    const interview = await t.request('POST', '/api/sanctions', { cookie: office, body: { kind: 'interview', date: '2026-11-25', personIds: [persons.zhao], summary: '约谈赵医生' } });
    expect(interview.json().document).toBeNull();
    expect((await t.request('GET', `/api/sanctions/${interview.json().id}/document`, { cookie: office })).statusCode).toBe(404);
    const nobody = await t.request('POST', '/api/sanctions', { cookie: office, body: { kind: 'notice', date: '2026-11-20', summary: 'x' } });
    expect(nobody.json().field).toBe('orgIds');
    const big = await t.request('POST', '/api/sanctions', { cookie: office, body: { ...body, document: { ...body.document, base64: Buffer.alloc(2 * 1024 * 1024 + 10).toString('base64') } } });
    expect(big.statusCode).toBe(400);
    expect(big.json().field).toBe('document.base64');

    // 绵阳 cannot name a Chuxiong unit or person, and sees nothing of Chuxiong's notices.
    const my = await t.login('my-office');
    const cxUnit = await t.request('POST', '/api/sanctions', { cookie: my, body: { kind: 'notice', date: '2026-11-20', orgIds: [supportOrgId], summary: '越权通报' } });
    expect(cxUnit.statusCode).toBe(400);
    expect(cxUnit.json().field).toBe('orgIds.0');
    const cxPerson = await t.request('POST', '/api/sanctions', { cookie: my, body: { kind: 'interview', date: '2026-11-20', personIds: [persons.wang], summary: '越权约谈' } });
    expect(cxPerson.json().field).toBe('personIds.0');
    const myUnit = (await t.request('GET', '/api/organisations?q=绵阳市中心医院', { cookie: my })).json().items[0].id;
    const cxCheck = await t.request('POST', '/api/sanctions', { cookie: my, body: { kind: 'notice', date: '2026-11-20', orgIds: [myUnit], spotCheckId: checks[0], summary: 'x' } });
    expect(cxCheck.json().field).toBe('spotCheckId');
    expect((await t.request('GET', '/api/sanctions', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/sanctions/${sanction.id}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/sanctions/${sanction.id}/document`, { cookie: my })).statusCode).toBe(404);
  });
});
