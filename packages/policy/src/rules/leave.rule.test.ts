import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { fixtureCalendar } from '../test/holidays.fixture.js';
import { evaluateLeave, type LeaveInput } from './leave.rule.js';

const cal = fixtureCalendar();
const leave = (from: string, to: string, emergencyRecall = false, over: Partial<LeaveInput> = {}) =>
  evaluateLeave({ policy: CX_2018_POLICY, calendar: cal, today: '2019-01-02', leave: { id: 'lv-1', from, to, emergencyRecall }, ...over });
const parties = (steps: { party: string }[]) => steps.map((s) => s.party);

describe('leave approvals and filings (CX 二（四）)', () => {
  it.each([
    // 2019-03-04 is a Monday; the weekend 03-09/10 does not count.
    ['2019-03-04', '2019-03-05', 2, []],
    ['2019-03-04', '2019-03-06', 3, ['recipient_director']],
    ['2019-03-04', '2019-03-07', 4, ['recipient_director']],
    ['2019-03-04', '2019-03-08', 5, ['recipient_director', 'provincial_office', 'prefecture_office']],
    ['2019-03-04', '2019-03-11', 6, ['recipient_director', 'provincial_office', 'prefecture_office']],
    // Across National Day 2019: 09-27, 09-29 (Sun, worked), 09-30, 10-08 … 10-11, 10-12 (Sat, worked).
    ['2019-09-27', '2019-10-12', 8, ['recipient_director', 'provincial_office', 'prefecture_office']],
    ['2019-10-01', '2019-10-07', 0, []],
    ['2019-09-30', '2019-10-08', 2, []],
    ['2019-09-29', '2019-10-08', 3, ['recipient_director']],
    // Across Spring Festival 2019: 02-01, 02-02 and 02-03 (worked weekend), 02-11.
    ['2019-02-01', '2019-02-11', 4, ['recipient_director']],
  ])('%s … %s: %i working days → %j', (from, to, days, approvers) => {
    const result = leave(from, to);
    expect(result.workingDays).toBe(days);
    expect(parties(result.approvals)).toEqual(approvers);
    // Every leave note is filed with both project offices, however short.
    expect(parties(result.filings)).toEqual(['provincial_project_office', 'prefecture_project_office']);
  });

  it('labels approvers in the notice\'s words', () => {
    expect(leave('2019-03-04', '2019-03-08').approvals.map((a) => a.label)).toEqual(['派驻医院院长', '省卫生计生委医政医管处', '州卫生计生委医政医管科']);
  });

  it('an emergency recall needs the provincial and prefecture offices however short', () => {
    const result = leave('2019-03-04', '2019-03-04', true);
    expect(result).toMatchObject({ workingDays: 1, emergencyRecall: true });
    expect(parties(result.approvals)).toEqual(['provincial_office', 'prefecture_office']);
  });

  it('checks what is on record: missing before the leave is at risk, after it unmet', () => {
    const recorded = { approvals: [{ party: 'recipient_director' as const, id: 'ap-1' }, { party: 'provincial_office' as const, id: 'ap-2' }], filings: [] };
    const before = leave('2019-03-04', '2019-03-08', false, { recorded, today: '2019-03-01' });
    expect(before.verdicts[0]).toMatchObject({ ruleId: 'leave.approvals', status: 'at_risk', figures: { required: 3, recorded: 2, missing: '州卫生计生委医政医管科' }, evidence: ['lv-1', 'ap-1', 'ap-2'] });
    const during = leave('2019-03-04', '2019-03-08', false, { recorded, today: '2019-03-05' });
    expect(during.verdicts[0]).toMatchObject({ status: 'unmet' });
    expect(during.verdicts[0]!.explanation).toContain('计 5 个工作日');
    expect(during.verdicts[1]).toMatchObject({ ruleId: 'leave.filings', status: 'unmet', figures: { missing: '省级项目管理办公室、州级项目管理办公室' } });
    const all = {
      approvals: [...recorded.approvals, { party: 'prefecture_office' as const, id: 'ap-3' }],
      filings: [{ party: 'provincial_project_office' as const, id: 'f-1' }, { party: 'prefecture_project_office' as const, id: 'f-2' }],
    };
    expect(leave('2019-03-04', '2019-03-08', false, { recorded: all, today: '2019-03-05' }).verdicts.map((v) => v.status)).toEqual(['met', 'met']);
  });

  it('a leave needing no approval says so', () => {
    expect(leave('2019-03-04', '2019-03-05').verdicts[0]).toMatchObject({ status: 'not_applicable', figures: { workingDays: 2 } });
  });

  it('MY has no leave tiers but still counts the working days', () => {
    const result = evaluateLeave({ policy: MY_2018_POLICY, calendar: cal, today: '2019-01-01', leave: { id: 'lv-2', from: '2019-09-27', to: '2019-10-12', emergencyRecall: false } });
    expect(result).toMatchObject({ workingDays: 8, approvals: [], filings: [] });
    expect(result.verdicts.map((v) => v.status)).toEqual(['not_applicable', 'not_applicable']);
  });

  it('refuses a leave reaching into a year with no calendar', () => {
    expect(() => leave('2020-12-28', '2021-01-05')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2021 }));
  });
});
