import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { VERDICT_STATUS_LABELS, type Verdict } from '@duikou/contracts';
import { EmptyState } from './page-state';
import './verdict-list.css';

export type VerdictStatus = Verdict['status'];
/** A verdict of the engine as the API shows it (`ruleLabel` is the rule's Chinese name). */
export type VerdictLike = Pick<Verdict, 'ruleId' | 'status' | 'figures' | 'explanation' | 'citation'> & { ruleLabel?: string };

/** 符合 green, 不符合 red, 有风险 orange, 不适用 grey, 信息不足 blue. */
export const VERDICT_STATUS_COLORS: Record<VerdictStatus, string> = {
  met: 'green', unmet: 'red', at_risk: 'orange', not_applicable: 'default', unknown: 'blue',
};
/** Most pressing first, for summaries. */
export const VERDICT_STATUS_ORDER: readonly VerdictStatus[] = ['unmet', 'at_risk', 'unknown', 'met', 'not_applicable'];

/** Names of the figures the rules report (packages/policy rules); unknown keys show as they are. */
export const FIGURE_LABELS: Record<string, string> = {
  requiredYears: '要求年限', workYears: '工作年限', workStartDate: '参加工作时间', assignmentStart: '派驻开始日', title: '职称',
  allowedModes: '可采取的支援方式', workingDays: '工作日', calendarDays: '自然日', required: '要求', recorded: '已登记', missing: '尚缺',
  coverFrom: '保险起', coverTo: '保险止', date: '日期', year: '年度', visits: '次数', ledByLeadership: '院领导带队', requiredLed: '要求带队',
  leadershipUnrecorded: '未登记带队领导', apprentices: '带教人数', agreements: '已签协议', repeats: '重复带教', fromYear: '起始年度',
  toYear: '截止年度', departments: '主要科室', covered: '已覆盖', termMonths: '派驻月数', onSiteDays: '驻点/在岗天数', elapsedDays: '已过天数',
  remainingDays: '剩余天数', forecast: '按当前进度预计', unrecordedDays: '未登记天数', minYears: '最短年限', maxYears: '最长年限',
  stays: '驻点次数', from: '起', to: '止', count: '次数', coveredQuarters: '达到的季度', missedQuarters: '未达到的季度', missed: '未达到',
  pending: '进行中', stayMonths: '连续驻点月数', allowed: '可任职务', heldPost: '现任职务', period: '期间', nominal: '规定期限',
  due: '截止日期', submittedOn: '报送日期', daysLate: '逾期天数', checks: '抽查次数', absences: '不在岗次数', limit: '上限',
  dueSince: '应接替自', grade: '鉴定等级', years: '年限', decidedOn: '鉴定日期', barUntil: '限制截至', allowedFrom: '可晋升自',
  persons: '人数', supportUnits: '支援单位数',
  supportSignedOn: '支援单位签订日期', recipientSignedOn: '受援单位签订日期', filedOn: '备案日期', filingRequired: '备案机关', copiesRequired: '要求备案份数',
  quarter: '季度', offSiteMonths: '离岗月份', guidedMonths: '有远程指导的月份', missingMonths: '缺远程指导的月份', guidanceRecords: '远程指导记录',
  periodFrom: '帮扶年度起', periodTo: '帮扶年度止', stepsDone: '已完成步骤', steps: '总步骤', awaiting: '待办理', done: '已完成', total: '合计',
  planned: '计划', remaining: '剩余', elapsed: '已过', owed: '应补', monthsOwed: '应自查月数', monthsChecked: '已自查月数', months: '月数',
  longestConsecutiveAbsences: '最长连续不在岗次数', index: '序号', length: '长度', max: '最多', min: '最少', n: '数量', days: '天数',
  since: '自', sent: '已发送', unrecorded: '未登记',
};

/** The figures worth showing, labelled, in the order the rule gave them; empty ones (null, '') are left out. */
export function figureEntries(figures: Record<string, unknown>): { key: string; label: string; value: string }[] {
  return Object.entries(figures)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([key, v]) => ({
      key,
      label: FIGURE_LABELS[key] ?? key,
      value: typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'object' ? JSON.stringify(v) : String(v),
    }));
}

export function VerdictStatusTag({ status }: { status: VerdictStatus }) {
  return <Tag color={VERDICT_STATUS_COLORS[status]}>{VERDICT_STATUS_LABELS[status] ?? status}</Tag>;
}

/** 「不符合 1 · 符合 2」 */
export function VerdictSummary({ verdicts }: { verdicts: readonly VerdictLike[] }) {
  const counts = VERDICT_STATUS_ORDER.map((s) => [s, verdicts.filter((v) => v.status === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0) return null;
  return (
    <div className="dk-verdict-summary" aria-label="结论汇总">
      {counts.map(([s, n]) => (
        <span key={s}><VerdictStatusTag status={s} />{n} 项</span>
      ))}
    </div>
  );
}

/**
 * The engine's verdicts, one card each: coloured status, rule name, the explanation sentence, the figures
 * behind it and the clause cited. Used wherever the rules answer (试算, 人员, 考勤 …).
 */
export function VerdictList({
  verdicts, empty = '没有适用的规则结论', summary = true, showFigures = true, extra,
}: {
  verdicts: readonly VerdictLike[];
  empty?: ReactNode;
  /** Counts per status above the list. */
  summary?: boolean;
  showFigures?: boolean;
  /** Something to add under a verdict (e.g. a link to the records), by verdict. */
  extra?: (v: VerdictLike) => ReactNode;
}) {
  if (verdicts.length === 0) return <EmptyState description={empty} />;
  return (
    <div className="dk-verdicts">
      {summary && verdicts.length > 1 && <VerdictSummary verdicts={verdicts} />}
      {verdicts.map((v, i) => {
        const figures = showFigures ? figureEntries(v.figures) : [];
        return (
          <div key={`${v.ruleId}-${i}`} className={`dk-verdict dk-verdict-${v.status}`} data-status={v.status}>
            <div className="dk-verdict-head">
              <VerdictStatusTag status={v.status} />
              <span className="dk-verdict-label">{v.ruleLabel ?? v.ruleId}</span>
            </div>
            <p className="dk-verdict-text">{v.explanation}</p>
            {figures.length > 0 && (
              <div className="dk-verdict-figures">
                {figures.map((f) => (
                  <span key={f.key}>{f.label}：<b>{f.value}</b></span>
                ))}
              </div>
            )}
            {v.citation && (
              <div className="dk-verdict-cite"><BookOutlined /> 依据：{v.citation}</div>
            )}
            {extra?.(v)}
          </div>
        );
      })}
    </div>
  );
}
