import { useEffect, useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { ShownVerdict } from '@duikou/contracts';
import { ApiError } from '../../api/http-client';
import { VerdictList, type VerdictLike } from '../../shared/verdict-list';
import './assignments.css';

/** A dispatch the policy refuses (422 RULE_VIOLATION): the API's sentence and one unmet verdict per broken rule. */
export interface Refusal { message: string; verdicts: VerdictLike[] }

/** `details` of a RULE_VIOLATION as the API documents them ({ message, ruleId, citation }); any of the extras may be missing. */
interface RuleDetail { message?: unknown; ruleId?: unknown; citation?: unknown; ruleLabel?: unknown }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The refusal in an API error, or null when the error is something else. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 422 || error.code !== 'RULE_VIOLATION') return null;
  const details = (error.details as RuleDetail[]).filter((d) => str(d.message));
  const verdicts: VerdictLike[] = details.map((d) => ({
    ruleId: str(d.ruleId) ?? 'eligibility',
    ruleLabel: str(d.ruleLabel) ?? '选派条件',
    status: 'unmet',
    figures: {},
    explanation: str(d.message)!,
    citation: str(d.citation),
  }));
  return { message: error.message, verdicts: verdicts.length ? verdicts : [{ ruleId: 'eligibility', ruleLabel: '选派条件', status: 'unmet', figures: {}, explanation: error.message }] };
}

/**
 * Completes the refusal's verdicts with the engine's own (rule name, figures, citation) when the same
 * sentence is found among them — the API's 422 may carry only the sentence.
 */
export function enrichRefusal(refusal: Refusal, engine: readonly ShownVerdict[]): Refusal {
  return {
    ...refusal,
    verdicts: refusal.verdicts.map((v) => {
      const same = engine.find((e) => e.status === 'unmet' && e.explanation === v.explanation)
        ?? (v.ruleId !== 'eligibility' ? engine.find((e) => e.status === 'unmet' && e.ruleId === v.ruleId) : undefined);
      return same ? { ...same, explanation: v.explanation, citation: v.citation ?? same.citation } : v;
    }),
  };
}

/**
 * 不符合选派条件: each broken rule with its explanation and citation; with `assignment:override` a
 * 破例派出 reason and a button to send the person anyway (the reason is kept and audited).
 */
export function RuleRefusalPanel({
  refusal, canOverride, onOverride, submitting = false, overrideError, what = '派出',
}: {
  refusal: Refusal;
  canOverride: boolean;
  onOverride: (reason: string) => void;
  submitting?: boolean;
  /** The server's answer to an override (e.g. 403 on overrideReason). */
  overrideError?: string | null;
  /** 派出 / 接替 */
  what?: string;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => setTouched(false), [refusal]);
  const missing = touched && !reason.trim();
  const fieldError = missing ? '请填写破例派出理由' : overrideError ?? null;

  return (
    <div className="dk-assign-refusal" role="alert" aria-label="不符合选派条件">
      <Alert
        type="error"
        showIcon
        icon={<StopOutlined />}
        title={`不符合选派条件，不能${what}`}
        description={
          <>
            <div>以下选派条件未满足（按适用政策逐条核验）：</div>
            <VerdictList verdicts={refusal.verdicts} summary={false} />
          </>
        }
      />
      {canOverride ? (
        <div className="dk-assign-override">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text strong>破例派出</Typography.Text>
            ：卫生健康行政部门可在说明理由后破例{what}。该派驻将标记为「破例派出」，理由、操作人和时间记入操作记录，可供审计。
          </Typography.Paragraph>
          <label htmlFor="dk-override-reason" style={{ display: 'block', marginBottom: 4 }}>
            <Typography.Text type="danger">* </Typography.Text>破例派出理由
          </label>
          <Input.TextArea
            id="dk-override-reason"
            rows={3}
            maxLength={500}
            showCount
            value={reason}
            status={fieldError ? 'error' : undefined}
            placeholder="如：该专业人才紧缺，经州卫健委研究同意破例选派"
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            disabled={submitting}
          />
          {fieldError && <Typography.Text type="danger" role="status" style={{ display: 'block', marginTop: 4 }}>{fieldError}</Typography.Text>}
          <div style={{ marginTop: 12 }}>
            <Button
              danger
              type="primary"
              loading={submitting}
              onClick={() => {
                setTouched(true);
                if (reason.trim()) onOverride(reason.trim());
              }}
            >
              破例{what}
            </Button>
          </div>
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          请改选符合条件的人员，或调整派驻开始日期、支援方式后重新提交。如确需{what}，须由卫生健康行政部门说明理由后破例{what}。
        </Typography.Paragraph>
      )}
    </div>
  );
}
