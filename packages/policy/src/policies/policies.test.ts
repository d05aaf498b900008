import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, type Cited, type Policy } from '../policy.schema.js';
import { CX_2018_POLICY, MY_2018_POLICY, SHIPPED_POLICIES, findShippedPolicy } from './index.js';

/** Every cited value of a policy with its document path. */
function citedParameters(policy: Policy): [string, Cited<unknown>][] {
  return Object.entries(policy.parameters).flatMap(([key, p]): [string, Cited<unknown>][] => {
    if (p === null) return [];
    if (Array.isArray(p)) return p.map((item, i) => [`${key}.${i}`, item as Cited<unknown>]);
    return [[key, p as Cited<unknown>]];
  });
}

describe('shipped policies', () => {
  it.each(SHIPPED_POLICIES.map((p) => [p.code, p] as const))('%s validates against the schema unchanged', (_code, policy) => {
    const parsed = parsePolicyDocument(JSON.parse(JSON.stringify(policy)));
    expect(parsed).toEqual({ ok: true, policy });
  });

  it('are found by code, each at version 1', () => {
    expect(findShippedPolicy('CX')).toBe(CX_2018_POLICY);
    expect(findShippedPolicy('MY')).toBe(MY_2018_POLICY);
    expect(findShippedPolicy('XX')).toBeUndefined();
    expect(SHIPPED_POLICIES.map((p) => [p.code, p.version])).toEqual([['CX', 1], ['MY', 1]]);
  });

  it('carry the notices\' numbers', () => {
    const cx = CX_2018_POLICY.parameters;
    expect(cx.staffingMinimum?.value).toEqual({ basis: 'fixed', general: 5, tcmRecipient: 3 });
    expect(cx.onSiteDays?.value.requirements).toEqual([{ termMonths: 12, minDays: 240 }, { termMonths: 6, minDays: 120 }]);
    expect(cx.eligibilityWorkYears?.value).toEqual({ secondary: 5, associate: 5, bachelor: 5, master: 3, doctor: 3 });
    expect(cx.leaveApproval?.value.tiers.map((t) => [t.minWorkingDays, t.onEmergencyRecall, t.approvers.map((a) => a.party)])).toEqual([
      [3, false, ['recipient_director']], [5, true, ['provincial_office', 'prefecture_office']],
    ]);
    expect(cx.quarterlyReport?.value.months).toEqual([1, 4, 7, 10]);
    const my = MY_2018_POLICY.parameters;
    expect(my.intervalVisits?.value).toMatchObject({ minTitle: 'associate_senior', minVisitsPerYear: 12, durationYears: { min: 2, max: 3 }, minCumulativeOnSiteDays: 90 });
    expect(my.segmentedStays?.value).toMatchObject({ minTitle: 'intermediate', continuousStayMonthsPerQuarter: 1, minStaysPerYear: 6, durationYears: { min: 2, max: 2 }, minCumulativeOnSiteDays: 365 });
    expect(my.mentorship?.value.minApprenticesBySupportUnitLevel).toMatchObject({ municipal: 4, county: 3 });
    expect(my.programmeDeadlines?.map((d) => [d.value.key, d.value.date])).toEqual([
      ['county-work-plan', '2018-05-20'], ['registration-forms', '2018-05-20'], ['staff-on-post', '2018-05-23'], ['mentorship-statistics', '2018-05-28'],
    ]);
    // Rules a notice does not have are null, so their verdicts are not_applicable.
    expect([cx.mentorship, cx.intervalVisits, my.onSiteDays, my.leaveApproval, my.spotCheckReplacement]).toEqual([null, null, null, null, null]);
  });

  const seeds = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
  const notices: Record<string, string> = { CX: '000_38af52e9dd02e9e9.txt', MY: '002_26c5fa9078f124e1.txt' };
  // The PDF text breaks lines and pages (“- 3 -”, “—7—”) and renders one 一 as —.
  const normalise = (s: string) => s.replace(/[-—]\s*\d+\s*[-—]/g, '').replace(/\s+/g, '').replace(/—年/g, '一年');

  it.skipIf(!existsSync(seeds)).each(SHIPPED_POLICIES.map((p) => [p.code, p] as const))('%s quotes every parameter word for word from its notice', (code, policy) => {
    const text = normalise(readFileSync(`${seeds}${notices[code]}`, 'utf8'));
    const quoted = citedParameters(policy);
    expect(quoted.length).toBeGreaterThan(10);
    for (const [key, param] of quoted) {
      expect(param.source.quote, key).toBeTruthy();
      for (const fragment of param.source.quote!.split('……')) expect(text, `${key}: ${fragment}`).toContain(normalise(fragment));
    }
  });
});

const DOC = '楚卫通〔2018〕43号';
const SRC = { document: DOC, clause: '二（一）' };

describe('parsePolicyDocument', () => {
  const valid = () => JSON.parse(JSON.stringify(CX_2018_POLICY)) as Record<string, unknown> & { parameters: Record<string, unknown> };

  it('accepts a new region\'s document that leaves out every rule it does not have', () => {
    const parsed = parsePolicyDocument({ ...valid(), code: 'YN-2', parameters: { termMonths: { value: 12, source: { document: '某通知', clause: '一' } } } });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.policy.parameters.termMonths?.value).toBe(12);
      expect(parsed.policy.parameters.onSiteDays).toBeNull();
      expect(parsed.policy.parameters.programmeDeadlines).toBeNull();
    }
  });

  it.each([
    ['a lower-case code', (d: ReturnType<typeof valid>) => { d.code = 'cx'; }, 'code'],
    ['a version that is not a whole number', (d: ReturnType<typeof valid>) => { d.version = 1.5; }, 'version'],
    ['an impossible effective date', (d: ReturnType<typeof valid>) => { d.effectiveFrom = '2018-02-30'; }, 'effectiveFrom'],
    ['a misspelt parameter', (d: ReturnType<typeof valid>) => { d.parameters.onSiteDay = d.parameters.onSiteDays; }, 'parameters'],
    ['a value without its citation', (d: ReturnType<typeof valid>) => { d.parameters.termMonths = { value: 12 }; }, 'parameters.termMonths.source'],
    ['a citation without its clause', (d: ReturnType<typeof valid>) => { d.parameters.termMonths = { value: 12, source: { document: DOC } }; }, 'parameters.termMonths.source.clause'],
    ['a negative staffing minimum', (d: ReturnType<typeof valid>) => { d.parameters.staffingMinimum = { value: { basis: 'fixed', general: -1, tcmRecipient: 3 }, source: SRC }; }, 'parameters.staffingMinimum.value.general'],
    ['an unknown staffing basis', (d: ReturnType<typeof valid>) => { d.parameters.staffingMinimum = { value: { basis: 'guess' }, source: SRC }; }, 'parameters.staffingMinimum.value.basis'],
    ['a leave tier that never applies', (d: ReturnType<typeof valid>) => {
      d.parameters.leaveApproval = { value: { tiers: [{ minWorkingDays: null, onEmergencyRecall: false, approvers: [{ party: 'recipient_director' }] }], filings: [] }, source: SRC };
    }, 'parameters.leaveApproval.value.tiers.0'],
    ['a duration range upside down', (d: ReturnType<typeof valid>) => {
      d.parameters.intervalVisits = { value: { ...MY_2018_POLICY.parameters.intervalVisits!.value, durationYears: { min: 3, max: 2 } }, source: SRC };
    }, 'parameters.intervalVisits.value.durationYears'],
    ['an unknown title level', (d: ReturnType<typeof valid>) => {
      d.parameters.segmentedStays = { value: { ...MY_2018_POLICY.parameters.segmentedStays!.value, minTitle: 'professor' }, source: SRC };
    }, 'parameters.segmentedStays.value.minTitle'],
    ['a quarter month repeated', (d: ReturnType<typeof valid>) => {
      d.parameters.quarterlyReport = { value: { ...CX_2018_POLICY.parameters.quarterlyReport!.value, months: [1, 1, 7, 10] }, source: SRC };
    }, 'parameters.quarterlyReport.value.months'],
  ])('rejects %s, naming the path', (_what, mutate, path) => {
    const doc = valid();
    mutate(doc);
    const parsed = parsePolicyDocument(doc);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toContain(path);
  });
});
