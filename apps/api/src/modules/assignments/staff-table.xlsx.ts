import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { STAFF_TABLE_HEADERS, type StaffTableLayout } from '@duikou/contracts';

export interface StaffTableRow {
  name: string; gender: string; age: number | null; title: string; specialty: string; workYears: number | null; phone: string;
  supportOrg: string; recipientOrg: string; period: string;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Writes dispatched staff in a notice's layout: CX attachment 2 (三级医院对口帮扶下派人员情况统计表) or
 * MY attachment 3 (绵阳市对口支援人员信息统计表, with its 单位/filled-by line and 备注). Streamed: each
 * row is written out as it is made, so a province's 15,000 rows do not sit in memory as a workbook.
 */
export function streamStaffTable(layout: StaffTableLayout, meta: { title: string; unit: string; filledBy: string; filledOn: string }, rows: readonly StaffTableRow[]): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  write(wb, layout, meta, rows).catch((err: Error) => out.destroy(err));
  return out;
}

async function write(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: StaffTableLayout, meta: { title: string; unit: string; filledBy: string; filledOn: string }, rows: readonly StaffTableRow[]): Promise<void> {
  wb.creator = 'Duikou 对口支援帮扶管理平台';
  const sheet = layout === 'cx' ? '附件2' : '附件3';
  const ws = wb.addWorksheet(sheet, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = STAFF_TABLE_HEADERS[layout];
  ws.columns = layout === 'cx'
    ? [6, 10, 6, 6, 14, 16, 10, 15, 26, 26, 26].map((width) => ({ width }))
    : [28, 28, 10, 14, 6, 26, 15].map((width) => ({ width }));
  ws.getCell('A1').value = sheet;
  ws.getCell('A1').font = { name: '黑体', size: 12 };
  ws.mergeCells(2, 1, 2, headers.length);
  const titleCell = ws.getCell(2, 1);
  titleCell.value = meta.title;
  titleCell.font = { name: '方正小标宋简体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(2).height = 32;
  let r = 3;
  if (layout === 'my') {
    ws.mergeCells(3, 1, 3, headers.length);
    ws.getCell(3, 1).value = `单位：${meta.unit}    填表人：${meta.filledBy}    联系电话：    填表时间：${meta.filledOn}`;
    r = 4;
  }
  const headerRow = ws.getRow(r);
  headers.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { name: '黑体', bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  for (let i = 1; i <= r; i++) ws.getRow(i).commit();
  rows.forEach((p, idx) => {
    const row = ws.getRow(r + 1 + idx);
    row.values = layout === 'cx'
      ? [idx + 1, p.name, p.gender, p.age, p.title, p.specialty, p.workYears, p.phone, p.supportOrg, p.recipientOrg, p.period]
      : [p.supportOrg, p.recipientOrg, p.name, p.title, p.gender, p.period, p.phone];
    for (let i = 1; i <= headers.length; i++) {
      row.getCell(i).border = border;
      row.getCell(i).alignment = { vertical: 'middle', wrapText: true };
    }
    row.commit();
  });
  if (layout === 'my') {
    const note = r + rows.length + 1;
    ws.mergeCells(note, 1, note, headers.length);
    ws.getCell(note, 1).value = '备注：各县市区汇总辖区内支援人员信息后报市卫生计生委医政科邮箱，委直属医疗卫生机构、委注册非公立医院直接报送。';
    ws.getCell(note, 1).alignment = { wrapText: true };
  }
  ws.commit();
  await wb.commit();
}
