import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import {
  ROLL_CALL_TIMEOUT_REASON, SPOT_CHECK_METHOD_LABELS, SPOT_CHECK_RESULT_LABELS, type PersonSpotCheckVerdicts, type SpotCheck, type SpotCheckMethod,
  type SpotCheckResultRow, type SpotCheckResultValue,
} from '@duikou/contracts';
import type { VerdictLike } from '../../shared/verdict-list';

export const METHOD_COLORS: Record<SpotCheckMethod, string> = { phone: 'blue', video_call: 'geekblue', on_site: 'cyan', roll_call: 'purple' };
export const RESULT_COLORS: Record<SpotCheckResultValue, string> = { pending: 'default', present: 'green', absent: 'red', on_leave: 'gold' };

/** Options in the order an office uses them. */
export const METHOD_OPTIONS = (['phone', 'video_call', 'on_site', 'roll_call'] as const).map((m) => ({ value: m, label: SPOT_CHECK_METHOD_LABELS[m] }));

export function MethodTag({ method }: { method: SpotCheckMethod }) {
  return <Tag color={METHOD_COLORS[method]}>{SPOT_CHECK_METHOD_LABELS[method] ?? method}</Tag>;
}

/** The result, and 待复核 when a roll-call timeout (or a staff member's own answer) has not been looked at by the checker. */
export function ResultTag({ row }: { row: Pick<SpotCheckResultRow, 'result' | 'reviewed' | 'reason' | 'answeredAt'> }) {
  const timeout = row.result === 'absent' && row.reason === ROLL_CALL_TIMEOUT_REASON;
  return (
    <span className="dk-sc-tags">
      <Tag color={RESULT_COLORS[row.result]}>{SPOT_CHECK_RESULT_LABELS[row.result] ?? row.result}</Tag>
      {row.result === 'present' && row.answeredAt && <Tag color="processing">本人应答</Tag>}
      {row.result === 'absent' && !row.reviewed && (
        <Tooltip title={timeout ? '点名截止时未应答，系统记为不在岗，请抽查单位核实后复核' : '抽查单位尚未复核'}>
          <Tag color="warning">待复核</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export type CheckState = 'open' | 'pending' | 'review' | 'done';
export const CHECK_STATE_LABELS: Record<CheckState, string> = { open: '点名进行中', pending: '待记录', review: '待复核', done: '已完成' };
const CHECK_STATE_COLORS: Record<CheckState, string> = { open: 'processing', pending: 'orange', review: 'gold', done: 'green' };

/** Where a check stands: a roll call still open, results still to record, timeouts to review, or done. */
export function checkStateOf(c: Pick<SpotCheck, 'open' | 'counts'>): CheckState {
  if (c.open) return 'open';
  if (c.counts.pending > 0) return 'pending';
  if (c.counts.unreviewed > 0) return 'review';
  return 'done';
}

export function CheckStateTag({ check }: { check: Pick<SpotCheck, 'open' | 'counts' | 'rollCallDeadline'> }) {
  const state = checkStateOf(check);
  return (
    <Tag color={CHECK_STATE_COLORS[state]}>
      {CHECK_STATE_LABELS[state]}
      {state === 'open' && check.rollCallDeadline ? `，${dayjs(check.rollCallDeadline).format('HH:mm')} 截止` : ''}
    </Tag>
  );
}

/** 随机抽取 3 人 / 指定 2 人 */
export const sampleLabel = (c: Pick<SpotCheck, 'sampleKind' | 'counts' | 'sampleSize'>): string =>
  c.sampleKind === 'random' ? `随机抽取 ${c.sampleSize ?? c.counts.total} 人` : `指定 ${c.sampleSize ?? c.counts.total} 人`;

/** 在岗 2 · 不在岗 1 · 待记录 1 (only the non-zero parts). */
export function countsText(c: SpotCheck['counts']): string {
  const parts = [
    ['在岗', c.present], ['不在岗', c.absent], ['请假', c.onLeave], ['待记录', c.pending],
  ] as const;
  const text = parts.filter(([, n]) => n > 0).map(([l, n]) => `${l} ${n}`).join(' · ');
  return text || '无结果';
}

/** Names of the spot-check rules' figures that the shared label table does not know yet. */
const SPOT_CHECK_FIGURE_LABELS: Record<string, string> = {
  longestConsecutiveAbsences: '最多连续不在岗', since: '达到日期', monthsChecked: '已抽查月数', monthsOwed: '欠抽查月数', owed: '欠抽查月份',
  perMonth: '每月至少次数', limit: '次数标准',
};

/** The verdict with its figure keys in Chinese, so the shared verdict list shows them labelled. */
export function withFigureLabels<V extends VerdictLike>(v: V): V {
  const figures: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v.figures)) figures[SPOT_CHECK_FIGURE_LABELS[k] ?? k] = value;
  return { ...v, figures };
}

export interface Headline { ruleId: string; label: string; color: string }

/** The consequences due, in the words of the rules: 应另派接替, 不得申报高一级职称并通报批评, 应通报、约谈. */
export function headlinesOf(p: Pick<PersonSpotCheckVerdicts, 'verdicts'>): Headline[] {
  const out: Headline[] = [];
  for (const v of p.verdicts) {
    if (v.status !== 'unmet' && v.status !== 'at_risk') continue;
    const risk = v.status === 'at_risk';
    if (v.ruleId === 'spot-checks.replacement') out.push({ ruleId: v.ruleId, label: risk ? '再有 1 次不在岗须另派接替' : '应另派接替', color: risk ? 'orange' : 'red' });
    else if (v.ruleId === 'spot-checks.promotion-bar') {
      out.push({ ruleId: v.ruleId, label: risk ? '下次抽查须在岗（连续不在岗将限制晋升）' : '不得申报高一级职称、通报批评派驻医院', color: risk ? 'orange' : 'red' });
    } else if (v.ruleId === 'spot-checks.notice' && !risk) out.push({ ruleId: v.ruleId, label: '应通报、约谈', color: 'volcano' });
  }
  return out;
}

/** Spot-check ids in a verdict's evidence (the first entry is the person or the support unit). */
export const checkIdsOf = (v: Pick<VerdictLike, 'ruleId'> & { evidence?: readonly string[] }): string[] => (v.evidence ?? []).slice(1);

/** The link to the sanctions page with the form open and filled in. */
export function sanctionFormLink(opts: { kind: 'notice' | 'interview'; orgIds?: string[]; personIds?: string[]; spotCheckId?: string | null; summary?: string }): string {
  const p = new URLSearchParams({ new: opts.kind });
  if (opts.orgIds?.length) p.set('orgIds', opts.orgIds.join(','));
  if (opts.personIds?.length) p.set('personIds', opts.personIds.join(','));
  if (opts.spotCheckId) p.set('check', opts.spotCheckId);
  if (opts.summary) p.set('summary', opts.summary);
  return `/sanctions?${p.toString()}`;
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} 字节`;
