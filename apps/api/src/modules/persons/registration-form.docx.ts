import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, PageBreak, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import {
  DATE_LINE, FORM_COLUMN_WEIGHTS, REGISTRATION_FORM_ATTACHMENT, REGISTRATION_FORM_TITLE, REGISTRATION_FORM_TITLE_LINES, SEAL_LINE, type FormRow,
} from './registration-form.layout.js';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
/** Half-points: 五号 10.5 pt, 小二 18 pt. */
const BODY_SIZE = 21;
const TITLE_SIZE = 32;
/** A4 width 11906 twips minus 1.8 cm margins each side. */
const MARGIN = 1020;
const TABLE_WIDTH = 11906 - 2 * MARGIN;
const totalWeight = FORM_COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
const COLUMN_WIDTHS = FORM_COLUMN_WEIGHTS.map((w) => Math.round((w / totalWeight) * TABLE_WIDTH));
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };
/** Points → twips. */
const tw = (pt: number): number => Math.round(pt * 20);

const run = (text: string, opts: { bold?: boolean; size?: number; font?: typeof FONT } = {}) =>
  new TextRun({ text, bold: opts.bold, size: opts.size ?? BODY_SIZE, font: opts.font ?? FONT });

/** Paragraphs of a multi-line text (Word needs one paragraph per line to keep line breaks). */
const paragraphs = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false): Paragraph[] =>
  (text ? text.split('\n') : ['']).map((t) => new Paragraph({ alignment, children: [run(t, { bold })] }));

function rowOf(row: FormRow): TableRow {
  let col = 0;
  const cells = row.cells.map((c) => {
    const span = c.span ?? 1;
    const width = COLUMN_WIDTHS.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    let children: Paragraph[];
    if (c.label) children = paragraphs(c.text, AlignmentType.CENTER, true);
    else if (row.opinion) {
      children = [
        ...paragraphs(c.text, AlignmentType.LEFT),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: tw(36) }, indent: { right: tw(72) }, children: [run(SEAL_LINE)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: tw(4) }, indent: { right: tw(16) }, children: [run(DATE_LINE)] }),
      ];
    } else children = paragraphs(c.text, c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER);
    return new TableCell({
      children,
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: c.box ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
      borders,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    });
  });
  return new TableRow({ children: cells, height: { value: tw(row.minHeight), rule: HeightRule.ATLEAST }, cantSplit: true });
}

/** The form as a Word document: one section, one page per person, the same grid as the PDF. */
export async function renderRegistrationFormsDocx(forms: { rows: FormRow[] }[]): Promise<Buffer> {
  const children = forms.flatMap((f, i) => [
    new Paragraph({ children: [...(i > 0 ? [new PageBreak()] : []), run(REGISTRATION_FORM_ATTACHMENT, { bold: true, size: 24, font: TITLE_FONT })], spacing: { after: 120 } }),
    ...REGISTRATION_FORM_TITLE_LINES.map((t, j) => new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { after: j === REGISTRATION_FORM_TITLE_LINES.length - 1 ? 240 : 0 },
      children: [run(t, { bold: true, size: TITLE_SIZE, font: TITLE_FONT })],
    })),
    new Table({
      rows: f.rows.map(rowOf),
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMN_WIDTHS,
      layout: TableLayoutType.FIXED,
    }),
  ]);
  const doc = new Document({
    title: REGISTRATION_FORM_TITLE,
    creator: 'Duikou 对口支援帮扶管理平台',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: tw(34), bottom: tw(30), left: MARGIN, right: MARGIN } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
