import ExcelJS from 'exceljs';
import { PAIRING_TABLE_HEADERS, type PairingTableLayout } from '@duikou/contracts';
import type { ErrorDetail } from '../../core/app-error.js';

/** One pairing as the official tables show it. */
export interface PairingTableRow {
  county: string | null;
  recipient: string;
  supports: string[];
  needs: string[];
  minPersons: number | null;
  remarks: string | null;
}
/** A pairing read from a sheet, with the sheet row it starts on (1-based, as Excel shows it). */
export interface ParsedPairing extends Omit<PairingTableRow, 'minPersons'> { row: number; minPersons: number | null | undefined }

export const MAX_IMPORT_ROWS = 5000;
const SEPARATORS = /[、，,；;\n\r]+/;
const splitList = (s: string): string[] => s.split(SEPARATORS).map((x) => x.trim()).filter(Boolean);
const normaliseHeader = (s: string): string => s.replace(/\s+/g, '');

/** Text of a cell, following a merged cell to its master and flattening rich text and formulas. */
function cellText(cell: ExcelJS.Cell): string {
  const v = (cell.isMerged ? cell.master : cell).value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('text' in v) return String(v.text).trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}
const masterAddress = (cell: ExcelJS.Cell): string => (cell.isMerged ? cell.master.address : cell.address);

/** Reads 人员要求: empty or 不作要求 → null; 「每个支援单位每年不少于2人」, 「≥2」 or 2 → 2. */
export function parseMinPersons(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.replace(/\s+/g, '');
  if (t === '' || /不作要求|无要求|^无$|不限|^-$/.test(t)) return { ok: true, value: null };
  const m = t.match(/^(?:每个支援单位每年)?(?:不少于|至少|≥|>=)?(\d{1,3})(?:人|名)?(?:以上)?$/);
  if (!m) return { ok: false };
  return { ok: true, value: Number(m[1]) };
}

export const describeMinPersons = (n: number | null): string => (n === null ? '不作要求' : `每个支援单位每年不少于${n}人`);

/**
 * Reads a pairing table in one of the notices' layouts. Every problem is collected (row, column,
 * reason); the caller writes nothing unless the list is empty.
 */
export async function readPairingTable(buffer: Buffer, layout: PairingTableLayout): Promise<{ pairings: ParsedPairing[]; errors: ErrorDetail[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { pairings: [], errors: [{ message: '无法读取文件：请上传 Excel .xlsx 格式的表格' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { pairings: [], errors: [{ message: '文件中没有工作表' }] };
  const headers = PAIRING_TABLE_HEADERS[layout];
  // The header row: the first of the top rows whose cells hold the layout's headers in order.
  let headerRow = 0;
  let firstCol = 1;
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
    for (let c = 1; c <= 3; c++) {
      const texts = headers.map((_, i) => normaliseHeader(cellText(ws.getCell(r, c + i))));
      if (texts.every((t, i) => t === normaliseHeader(headers[i]!))) { headerRow = r; firstCol = c; break; }
    }
  }
  if (!headerRow) {
    return { pairings: [], errors: [{ row: 1, message: `未找到表头：前 10 行中应有一行依次为「${headers.join('｜')}」（所选表格样式与文件不符？）` }] };
  }
  const col = (name: string): number => firstCol + headers.indexOf(name);
  const errors: ErrorDetail[] = [];
  const out: ParsedPairing[] = [];
  const lastRow = ws.actualRowCount ? ws.rowCount : headerRow;
  if (lastRow - headerRow > MAX_IMPORT_ROWS) {
    return { pairings: [], errors: [{ message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${lastRow - headerRow} 行` }] };
  }
  let groupKey = '';
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = headers.map((h) => ws.getCell(r, col(h)));
    if (cells.every((c) => cellText(c) === '')) continue;
    const get = (h: string) => cellText(ws.getCell(r, col(h)));
    if (layout === 'cx') {
      const recipientCell = ws.getCell(r, col('受援贫困县县级医院'));
      const recipient = get('受援贫困县县级医院');
      const supports = splitList(get('支援医院'));
      // Rows that share a merged 序号 or recipient cell are one recipient with several support hospitals.
      const key = `${masterAddress(ws.getCell(r, col('序号')))}|${masterAddress(recipientCell)}|${recipient}`;
      if (!recipient) errors.push({ row: r, column: '受援贫困县县级医院', message: '不能为空' });
      if (supports.length === 0) errors.push({ row: r, column: '支援医院', message: '不能为空' });
      const prev = out[out.length - 1];
      if (prev && key === groupKey && (ws.getCell(r, col('序号')).isMerged || recipientCell.isMerged)) {
        prev.supports.push(...supports);
      } else {
        out.push({ row: r, county: null, recipient, supports, needs: [], minPersons: undefined, remarks: null });
      }
      groupKey = key;
      continue;
    }
    const recipient = get('受援单位');
    const supports = splitList(get('支援单位'));
    const minText = get('人员要求');
    const min = parseMinPersons(minText);
    const needs = splitList(get('受援单位专业需求'));
    const remarks = get('备注') || null;
    if (!recipient) errors.push({ row: r, column: '受援单位', message: '不能为空' });
    if (supports.length === 0) errors.push({ row: r, column: '支援单位', message: '不能为空' });
    if (!min.ok) errors.push({ row: r, column: '人员要求', message: `无法识别「${minText}」：应为人数（如 2）、「每个支援单位每年不少于2人」或「不作要求」` });
    if (needs.some((n) => n.length > 50)) errors.push({ row: r, column: '受援单位专业需求', message: '每项专业需求不能超过 50 个字符' });
    if (needs.length > 30) errors.push({ row: r, column: '受援单位专业需求', message: '专业需求不能超过 30 项' });
    if (remarks && remarks.length > 1000) errors.push({ row: r, column: '备注', message: '不能超过 1000 个字符' });
    // Rows whose recipient, needs and staffing cells are one merged block are one pairing with several support units.
    const key = ['受援单位', '受援单位专业需求', '人员要求'].map((h) => masterAddress(ws.getCell(r, col(h)))).join('|');
    const merged = ['受援单位', '受援单位专业需求', '人员要求'].every((h) => ws.getCell(r, col(h)).isMerged);
    const prev = out[out.length - 1];
    if (prev && merged && key === groupKey) prev.supports.push(...supports);
    else out.push({ row: r, county: get('受援县市区') || null, recipient, supports, needs, minPersons: min.ok ? min.value : null, remarks });
    groupKey = key;
  }
  if (out.length === 0 && errors.length === 0) errors.push({ row: headerRow + 1, message: '表头下没有数据行' });
  return { pairings: out, errors };
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Writes pairings in a notice's layout: 附件1 mark, merged title, the notice's headers, merged blocks as printed. */
export async function writePairingTable(layout: PairingTableLayout, title: string, rows: PairingTableRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口支援帮扶管理平台';
  const ws = wb.addWorksheet('附件1', { pageSetup: { orientation: layout === 'my' ? 'landscape' : 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = PAIRING_TABLE_HEADERS[layout];
  ws.columns = layout === 'cx'
    ? [{ width: 8 }, { width: 36 }, { width: 30 }]
    : [{ width: 12 }, { width: 30 }, { width: 30 }, { width: 32 }, { width: 22 }, { width: 30 }];
  ws.getCell('A1').value = '附件1';
  ws.getCell('A1').font = { name: '黑体', size: 12 };
  ws.mergeCells(2, 1, 2, headers.length);
  const titleCell = ws.getCell(2, 1);
  titleCell.value = title;
  titleCell.font = { name: '方正小标宋简体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = 36;
  const headerRow = ws.getRow(3);
  headers.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { name: '黑体', bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  let r = 4;
  const style = (row: ExcelJS.Row, n: number) => {
    for (let i = 1; i <= n; i++) {
      row.getCell(i).border = border;
      row.getCell(i).alignment = { vertical: 'middle', wrapText: true, horizontal: i === 1 ? 'center' : 'left' };
    }
  };
  if (layout === 'cx') {
    rows.forEach((p, idx) => {
      const start = r;
      const supports = p.supports.length ? p.supports : [''];
      for (const s of supports) {
        const row = ws.getRow(r);
        row.values = [idx + 1, s, p.recipient];
        style(row, 3);
        r++;
      }
      if (r - 1 > start) {
        ws.mergeCells(start, 1, r - 1, 1);
        ws.mergeCells(start, 3, r - 1, 3);
      }
    });
  } else {
    let countyStart = r;
    rows.forEach((p, idx) => {
      const row = ws.getRow(r);
      row.values = [p.county ?? '', p.recipient, p.supports.join('、'), p.needs.join('、'), describeMinPersons(p.minPersons), p.remarks ?? ''];
      style(row, 6);
      const next = rows[idx + 1];
      // The notice merges the county cell over its recipients.
      if (!next || next.county !== p.county) {
        if (r > countyStart) ws.mergeCells(countyStart, 1, r, 1);
        countyStart = r + 1;
      }
      r++;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
