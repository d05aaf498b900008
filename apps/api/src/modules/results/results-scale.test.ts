import { sql } from 'drizzle-orm';
import type { Dashboard } from '@duikou/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

/** More rows than a list page shows at most (2,000): the verdict lists and the dashboard count them all. */
const COPIES = 2_100;

// A province holds 4,000 pairings and 15,000 assignments: copies of 李医生's pairing and assignment stand in for them.
describe.each(testDatabases())('verdict lists of a whole province on %s', (kind) => {
  let t: TestApp;
  let office: string;
  /** The lists' totals before the copies, and what the copies add. */
  const before = { coverage: 0, visits: 0, schedule: 0 };
  let unitsPerPairing = 0;
  const get = async (url: string) => {
    const res = await t.request('GET', url, { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const scheduled = (s: { total: number; skipped: unknown[] }) => s.total + s.skipped.length;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { assignmentId, pairingId } = await dispatchCxStaff(t, { start: '2026-03-01', end: '2026-12-31' });
    office = await t.login('cx-office');
    before.coverage = (await get('/api/agreements/coverage?year=2026&pageSize=10')).total;
    before.visits = (await get('/api/leadership-visits/verdicts?year=2026&pageSize=10')).total;
    before.schedule = scheduled(await get('/api/quarterly-reports/schedule?year=2026&pageSize=10'));
    const copy = (table: string, id: string) => t.database.db.execute(sql`
      insert into ${sql.raw(table)} select (jsonb_populate_record(null::${sql.raw(table)}, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid()))).*
      from ${sql.raw(table)} x, generate_series(1, ${COPIES}) n where x.id = ${id}`);
    await copy('pairings', pairingId);
    const units = await t.database.db.execute(sql`insert into pairing_support_units (pairing_id, org_id, position)
      select p.id, u.org_id, u.position from pairings p join pairings o on o.id = ${pairingId} and p.created_at = o.created_at and p.recipient_org_id = o.recipient_org_id
      join pairing_support_units u on u.pairing_id = o.id
      where p.id <> o.id returning pairing_id`) as unknown as { rows: unknown[] };
    unitsPerPairing = units.rows.length / COPIES;
    expect(unitsPerPairing).toBeGreaterThanOrEqual(1);
    await copy('assignments', assignmentId);
  });
  afterAll(async () => { await t?.close(); });

  it('agreement coverage and leadership visits judge every pairing unit of the area', async () => {
    const coverage = await get('/api/agreements/coverage?year=2026&pageSize=10');
    expect(coverage.total).toBe(before.coverage + COPIES * unitsPerPairing);
    expect(Object.values(coverage.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(coverage.total);
    const visits = await get('/api/leadership-visits/verdicts?year=2026&pageSize=10');
    expect(visits.total).toBe(before.visits + COPIES * unitsPerPairing);
  });

  it('the quarterly schedule judges every assignment of the area', async () => {
    expect(scheduled(await get('/api/quarterly-reports/schedule?year=2026&pageSize=10'))).toBe(before.schedule + COPIES);
  });

  it("the dashboard's figures are the lists' totals", async () => {
    const d = await get('/api/dashboard') as Dashboard;
    let lateQuarters = 0;
    for (let page = 1; ; page++) {
      const late = await get(`/api/quarterly-reports/schedule?year=2026&lateOnly=true&pageSize=200&page=${page}`);
      lateQuarters += late.items.flatMap((i: { quarters: { verdict: { status: string } }[] }) => i.quarters.filter((q) => q.verdict.status === 'unmet')).length;
      if (page * 200 >= late.total) break;
    }
    expect(d.figures.quarterlyLate).toBe(lateQuarters);
    expect(d.figures.quarterlyLate).toBeGreaterThan(2 * COPIES);
    expect(d.figures.agreementsMissing).toBe((await get('/api/agreements/coverage?year=2026&missingOnly=true&pageSize=10')).total);
    expect(d.figures.agreementsMissing).toBeGreaterThan(COPIES);
    // Judging the area's 2,101 assignments at once brought the cache's statistics up to date, so the
    // planner does not join them to a cache it believes empty (DECISIONS 28).
    const [stats] = (await t.database.db.execute(sql`select reltuples::float8 as n from pg_class where relname = 'assignment_progress'`) as unknown as { rows: { n: number }[] }).rows;
    expect(Number(stats!.n)).toBeGreaterThanOrEqual(COPIES);
  });
});
