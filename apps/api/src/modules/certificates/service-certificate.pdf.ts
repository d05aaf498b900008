import { APPRAISAL_GRADE_LABELS, SERVICE_CERTIFICATE_TITLE, type Certificate } from '@duikou/contracts';
import { renderDocumentPdf, type Content } from '../results/document.pdf.js';

const GENDER: Record<string, string> = { male: '男', female: '女' };

/** The sentence on time on site, as the engine counted it. */
export function onSiteLine(c: Pick<Certificate, 'onSite'>): string {
  if (!c.onSite || c.onSite.done === null) return '在岗时间以派驻单位考勤为准';
  const unit = c.onSite.ruleId === 'on-site.working-days' ? '个工作日' : '天';
  return `累计${c.onSite.ruleId === 'on-site.working-days' ? '在岗' : '驻点'} ${c.onSite.done} ${unit}${c.onSite.required !== null ? `（政策要求不少于 ${c.onSite.required} ${unit}）` : ''}`;
}

/**
 * 对口支援工作经历证明: the person, the units, the period, time on site and the appraisal grade, under a
 * number anyone in scope can verify (MY 四: the support counts as experience for title promotion).
 */
export async function renderServiceCertificatePdf(c: Certificate, fontSetting: string): Promise<Buffer> {
  const [y, m, d] = c.issuedOn.split('-').map(Number);
  const grade = c.appraisalGrade ? APPRAISAL_GRADE_LABELS[c.appraisalGrade] : '未进行年度鉴定';
  const content: Content[] = [
    { text: `编号：${c.number}`, alignment: 'right', fontSize: 10, margin: [0, 0, 0, 40] },
    { text: SERVICE_CERTIFICATE_TITLE, fontSize: 24, bold: true, alignment: 'center', characterSpacing: 4, margin: [0, 0, 0, 40] },
    {
      text: [
        '\u3000\u3000兹证明 ', { text: c.person.name, bold: true }, `（${GENDER[c.person.gender] ?? c.person.gender}${c.person.title ? `，${c.person.title}` : ''}），系${c.supportOrg.name}派出的对口支援人员，`,
        `于 ${c.period.start} 至 ${c.period.end} 在“${c.programmeName}”中派驻${c.recipientOrg.name}${c.department}开展对口支援工作，`,
        `${onSiteLine(c)}，年度鉴定结果：${grade}。\n\n`,
        '\u3000\u3000该同志的对口支援工作经历可作为职称晋升的基层工作经历。\n\n\u3000\u3000特此证明。',
      ],
      fontSize: 14, lineHeight: 1.7, margin: [10, 0, 10, 70],
    },
    { text: c.issuerOrg.name, alignment: 'right', fontSize: 14, margin: [0, 0, 20, 8] },
    { text: `${y} 年 ${m} 月 ${d} 日`, alignment: 'right', fontSize: 14, margin: [0, 0, 20, 80] },
    { text: `凭编号 ${c.number} 可在对口支援帮扶管理平台核验本证明。`, fontSize: 9, alignment: 'center' },
  ];
  return renderDocumentPdf(`${SERVICE_CERTIFICATE_TITLE}-${c.person.name}`, content, fontSetting);
}
