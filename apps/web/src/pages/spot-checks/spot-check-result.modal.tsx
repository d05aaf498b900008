import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Radio } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ROLL_CALL_TIMEOUT_REASON, SPOT_CHECK_RESULT_LABELS, type SpotCheckDetail, type SpotCheckResultRow } from '@duikou/contracts';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { applyApiError } from '../../shared/form-errors';

type Recorded = 'present' | 'absent' | 'on_leave';
interface ResultForm { result?: Recorded; reason?: string; evidence?: string }

/** Reasons the checkers write most often. */
const REASONS = ['无故离岗', '电话无人接听、联系不上', '视频接通时不在受援科室', '现场核查时不在岗'];

/**
 * 记录 / 复核一人的结果 (PUT /api/spot-checks/:id/results/:assignmentId): 在岗, 不在岗 with a reason,
 * or 请假 — the server accepts 请假 only with an approved leave covering the day.
 */
export function SpotCheckResultModal({ check, row, onClose, onSaved }: {
  check: SpotCheckDetail;
  row: SpotCheckResultRow | null;
  onClose: () => void;
  onSaved: (next: SpotCheckDetail) => void;
}) {
  const [form] = Form.useForm<ResultForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const result = Form.useWatch('result', form);

  // Fill the form when it opens for a row — not each time a refetch hands over a new copy of the same
  // row, which would wipe what the checker has just chosen.
  const rowKey = row ? `${check.id}:${row.assignmentId}` : null;
  useEffect(() => {
    if (!row) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({
      result: row.result === 'pending' ? undefined : row.result,
      reason: row.reason ?? undefined,
      evidence: row.evidence ?? undefined,
    });
  }, [rowKey, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: (v: ResultForm) => spotChecksApi.recordResult(check.id, row!.assignmentId, {
      result: v.result!, reason: v.result === 'absent' ? v.reason?.trim() : undefined, evidence: v.evidence?.trim() || undefined,
    }),
    onSuccess: (next, v) => {
      message.success(`已记录「${row!.personName}」：${SPOT_CHECK_RESULT_LABELS[v.result!]}`);
      onSaved(next);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['result', 'reason', 'evidence'])),
  });

  const timeout = row?.result === 'absent' && row.reason === ROLL_CALL_TIMEOUT_REASON && !row.reviewed;

  return (
    <Modal
      open={!!row}
      title={row ? `${row.result === 'pending' ? '记录结果' : '复核结果'}：${row.personName}` : '记录结果'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {row && (
        <p className="dk-sc-muted">
          {check.date} · {row.supportOrgName} → {row.recipientOrgName} · {row.department}
        </p>
      )}
      {timeout && (
        <Alert
          type="warning" showIcon style={{ marginBottom: 16 }}
          title="点名截止时未应答，系统已记为不在岗"
          description="请电话或视频核实：确属不在岗的，保存即完成复核；核实在岗的（如正在手术），改为在岗并写明核实情况。"
        />
      )}
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<ResultForm> form={form} name="spot-check-result" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label="抽查结果" name="result" rules={[{ required: true, message: '请选择抽查结果' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['present', 'absent', 'on_leave'] as const).map((r) => ({ value: r, label: SPOT_CHECK_RESULT_LABELS[r] }))}
          />
        </Form.Item>
        {result === 'on_leave' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="只有当日有已批准的请假才能记为请假；请假期间不计为不在岗。" />
        )}
        {result === 'absent' && (
          <Form.Item
            label="不在岗原因" name="reason"
            rules={[{ required: true, whitespace: true, message: '记为不在岗须填写原因（如：无故离岗、联系不上）' }]}
            extra={<span className="dk-sc-quick">常用：{REASONS.map((r) => <Button key={r} size="small" type="dashed" onClick={() => form.setFieldValue('reason', r)}>{r}</Button>)}</span>}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：无故离岗，电话无人接听" />
          </Form.Item>
        )}
        <Form.Item label="核查情况 / 证据（可选）" name="evidence">
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：10:20 视频连线，本人在内科病房查房" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
