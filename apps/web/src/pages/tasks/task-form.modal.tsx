import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { AnnualTask } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { tasksApi } from '../../api/tasks.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { AssignmentSelect, assignmentOptionOfRef } from './assignment.select';
import { termYears } from './task-parts';

interface TaskForm { assignmentId?: string; year?: number; title: string; description?: string; target?: string }
const FIELDS = ['assignmentId', 'year', 'title', 'description', 'target'];

/**
 * 安排 / 修改年度任务 (POST, PATCH /api/tasks). The person and the year are fixed once set; the year must
 * lie within the person's term (offered from the assignment's dates).
 */
export function TaskFormModal({ open, task, defaults, onClose }: {
  open: boolean;
  /** The task to edit; absent: a new one. */
  task: AnnualTask | null;
  /** Pre-filled person and year for a new task (from the list's filters). */
  defaults?: { assignmentId?: string; year?: number };
  onClose: () => void;
}) {
  const [form] = Form.useForm<TaskForm>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const assignmentId = Form.useWatch('assignmentId', form);
  const editing = !!task;

  const assignment = useQuery({
    queryKey: ['assignments', 'detail', assignmentId],
    queryFn: ({ signal }) => assignmentsApi.get(assignmentId!, signal),
    enabled: open && !editing && !!assignmentId,
    staleTime: 60_000,
  });
  const years = assignment.data
    ? termYears({ start: assignment.data.actualStart ?? assignment.data.plannedStart, end: assignment.data.actualEnd ?? assignment.data.plannedEnd })
    : [];

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(task
      ? { assignmentId: task.assignment.assignmentId, year: task.year, title: task.title, description: task.description ?? '', target: task.target ?? '' }
      : { assignmentId: defaults?.assignmentId, year: defaults?.year });
  }, [open, task, defaults, form]);

  // A new task's year: the current one when the term covers it, else the term's last year.
  useEffect(() => {
    if (editing || years.length === 0) return;
    const chosen = form.getFieldValue('year') as number | undefined;
    if (chosen && years.includes(chosen)) return;
    const now = dayjs().year();
    form.setFieldValue('year', years.includes(now) ? now : years[years.length - 1]);
  }, [editing, years.join(','), form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: (v: TaskForm) => {
      const text = { title: v.title.trim(), description: v.description?.trim() || undefined, target: v.target?.trim() || undefined };
      if (task) return tasksApi.update(task.id, { title: text.title, description: v.description?.trim() ?? '', target: v.target?.trim() ?? '' });
      return tasksApi.create({ assignmentId: v.assignmentId!, year: v.year!, ...text });
    },
    onSuccess: (saved) => {
      message.success(editing ? '年度任务已修改' : `已为「${saved.assignment.personName}」安排 ${saved.year} 年度任务`);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? '修改年度任务' : '安排年度任务'}
      okText={editing ? '保存' : '安排'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={600}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<TaskForm> form={form} name="annual-task" layout="vertical" disabled={save.isPending} onFinish={(v) => { setFormError(null); save.mutate(v); }}>
        <Form.Item label="派驻人员" name="assignmentId" rules={[{ required: true, message: '请选择派驻人员' }]} extra={editing ? '人员和年度安排后不能更改' : '受援单位为本单位的派驻人员安排任务'}>
          <AssignmentSelect disabled={editing} known={task ? [assignmentOptionOfRef(task.assignment)] : []} />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]} extra={!editing && assignment.data ? `派驻期 ${years[0]} 至 ${years[years.length - 1]} 年` : undefined}>
          <Select
            disabled={editing || !assignmentId}
            placeholder={assignmentId ? '选择年度' : '请先选择派驻人员'}
            loading={assignment.isFetching}
            options={(editing && task ? [task.year] : years).map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Form.Item>
        <Form.Item label="任务名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }, { max: 100, message: '不超过 100 个字' }]}>
          <Input maxLength={100} placeholder="如：开展新生儿复苏培训" />
        </Form.Item>
        <Form.Item label="目标 / 考核要求" name="target" rules={[{ max: 300, message: '不超过 300 个字' }]}>
          <Input.TextArea rows={2} maxLength={300} showCount placeholder="如：年内培训 3 批，覆盖产科、儿科全体医护" />
        </Form.Item>
        <Form.Item label="任务说明" name="description" rules={[{ max: 1000, message: '不超过 1000 个字' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="任务内容、工作要求等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
