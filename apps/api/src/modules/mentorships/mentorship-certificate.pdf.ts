import { renderDocumentPdf, type Content } from '../results/document.pdf.js';

export const MENTORSHIP_CERTIFICATE_TITLE = '师带徒证书';

export interface MentorshipCertificateFacts {
  number: string; issuedOn: string; apprentice: string; apprenticeTitle: string; learningSpecialty: string; learningGoal: string;
  year: number; mentor: string; mentorTitle: string; supportOrg: string; recipientOrg: string;
}

/** 考核合格后颁发师带徒证书 (绵阳“传帮带”通知 二（三）): one page, numbered and verifiable by its number. */
export async function renderMentorshipCertificatePdf(c: MentorshipCertificateFacts, fontSetting: string): Promise<Buffer> {
  const [y, m, d] = c.issuedOn.split('-').map(Number);
  const content: Content[] = [
    { text: `证书编号：${c.number}`, alignment: 'right', fontSize: 10, margin: [0, 0, 0, 60] },
    { text: MENTORSHIP_CERTIFICATE_TITLE, fontSize: 30, bold: true, alignment: 'center', characterSpacing: 8, margin: [0, 0, 0, 50] },
    {
      text: [
        { text: `${c.apprentice}`, bold: true }, `同志（${c.recipientOrg}，${c.apprenticeTitle}）：\n\n`,
        `\u3000\u3000于 ${c.year} 年参加对口支援“传帮带”工程师带徒，跟随${c.supportOrg} ${c.mentor}（${c.mentorTitle}）学习${c.learningSpecialty}专业，`,
        `学习目标为“${c.learningGoal}”，经考核合格，特发此证。`,
      ],
      fontSize: 14, lineHeight: 1.6, margin: [20, 0, 20, 80],
    },
    { text: c.supportOrg, alignment: 'right', fontSize: 14, margin: [0, 0, 20, 8] },
    { text: `${y} 年 ${m} 月 ${d} 日`, alignment: 'right', fontSize: 14, margin: [0, 0, 20, 80] },
    { text: `凭证书编号 ${c.number} 可在对口支援帮扶管理平台核验。`, fontSize: 9, alignment: 'center' },
  ];
  return renderDocumentPdf(`${MENTORSHIP_CERTIFICATE_TITLE}-${c.apprentice}`, content, fontSetting);
}
