import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Popover, Space, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, LockOutlined, SaveOutlined, ThunderboltOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ATTENDANCE_SOURCE_LABELS, ATTENDANCE_STATUS_LABELS, type AttendanceMonth, type AttendanceStatus } from '@duikou/contracts';
import { attendanceApi } from '../../api/attendance.endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { formatDateTime } from '../../shared/format';
import { EmptyState } from '../../shared/page-state';
import {
  cellKey, countsLine, describeEntryError, entriesOf, fillBlanks, missingAfterEdits, onPost, STATUS_MARKS, STATUS_OPTIONS, type Edit, type Edits, type Row,
} from './attendance-grid';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function Mark({ status }: { status: AttendanceStatus }) {
  const m = STATUS_MARKS[status];
  return <span className="dk-att-mark" style={{ color: m.color, background: m.bg, borderColor: m.color }}>{m.mark}</span>;
}

export function AttendanceLegend() {
  return (
    <div className="dk-att-legend" aria-label="图例">
      {STATUS_OPTIONS.map((o) => <span key={o.value}><Mark status={o.value} />{o.label}</span>)}
      <span><span className="dk-att-swatch dk-att-swatch-rest" />休息日 / 节假日</span>
      <span><span className="dk-att-swatch dk-att-swatch-off" />不在派驻期</span>
      <span><span className="dk-att-swatch dk-att-swatch-missing" />未填（工作日）</span>
    </div>
  );
}

/** The popover of one cell: pick a status, add a note, or undo the unsaved change. */
function CellEditor({ current, edited, onPick, onUndo }: {
  current: Edit | null;
  edited: boolean;
  onPick: (e: Edit) => void;
  onUndo: () => void;
}) {
  const [note, setNote] = useState(current?.note ?? '');
  return (
    <div className="dk-att-editor">
      <div className="dk-att-editor-options">
        {STATUS_OPTIONS.map((o) => (
          <Button
            key={o.value}
            size="small"
            type={current?.status === o.value ? 'primary' : 'default'}
            onClick={() => onPick({ status: o.value, ...(note.trim() ? { note: note.trim() } : {}) })}
          >
            <Mark status={o.value} />{o.label}
          </Button>
        ))}
      </div>
      <Input size="small" placeholder="备注（可选）" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 8 }} />
      {edited && <Button size="small" type="link" icon={<UndoOutlined />} onClick={onUndo} style={{ paddingLeft: 0 }}>撤销此格更改</Button>}
    </div>
  );
}

/**
 * The month grid: people × days, a coloured single-character mark per day, grey outside the person's
 * time on post, rest days and holidays shaded. Recipient units (attendance:write) edit cells before the
 * month is confirmed, fill blanks in batch, save (PUT …/days) and confirm (locks the month).
 */
export function AttendanceMonthView({ data, canEdit, recipientOrgId }: { data: AttendanceMonth; canEdit: boolean; recipientOrgId?: string }) {
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Edits>({});
  const [active, setActive] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const editable = canEdit && !data.confirmed;

  useEffect(() => {
    setEdits({});
    setActive(null);
    setSaveError(null);
    setConfirmError(null);
  }, [data.month, data.recipientOrgId]);

  const entries = useMemo(() => entriesOf(data, edits), [data, edits]);
  const missing = useMemo(() => missingAfterEdits(data, edits, today), [data, edits, today]);
  const queryKey = ['attendance', 'month', data.month, recipientOrgId ?? ''];

  const save = useMutation({
    mutationFn: () => attendanceApi.saveDays(data.month, { ...(recipientOrgId ? { recipientOrgId } : {}), entries }),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey, next);
      setEdits({});
      setSaveError(null);
      message.success(`已保存 ${entries.length} 项考勤`);
      void queryClient.invalidateQueries({ queryKey: ['attendance', 'appeals'] });
    },
    onError: (e) => setSaveError(describeEntryError(data, entries, e instanceof ApiError ? e.field : undefined, errorMessage(e))),
  });

  const confirm = useMutation({
    mutationFn: () => attendanceApi.confirm(data.month, recipientOrgId),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey, next);
      setConfirmError(null);
      message.success(`${data.month} 考勤已确认并锁定`);
    },
    onError: (e) => setConfirmError(errorMessage(e)),
  });

  const askConfirm = () => {
    modal.confirm({
      title: `确认「${data.recipientOrgName}」${data.month} 考勤？`,
      content: (
        <>
          <p>确认后本月考勤锁定，不能再修改；如需更正，由本人或派出单位提出考勤申诉。</p>
          {missing > 0 && <p style={{ color: '#cf1322' }}>还有 {missing} 个工作日未填写，系统将拒绝确认。</p>}
          {data.days.at(-1)!.date > today && (
            <p style={{ color: '#d46b08' }}>本月尚未结束（至 {data.days.at(-1)!.date}）：确认后，剩余日期的打卡和请假不再自动记入本月考勤，只能通过申诉更正。</p>
          )}
        </>
      ),
      okText: '确认并锁定',
      cancelText: '取消',
      onOk: () => confirm.mutateAsync().catch(() => undefined),
    });
  };

  const setCell = (row: Row, date: string, e: Edit | null) => {
    const key = cellKey(row.assignmentId, date);
    setEdits((prev) => {
      const next = { ...prev };
      const saved = row.cells[date];
      if (!e || (saved && saved.status === e.status && (saved.note ?? '') === (e.note ?? ''))) delete next[key];
      else next[key] = e;
      return next;
    });
    setActive(null);
  };

  const fill = (status: AttendanceStatus, working: boolean) => {
    const r = fillBlanks(data, edits, { status, working, until: today });
    setEdits(r.edits);
    if (r.filled) message.info(`已填入 ${r.filled} 天「${ATTENDANCE_STATUS_LABELS[status]}」，请检查后点击「保存」`);
    else message.info(working ? '截至今天没有未填的工作日' : '截至今天没有未填的休息日');
  };

  if (data.rows.length === 0) {
    return <EmptyState description={`「${data.recipientOrgName}」${data.month} 没有派驻人员，无需填报考勤。`} />;
  }

  const dirty = entries.length > 0;

  return (
    <div className="dk-att">
      {data.confirmed ? (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          className="dk-section"
          title={`本月考勤已确认（${formatDateTime(data.confirmed.at)}，确认人 ${data.confirmed.by}）`}
          description="考勤已锁定，不能再修改；如有错误，由本人或派出单位在「考勤申诉」中提出更正。"
        />
      ) : (
        <Alert
          type={missing > 0 ? 'warning' : 'info'}
          showIcon
          className="dk-section"
          title={missing > 0 ? `截至今天还有 ${missing} 个工作日未填写考勤` : '截至今天的工作日均已填写'}
          description={canEdit ? '打卡、已批准的请假会自动记入；其余由本单位逐日填写，月底确认后锁定。' : '考勤由受援单位填报和确认。'}
        />
      )}

      {editable && (
        <div className="dk-toolbar dk-att-toolbar">
          <Button icon={<ThunderboltOutlined />} onClick={() => fill('on_duty', true)}>将未填工作日设为在岗</Button>
          <Button onClick={() => fill('rest', false)}>将未填休息日设为休息</Button>
          <span className="dk-toolbar-spacer" />
          {dirty && <Typography.Text type="warning">{entries.length} 项未保存</Typography.Text>}
          <Button disabled={!dirty || save.isPending} onClick={() => setEdits({})}>放弃更改</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>保存</Button>
          <Tooltip title={dirty ? '请先保存更改' : undefined}>
            <Button icon={<CheckCircleOutlined />} disabled={dirty} loading={confirm.isPending} onClick={askConfirm}>确认本月考勤</Button>
          </Tooltip>
        </div>
      )}
      {saveError && <Alert type="error" showIcon closable={{ onClose: () => setSaveError(null) }} className="dk-section" title="保存失败" description={saveError} />}
      {confirmError && <Alert type="error" showIcon closable={{ onClose: () => setConfirmError(null) }} className="dk-section" title="不能确认本月考勤" description={confirmError} />}

      <div className="dk-att-scroll" role="region" aria-label="月度考勤表" tabIndex={0}>
        <table className="dk-att-grid">
          <thead>
            <tr>
              <th className="dk-att-person">人员</th>
              <th className="dk-att-sum">汇总</th>
              <th className="dk-att-miss">未填</th>
              {data.days.map((d) => {
                const dd = dayjs(d.date);
                return (
                  <th
                    key={d.date}
                    className={`dk-att-day${d.workingDay ? '' : ' dk-att-rest'}${d.date === today ? ' dk-att-today' : ''}`}
                    title={`${d.date} 星期${WEEKDAYS[dd.day()]}${d.name ? ` · ${d.name}` : ''}${d.workingDay ? (d.name ? '（调休上班）' : '') : '（休息）'}`}
                  >
                    <span className="dk-att-dnum">{dd.date()}</span>
                    <span className="dk-att-wday">{d.name && d.workingDay ? '班' : WEEKDAYS[dd.day()]}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.assignmentId}>
                <th className="dk-att-person" scope="row">
                  <span className="dk-att-name">{row.personName}</span>
                  <span className="dk-att-sub" title={`${row.department} · ${row.supportOrgName}`}>{row.department} · {row.supportOrgName}</span>
                </th>
                <td className="dk-att-sum">
                  {countsLine(row.counts).map((c) => <span key={c.status} className="dk-att-count"><Mark status={c.status} />{c.n}</span>)}
                  {countsLine(row.counts).length === 0 && <span className="dk-muted">—</span>}
                </td>
                <td className={`dk-att-miss${row.missing > 0 ? ' dk-att-miss-some' : ''}`}>{row.missing}</td>
                {data.days.map((d) => {
                  const key = cellKey(row.assignmentId, d.date);
                  if (!onPost(row, d.date)) return <td key={d.date} className="dk-att-cell dk-att-off" title={`${d.date} 不在派驻期（${row.from} 至 ${row.to}）`} />;
                  const saved = row.cells[d.date];
                  const edit = edits[key];
                  const shown = edit ?? saved ?? null;
                  const isMissing = !shown && d.workingDay && d.date <= today;
                  const title = `${row.personName} ${d.date}：${shown ? ATTENDANCE_STATUS_LABELS[shown.status] : '未填'}${
                    saved && !edit ? `（${ATTENDANCE_SOURCE_LABELS[saved.source] ?? saved.source}）` : edit ? '（未保存）' : ''}${shown?.note ? ` ${shown.note}` : ''}`;
                  const cls = `dk-att-cell${d.workingDay ? '' : ' dk-att-rest'}${edit ? ' dk-att-edited' : ''}${isMissing ? ' dk-att-missing' : ''}${editable ? ' dk-att-editable' : ''}`;
                  const content = shown ? <Mark status={shown.status} /> : null;
                  if (!editable) return <td key={d.date} className={cls} title={title}>{content}</td>;
                  return (
                    <td key={d.date} className={cls}>
                      <Popover
                        open={active === key}
                        onOpenChange={(o) => setActive(o ? key : null)}
                        trigger="click"
                        title={`${row.personName} · ${d.date.slice(5)} 星期${WEEKDAYS[dayjs(d.date).day()]}${d.name ? ` · ${d.name}` : ''}`}
                        content={active === key ? (
                          <CellEditor
                            current={shown ? { status: shown.status, ...(shown.note ? { note: shown.note } : {}) } : null}
                            edited={!!edit}
                            onPick={(e) => setCell(row, d.date, e)}
                            onUndo={() => setCell(row, d.date, null)}
                          />
                        ) : null}
                        destroyOnHidden
                      >
                        <button type="button" className="dk-att-cell-btn" title={title} aria-label={title}>{content}</button>
                      </Popover>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AttendanceLegend />
      {!data.confirmed && !canEdit && <Space className="dk-muted" style={{ marginTop: 8 }}>汇总与未填按已保存的记录计算。</Space>}
    </div>
  );
}
