import { Progress, Typography } from 'antd';
import type { AssignmentProgress } from '@duikou/contracts';
import type { VerdictStatus } from '../../shared/verdict-list';

/** 个工作日 or 天, as the headline rule counts (the explanation says which). */
export function unitOf(p: Pick<AssignmentProgress, 'figures' | 'verdicts'>): string {
  const headline = p.verdicts.find((v) => v.ruleId === p.figures?.ruleId);
  if (headline?.explanation.includes('工作日')) return '个工作日';
  return p.figures?.ruleId === 'on-site.working-days' ? '个工作日' : '天';
}

/** The explanation of the verdict the figures come from (else the worst verdict's). */
export function headlineExplanation(p: Pick<AssignmentProgress, 'figures' | 'verdicts' | 'status'>): string {
  const v = p.verdicts.find((x) => x.ruleId === p.figures?.ruleId) ?? p.verdicts.find((x) => x.status === p.status) ?? p.verdicts[0];
  return v?.explanation ?? '—';
}

const PROGRESS_STATUS: Record<VerdictStatus, 'success' | 'exception' | 'normal' | 'active'> = {
  met: 'success', unmet: 'exception', at_risk: 'normal', unknown: 'normal', not_applicable: 'normal',
};
const STROKE: Partial<Record<VerdictStatus, string>> = { at_risk: '#fa8c16', unknown: '#1677ff' };

/** 已在岗 done / required as a bar, with the figures beside it; `—` without a requirement. */
export function DaysBar({ p, compact = false }: { p: Pick<AssignmentProgress, 'figures' | 'verdicts' | 'status'>; compact?: boolean }) {
  const f = p.figures;
  if (!f || f.done === null || f.required === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const unit = unitOf(p);
  const percent = f.required === 0 ? 100 : Math.min(100, Math.round((f.done / f.required) * 100));
  return (
    <div className={compact ? 'dk-prog-bar dk-prog-bar-compact' : 'dk-prog-bar'}>
      <Progress
        percent={percent}
        size={compact ? 'small' : 'default'}
        status={PROGRESS_STATUS[p.status]}
        strokeColor={STROKE[p.status]}
        showInfo={false}
        aria-label={`已在岗 ${f.done} ${unit}，要求 ${f.required} ${unit}`}
      />
      <span className="dk-prog-figure">{f.done} / {f.required} {compact ? '' : unit}</span>
    </div>
  );
}
