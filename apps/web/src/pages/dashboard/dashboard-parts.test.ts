import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardComparisonRow } from '@duikou/contracts';
import { drillSearch, figureCards, freshnessText, rowLink } from './dashboard-parts';

const row = (over: Partial<DashboardComparisonRow>): DashboardComparisonRow => ({
  key: 'k', name: 'n', regionCode: null, orgId: null, assignmentId: null, dispatched: 0, onPost: 0, onLeave: 0, absent: 0, notCheckedIn: 0, atRisk: 0,
  onSiteDays: 0, leaveDays: 0, spotCheckAbsences: 0, ...over,
});

describe('dashboard parts', () => {
  it('says that today is live and when the verdicts were computed, in Beijing time', () => {
    expect(freshnessText({ asOf: '2026-11-24', verdictsAt: '2026-11-24T00:05:09.000Z' }))
      .toBe('数据截至 2026-11-24（北京时间）：今日考勤为实时数据；规则判定与趋势计算于 08:05:09，本人操作即时更新，打卡与他人操作约一分钟内更新');
  });
  it('drills to a unit before a region, and back to the own area without either', () => {
    expect(drillSearch({ regionCode: '532329', orgId: null })).toBe('?regionCode=532329');
    expect(drillSearch({ regionCode: '532329', orgId: 'o1' })).toBe('?orgId=o1');
    expect(drillSearch({ regionCode: null, orgId: null })).toBe('');
  });
  it('links a region or unit row deeper into the dashboard, a person to the assignment, and the rest nowhere', () => {
    expect(rowLink(row({ regionCode: '532329' }))).toBe('/dashboard?regionCode=532329');
    expect(rowLink(row({ orgId: 'o1' }))).toBe('/dashboard?orgId=o1');
    expect(rowLink(row({ assignmentId: 'a1', orgId: 'o1' }))).toBe('/assignments/a1');
    expect(rowLink(row({ key: '_outside' }))).toBeNull();
  });
  it('colours the figure cards by what they mean and sends overdue approvals of the caller to 待我审批', () => {
    const d = {
      today: { dispatched: 3, onPost: 1, onLeave: 0, absent: 1, notCheckedIn: 1, workingDay: true },
      figures: {
        atRisk: 0, onSiteUnmet: 1, notJudged: 0, staffingShort: 0, replacementsDue: 0, promotionBars: 0, noticesDue: 1, selfChecksOwed: 0,
        agreementsMissing: 0, quarterlyLate: 0, visitsShort: 0, overdueApprovals: 1, overdueApprovalsMine: 1,
      },
    } as Dashboard;
    const cards = Object.fromEntries(figureCards(d).map((c) => [c.key, c]));
    expect(cards.absent).toMatchObject({ value: 1, tone: 'danger' });
    expect(cards.onSite).toMatchObject({ value: 1, tone: 'danger', to: '/progress/at-risk' });
    expect(cards.consequences).toMatchObject({ value: 1, tone: 'warn' });
    expect(cards.approvals).toMatchObject({ value: 1, tone: 'danger', to: '/leave?tab=todo' });
    expect(cards.staffing).toMatchObject({ value: 0, tone: 'normal' });
  });
});
