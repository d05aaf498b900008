import ExcelJS from 'exceljs';
import {
  EDUCATION_LABELS, EDUCATION_LEVELS, GENDER_LABELS, PERSON_IMPORT_COLUMNS, PERSON_IMPORT_MAX_ROWS, TITLE_LEVEL_LABELS, TITLE_LEVELS,
  type EducationLevel, type TitleLevel,
} from '@duikou/contracts';
import type { ErrorDetail } from '../../core/app-error.js';

type Column = (typeof PERSON_IMPORT_COLUMNS)[number];
export type PersonField = Column['field'];
const HEADER_OF = Object.fromEntries(PERSON_IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<PersonField, string>;
export const headerOf = (field: string): string => HEADER_OF[field as PersonField] ?? field;

/** Other spellings of a header seen in units' own sheets (the notice's form labels among them). */
const HEADER_ALIASES: Partial<Record<PersonField, string[]>> = {
  workStartDate: ['参加工作时间'],
  employerOrgId: ['工作单位名称', '单位名称', '所在单位'],
  idNumber: ['身份证号码', '公民身份号码'],
  mobile: ['手机', '手机号码', '移动电话'],
  qqWechat: ['QQ', '微信', 'QQ号', 'QQ/微信号', 'QQ或微信'],
  recommendedForLeadership: ['是否推荐担任领导职务', '是否推荐担任受援单位（科室）领导职务', '是否推荐担任受援单位领导职务'],
  recommendedPost: ['推荐担任职务', '具体担任何领导职务'],
  employerOpinion: ['单位意见'],
  resume: ['简历'],
};
const normaliseHeader = (s: string): string => s.replace(/\s+/g, '').replace(/[／]/g, '/').replace(/[(]/g, '（').replace(/[)]/g, '）').replace(/[*＊]/g, '').toUpperCase();
const HEADER_LOOKUP = new Map<string, PersonField>();
for (const c of PERSON_IMPORT_COLUMNS) {
  for (const h of [c.header, ...(HEADER_ALIASES[c.field] ?? [])]) HEADER_LOOKUP.set(normaliseHeader(h), c.field);
}

/** Words accepted for the enumerations besides the labels themselves. */
const EDUCATION_WORDS: Record<string, EducationLevel> = {
  ...Object.fromEntries(EDUCATION_LEVELS.map((l) => [EDUCATION_LABELS[l], l])),
  中专: 'secondary', 高中: 'secondary', 初中: 'secondary', 中专及以下: 'secondary',
  专科: 'associate', 大专: 'associate', 大学专科: 'associate',
  本科: 'bachelor', 大学本科: 'bachelor', 大学: 'bachelor',
  硕士: 'master', 研究生: 'master', 硕士研究生: 'master',
  博士: 'doctor', 博士研究生: 'doctor',
};
const TITLE_LEVEL_WORDS: Record<string, TitleLevel> = {
  ...Object.fromEntries(TITLE_LEVELS.map((l) => [TITLE_LEVEL_LABELS[l], l])),
  无: 'none', 未评: 'none', 未定级: 'none', 初级职称: 'junior', 中级职称: 'intermediate',
  副高: 'associate_senior', 副高级职称: 'associate_senior', 正高: 'senior', 正高级职称: 'senior',
};
const GENDER_WORDS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', 男性: 'male', 女性: 'female' };
const YES = new Set(['是', '推荐', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '不推荐', 'N', 'NO', 'FALSE', '0', '无', '']);

type Raw = string | number | boolean | Date | null;

/** A cell's value with rich text, hyperlinks and formulas flattened. */
function rawValue(cell: ExcelJS.Cell): Raw {
  const v = (cell.isMerged ? cell.master : cell).value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) {
      const r: unknown = v.result;
      return r instanceof Date || typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? r : null;
    }
    if ('text' in v) {
      const t: unknown = v.text;
      return typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') : null;
    }
    return null;
  }
  return v as Raw;
}
const textOf = (v: Raw): string => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();

const pad = (n: number | string): string => String(n).padStart(2, '0');
/** Excel's serial day number (1900 date system) → YYYY-MM-DD. */
const fromSerial = (n: number): string => new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);

/** A date as typed or stored: Excel date cell, serial number, 2008-07-01, 2008/7/1, 2008.07.01, 2008年7月1日, 20080701. */
export function parseDateCell(v: Raw): { ok: true; value: string } | { ok: false } {
  if (v instanceof Date) return { ok: true, value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000) return { ok: true, value: fromSerial(v) };
  const t = textOf(v);
  const m = t.match(/^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/) ?? t.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return { ok: false };
  return { ok: true, value: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` };
}

/** A month: Excel date cell, 1985-06, 1985/6, 1985.06, 1985年6月, 198506 (a full date is cut to its month). */
export function parseMonthCell(v: Raw): { ok: true; value: string } | { ok: false; ambiguous?: boolean } {
  if (v instanceof Date) return { ok: true, value: v.toISOString().slice(0, 7) };
  // 1985.10 typed into a number cell arrives as 1985.1: October or January cannot be told apart.
  if (typeof v === 'number' && !Number.isInteger(v) && /^\d{4}\.\d$/.test(String(v))) return { ok: false, ambiguous: true };
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000) return { ok: true, value: fromSerial(v).slice(0, 7) };
  const t = textOf(v);
  const m = t.match(/^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/) ?? t.match(/^(\d{4})(\d{2})$/);
  if (m) return { ok: true, value: `${m[1]}-${pad(m[2]!)}` };
  const d = parseDateCell(t);
  return d.ok ? { ok: true, value: d.value.slice(0, 7) } : { ok: false };
}

/** One data row of the sheet: the values for personCreateSchema (employer still a name) and the cells already found bad. */
export interface PersonTableRow {
  row: number;
  employerName: string;
  input: Record<string, unknown>;
  /** Headers of the cells that already have an error (so schema checks do not repeat them). */
  badColumns: Set<string>;
}

const DATE_FIELDS = new Set<PersonField>(['workStartDate', 'graduationDate', 'specialtySince']);

/**
 * Reads the person sheet (header row anywhere in the first 5 rows, columns in any order). Every cell
 * that cannot be read is collected as { row, column, message }; the caller writes nothing unless
 * there are none after its own checks.
 */
export async function readPersonTable(buffer: Buffer): Promise<{ rows: PersonTableRow[]; errors: ErrorDetail[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ message: '无法读取文件：请上传 Excel .xlsx 格式的表格（可先下载导入模板）' }] };
  }
  const ws = wb.worksheets.find((w) => w.name !== '填写说明') ?? wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ message: '文件中没有工作表' }] };

  let headerRow = 0;
  const columnOf = new Map<PersonField, number>();
  for (let r = 1; r <= Math.min(Math.max(ws.rowCount, 1), 5) && !headerRow; r++) {
    const found = new Map<PersonField, number>();
    ws.getRow(r).eachCell((cell, c) => {
      const field = HEADER_LOOKUP.get(normaliseHeader(textOf(rawValue(cell))));
      if (field && !found.has(field)) found.set(field, c);
    });
    if (found.has('name') && found.has('idNumber')) {
      headerRow = r;
      for (const [f, c] of found) columnOf.set(f, c);
    }
  }
  if (!headerRow) return { rows: [], errors: [{ row: 1, message: '未找到表头：前 5 行中应有一行含「姓名」「身份证号」等列（请使用导入模板）' }] };
  const missing = PERSON_IMPORT_COLUMNS.filter((c) => c.required && !columnOf.has(c.field));
  if (missing.length) return { rows: [], errors: missing.map((c) => ({ row: headerRow, column: c.header, message: `缺少必填列「${c.header}」` })) };

  const lastRow = ws.rowCount;
  const errors: ErrorDetail[] = [];
  const rows: PersonTableRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const raw = new Map<PersonField, Raw>();
    for (const [f, c] of columnOf) raw.set(f, rawValue(ws.getCell(r, c)));
    if ([...raw.values()].every((v) => textOf(v) === '')) continue;
    if (rows.length === PERSON_IMPORT_MAX_ROWS) {
      return { rows: [], errors: [{ row: r, message: `一次最多导入 ${PERSON_IMPORT_MAX_ROWS} 人：请把文件拆分后分批导入` }] };
    }
    const out: PersonTableRow = { row: r, employerName: '', input: {}, badColumns: new Set() };
    const fail = (field: PersonField, message: string) => {
      errors.push({ row: r, column: HEADER_OF[field], field, message });
      out.badColumns.add(HEADER_OF[field]);
    };
    for (const [field, v] of raw) {
      const text = textOf(v);
      const header = HEADER_OF[field];
      if (text === '') {
        if (field === 'recommendedForLeadership') out.input[field] = false;
        else if (PERSON_IMPORT_COLUMNS.find((c) => c.field === field)?.required) fail(field, `${header}不能为空`);
        continue;
      }
      switch (field) {
        case 'employerOrgId': out.employerName = text; break;
        case 'gender': {
          const g = GENDER_WORDS[text];
          if (g) out.input.gender = g; else fail(field, `性别「${text}」无法识别：应为 ${Object.values(GENDER_LABELS).join(' 或 ')}`);
          break;
        }
        case 'education': {
          const e = EDUCATION_WORDS[text.replace(/\s+/g, '')];
          if (e) out.input.education = e; else fail(field, `学历「${text}」不是可选值：${EDUCATION_LEVELS.map((l) => EDUCATION_LABELS[l]).join('、')}`);
          break;
        }
        case 'titleLevel': {
          const l = TITLE_LEVEL_WORDS[text.replace(/\s+/g, '')];
          if (l) out.input.titleLevel = l; else fail(field, `职称级别「${text}」不是可选值：${TITLE_LEVELS.map((x) => TITLE_LEVEL_LABELS[x]).join('、')}`);
          break;
        }
        case 'recommendedForLeadership': {
          const u = typeof v === 'boolean' ? (v ? '是' : '否') : text.toUpperCase();
          if (YES.has(u)) out.input[field] = true; else if (NO.has(u)) out.input[field] = false; else fail(field, `「${text}」无法识别：应为 是 或 否`);
          break;
        }
        case 'birthMonth': {
          const m = parseMonthCell(v);
          if (m.ok) out.input.birthMonth = m.value;
          else fail(field, m.ambiguous ? `出生年月「${text}」有歧义（1 月还是 10 月？）：请按文本填写为 YYYY-MM，如 1985-10` : `出生年月「${text}」无法识别：应为 YYYY-MM，如 1985-06`);
          break;
        }
        case 'idNumber':
          // 18 digits stored as a number lose their last digits (Excel keeps 15 significant digits).
          if (typeof v === 'number') fail(field, '身份证号被存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写');
          else out.input.idNumber = text.replace(/\s+/g, '');
          break;
        default:
          if (DATE_FIELDS.has(field)) {
            const d = parseDateCell(v);
            if (d.ok) out.input[field] = d.value; else fail(field, `${header}「${text}」无法识别：应为 YYYY-MM-DD，如 2008-07-01`);
          } else {
            out.input[field] = text;
          }
      }
    }
    rows.push(out);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: headerRow + 1, message: '表头下没有数据行' });
  return { rows, errors };
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const WIDTHS: Partial<Record<PersonField, number>> = {
  name: 10, gender: 6, birthMonth: 10, education: 12, workStartDate: 12, school: 22, graduationDate: 12, employerOrgId: 26, titleLevel: 10,
  specialty: 14, specialtySince: 14, idNumber: 22, officePhone: 15, mobile: 14, qqWechat: 14, resume: 40, recommendedForLeadership: 12,
  recommendedPost: 14, employerOpinion: 24,
};
/** Columns typed as text so Excel keeps leading zeros and all 18 digits of an ID number. */
const TEXT_FIELDS = new Set<PersonField>(['idNumber', 'mobile', 'officePhone', 'qqWechat', 'birthMonth', 'workStartDate', 'graduationDate', 'specialtySince']);
const TEMPLATE_ROWS = 500;

/** The import template: one header row (MY 附件2 fields), drop-down lists, and a 填写说明 sheet with the allowed values. */
export async function writePersonTemplate(employerNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口支援帮扶管理平台';
  const ws = wb.addWorksheet('人员', { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = wb.addWorksheet('填写说明');
  ws.columns = PERSON_IMPORT_COLUMNS.map((c) => ({
    header: c.header, key: c.field, width: WIDTHS[c.field] ?? 10, style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.height = 22;
  PERSON_IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF4FB' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = border;
  });

  // 填写说明: one row per column, then the organisations the caller may register staff of.
  help.columns = [{ header: '列', key: 'col', width: 16 }, { header: '是否必填', key: 'req', width: 10 }, { header: '填写要求', key: 'rule', width: 70 }];
  help.getRow(1).font = { bold: true };
  const rules: Record<PersonField, string> = {
    name: '姓名', gender: '男 / 女（须与身份证号一致）', birthMonth: 'YYYY-MM，如 1985-06（须与身份证号一致）', ethnicity: '如 汉族', party: '如 中共党员、群众',
    education: `${EDUCATION_LEVELS.map((l) => EDUCATION_LABELS[l]).join(' / ')}`, degree: '如 学士、硕士',
    workStartDate: 'YYYY-MM-DD，如 2008-07-01（也可用 Excel 日期格式）', school: '', graduationDate: 'YYYY-MM-DD', employerOrgId: '机构全称，须为下方「可填写的工作单位」之一',
    post: '如 科主任', title: '如 主治医师', titleLevel: `${TITLE_LEVELS.map((l) => TITLE_LEVEL_LABELS[l]).join(' / ')}`, specialty: '如 急诊科',
    specialtySince: 'YYYY-MM-DD', idNumber: '18 位居民身份证号（末位可为 X），按文本填写；同一身份证号只能登记一次', officePhone: '如 0816-2222333',
    mobile: '11 位手机号', qqWechat: '', resume: '学习、工作经历（单元格内可换行）', recommendedForLeadership: '是 / 否（空白视为否）',
    recommendedPost: '推荐担任的受援单位（科室）领导职务', employerOpinion: '所在单位意见',
  };
  for (const c of PERSON_IMPORT_COLUMNS) help.addRow({ col: c.header, req: c.required ? '必填' : '', rule: rules[c.field] });
  help.addRow({});
  help.addRow({ col: '说明', rule: '第一行表头不要修改；每行一人；红色表头为必填列。导入时逐行校验，只要有一处错误，整个文件都不会写入。' });
  help.addRow({});
  const listTitle = help.addRow({ col: '可填写的工作单位' });
  listTitle.font = { bold: true };
  const firstOrgRow = listTitle.number + 1;
  for (const n of employerNames) help.addRow({ col: n });
  help.mergeCells(firstOrgRow - 1, 1, firstOrgRow - 1, 3);
  for (let r = firstOrgRow; r < firstOrgRow + employerNames.length; r++) help.mergeCells(r, 1, r, 3);

  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true, errorTitle: '不是可选值', error: `请选择：${values.join('、')}` });
  const colOf = (f: PersonField) => PERSON_IMPORT_COLUMNS.findIndex((c) => c.field === f) + 1;
  const validations: [PersonField, ExcelJS.DataValidation][] = [
    ['gender', list(Object.values(GENDER_LABELS))],
    ['education', list(EDUCATION_LEVELS.map((l) => EDUCATION_LABELS[l]))],
    ['titleLevel', list(TITLE_LEVELS.map((l) => TITLE_LEVEL_LABELS[l]))],
    ['recommendedForLeadership', list(['是', '否'])],
  ];
  if (employerNames.length) {
    validations.push(['employerOrgId', {
      type: 'list', allowBlank: true, formulae: [`'填写说明'!$A$${firstOrgRow}:$A$${firstOrgRow + employerNames.length - 1}`],
      showErrorMessage: true, errorStyle: 'warning', errorTitle: '工作单位', error: '须为「填写说明」中列出的机构全称',
    }]);
  }
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
    for (const [f, v] of validations) ws.getCell(r, colOf(f)).dataValidation = v;
  }
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
