import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import { AppError } from '../../core/app-error.js';
import { resolveCjkFont } from '../persons/registration-form.pdf.js';

type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];
export type { Content };

/** A4 with the margins of the official forms. */
export const PAGE_MARGINS: [number, number, number, number] = [56, 40, 56, 40];

/**
 * Renders a Chinese A4 document with pdfmake and the CJK font of DUIKOU_CJK_FONT (as the registration
 * form does). Throws 503 UNAVAILABLE when the font is missing or unusable.
 */
export async function renderDocumentPdf(title: string, content: Content[], fontSetting: string): Promise<Buffer> {
  const font = resolveCjkFont(fontSetting);
  const allowed = new Set([font.normal.file, font.bold.file]);
  const source = (f: { file: string; face?: string | undefined }) => (f.face ? [f.file, f.face] : f.file) as unknown as string;
  pdfmake.setFonts({ cjk: { normal: source(font.normal), bold: source(font.bold), italics: source(font.normal), bolditalics: source(font.bold) } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  const doc: DocumentDefinition = {
    pageSize: 'A4',
    pageMargins: [...PAGE_MARGINS],
    info: { title, creator: 'Duikou 对口支援帮扶管理平台', producer: 'Duikou' },
    defaultStyle: { font: 'cjk', fontSize: 11, lineHeight: 1.2 },
    content,
  };
  try {
    return await pdfmake.createPdf(doc).getBuffer();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (/font|Unknown font format|not found|ENOENT/i.test(reason)) {
      throw new AppError('UNAVAILABLE', `中文字体文件无法使用（${fontSetting}：${reason}），暂时无法生成 PDF；请管理员检查 DUIKOU_CJK_FONT。`);
    }
    throw err;
  }
}

/** A bordered form table whose rows are [label, value, …] cells; `span` widens a value cell. */
export function formTable(widths: (number | string)[], rows: { cells: { text: string; label?: boolean; span?: number; height?: number; align?: 'left' | 'center' }[] }[]): Content {
  const body = rows.map((r) => {
    const out: unknown[] = [];
    for (const c of r.cells) {
      const cell: Record<string, unknown> = c.label
        ? { text: c.text, bold: true, alignment: 'center', margin: [2, 4, 2, 4] }
        : { text: c.text, alignment: c.align ?? 'left', margin: [4, 4, 4, 4] };
      if (c.span && c.span > 1) cell.colSpan = c.span;
      out.push(cell);
      for (let i = 1; i < (c.span ?? 1); i++) out.push({ text: '' });
    }
    return out;
  });
  return {
    table: { widths: [...widths], body: body as never, dontBreakRows: true, heights: rows.map((r) => Math.max(...r.cells.map((c) => c.height ?? 22))) },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
  } as Content;
}
