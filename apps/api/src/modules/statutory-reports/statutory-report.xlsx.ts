import ExcelJS from 'exceljs';
import {
  MONTHLY_COLUMN_LABELS, QUARTERLY_COLUMN_LABELS, STATUTORY_REPORT_KIND_LABELS, STATUTORY_REPORT_STATUS_LABELS, type StatutoryReport,
} from '@duikou/contracts';

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const centre = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };

interface Column { header: string; width: number; value(row: Record<string, unknown>): string | number }

const M = MONTHLY_COLUMN_LABELS;
const Q = QUARTERLY_COLUMN_LABELS;
const num = (k: string) => (r: Record<string, unknown>) => Number(r[k] ?? 0);
const text = (k: string) => (r: Record<string, unknown>) => (r[k] === null || r[k] === undefined ? '' : String(r[k]));
const joined = (r: Record<string, unknown>) => (r.personNames as string[]).join('、');

/** The columns of each kind; the first (序号) is written by the table itself. */
export const STATUTORY_COLUMNS: Record<StatutoryReport['kind'], Column[]> = {
  monthly: [
    { header: '受援单位', width: 24, value: text('recipientName') },
    { header: '所在县（市、区）', width: 14, value: text('countyName') },
    { header: M.persons, width: 9, value: num('persons') },
    { header: '在岗人员', width: 24, value: joined },
    { header: M.onSiteDays, width: 9, value: num('onSiteDays') },
    { header: M.leaveDays, width: 9, value: num('leaveDays') },
    { header: M.absentDays, width: 9, value: num('absentDays') },
    { header: M.spotChecks, width: 9, value: num('spotChecks') },
    { header: M.spotPresent, width: 9, value: num('spotPresent') },
    { header: M.spotAbsent, width: 9, value: num('spotAbsent') },
    { header: M.spotOnLeave, width: 9, value: num('spotOnLeave') },
    { header: M.activities, width: 11, value: num('activities') },
  ],
  quarterly: [
    { header: '受援单位', width: 24, value: text('recipientName') },
    { header: '支援单位', width: 24, value: text('supportName') },
    { header: Q.persons, width: 9, value: num('persons') },
    { header: '在岗人员', width: 24, value: joined },
    { header: Q.onSiteDays, width: 9, value: num('onSiteDays') },
    { header: Q.leaveDays, width: 9, value: num('leaveDays') },
    { header: Q.spotAbsences, width: 11, value: num('spotAbsences') },
    { header: '年度协议签订日期', width: 14, value: (r) => (r.agreementSignedOn as string | null) ?? '未签订' },
    { header: Q.visits, width: 12, value: num('visits') },
    { header: Q.visitsLed, width: 10, value: num('visitsLed') },
    { header: Q.taskReports, width: 12, value: num('taskReports') },
  ],
};

/** Totals row: the sum of each numeric column (agreements: how many are signed). */
function totalOf(report: StatutoryReport, c: Column): string | number {
  const t = report.figures.totals as Record<string, number>;
  if (c.header === '在岗人员' || c.header === '受援单位' || c.header === '所在县（市、区）' || c.header === '支援单位') return '';
  if (c.header === '年度协议签订日期') return `已签 ${t.agreementsSigned ?? 0}`;
  const key = Object.entries(report.kind === 'monthly' ? M : Q).find(([, label]) => label === c.header)?.[0];
  return key ? t[key] ?? 0 : '';
}

/**
 * One statutory report as a sheet: a title row with the unit and period, a line with the receiver,
 * due date and status, the header row, one row per recipient (or pairing × support unit), totals.
 */
export async function writeStatutoryReport(report: StatutoryReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口支援帮扶管理平台';
  const kindLabel = STATUTORY_REPORT_KIND_LABELS[report.kind];
  const ws = wb.addWorksheet(kindLabel, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const cols = STATUTORY_COLUMNS[report.kind];
  const width = cols.length + 1;
  ws.columns = [{ width: 6 }, ...cols.map((c) => ({ width: c.width }))];

  ws.mergeCells(1, 1, 1, width);
  Object.assign(ws.getCell(1, 1), { value: `${report.submitter.name}${report.figures.deadline.label}`, font: { name: '方正小标宋简体', size: 16, bold: true }, alignment: centre });
  ws.getRow(1).height = 30;
  const d = report.figures.deadline;
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = [
    `统计期间：${report.figures.from} 至 ${report.figures.to}`, `报送单位：${report.submitter.name}`, `接收单位：${report.receiver.name}`,
    `截止日期：${report.dueDate}${d.postponed ? `（原定 ${d.nominal}，节假日顺延）` : ''}`, `状态：${STATUTORY_REPORT_STATUS_LABELS[report.status]}`,
    report.submittedAt ? `报送时间：${report.submittedAt.slice(0, 10)}${report.late ? `（逾期 ${report.daysLate} 天）` : ''}` : null,
  ].filter(Boolean).join('　');
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(2).height = 32;

  const header = ws.getRow(3);
  ['序号', ...cols.map((c) => c.header)].forEach((h, i) => Object.assign(header.getCell(i + 1), { value: h, font: { name: '黑体', bold: true }, alignment: centre, border }));
  header.height = 30;

  const rows = report.figures.rows as unknown as Record<string, unknown>[];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.getCell(1).value = i + 1;
    cols.forEach((c, j) => { row.getCell(j + 2).value = c.value(r); });
    for (let c = 1; c <= width; c++) Object.assign(row.getCell(c), { border, alignment: { vertical: 'middle', wrapText: true, ...(typeof row.getCell(c).value === 'number' && { horizontal: 'center' }) } });
  });
  const totals = ws.getRow(4 + rows.length);
  totals.getCell(1).value = '合计';
  cols.forEach((c, j) => { totals.getCell(j + 2).value = totalOf(report, c); });
  for (let c = 1; c <= width; c++) Object.assign(totals.getCell(c), { border, font: { bold: true }, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } });
  if (report.note) {
    const r = 5 + rows.length;
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = `填报说明：${report.note}`;
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
