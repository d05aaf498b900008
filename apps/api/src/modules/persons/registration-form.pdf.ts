import { existsSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import { AppError } from '../../core/app-error.js';
import {
  DATE_LINE, FORM_COLUMN_WEIGHTS, REGISTRATION_FORM_ATTACHMENT, REGISTRATION_FORM_TITLE, REGISTRATION_FORM_TITLE_LINES, SEAL_LINE,
  LINE_FACTOR, estimatedLines, fitText, resumeFontSize, type FormRow,
} from './registration-form.layout.js';

/** A CJK font: the file and, in a collection (.ttc/.otc), the PostScript name of the face to use. */
interface FontFace { file: string; face?: string }

const isCollection = (file: string): boolean => /\.(ttc|otc)$/i.test(file);

/**
 * Reads DUIKOU_CJK_FONT: `path` or `path#PostScriptName`. For Noto's collection the Simplified
 * Chinese face is chosen (NotoSansCJK-Regular.ttc → NotoSansCJKsc-Regular); the bold face is the
 * sibling file with Bold for Regular when it exists.
 */
export function resolveCjkFont(setting: string): { normal: FontFace; bold: FontFace } {
  const [file = '', explicitFace] = setting.split('#');
  if (!file || !existsSync(file)) {
    throw new AppError('UNAVAILABLE', `服务器缺少打印报名表所需的中文字体文件（${file || '未设置'}），暂时无法生成 PDF；请管理员安装 fonts-noto-cjk 或用 DUIKOU_CJK_FONT 指定字体文件。Word 版不受影响。`);
  }
  const faceOf = (f: string): string | undefined => {
    if (!isCollection(f)) return undefined;
    return path.basename(f).replace(/\.(ttc|otc)$/i, '').replace(/CJK(?!sc|tc|jp|kr|hk)/, 'CJKsc');
  };
  const normal: FontFace = { file, face: explicitFace ?? faceOf(file) };
  const boldFile = file.replace(/Regular(\.(ttc|otc|otf|ttf))$/i, 'Bold$1');
  const bold: FontFace = boldFile !== file && existsSync(boldFile) && !explicitFace ? { file: boldFile, face: faceOf(boldFile) } : normal;
  return { normal, bold };
}

type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];

const PAGE_MARGINS: [number, number, number, number] = [48, 30, 48, 24];
/** A4 width minus the side margins. */
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const CELL_PADDING = 4;
const totalWeight = FORM_COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
const COLUMN_WIDTHS = FORM_COLUMN_WEIGHTS.map((w) => (w / totalWeight) * (CONTENT_WIDTH - FORM_COLUMN_WEIGHTS.length * (2 * CELL_PADDING + 1)));

/** Where a résumé too long for its box says it goes on. */
const CONTINUED = '（下接附页）';

function cellsOf(row: FormRow, overflow: string[]): TableCell[] {
  const out: TableCell[] = [];
  let col = 0;
  for (const c of row.cells) {
    const span = c.span ?? 1;
    const width = COLUMN_WIDTHS.slice(col, col + span).reduce((a, b) => a + b, 0) + (span - 1) * (2 * CELL_PADDING + 1);
    let cell: TableCell;
    if (c.label) {
      cell = { text: c.text, bold: true, alignment: 'center', verticalAlignment: 'middle' };
    } else if (row.opinion) {
      // The seal and date lines sit at the bottom of the box, as on the printed form.
      const textHeight = c.text ? estimatedLines(c.text, width - 4, 10.5) * 10.5 * LINE_FACTOR : 0;
      cell = {
        stack: [
          { text: c.text },
          { text: SEAL_LINE, alignment: 'right', margin: [0, Math.max(8, row.minHeight - 16 - textHeight - 2 * 18), 72, 0] },
          { text: DATE_LINE, alignment: 'right', margin: [0, 4, 16, 0] },
        ],
        margin: [2, 2, 2, 2],
      };
    } else if (row.resume) {
      const size = resumeFontSize(c.text, width - 4, row.minHeight - 8);
      const { head, rest } = fitText(c.text, width - 4, row.minHeight - 8, size);
      if (rest) overflow.push(rest);
      cell = { text: rest ? `${head}\n${CONTINUED}` : head, fontSize: size, margin: [2, 2, 2, 2] };
    } else {
      cell = { text: c.text, alignment: c.align ?? 'center', verticalAlignment: 'middle' };
    }
    if (span > 1) (cell as { colSpan?: number }).colSpan = span;
    out.push(cell);
    for (let i = 1; i < span; i++) out.push({ text: '' });
    col += span;
  }
  return out;
}

/**
 * The content of one person's form: 附件2 mark, the two-line title, the bordered grid; a résumé too
 * long for its box goes on in a continuation page.
 */
function formContent(rows: FormRow[], name: string, pageBreakBefore: boolean): Content[] {
  const overflow: string[] = [];
  const body = rows.map((r) => cellsOf(r, overflow));
  const continuation: Content[] = overflow.length === 0 ? [] : [
    { text: `附页：个人简历（续）—— ${name}`, fontSize: 12, bold: true, margin: [0, 0, 0, 8], pageBreak: 'before' },
    { table: { widths: ['*'], body: [[{ text: overflow.join('\n'), margin: [4, 4, 4, 4] }]] } },
  ];
  return [
    { text: REGISTRATION_FORM_ATTACHMENT, fontSize: 12, bold: true, margin: [0, 0, 0, 2], ...(pageBreakBefore && { pageBreak: 'before' as const }) },
    { text: REGISTRATION_FORM_TITLE_LINES.join('\n'), fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
    {
      // pdfmake rewrites the arrays of a definition in place: every document gets its own copies.
      table: { widths: [...COLUMN_WIDTHS], heights: rows.map((r) => r.minHeight), body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.8, vLineWidth: () => 0.8,
        paddingLeft: () => CELL_PADDING, paddingRight: () => CELL_PADDING, paddingTop: () => 2, paddingBottom: () => 2,
      },
    },
    ...continuation,
  ];
}

/**
 * One PDF with one A4 page per person (pdfmake reads the CJK collection directly and embeds the
 * subset of the glyphs used). Throws 503 UNAVAILABLE when the font file is missing or unusable.
 */
export async function renderRegistrationFormsPdf(forms: { name: string; rows: FormRow[] }[], fontSetting: string, title = REGISTRATION_FORM_TITLE): Promise<Buffer> {
  const font = resolveCjkFont(fontSetting);
  const allowed = new Set([font.normal.file, font.bold.file]);
  const source = (f: FontFace) => (f.face ? [f.file, f.face] : f.file) as unknown as string;
  pdfmake.setFonts({ cjk: { normal: source(font.normal), bold: source(font.bold), italics: source(font.normal), bolditalics: source(font.bold) } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  const doc: DocumentDefinition = {
    pageSize: 'A4',
    pageMargins: [...PAGE_MARGINS],
    info: { title, creator: 'Duikou 对口支援帮扶管理平台', producer: 'Duikou' },
    defaultStyle: { font: 'cjk', fontSize: 10.5, lineHeight: 1 },
    content: forms.flatMap((f, i) => formContent(f.rows, f.name, i > 0)),
  };
  try {
    return await pdfmake.createPdf(doc).getBuffer();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (/font|Unknown font format|not found|ENOENT/i.test(reason)) {
      throw new AppError('UNAVAILABLE', `中文字体文件无法使用（${fontSetting}：${reason}），暂时无法生成 PDF；请管理员检查 DUIKOU_CJK_FONT（集合字体可写成 路径#字形名）。`);
    }
    throw err;
  }
}
