import { EDUCATION_LABELS, GENDER_LABELS, TITLE_LEVEL_LABELS, type Person, type PersonReveal } from '@duikou/contracts';

/**
 * MY 附件2 「四川省非贫困民族县、服务薄弱地区（单位）对口支援人员报名表」 (绵阳 “传帮带” notice, 2018):
 * the cells of the printed form, in the notice's order, shared by the PDF and the Word renderers so
 * both print the same grid. The form is filed with the office, so the ID number and phones are in full.
 */
export const REGISTRATION_FORM_ATTACHMENT = '附件2';
export const REGISTRATION_FORM_TITLE_LINES = ['四川省非贫困民族县、服务薄弱地区（单位）', '对口支援人员报名表'] as const;
export const REGISTRATION_FORM_TITLE = REGISTRATION_FORM_TITLE_LINES.join('');

/** Six columns: label | value | label | value | label | value. */
export const FORM_COLUMNS = 6;
/** Relative column widths (label columns narrower). */
export const FORM_COLUMN_WEIGHTS = [76, 92, 62, 92, 86, 87] as const;

export interface FormCell {
  text: string;
  /** A printed label (bold, centred) rather than a filled-in value. */
  label?: boolean;
  span?: number;
  align?: 'left' | 'center';
  /** Box whose text sits at the top (résumé, opinion). */
  box?: boolean;
}
export interface FormRow {
  cells: FormCell[];
  /** Minimum height in points (A4 = 842 pt tall). */
  minHeight: number;
  /** The résumé row: its font shrinks so a long résumé still fits the page. */
  resume?: boolean;
  /** The opinion row: ends with the seal line. */
  opinion?: boolean;
}

/** 1985-06 → 1985.06; 2008-07-01 → 2008.07.01 (the way such forms are filled in by hand). */
export const printedDate = (v: string | null | undefined): string => (v ? v.replace(/-/g, '.') : '');
const join = (parts: (string | null | undefined)[], sep: string): string => parts.map((p) => p?.trim()).filter(Boolean).join(sep);

export const SEAL_LINE = '（盖章）';
export const DATE_LINE = '年　　月　　日';

export function registrationFormRows(p: Person, plain: PersonReveal, posting?: { recipient: string; department: string }): FormRow[] {
  const L = (text: string, span = 1): FormCell => ({ text, label: true, span });
  const V = (text: string | null | undefined, span = 1): FormCell => ({ text: text ?? '', span, align: 'center' });
  const titleWithLevel = p.title ? (p.titleLevel !== 'none' ? `${p.title}（${TITLE_LEVEL_LABELS[p.titleLevel]}）` : p.title) : TITLE_LEVEL_LABELS[p.titleLevel];
  const employerLine = join([p.employerOrgName, p.specialty], ' ');
  const postLine = join([p.post && `职务：${p.post}`, `职称：${titleWithLevel}`], '；');
  return [
    { minHeight: 26, cells: [L('姓　名'), V(p.name), L('性　别'), V(GENDER_LABELS[p.gender]), L('出生年月'), V(printedDate(p.birthMonth))] },
    { minHeight: 26, cells: [L('民　族'), V(p.ethnicity), L('党　派'), V(p.party, 3)] },
    { minHeight: 26, cells: [L('学　历'), V(EDUCATION_LABELS[p.education]), L('学　位'), V(p.degree), L('参工时间'), V(printedDate(p.workStartDate))] },
    { minHeight: 26, cells: [L('毕业院校'), V(p.school, 3), L('毕业时间'), V(printedDate(p.graduationDate))] },
    { minHeight: 38, cells: [L('工作单位及职务、职称'), { text: join([employerLine, postLine], '\n'), span: 3, align: 'left' }, L('从事现专业时间'), V(printedDate(p.specialtySince))] },
    // From the person's current or next assignment; blank (filled in by hand) before one exists.
    { minHeight: 34, cells: [L('对口支援单位（科室）'), V(posting ? `${posting.recipient}（${posting.department}）` : '', 5)] },
    { minHeight: 26, cells: [L('身份证号码'), { text: plain.idNumber, span: 5, align: 'left' }] },
    { minHeight: 34, cells: [L('办公电话'), V(plain.officePhone ?? ''), L('移动电话、QQ'), { text: join([plain.mobile, p.qqWechat && `QQ/微信：${p.qqWechat}`], '\n'), span: 3, align: 'left' }] },
    { minHeight: 230, resume: true, cells: [L('个人简历'), { text: p.resume ?? '', span: 5, align: 'left', box: true }] },
    {
      minHeight: 60,
      cells: [L('是否推荐担任受援单位（科室）领导职务'), V(p.recommendedForLeadership ? '是' : '否'), L('具体担任何领导职务', 2), V(p.recommendedForLeadership ? p.recommendedPost : '', 2)],
    },
    { minHeight: 104, opinion: true, cells: [L('单位意见'), { text: p.employerOpinion ?? '', span: 5, align: 'left', box: true }] },
  ];
}

/** Line height of the CJK font (Noto Sans CJK: ascender + descender = 1.448 em), with a little slack. */
export const LINE_FACTOR = 1.5;

/** Estimated printed lines of a text in a box `width` points wide at `size` points. */
export function estimatedLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / size));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(visualLength(line) / perLine)), 0);
}

/**
 * The résumé's font size: the largest of the steps whose estimated lines fit the box; when none does,
 * a readable size and the rest goes on a continuation page (see fitText).
 */
export function resumeFontSize(text: string, boxWidth: number, boxHeight: number, sizes: readonly number[] = [10.5, 9.5, 8.5, 7.5]): number {
  for (const size of sizes) {
    if (estimatedLines(text, boxWidth, size) * size * LINE_FACTOR <= boxHeight) return size;
  }
  return 9;
}

/**
 * Cuts a text to what fits a box at a font size (conservatively: the estimate may not exceed the box),
 * returning the part that fits and the rest (printed on a continuation page).
 */
export function fitText(text: string, width: number, height: number, size: number): { head: string; rest: string } {
  const capacity = Math.floor((height / (size * LINE_FACTOR)) * 0.95);
  if (estimatedLines(text, width, size) <= capacity) return { head: text, rest: '' };
  const perLine = Math.max(1, Math.floor(width / size));
  const lines = text.split('\n');
  const head: string[] = [];
  let used = 0;
  // One line is kept for the 「（下接附页）」 note.
  const room = Math.max(1, capacity - 1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const need = Math.max(1, Math.ceil(visualLength(line) / perLine));
    if (used + need <= room) {
      head.push(line);
      used += need;
      continue;
    }
    // Cut the paragraph where the box ends.
    const chars = [...line];
    let cut = 0;
    let width_ = 0;
    const budget = (room - used) * perLine;
    while (cut < chars.length && width_ + visualLength(chars[cut]!) <= budget) width_ += visualLength(chars[cut++]!);
    if (cut > 0) head.push(chars.slice(0, cut).join(''));
    return { head: head.join('\n'), rest: [chars.slice(cut).join(''), ...lines.slice(i + 1)].join('\n').trim() };
  }
  return { head: head.join('\n'), rest: '' };
}

/** Width in CJK character units: ASCII counts as about half a character. */
const visualLength = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);
