/**
 * A year's special days (法定节假日 / 调休上班) as the editor holds them, read from an .xlsx or .csv
 * with columns 日期 / 类型 / 名称, and checked the way PUT /api/calendar/years/:year checks them.
 */
export type SpecialKind = 'holiday' | 'adjusted_workday';
export interface DayRow { key: string; date: string | null; kind: SpecialKind | null; name: string }
export interface ImportedDay { date: string; kind: SpecialKind; name?: string }
export interface RowIssue { row: number; message: string }

export const SPECIAL_KIND_LABELS: Record<SpecialKind, string> = { holiday: '法定节假日', adjusted_workday: '调休上班' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date as YYYY-MM-DD, or null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel day serial → date (1900 date system; serial 1 = 1900-01-01, with Excel's phantom 1900-02-29). */
function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 200_000) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The value of an exceljs cell (rich text, formula result, hyperlink …) as a plain value. */
export function plainCell(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return plainCell(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => (r as { text?: string }).text ?? '').join('');
    if (typeof o.text === 'string') return o.text;
    return null;
  }
  return v;
}

/** A date cell: a Date (exceljs reads dates as UTC midnight), an Excel serial, or text such as 2019-10-01, 2019/10/1, 2019年10月1日, 20191001. */
export function parseDateCell(value: unknown): string | null {
  const v = plainCell(value);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d+(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return null;
}

const HOLIDAY_WORDS = ['holiday', '法定节假日', '节假日', '法定假日', '假日', '放假', '休', '休息', '假'];
const WORKDAY_WORDS = ['adjusted_workday', '调休上班', '调休上班日', '上班', '补班', '班', '调休工作日'];

export function parseKindCell(value: unknown): SpecialKind | null {
  const v = plainCell(value);
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (HOLIDAY_WORDS.includes(s)) return 'holiday';
  if (WORKDAY_WORDS.includes(s)) return 'adjusted_workday';
  return null;
}

const HEADERS = {
  date: ['日期', 'date'],
  kind: ['类型', '类别', 'kind', 'type'],
  name: ['名称', '节日', '节日名称', '说明', 'name'],
};
const text = (v: unknown) => {
  const p = plainCell(v);
  return p === null ? '' : String(p).trim();
};

/**
 * Rows of a sheet (first row: the headers 日期 / 类型 / 名称, in any order; without headers the
 * columns are taken in that order). Empty rows are skipped; a row that cannot be read is reported by
 * its row number in the file and left out.
 */
export function parseCalendarRows(rows: readonly (readonly unknown[])[]): { days: ImportedDay[]; issues: RowIssue[] } {
  const first = rows.findIndex((r) => r.some((c) => text(c) !== ''));
  if (first < 0) return { days: [], issues: [{ row: 1, message: '文件中没有数据' }] };
  const header = rows[first]!.map((c) => text(c).toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  let cols = { date: find(HEADERS.date), kind: find(HEADERS.kind), name: find(HEADERS.name) };
  let start = first + 1;
  if (cols.date < 0 || cols.kind < 0) {
    if (parseDateCell(rows[first]![0]) === null) {
      return { days: [], issues: [{ row: first + 1, message: '找不到「日期」「类型」列：第一行应为表头 日期、类型、名称' }] };
    }
    cols = { date: 0, kind: 1, name: 2 };
    start = first;
  }
  const days: ImportedDay[] = [];
  const issues: RowIssue[] = [];
  for (let i = start; i < rows.length; i += 1) {
    const r = rows[i]!;
    if (r.every((c) => text(c) === '')) continue;
    const row = i + 1;
    const date = parseDateCell(r[cols.date]);
    const kind = parseKindCell(r[cols.kind]);
    const name = cols.name >= 0 ? text(r[cols.name]) : '';
    if (!date) {
      issues.push({ row, message: `无法识别的日期「${text(r[cols.date])}」（应为 2019-10-01 这样的日期）` });
      continue;
    }
    if (!kind) {
      issues.push({ row, message: `无法识别的类型「${text(r[cols.kind])}」（应为「法定节假日」或「调休上班」）` });
      continue;
    }
    if (name.length > 30) {
      issues.push({ row, message: '名称不能超过 30 个字' });
      continue;
    }
    days.push({ date, kind, ...(name ? { name } : {}) });
  }
  return { days, issues };
}

/** Minimal CSV (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(source: string): string[][] {
  const s = source.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\t') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The days as a CSV Excel opens (UTF-8 with BOM), in the layout the import reads. */
export function toCsv(days: readonly { date: string; kind: SpecialKind; name?: string | null }[]): string {
  const lines = [['日期', '类型', '名称'], ...days.map((d) => [d.date, SPECIAL_KIND_LABELS[d.kind], d.name ?? ''])];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * The checks PUT /api/calendar/years/:year makes (date in the year, once each, an adjusted working
 * day on a Saturday or Sunday, name ≤ 30), by row index, so they show before saving.
 */
export function checkDays(year: number | null, rows: readonly DayRow[]): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const add = (i: number, m: string) => problems.set(i, [...(problems.get(i) ?? []), m]);
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.date) add(i, '请选择日期');
    else {
      if (year !== null && !r.date.startsWith(`${year}-`)) add(i, `日期不在 ${year} 年内`);
      const before = seen.get(r.date);
      if (before !== undefined) add(i, `与第 ${before + 1} 行日期重复`);
      else seen.set(r.date, i);
      if (r.kind === 'adjusted_workday' && !isWeekend(r.date)) add(i, '调休上班日应为周六或周日');
    }
    if (!r.kind) add(i, '请选择类型');
    if (r.name.trim().length > 30) add(i, '名称不能超过 30 个字');
  });
  return problems;
}

/** The year most of the dates fall in (to propose when a file is imported for a new year). */
export function mainYear(days: readonly { date: string | null }[]): number | null {
  const counts = new Map<number, number>();
  for (const d of days) if (d.date) counts.set(Number(d.date.slice(0, 4)), (counts.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
