import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Result, Select, Spin, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LEAVE_KIND_LABELS, LEAVE_KINDS, type LeaveCreate } from '@duikou/contracts';
import { leaveApi, type LeaveDetail } from '../../api/leave.endpoints';
import { errorMessage } from '../../api/http-client';
import type { RangeValue } from '../../shared/date-range';
import { applyApiError } from '../../shared/form-errors';
import { DateRangeField } from './date-range.field';
import { ApprovalSteps, ChainPreview, Filings, LeaveDays, leavePeriod } from './leave-parts';
import './leave.css';

const MAX_ATTACHMENT = 2 * 1024 * 1024;
const ATTACHMENT_TYPES: Record<string, 'application/pdf' | 'image/jpeg' | 'image/png'> = {
  'application/pdf': 'application/pdf', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/png': 'image/png',
};
const EXT_TYPES: Record<string, 'application/pdf' | 'image/jpeg' | 'image/png'> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** PDF, JPG or PNG up to 2 MB, or the reason it cannot be attached. */
export function attachmentTypeOf(file: { name: string; type: string; size: number }): { type: 'application/pdf' | 'image/jpeg' | 'image/png' } | { error: string } {
  const type = ATTACHMENT_TYPES[file.type] ?? EXT_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) return { error: '附件须为 PDF、JPG 或 PNG' };
  if (file.size > MAX_ATTACHMENT) return { error: '附件不能超过 2 MB' };
  return { type };
}

/** The file's bytes as base64 (without the data: prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读取附件失败，请重新选择文件'));
    reader.readAsDataURL(file);
  });
}

interface LeaveForm { range: RangeValue; kind: LeaveCreate['kind']; reason: string; attachment?: UploadFile[] }

/** What the engine will count and who will approve, as soon as the dates and the kind are chosen (nothing saved). */
function LeavePreviewPanel({ range, kind, onTrip }: { range: RangeValue; kind: LeaveCreate['kind'] | undefined; onTrip?: () => void }) {
  const startDate = range?.[0]?.format('YYYY-MM-DD');
  const endDate = range?.[1]?.format('YYYY-MM-DD');
  const body = startDate && endDate && kind ? { startDate, endDate, kind } : null;
  const preview = useQuery({
    queryKey: ['leave', 'preview', body],
    queryFn: () => leaveApi.preview(body!),
    enabled: !!body,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!body) return <div className="dk-leave-preview dk-muted">选择日期后，这里显示按政策计算的工作日天数和审批流程。</div>;
  if (preview.isPending) return <div className="dk-leave-preview"><Spin size="small" /> 正在按政策计算…</div>;
  if (preview.error) {
    const trip = /外出报备/.test(errorMessage(preview.error));
    return (
      <Alert
        className="dk-leave-preview-error"
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={errorMessage(preview.error)}
        action={trip && onTrip ? <Button size="small" onClick={onTrip}>改为外出报备</Button> : undefined}
      />
    );
  }
  const p = preview.data!;
  return (
    <div className="dk-leave-preview" aria-label="请假预览">
      <div className="dk-leave-preview-days">
        {preview.isFetching && <Spin size="small" style={{ marginRight: 6 }} />}
        按政策计算：<LeaveDays leave={p} />
      </div>
      <ChainPreview approvals={p.approvals} filings={p.filings} />
    </div>
  );
}

/**
 * 请假申请 (POST /api/leave-requests). The staff member's own assignment is found by the server. Once the
 * dates are chosen the engine's count and approval chain show (POST …/preview); after submitting, the
 * server's answer shows the same with the request's state.
 */
export function LeaveRequestModal({ open, onClose, onTrip }: { open: boolean; onClose: () => void; onTrip?: () => void }) {
  const [form] = Form.useForm<LeaveForm>();
  const range = Form.useWatch('range', form);
  const kind = Form.useWatch('kind', form);
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<LeaveDetail | null>(null);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setResult(null);
    form.resetFields();
  }, [open, form]);

  const submit = useMutation({
    mutationFn: async (v: LeaveForm) => {
      const body: LeaveCreate = {
        startDate: v.range![0]!.format('YYYY-MM-DD'), endDate: v.range![1]!.format('YYYY-MM-DD'), kind: v.kind, reason: v.reason.trim(),
      };
      const file = v.attachment?.[0]?.originFileObj;
      if (file) {
        const t = attachmentTypeOf(file);
        if ('error' in t) throw new Error(t.error);
        body.attachment = { name: file.name.slice(0, 120), type: t.type, base64: await readBase64(file) };
      }
      return leaveApi.create(body);
    },
    onSuccess: (saved) => {
      setResult(saved);
      message.success(saved.status === 'approved' ? '请假已登记（按政策无需审批）' : '请假申请已提交');
      void queryClient.invalidateQueries({ queryKey: ['leave'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
    },
    onError: (e) => setFormError(applyApiError(form, e, ['range', 'kind', 'reason', 'attachment'], { startDate: 'range', endDate: 'range' })),
  });

  return (
    <Modal
      open={open}
      title={result ? '请假申请已提交' : '请假申请'}
      onCancel={onClose}
      destroyOnHidden
      footer={result
        ? <Button type="primary" onClick={onClose}>完成</Button>
        : [
            <Button key="cancel" onClick={onClose}>取消</Button>,
            <Button key="ok" type="primary" loading={submit.isPending} onClick={() => form.submit()}>提交申请</Button>,
          ]}
    >
      {result ? <LeaveResult leave={result} /> : (
        <>
          {formError && <Alert type="error" showIcon title="提交失败" description={formError} style={{ marginBottom: 16 }} />}
          <Form<LeaveForm>
            form={form}
            name="leave-request"
            layout="vertical"
            disabled={submit.isPending}
            initialValues={{ kind: 'personal' }}
            onFinish={(v) => { setFormError(null); submit.mutate(v); }}
          >
            <Form.Item
              label="请假日期"
              name="range"
              extra="按工作日计算请假天数，法定节假日和休息日不计。"
              rules={[{ required: true, message: '请选择请假的起止日期' }, { validator: async (_r, v: RangeValue) => { if (!v?.[0] || !v[1]) throw new Error('请选择请假的起止日期'); } }]}
            >
              <DateRangeField />
            </Form.Item>
            <Form.Item label="请假类别" name="kind" rules={[{ required: true, message: '请选择请假类别' }]}>
              <Select options={LEAVE_KINDS.map((k) => ({ value: k, label: LEAVE_KIND_LABELS[k] }))} />
            </Form.Item>
            <LeavePreviewPanel range={range} kind={kind} onTrip={onTrip ? () => { onClose(); onTrip(); } : undefined} />
            <Form.Item label="请假事由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写请假事由' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：家中老人住院需陪护" />
            </Form.Item>
            <Form.Item
              label="附件（可选）"
              name="attachment"
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
              extra={<span className="dk-leave-upload-hint">病假证明等，PDF、JPG 或 PNG，不超过 2 MB</span>}
              rules={[{
                validator: async (_r, list?: UploadFile[]) => {
                  const f = list?.[0]?.originFileObj;
                  if (!f) return;
                  const t = attachmentTypeOf(f);
                  if ('error' in t) throw new Error(t.error);
                },
              }]}
            >
              <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
                <Button icon={<PaperClipOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** The server's answer: days counted, approvals owed, filings. */
export function LeaveResult({ leave }: { leave: LeaveDetail }) {
  return (
    <div className="dk-leave-result">
      <Result
        status={leave.status === 'approved' ? 'success' : 'info'}
        title={leave.status === 'approved' ? '已批准：按政策无需审批' : '已提交，等待审批'}
        subTitle={leavePeriod(leave)}
        style={{ padding: '8px 0 16px' }}
      />
      <div className="dk-leave-result-days"><LeaveDays leave={leave} /></div>
      <div style={{ fontWeight: 600, marginBottom: 8 }}>审批</div>
      <ApprovalSteps leave={leave} />
      <div style={{ fontWeight: 600, margin: '12px 0 8px' }}>备案</div>
      <Filings leave={leave} />
    </div>
  );
}
