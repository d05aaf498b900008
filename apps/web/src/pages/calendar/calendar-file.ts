import { parseCalendarRows, parseCsv, type ImportedDay, type RowIssue } from './calendar-days';

/** Text of a CSV: UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves it. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Rows of the first worksheet; exceljs is loaded only when a workbook is imported (it is large). */
async function readWorkbook(file: File): Promise<unknown[][]> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: new () => ExcelWorkbook; default?: { Workbook: new () => ExcelWorkbook } };
  const Workbook = mod.Workbook ?? mod.default?.Workbook;
  if (!Workbook) throw new Error('无法加载 Excel 解析组件');
  const workbook = new Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

interface ExcelWorkbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  worksheets: { eachRow(opt: { includeEmpty: boolean }, cb: (row: { values: unknown }, rowNumber: number) => void): void }[];
}

/** Reads 日期 / 类型 / 名称 from an .xlsx or .csv chosen by the user, in the browser. */
export async function readCalendarFile(file: File): Promise<{ days: ImportedDay[]; issues: RowIssue[] }> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return parseCalendarRows(parseCsv(await readText(file)));
  if (name.endsWith('.xlsx')) return parseCalendarRows(await readWorkbook(file));
  if (name.endsWith('.xls')) throw new Error('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入');
  throw new Error('请选择 .xlsx 或 .csv 文件');
}
