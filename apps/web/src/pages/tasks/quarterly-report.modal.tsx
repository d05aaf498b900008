import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { QuarterlyReport } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { quarterlyReportsApi, tasksApi } from '../../api/tasks.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { CardSkeleton } from '../../shared/page-state';
import { AssignmentSelect, assignmentOptionOfRef } from './assignment.select';
import { lateness, quarterLabel, reportableQuarters, TASK_STATUS_OPTIONS, taskLinesFor, taskLinesOf, type TaskLineForm } from './task-parts';

interface ReportForm { assignmentId?: string; quarter?: string; summary: string }
const FIELDS = ['assignmentId', 'quarter', 'summary'];

/**
 * 反馈季度进展 / 更正 (POST, PATCH /api/quarterly-reports): the person's work this quarter and the progress
 * of each annual task of the quarter's year. The date of submission is the server's; a correction keeps it.
 */
export function QuarterlyReportModal({ open, report, defaults, onClose }: {
  open: boolean;
  /** The report to correct; absent: a new one. */
  report: QuarterlyReport | null;
  /** Pre-filled person and quarter (from the schedule). */
  defaults?: { assignmentId?: string; quarter?: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm<ReportForm>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // The task lines live beside the form: one per annual task of the quarter's year.
  const [lines, setLines] = useState<TaskLineForm[]>([]);
  const editing = !!report;
  const assignmentId = Form.useWatch('assignmentId', form) ?? report?.assignment.assignmentId;
  const quarter = Form.useWatch('quarter', form) ?? report?.quarter;
  const year = quarter?.slice(0, 4);

  const assignment = useQuery({
    queryKey: ['assignments', 'detail', assignmentId],
    queryFn: ({ signal }) => assignmentsApi.get(assignmentId!, signal),
    enabled: open && !editing && !!assignmentId,
    staleTime: 60_000,
  });
  const quarters = editing && report
    ? [report.quarter]
    : assignment.data ? reportableQuarters({ start: assignment.data.actualStart ?? assignment.data.plannedStart, end: assignment.data.actualEnd ?? assignment.data.plannedEnd }, dayjs().format('YYYY-MM-DD')) : [];

  const tasks = useQuery({
    queryKey: ['tasks', 'list', { assignmentId, year, pageSize: 100 }],
    queryFn: ({ signal }) => tasksApi.list({ assignmentId, year, pageSize: 100 }, signal),
    enabled: open && !!assignmentId && !!year,
  });

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(report
      ? { assignmentId: report.assignment.assignmentId, quarter: report.quarter, summary: report.summary }
      : { assignmentId: defaults?.assignmentId, quarter: defaults?.quarter });
  }, [open, report, defaults, form]);

  // One line per annual task of the quarter's year, filled with what the report said of it.
  useEffect(() => {
    setLines(open && tasks.data ? taskLinesFor(tasks.data.items, editing && report?.quarter === quarter ? report.tasks : []) : []);
  }, [open, tasks.data, editing, report, quarter]);
  const setLine = (i: number, change: Partial<TaskLineForm>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...change } : l)));

  const save = useMutation({
    mutationFn: (v: ReportForm) => {
      const body = { summary: v.summary.trim(), tasks: taskLinesOf(lines) };
      if (report) return quarterlyReportsApi.update(report.id, body);
      return quarterlyReportsApi.create({ assignmentId: v.assignmentId!, quarter: v.quarter!, ...body });
    },
    onSuccess: (saved) => {
      const late = lateness(saved);
      if (editing) message.success('季度进展已更正（反馈日期不变）');
      else if (late.late) message.warning(`已反馈 ${quarterLabel(saved.quarter)}，${late.text}`);
      else message.success(`已反馈 ${quarterLabel(saved.quarter)}（${saved.submittedOn}）`);
      void queryClient.invalidateQueries({ queryKey: ['quarterly-reports'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? `更正季度进展：${report!.assignment.personName} ${quarterLabel(report!.quarter)}` : '反馈季度进展'}
      okText={editing ? '保存更正' : '提交反馈'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={720}
    >
      {formError && <Alert type="error" showIcon title="提交失败" description={formError} style={{ marginBottom: 16 }} />}
      {!editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="反馈日期按服务器当日记录"
          description="每季度结束后向支援单位反馈派驻人员工作情况；截止日按政策（节假日顺延），逾期将在季度进展中标红。"
        />
      )}
      <Form<ReportForm> form={form} name="quarterly-report" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <div className="dk-task-form-row">
          <Form.Item label="派驻人员" name="assignmentId" rules={[{ required: true, message: '请选择派驻人员' }]}>
            <AssignmentSelect disabled={editing} known={report ? [assignmentOptionOfRef(report.assignment)] : []} />
          </Form.Item>
          <Form.Item label="季度" name="quarter" rules={[{ required: true, message: '请选择季度' }]}>
            <Select
              disabled={editing || !assignmentId}
              placeholder={assignmentId ? '选择季度' : '请先选择派驻人员'}
              loading={assignment.isFetching}
              options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
              notFoundContent="派驻期内没有已开始的季度"
            />
          </Form.Item>
        </div>
        <Form.Item label="支援工作情况" name="summary" rules={[{ required: true, whitespace: true, message: '请填写本季度的工作情况' }, { max: 2000, message: '不超过 2000 个字' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：完成儿科教学查房 12 次，指导开展新生儿复苏 5 例，在岗情况良好" />
        </Form.Item>
        <div className="dk-task-lines-title">年度任务进展{year && `（${year} 年）`}</div>
        {!assignmentId || !year ? (
          <Typography.Text type="secondary">选择人员和季度后，这里列出该人员当年的年度任务，逐项填写进展。</Typography.Text>
        ) : tasks.isPending ? <CardSkeleton rows={2} /> : lines.length === 0 ? (
          <Typography.Text type="secondary">该人员 {year} 年还没有年度任务，可只填写工作情况；如需安排任务请到「年度任务」。</Typography.Text>
        ) : lines.map((l, i) => (
          <div key={l.taskId} className="dk-task-line">
            <div className="dk-task-line-title">{l.title}</div>
            <Select
              allowClear
              aria-label={`${l.title} 的进展`}
              placeholder="本季度不反馈"
              options={TASK_STATUS_OPTIONS}
              value={l.status}
              onChange={(status) => setLine(i, { status })}
              disabled={save.isPending}
            />
            <Input
              aria-label={`${l.title} 的进展说明`}
              maxLength={500}
              placeholder="进展说明，如：已培训 2 批"
              value={l.progress}
              onChange={(e) => setLine(i, { progress: e.target.value })}
              disabled={save.isPending || !l.status}
            />
          </div>
        ))}
        {editing && report && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            首次反馈于 {report.submittedOn}（{lateness(report).text}），更正不改变反馈日期。
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
