import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { stay } from '../test/facts.js';
import { fixtureCalendar } from '../test/holidays.fixture.js';
import type { AssignmentMode } from '../vocabulary.js';
import { evaluateOffSiteGuidance } from './off-site-guidance.rule.js';

const cal = fixtureCalendar();
// A segmented stayer on site for the whole of July 2019, off site in June and August.
const attendance = stay(cal, '2019-07-01', '2019-07-31');
const run = (guidanceDates: string[], today = '2019-09-01', mode: AssignmentMode | null = 'segmented_stays', policy = MY_2018_POLICY) => evaluateOffSiteGuidance({
  policy, calendar: cal, today, attendance,
  assignment: { id: 'a-1', start: '2019-06-01', end: '2019-08-31', mode },
  guidance: guidanceDates.map((date) => ({ id: `g-${date}`, date })),
});

describe('off-site guidance recorded between stays (MY 二（一）（二）)', () => {
  it.each([
    ['both off-site months guided', ['2019-06-12', '2019-08-20'], '2019-09-01', 'met', []],
    ['June without a record', ['2019-08-20'], '2019-09-01', 'unmet', ['2019-06']],
    ['guidance during the stay does not count for the months off site', ['2019-07-10'], '2019-09-01', 'unmet', ['2019-06', '2019-08']],
    ['August under way, no record yet', ['2019-06-12'], '2019-08-15', 'at_risk', []],
  ] as const)('%s: %s', (_what, dates, today, status, missing) => {
    const { months, verdict } = run([...dates], today);
    expect(verdict).toMatchObject({ ruleId: 'off-site.guidance', status, citation: '绵阳市卫生计生委“传帮带”通知（2018年5月10日） 二（一）（二）' });
    expect(months.filter((m) => m.status === 'missing').map((m) => m.month)).toEqual(missing);
  });

  it('lists the off-site months with their working days off site and records', () => {
    const { months, verdict } = run(['2019-06-12', '2019-06-20', '2019-08-20']);
    expect(months).toEqual([
      { month: '2019-06', offSiteWorkingDays: 19, guidanceRecords: 2, status: 'ok' }, // June 2019: 20 working days less the Dragon Boat Festival
      { month: '2019-08', offSiteWorkingDays: 22, guidanceRecords: 1, status: 'ok' },
    ]);
    expect(verdict).toMatchObject({ figures: { offSiteMonths: 2, guidedMonths: 2, guidanceRecords: 3 }, evidence: ['a-1', 'g-2019-06-12', 'g-2019-06-20', 'g-2019-08-20'] });
  });

  it.each([
    ['a resident (CX-style) member', 'resident', MY_2018_POLICY],
    ['CX, which has no such rule', 'segmented_stays', CX_2018_POLICY],
  ] as const)('%s: not applicable', (_what, mode, policy) => {
    expect(run([], '2019-09-01', mode, policy).verdict.status).toBe('not_applicable');
  });
});
