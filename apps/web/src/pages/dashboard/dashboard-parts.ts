import type { AttentionSeverity, ComparisonLevel, Dashboard, DashboardComparisonRow, DashboardCrumb } from '@duikou/contracts';

/** Tag colour of a needs-attention item: red, orange, blue. */
export const SEVERITY_COLORS: Record<AttentionSeverity, string> = { high: 'red', medium: 'orange', low: 'blue' };
export const SEVERITY_TEXT: Record<AttentionSeverity, string> = { high: '紧急', medium: '关注', low: '提示' };

export const COMPARISON_TITLES: Record<ComparisonLevel, string> = { region: '各地区对比', unit: '各单位对比', person: '派驻人员' };

/** The dashboard URL of a crumb or a comparison row: its region or unit, or the caller's own area. */
export function drillSearch(target: Pick<DashboardCrumb, 'regionCode' | 'orgId'>): string {
  if (target.orgId) return `?orgId=${encodeURIComponent(target.orgId)}`;
  if (target.regionCode) return `?regionCode=${encodeURIComponent(target.regionCode)}`;
  return '';
}

/** Where clicking a comparison row goes: deeper into the dashboard, or a person's assignment; null when it leads nowhere. */
export function rowLink(row: DashboardComparisonRow): string | null {
  if (row.assignmentId) return `/assignments/${row.assignmentId}`;
  if (row.orgId || row.regionCode) return `/dashboard${drillSearch(row)}`;
  return null;
}

export interface FigureCard { key: string; title: string; value: number; to: string | null; tone: 'normal' | 'warn' | 'danger' }

/** The figure cards, each linking to the page where it is acted on. */
export function figureCards(d: Dashboard): FigureCard[] {
  const t = d.today;
  const f = d.figures;
  const tone = (n: number, worst: 'warn' | 'danger' = 'warn'): FigureCard['tone'] => (n > 0 ? worst : 'normal');
  return [
    { key: 'dispatched', title: '今日在派人员', value: t.dispatched, to: '/assignments', tone: 'normal' },
    { key: 'onPost', title: '今日在岗', value: t.onPost, to: '/attendance', tone: 'normal' },
    { key: 'onLeave', title: '今日请假', value: t.onLeave, to: '/leave', tone: 'normal' },
    { key: 'absent', title: '今日缺勤', value: t.absent, to: '/attendance', tone: tone(t.absent, 'danger') },
    { key: 'notCheckedIn', title: t.workingDay === false ? '今日未打卡（休息日）' : '今日未打卡', value: t.notCheckedIn, to: '/attendance', tone: tone(t.notCheckedIn) },
    { key: 'onSite', title: '在岗天数不达标/预警', value: f.onSiteUnmet + f.atRisk, to: '/progress/at-risk', tone: f.onSiteUnmet > 0 ? 'danger' : tone(f.atRisk) },
    { key: 'staffing', title: '派出人数不足', value: f.staffingShort, to: '/staffing', tone: tone(f.staffingShort) },
    { key: 'consequences', title: '接替/职称限制/通报', value: f.replacementsDue + f.promotionBars + f.noticesDue, to: '/spot-checks/consequences', tone: f.replacementsDue + f.promotionBars > 0 ? 'danger' : tone(f.noticesDue) },
    { key: 'agreements', title: '协议未签订/备案', value: f.agreementsMissing, to: '/agreements?tab=coverage&missingOnly=true', tone: tone(f.agreementsMissing) },
    { key: 'quarterly', title: '季度进展逾期', value: f.quarterlyLate, to: '/tasks?tab=quarterly&lateOnly=true', tone: tone(f.quarterlyLate) },
    { key: 'visits', title: '院领导带队不足', value: f.visitsShort, to: '/leadership-visits?shortOnly=true', tone: tone(f.visitsShort) },
    { key: 'approvals', title: '请假审批逾期', value: f.overdueApprovals, to: f.overdueApprovalsMine > 0 ? '/leave?tab=todo' : '/leave', tone: tone(f.overdueApprovals, f.overdueApprovalsMine > 0 ? 'danger' : 'warn') },
  ];
}

/** A short accessible summary of the comparison for screen readers (the chart is a canvas). */
export function describeComparison(rows: readonly DashboardComparisonRow[]): string {
  return rows.map((r) => `${r.name} 在派${r.dispatched}人、在岗${r.onPost}人、缺勤${r.absent}人、在岗天数预警${r.atRisk}项`).join('；');
}

/** The page's subtitle: the day, that today's attendance is live, and when the verdicts were computed (Beijing time). */
export function freshnessText(d: Pick<Dashboard, 'asOf' | 'verdictsAt'>): string {
  const at = new Date(d.verdictsAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `数据截至 ${d.asOf}（北京时间）：今日考勤为实时数据；规则判定与趋势计算于 ${at}，本人操作即时更新，打卡与他人操作约一分钟内更新`;
}
