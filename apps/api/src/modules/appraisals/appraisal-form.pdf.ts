import { APPRAISAL_GRADE_LABELS, APPRAISAL_GRADES, ACTIVITY_KIND_LABELS, type AppraisalDetail } from '@duikou/contracts';
import { formTable, renderDocumentPdf, type Content } from '../results/document.pdf.js';

export const APPRAISAL_FORM_TITLE = '对口帮扶派驻人员年度鉴定表';
const GENDER: Record<string, string> = { male: '男', female: '女' };
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The lines the records fill in: attendance, leave, spot checks, teaching and guidance, tasks. */
export function figureLines(d: Pick<AppraisalDetail, 'figures'>): { attendance: string; work: string } {
  const f = d.figures;
  const onSite = f.onSite
    ? `派驻期累计${f.onSite.ruleId === 'on-site.working-days' ? '在岗' : '驻点'} ${f.onSite.done ?? 0} ${f.onSite.ruleId === 'on-site.working-days' ? '个工作日' : '天'}（要求 ${f.onSite.required ?? '—'}）`
    : '派驻期在岗天数暂无法计算';
  const kinds = Object.entries(f.activities.byKind).map(([k, n]) => `${ACTIVITY_KIND_LABELS[k as keyof typeof ACTIVITY_KIND_LABELS] ?? k} ${n} 次`).join('、');
  return {
    attendance: `本帮扶年度在岗 ${f.onSiteDaysInPeriod} 天；${onSite}；请假 ${f.leave.approved} 次（${f.leave.approvedWorkingDays} 个工作日）；`
      + `抽查 ${f.spotChecks.checks} 次，在岗 ${f.spotChecks.present} 次、不在岗 ${f.spotChecks.absent} 次、请假 ${f.spotChecks.onLeave} 次`,
    work: `带教与指导 ${f.activities.total} 次（驻点 ${f.activities.onSite} 次、远程 ${f.activities.offSite} 次${kinds ? `：${kinds}` : ''}）；`
      + `年度任务 ${f.tasks.total} 项，已完成 ${f.tasks.done} 项、进行中 ${f.tasks.inProgress} 项；季度反馈 ${f.quarterlyReports.submitted} 份（逾期 ${f.quarterlyReports.late} 份）；带教跟学人员 ${f.apprentices} 人`,
  };
}

/**
 * 年度鉴定表: the person and posting, the figures from the records, the grade, and one box per party
 * of the chain with its latest opinion, who gave it and when.
 */
export async function renderAppraisalFormPdf(d: AppraisalDetail & { programmeName: string; personGender: string }, fontSetting: string): Promise<Buffer> {
  const a = d.assignment;
  const lines = figureLines(d);
  const grades = APPRAISAL_GRADES.map((g) => `${d.grade === g ? '■' : '□'} ${APPRAISAL_GRADE_LABELS[g]}`).join('    ');
  const latest = (party: string) => [...d.steps].reverse().find((s) => s.party === party && s.action !== 'send_back');
  const boxes = d.chain.map((c, i) => {
    const step = latest(c.party);
    const done = i < d.stage;
    const body = i === 0 ? (d.comments ?? '') : done ? (step?.comment ?? '同意') : '';
    const sign = done && step ? `${step.actedBy}    ${beijingDate(step.actedAt)}` : '（盖章）    年  月  日';
    return { cells: [{ text: `${c.label}${i === 0 ? '意见' : ''}`, label: true }, { text: `${body}\n\n${sign}`, span: 5, height: i === 0 ? 110 : 70 }] };
  });
  const content: Content[] = [
    { text: APPRAISAL_FORM_TITLE, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: `${d.programmeName}    帮扶年度：${d.period.from} 至 ${d.period.to}`, fontSize: 10, alignment: 'center', margin: [0, 0, 0, 10] },
    formTable([84, '*', 40, 50, 40, '*'], [
      { cells: [{ text: '姓名', label: true }, { text: a.personName, align: 'center' }, { text: '性别', label: true }, { text: GENDER[d.personGender] ?? d.personGender, align: 'center' }, { text: '职称', label: true }, { text: a.personTitle ?? '', align: 'center' }] },
      { cells: [{ text: '派出单位', label: true }, { text: a.supportOrg.name, span: 2 }, { text: '受援单位', label: true }, { text: a.recipientOrg.name, span: 2 }] },
      { cells: [{ text: '受援科室', label: true }, { text: a.department, span: 2 }, { text: '派驻时间', label: true }, { text: `${a.term.start} 至 ${a.term.end}`, span: 2 }] },
      { cells: [{ text: '在岗情况', label: true }, { text: lines.attendance, span: 5, height: 50 }] },
      { cells: [{ text: '工作情况', label: true }, { text: lines.work, span: 5, height: 60 }] },
      { cells: [{ text: '鉴定等次', label: true }, { text: grades, span: 5 }] },
      ...boxes,
    ]),
    { text: `本表依据平台记录生成（统计截至 ${d.figures.asOf}，${d.figuresSource === 'submitted' ? '受援单位提交时' : '当前'}数据）。`, fontSize: 9, margin: [0, 8, 0, 0] },
  ];
  return renderDocumentPdf(`${APPRAISAL_FORM_TITLE}-${a.personName}`, content, fontSetting);
}
