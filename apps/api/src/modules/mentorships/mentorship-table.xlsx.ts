import ExcelJS from 'exceljs';
import { MENTORSHIP_TABLE_HEADERS, MENTORSHIP_TABLE_TITLE } from '@duikou/contracts';

export interface MentorshipTableGroup {
  supportOrg: string; recipientOrg: string; mentorName: string; mentorSpecialtyTitle: string; signedOn: string;
  apprentices: { name: string; specialtyTitle: string; learningSpecialty: string; learningGoal: string }[];
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const centre = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };

/**
 * MY 附件4 绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执, as printed: 支援机构名称 | 受援机构名称 |
 * 支援人员信息（姓名 | 专业及职称 | 带教人数） | 跟学人员信息（姓名 | 专业及职称 | 跟学专业 | 学习目标） |
 * 签订师带徒协议时间. The single columns span both header rows; a mentor's cells span their apprentices' rows.
 */
export async function writeMentorshipTable(groups: MentorshipTableGroup[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口支援帮扶管理平台';
  const ws = wb.addWorksheet('附件4', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [24, 24, 10, 16, 8, 10, 16, 14, 30, 14].map((width) => ({ width }));
  ws.getCell('A1').value = '附件4';
  ws.getCell('A1').font = { name: '黑体', size: 12 };
  ws.mergeCells(2, 1, 2, 10);
  Object.assign(ws.getCell(2, 1), { value: MENTORSHIP_TABLE_TITLE, font: { name: '方正小标宋简体', size: 16, bold: true }, alignment: centre });
  ws.getRow(2).height = 32;
  const cols = MENTORSHIP_TABLE_HEADERS.columns;
  // Header: rows 3–4. Single columns span both rows; the two groups head their columns.
  for (const c of [1, 2, 10]) ws.mergeCells(3, c, 4, c);
  ws.mergeCells(3, 3, 3, 5);
  ws.mergeCells(3, 6, 3, 9);
  ws.getCell(3, 1).value = cols[0];
  ws.getCell(3, 2).value = cols[1];
  ws.getCell(3, 3).value = MENTORSHIP_TABLE_HEADERS.groups[0];
  ws.getCell(3, 6).value = MENTORSHIP_TABLE_HEADERS.groups[1];
  ws.getCell(3, 10).value = cols[9];
  for (let c = 3; c <= 9; c++) ws.getCell(4, c).value = cols[c - 1];
  for (const r of [3, 4]) {
    for (let c = 1; c <= 10; c++) Object.assign(ws.getCell(r, c), { font: { name: '黑体', bold: true }, alignment: centre, border });
  }
  let r = 5;
  for (const g of groups) {
    const rows = Math.max(1, g.apprentices.length);
    g.apprentices.forEach((a, i) => {
      const row = ws.getRow(r + i);
      row.getCell(6).value = a.name;
      row.getCell(7).value = a.specialtyTitle;
      row.getCell(8).value = a.learningSpecialty;
      row.getCell(9).value = a.learningGoal;
    });
    const first = ws.getRow(r);
    first.getCell(1).value = g.supportOrg;
    first.getCell(2).value = g.recipientOrg;
    first.getCell(3).value = g.mentorName;
    first.getCell(4).value = g.mentorSpecialtyTitle;
    first.getCell(5).value = g.apprentices.length;
    first.getCell(10).value = g.signedOn;
    if (rows > 1) for (const c of [1, 2, 3, 4, 5, 10]) ws.mergeCells(r, c, r + rows - 1, c);
    for (let i = 0; i < rows; i++) for (let c = 1; c <= 10; c++) Object.assign(ws.getCell(r + i, c), { border, alignment: { vertical: 'middle', wrapText: true, ...(c === 5 && { horizontal: 'center' }) } });
    r += rows;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
