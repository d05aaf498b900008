import { Descriptions, Tag, Typography } from 'antd';
import {
  ACTIVITY_KIND_LABELS, APPRAISAL_ACTION_LABELS, APPRAISAL_GRADE_LABELS, APPRAISAL_OPINION_PARTIES, APPRAISAL_STATUS_LABELS, ATTENDANCE_STATUS_LABELS,
  type Appraisal, type AppraisalAction, type AppraisalFigures, type AppraisalGrade, type AppraisalStatus,
} from '@duikou/contracts';

type Chain = readonly { party: string; label: string }[];
type Step = Appraisal['steps'][number];

export const GRADE_OPTIONS = (['excellent', 'qualified', 'unqualified'] as const).map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }));
export const STATUS_OPTIONS = (['draft', 'in_review', 'filed'] as const).map((s) => ({ value: s, label: APPRAISAL_STATUS_LABELS[s] }));
export const GRADE_COLORS: Record<AppraisalGrade, string> = { excellent: 'green', qualified: 'blue', unqualified: 'red' };
/** One colour per step of the chain (recipient, county, prefecture, province …); filed is green. */
const STEP_COLORS = ['gold', 'orange', 'purple', 'geekblue', 'cyan', 'magenta'];
export const ACTION_COLORS: Record<AppraisalAction, string> = { submit: 'blue', approve: 'green', send_back: 'red' };

/** The tag of where an appraisal stands: 待<step> in the step's colour, 已退回 when the last act sent it back, 已备案 once filed. */
export function stepTagOf(a: Pick<Appraisal, 'stage' | 'chain' | 'awaitingLabel' | 'status' | 'steps'>): { color: string; text: string; sentBack: boolean } {
  if (a.status === 'filed') return { color: 'green', text: '已备案', sentBack: false };
  const sentBack = a.steps.at(-1)?.action === 'send_back';
  const label = a.awaitingLabel ?? a.chain[a.stage]?.label ?? '';
  return { color: STEP_COLORS[a.stage % STEP_COLORS.length]!, text: `${sentBack ? '已退回，' : '待'}${label}`, sentBack };
}

export function StepTag({ appraisal }: { appraisal: Pick<Appraisal, 'stage' | 'chain' | 'awaitingLabel' | 'status' | 'steps'> }) {
  const t = stepTagOf(appraisal);
  return <Tag color={t.sentBack ? 'red' : t.color} data-testid="appraisal-step">{t.text}</Tag>;
}

export function GradeTag({ grade, empty = '未评定' }: { grade: AppraisalGrade | null; empty?: string }) {
  if (!grade) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <Tag color={GRADE_COLORS[grade]}>{APPRAISAL_GRADE_LABELS[grade]}</Tag>;
}

/** 未开始 (no appraisal yet) or the status label, for the overview of help years. */
export function StatusTag({ status }: { status: AppraisalStatus | null }) {
  if (!status) return <Tag>未开始</Tag>;
  return <Tag color={status === 'filed' ? 'green' : status === 'in_review' ? 'processing' : 'gold'}>{APPRAISAL_STATUS_LABELS[status]}</Tag>;
}

/**
 * The forward button of the awaited step: the recipient submits, the county gives its opinion,
 * the step before the province approves and sends it on for filing, the province files.
 */
export function forwardLabel(chain: Chain, stage: number): string {
  const party = chain[stage]?.party;
  if (stage === 0) return '提交鉴定';
  if (stage === chain.length - 1) return '确认备案';
  if (party && APPRAISAL_OPINION_PARTIES.includes(party)) return '出具意见并上报';
  const next = chain[stage + 1]?.party;
  return next === 'provincial_office' || next === 'provincial_project_office' ? '审核通过，报省备案' : '审核通过';
}

/** What the awaited party's comment is called, and whether the API requires it. */
export function commentRuleOf(chain: Chain, stage: number): { label: string; required: boolean } {
  const party = chain[stage]?.party ?? '';
  if (APPRAISAL_OPINION_PARTIES.includes(party)) return { label: '意见', required: true };
  if (stage === chain.length - 1) return { label: '备案说明', required: false };
  return { label: '审核意见', required: false };
}

export type SectionState = 'done' | 'current' | 'pending';

/** Each step of the chain: done (before the stage), the awaited one, or not reached yet. */
export const sectionStateOf = (index: number, stage: number): SectionState => (index < stage ? 'done' : index === stage ? 'current' : 'pending');

/** The act that completed step `index` as it stands: the last submit/approve of its party (send-backs undo earlier ones). */
export function completingStepOf(steps: readonly Step[], chain: Chain, index: number): Step | null {
  const party = chain[index]?.party;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.party === party && s.action !== 'send_back') return s;
  }
  return null;
}

/** The last send-back that returned the appraisal to step `index` (the reason to show there while it is awaited). */
export function sendBackTo(steps: readonly Step[], chain: Chain, index: number): Step | null {
  const last = steps.at(-1);
  if (!last || last.action !== 'send_back') return null;
  const from = chain.findIndex((c) => c.party === last.party);
  return from - 1 === index ? last : null;
}

export const actionLabel = (a: AppraisalAction): string => APPRAISAL_ACTION_LABELS[a];

/** Figure keys of the appraisal rules that the shared verdict list does not name. */
const APPRAISAL_FIGURE_LABELS: Record<string, string> = {
  periodFrom: '帮扶年度起', periodTo: '帮扶年度止', stepsDone: '已完成步骤', steps: '总步骤', awaiting: '等待', completedOn: '备案日期',
};

/** The verdict with its figure keys in Chinese, so the shared verdict list shows them labelled. */
export function withFigureLabels<V extends { figures: Record<string, unknown> }>(v: V): V {
  const figures: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v.figures)) figures[APPRAISAL_FIGURE_LABELS[k] ?? k] = value;
  return { ...v, figures };
}

export interface FigureRow { key: string; label: string; value: string; source: string }

const joinCounts = (entries: [string, number][]): string => entries.filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join('，');

/** The pre-filled figures as rows of the form, each saying which records it comes from. */
export function figureRows(f: AppraisalFigures): FigureRow[] {
  const unit = f.onSite?.ruleId === 'on-site.cumulative' ? '天' : '个工作日';
  const attendance = joinCounts(Object.entries(f.attendance).map(([k, n]) => [ATTENDANCE_STATUS_LABELS[k as keyof typeof ATTENDANCE_STATUS_LABELS] ?? k, n]));
  const kinds = joinCounts(Object.entries(f.activities.byKind).map(([k, n]) => [ACTIVITY_KIND_LABELS[k as keyof typeof ACTIVITY_KIND_LABELS] ?? k, n]));
  const onSiteTerm = f.onSite
    ? [
        f.onSite.done !== null ? `已在岗 ${f.onSite.done} ${unit}` : '在岗天数无法计算',
        f.onSite.required !== null ? `要求不少于 ${f.onSite.required} ${unit}` : null,
        f.onSite.forecast !== null ? `按当前进度预计 ${f.onSite.forecast} ${unit}` : null,
      ].filter(Boolean).join('；')
    : '无法计算（缺少节假日日历或政策未规定）';
  return [
    { key: 'onSiteDaysInPeriod', label: '本帮扶年度在岗', value: `${f.onSiteDaysInPeriod} 天`, source: '考勤记录（计入在岗的考勤状态）' },
    { key: 'onSite', label: '派驻期在岗天数', value: onSiteTerm, source: '规则引擎按整个派驻期考勤计算' },
    { key: 'attendance', label: '考勤登记', value: attendance || '本年度无考勤登记', source: '受援单位逐日考勤' },
    {
      key: 'leave', label: '请假', value: f.leave.requests ? `申请 ${f.leave.requests} 次，批准 ${f.leave.approved} 次（${f.leave.approvedWorkingDays} 个工作日）` : '无请假',
      source: '请假审批记录',
    },
    {
      key: 'spotChecks', label: '抽查点名',
      value: f.spotChecks.checks ? `被抽查 ${f.spotChecks.checks} 次：${joinCounts([['在岗', f.spotChecks.present], ['不在岗', f.spotChecks.absent], ['请假', f.spotChecks.onLeave]]) || '无结果'}` : '未被抽查',
      source: '抽查点名结果',
    },
    {
      key: 'activities', label: '带教与指导',
      value: f.activities.total ? `${f.activities.total} 次（现场 ${f.activities.onSite}，远程 ${f.activities.offSite}）${kinds ? `：${kinds}` : ''}` : '无记录',
      source: '带教 / 指导记录',
    },
    {
      key: 'tasks', label: '年度任务',
      value: f.tasks.total
        ? `${f.tasks.total} 项：${joinCounts([['已完成', f.tasks.done], ['进行中', f.tasks.inProgress], ['未开始', f.tasks.notStarted], ['未反馈', f.tasks.unreported]])}`
        : '未下达年度任务',
      source: '年度任务及季度反馈的最新进展',
    },
    {
      key: 'quarterlyReports', label: '季度反馈',
      value: f.quarterlyReports.submitted ? `已报送 ${f.quarterlyReports.submitted} 份${f.quarterlyReports.late ? `，逾期 ${f.quarterlyReports.late} 份` : ''}` : '未报送',
      source: '受援单位季度进展反馈',
    },
    { key: 'apprentices', label: '师带徒', value: f.apprentices ? `带徒 ${f.apprentices} 人` : '无', source: '师带徒协议' },
  ];
}

/** The figures as a read-only list: value, then its source in grey. */
export function FiguresList({ figures }: { figures: AppraisalFigures }) {
  return (
    <Descriptions bordered size="small" column={1} className="dk-ap-figures">
      {figureRows(figures).map((r) => (
        <Descriptions.Item key={r.key} label={r.label}>
          <span data-testid={`figure-${r.key}`}>{r.value}</span>
          <span className="dk-ap-source">来源：{r.source}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Years to pick from: the demo programmes' years up to next year. */
export function yearOptions(current: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = current + 1; y >= 2018; y--) out.push({ value: y, label: `${y} 年` });
  return out;
}
