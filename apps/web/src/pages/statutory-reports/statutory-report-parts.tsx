import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  MONTHLY_COLUMN_LABELS, QUARTERLY_COLUMN_LABELS, STATUTORY_REPORT_STATUS_LABELS, SUBMISSION_STATE_LABELS,
  type MonthlyRow, type QuarterlyRow, type ReportDeadline, type Role, type StatutoryReport, type StatutoryReportKind, type StatutoryReportStatus, type SubmissionState,
} from '@duikou/contracts';

/** Which kind a role sends (报送) and which it receives (接收). */
export const SUBMITS: Partial<Record<Role, StatutoryReportKind>> = { support_unit: 'monthly', county_office: 'quarterly' };
export const RECEIVES: Partial<Record<Role, StatutoryReportKind>> = { province_office: 'monthly', prefecture_office: 'quarterly' };

/** Colours of a submitter's state in the receiver's grid: red missing, orange late, green on time. */
export const STATE_COLORS: Record<SubmissionState, string> = {
  on_time: 'success', late: 'orange', sent_back: 'gold', missing: 'error', draft: 'default', not_due: 'default',
};
export const STATUS_COLORS: Record<StatutoryReportStatus, string> = { draft: 'default', submitted: 'processing', sent_back: 'warning', accepted: 'success' };

export function StateTag({ state, daysLate }: { state: SubmissionState; daysLate?: number | null }) {
  const days = (state === 'late' || state === 'missing') && daysLate ? `（${daysLate} 天）` : '';
  return <Tag color={STATE_COLORS[state]}>{SUBMISSION_STATE_LABELS[state]}{days}</Tag>;
}

export function StatusTag({ status }: { status: StatutoryReportStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUTORY_REPORT_STATUS_LABELS[status]}</Tag>;
}

/** "2026-10-08（原定 2026-10-05，节假日顺延）". */
export function deadlineText(d: Pick<ReportDeadline, 'due' | 'nominal' | 'postponed'>): string {
  return d.postponed ? `${d.due}（原定 ${d.nominal}，节假日顺延）` : d.due;
}

/** The lateness of a submitted report in words, or null while not submitted. */
export function lateText(r: Pick<StatutoryReport, 'late' | 'daysLate'>): string | null {
  if (r.late === null) return null;
  return r.late ? `逾期 ${r.daysLate} 天报送` : '按时报送';
}

/** The three steps of a report and where it stands: 生成 → 报送 → 接收 (a send-back returns it to the submitter). */
export function stepsOf(status: StatutoryReportStatus): { current: number; status: 'process' | 'finish' | 'error' } {
  switch (status) {
    case 'draft': return { current: 1, status: 'process' };
    case 'submitted': return { current: 2, status: 'process' };
    case 'sent_back': return { current: 1, status: 'error' };
    case 'accepted': return { current: 2, status: 'finish' };
  }
}

type Row = MonthlyRow | QuarterlyRow;
const n = (title: string, key: string, width = 78) => ({ title, dataIndex: key, key, width, align: 'center' as const });

/** The figures table's columns for a kind (same headings as the .xlsx export). */
export function figureColumns(kind: StatutoryReportKind): ColumnsType<Row> {
  const names = { title: '在岗人员', dataIndex: 'personNames', key: 'personNames', width: 150, render: (v: string[]) => v.join('、') || '—' };
  if (kind === 'monthly') {
    const M = MONTHLY_COLUMN_LABELS;
    return [
      { title: '受援单位', dataIndex: 'recipientName', key: 'recipientName', width: 160, fixed: 'left' },
      { title: '所在县（市、区）', dataIndex: 'countyName', key: 'countyName', width: 110, render: (v: string | null) => v ?? '—' },
      n(M.persons, 'persons'), names, n(M.onSiteDays, 'onSiteDays'), n(M.leaveDays, 'leaveDays'), n(M.absentDays, 'absentDays'),
      n(M.spotChecks, 'spotChecks'), n(M.spotPresent, 'spotPresent'), n(M.spotAbsent, 'spotAbsent'), n(M.spotOnLeave, 'spotOnLeave'), n(M.activities, 'activities', 100),
    ] as ColumnsType<Row>;
  }
  const Q = QUARTERLY_COLUMN_LABELS;
  return [
    { title: '受援单位', dataIndex: 'recipientName', key: 'recipientName', width: 170, fixed: 'left' },
    { title: '支援单位', dataIndex: 'supportName', key: 'supportName', width: 170 },
    n(Q.persons, 'persons'), names, n(Q.onSiteDays, 'onSiteDays'), n(Q.leaveDays, 'leaveDays'), n(Q.spotAbsences, 'spotAbsences', 110),
    { title: '年度协议签订日期', dataIndex: 'agreementSignedOn', key: 'agreementSignedOn', width: 130, render: (v: string | null) => v ?? <Tag>未签订</Tag> },
    n(Q.visits, 'visits', 120), n(Q.visitsLed, 'visitsLed', 100), n(Q.taskReports, 'taskReports', 120),
  ] as ColumnsType<Row>;
}

/** The value of the totals row under a column (agreements: how many are signed). */
export function totalCell(kind: StatutoryReportKind, key: string, totals: Record<string, number>): string | number {
  if (kind === 'quarterly' && key === 'agreementSignedOn') return `已签 ${totals.agreementsSigned ?? 0}`;
  return key in totals ? totals[key]! : '';
}
