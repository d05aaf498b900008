import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App as AntApp, Form, Input, Modal, Radio, Select, Steps, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppraisalCreate, AppraisalGrade } from '@duikou/contracts';
import { appraisalsApi } from '../../api/appraisals.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { formatPeriod } from '../../shared/format';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { FiguresList, GRADE_OPTIONS } from './appraisal-parts';
import { AssignmentPickSelect } from './assignment-pick.select';
import { PromotionBarNotice } from './promotion-bar.notice';

interface CreateForm { assignmentId?: string; periodFrom?: string; grade?: AppraisalGrade; comments?: string }
const FORM_FIELDS = ['assignmentId', 'periodFrom', 'grade', 'comments'];

/** The request body of the form's values (empty grade and comments left out: they can be filled in later). */
export function toAppraisalCreate(v: CreateForm): AppraisalCreate {
  return {
    assignmentId: v.assignmentId ?? '',
    ...(v.periodFrom ? { periodFrom: v.periodFrom } : {}),
    ...(v.grade ? { grade: v.grade } : {}),
    ...(v.comments?.trim() ? { comments: v.comments.trim() } : {}),
  };
}

/**
 * 新建鉴定 (POST /api/appraisals): the recipient unit picks the assignment and the help year; the figures
 * the records give for that year (GET /api/appraisals/prefill) are shown before creating. Grade and
 * comments may be given now or on the form afterwards.
 */
export function AppraisalCreateModal({
  open, onClose, onCreated, initial,
}: { open: boolean; onClose: () => void; onCreated: (id: string) => void; initial?: { assignmentId: string; periodFrom: string } }) {
  const [form] = Form.useForm<CreateForm>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const assignmentId = Form.useWatch('assignmentId', form);
  const periodFrom = Form.useWatch('periodFrom', form);
  const grade = Form.useWatch('grade', form);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (initial) form.setFieldsValue(initial);
  }, [open, form, initial]);

  const prefill = useQuery({
    queryKey: ['appraisals', 'prefill', assignmentId, periodFrom ?? ''],
    queryFn: ({ signal }) => appraisalsApi.prefill({ assignmentId: assignmentId!, ...(periodFrom ? { periodFrom } : {}) }, signal),
    enabled: open && !!assignmentId,
  });
  const p = prefill.data;
  // Without a chosen year the API answers the one under way (or last ended): show it as chosen.
  useEffect(() => {
    if (p && !form.getFieldValue('periodFrom')) form.setFieldValue('periodFrom', p.figures.period.from);
  }, [p, form]);
  const chosen = p?.periods.find((x) => x.from === (periodFrom ?? p.figures.period.from));

  const save = useMutation({
    mutationFn: (v: CreateForm) => appraisalsApi.create(toAppraisalCreate(v)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['appraisals'] });
      message.success(`已新建「${created.assignment.personName}」${created.period.from} 至 ${created.period.to} 帮扶年度的年度鉴定`);
      onCreated(created.id);
    },
    onError: (e) => setFormError(applyApiError(form, e, FORM_FIELDS)),
  });

  const blocked = !!chosen?.appraisalId || (p !== undefined && p.chain === null);

  return (
    <Modal
      open={open}
      title="新建鉴定"
      okText="创建鉴定"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: blocked }}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="创建失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<CreateForm>
        form={form}
        name="appraisal-create"
        layout="vertical"
        disabled={save.isPending}
        onValuesChange={(changed: Partial<CreateForm>) => {
          if ('assignmentId' in changed) form.setFieldValue('periodFrom', undefined);
        }}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
      >
        <Form.Item label="派驻人员" name="assignmentId" rules={[{ required: true, message: '请选择要鉴定的派驻人员' }]} extra="本单位接收的派驻人员；按姓名搜索">
          <AssignmentPickSelect />
        </Form.Item>
        {assignmentId && (
          <Form.Item
            label="帮扶年度" name="periodFrom" rules={[{ required: true, message: '请选择帮扶年度' }]}
            extra="自派驻开始之日起每 12 个月为一个帮扶年度"
          >
            <Select
              loading={prefill.isFetching}
              placeholder="选择帮扶年度"
              options={(p?.periods ?? []).map((x) => ({
                value: x.from, label: `${formatPeriod(x.from, x.to)}${x.appraisalId ? '（已登记鉴定）' : ''}`,
              }))}
            />
          </Form.Item>
        )}
        {prefill.error && <ErrorAlert error={prefill.error} title="无法读取预填数据" onRetry={() => void prefill.refetch()} />}
        {chosen?.appraisalId && (
          <Alert
            type="warning" showIcon style={{ marginBottom: 16 }}
            title="该帮扶年度的鉴定已登记"
            description={<Link to={`/appraisals/${chosen.appraisalId}`} onClick={onClose}>打开已登记的鉴定</Link>}
          />
        )}
        {p && p.chain === null && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该派驻适用的政策未规定年度鉴定流程，不能登记年度鉴定" />}
        {assignmentId && (
          <div className="dk-ap-prefill" data-testid="appraisal-prefill">
            <Typography.Title level={5}>按记录预填的数据{p ? `（截至 ${p.figures.asOf}）` : ''}</Typography.Title>
            {prefill.isPending ? <CardSkeleton rows={5} /> : p ? <FiguresList figures={p.figures} /> : null}
            {p?.chain && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>鉴定流程</Typography.Title>
                <Steps size="small" current={0} items={p.chain.map((c) => ({ title: c.label }))} className="dk-ap-chain" />
              </>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>提交鉴定时数据按当时记录固定，随鉴定表报送。</Typography.Paragraph>
          </div>
        )}
        <Form.Item label="鉴定等次（可稍后填写）" name="grade">
          <Radio.Group optionType="button" options={GRADE_OPTIONS} />
        </Form.Item>
        {grade === 'unqualified' && <PromotionBarNotice />}
        <Form.Item label="鉴定意见（可稍后填写）" name="comments" rules={[{ max: 2000, message: '鉴定意见不超过 2000 字' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="派驻期间工作表现、完成任务、遵守制度等情况" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
