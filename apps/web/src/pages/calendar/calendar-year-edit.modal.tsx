import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Input, InputNumber, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, SortAscendingOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CalendarYearDetail } from '@duikou/contracts';
import { calendarApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useIsPhone } from '../../shared/use-is-phone';
import { checkDays, mainYear, SPECIAL_KIND_LABELS, toCsv, type DayRow, type ImportedDay, type RowIssue, type SpecialKind } from './calendar-days';
import { readCalendarFile } from './calendar-file';
import './calendar.css';

let seq = 0;
const newKey = () => `r${(seq += 1)}`;
const toRows = (days: readonly { date: string; kind: SpecialKind; name?: string | null }[]): DayRow[] =>
  days.map((d) => ({ key: newKey(), date: d.date, kind: d.kind, name: d.name ?? '' }));

function downloadText(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 录入 / 修改某年的节假日安排 (PUT /api/calendar/years/:year, replacing the year): an editable table of
 * the year's special days, filled by hand or from an .xlsx / .csv with columns 日期 / 类型 / 名称.
 */
export function CalendarYearEditModal({ open, year: initialYear, presetYear, detail, knownYears, onClose, onSaved }: {
  open: boolean;
  /** The year being changed; null to enter a new year. */
  year: number | null;
  /** For a new year: the year proposed. */
  presetYear?: number;
  detail?: CalendarYearDetail;
  knownYears: number[];
  onClose: () => void;
  onSaved: (d: CalendarYearDetail) => void;
}) {
  const { message, modal } = AntApp.useApp();
  const isPhone = useIsPhone();
  const [year, setYear] = useState<number | null>(initialYear);
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<DayRow[]>([]);
  const [serverRowErrors, setServerRowErrors] = useState<Map<number, string[]>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [importIssues, setImportIssues] = useState<{ file: string; issues: RowIssue[]; loaded: number } | null>(null);
  const [showChecks, setShowChecks] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const isNew = initialYear === null;

  useEffect(() => {
    if (!open) return;
    setYear(initialYear ?? presetYear ?? null);
    setNote(detail?.note ?? '');
    setRows(detail ? toRows(detail.days) : []);
    setServerRowErrors(new Map());
    setFormError(null);
    setImportIssues(null);
    setShowChecks(false);
  }, [open, initialYear, presetYear, detail]);

  const checks = useMemo(() => checkDays(year, rows), [year, rows]);
  const rowErrors = (i: number) => [...(showChecks ? (checks.get(i) ?? []) : []), ...(serverRowErrors.get(i) ?? [])];
  const counts = { holiday: rows.filter((r) => r.kind === 'holiday').length, adjusted: rows.filter((r) => r.kind === 'adjusted_workday').length };
  const yearTaken = isNew && year !== null && knownYears.includes(year);

  const update = (key: string, change: Partial<DayRow>) => {
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...change } : r)));
    setServerRowErrors(new Map());
  };

  const save = useMutation({
    mutationFn: () => calendarApi.putYear(year!, {
      note: note.trim() || undefined,
      days: rows.map((r) => ({ date: r.date!, kind: r.kind!, ...(r.name.trim() ? { name: r.name.trim() } : {}) })),
    }),
    onSuccess: (d) => {
      message.success(`${d.year} 年节假日日历已保存（法定节假日 ${d.holidays} 天，调休上班 ${d.adjustedWorkdays} 天）`);
      onSaved(d);
    },
    onError: (e) => {
      const byRow = new Map<number, string[]>();
      const other: string[] = [];
      const items = e instanceof ApiError ? (e.details.length ? e.details : e.field ? [{ field: e.field, message: e.message }] : []) : [];
      for (const d of items) {
        const m = d.field ? /^days\.(\d+)/.exec(d.field) : null;
        if (m) byRow.set(Number(m[1]), [...(byRow.get(Number(m[1])) ?? []), d.message]);
        else other.push(d.message);
      }
      setServerRowErrors(byRow);
      setFormError(byRow.size ? `${errorMessage(e)}${byRow.size > 1 || other.length ? `（共 ${byRow.size + other.length} 处，已在表格中标出）` : ''}` : errorMessage(e));
    },
  });

  const submit = () => {
    setShowChecks(true);
    setFormError(null);
    if (year === null || year < 2000 || year > 2100) return setFormError('请填写 2000–2100 之间的年份');
    if (rows.length === 0) return setFormError('至少录入一天（法定节假日或调休上班日）');
    if (rows.length > 120) return setFormError('一年最多 120 个特殊日期');
    if (checks.size > 0) return setFormError(`有 ${checks.size} 行需要改正，已在表格中标出`);
    const go = () => save.mutate();
    if (!isNew || yearTaken) {
      modal.confirm({
        title: `替换 ${year} 年的节假日日历？`,
        content: '保存后以本表为准替换该年全部法定节假日与调休上班日，此后涉及该年的工作日、请假天数和报送期限都按新日历计算。',
        okText: '替换', cancelText: '取消', onOk: go,
      });
    } else go();
  };

  const importFile = async (file: File) => {
    try {
      const { days, issues } = await readCalendarFile(file);
      const apply = (list: ImportedDay[]) => {
        const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
        setRows(toRows(sorted));
        setServerRowErrors(new Map());
        setShowChecks(true);
        if (isNew) setYear(mainYear(sorted) ?? year);
        setImportIssues({ file: file.name, issues, loaded: sorted.length });
      };
      if (days.length === 0) {
        setImportIssues({ file: file.name, issues, loaded: 0 });
        return;
      }
      if (rows.length > 0) {
        modal.confirm({
          title: '用文件内容替换表格？',
          content: `文件「${file.name}」读到 ${days.length} 个日期${issues.length ? `，另有 ${issues.length} 行无法识别` : ''}。表格中现有的 ${rows.length} 行将被替换。`,
          okText: '替换', cancelText: '取消', onOk: () => apply(days),
        });
      } else apply(days);
    } catch (e) {
      setImportIssues({ file: file.name, issues: [{ row: 0, message: errorMessage(e) }], loaded: 0 });
    }
  };

  const sortRows = () => setRows((prev) => [...prev].sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9')));

  return (
    <Modal
      open={open}
      title={isNew ? '录入节假日日历' : `修改 ${initialYear} 年节假日日历`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
      width={isPhone ? '100%' : 820}
      style={isPhone ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        按国务院办公厅当年的《关于部分节假日安排的通知》录入：每个放假日期（含与周末连休的日子）为「法定节假日」，因调休而需上班的周六、周日为「调休上班」。未列出的日期按周一至周五上班、周六周日休息计算。
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title="无法保存" description={formError} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年份</span>
        {isNew ? (
          <InputNumber min={2000} max={2100} precision={0} value={year ?? undefined} onChange={(v) => setYear(typeof v === 'number' ? v : null)} placeholder="如 2027" style={{ width: 110 }} status={yearTaken ? 'warning' : undefined} />
        ) : <b>{initialYear} 年</b>}
        <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="说明，如 国办发明电〔2026〕X号" style={{ width: isPhone ? '100%' : 320 }} />
      </Space>
      {yearTaken && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${year} 年已有日历，保存将替换原有内容。`} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => { setRows((p) => [...p, { key: newKey(), date: null, kind: 'holiday', name: '' }]); setTimeout(() => tableRef.current?.querySelector('.ant-table-body, .ant-table-content')?.scrollTo({ top: 1e6 }), 50); }}>添加一行</Button>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
          <Button icon={<UploadOutlined />}>从 Excel / CSV 导入</Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => downloadText(`节假日日历${year ?? ''}.csv`, toCsv(rows.length ? rows.filter((r) => r.date && r.kind).map((r) => ({ date: r.date!, kind: r.kind!, name: r.name })) : [{ date: `${year ?? 2027}-01-01`, kind: 'holiday', name: '元旦' }]))}>
          {rows.length ? '导出为 CSV' : '下载模板'}
        </Button>
        <Button icon={<SortAscendingOutlined />} onClick={sortRows} disabled={rows.length < 2}>按日期排序</Button>
      </Space>
      {importIssues && (
        <Alert
          type={importIssues.loaded === 0 ? 'error' : importIssues.issues.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setImportIssues(null) }}
          style={{ marginBottom: 12 }}
          title={importIssues.loaded ? `已从「${importIssues.file}」读入 ${importIssues.loaded} 个日期${importIssues.issues.length ? `，${importIssues.issues.length} 行未读入` : ''}，请核对后保存` : `「${importIssues.file}」没有读入任何日期`}
          description={importIssues.issues.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 160, overflow: 'auto' }}>
              {importIssues.issues.map((x, i) => <li key={i}>{x.row ? `第 ${x.row} 行：` : ''}{x.message}</li>)}
            </ul>
          )}
        />
      )}
      <div style={{ marginBottom: 8, fontSize: 13 }}>
        共 {rows.length} 行：<span style={{ color: '#cf1322' }}>法定节假日 {counts.holiday} 天</span>，<span style={{ color: '#d46b08' }}>调休上班 {counts.adjusted} 天</span>
      </div>
      <div ref={tableRef}>
        <Table<DayRow>
          rowKey="key"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ y: 360, x: isPhone ? 440 : undefined }}
          rowClassName={(_, i) => (rowErrors(i).length ? 'dk-row-error' : '')}
          locale={{ emptyText: '还没有日期。点「添加一行」逐个录入，或从 Excel / CSV 导入（列：日期、类型、名称）。' }}
          columns={[
            ...(isPhone ? [] : [{ title: '#', key: 'n', width: 40, render: (_: unknown, __: DayRow, i: number) => i + 1 }]),
            {
              title: '日期', dataIndex: 'date', width: isPhone ? 136 : 150,
              render: (d: string | null, r, i) => (
                <>
                  <DatePicker
                    value={d ? dayjs(d) : null}
                    onChange={(v) => update(r.key, { date: v ? v.format('YYYY-MM-DD') : null })}
                    defaultPickerValue={year ? dayjs(`${year}-01-01`) : undefined}
                    allowClear={false}
                    status={rowErrors(i).length ? 'error' : undefined}
                    style={{ width: '100%' }}
                    aria-label={`第 ${i + 1} 行日期`}
                  />
                  {rowErrors(i).map((m, j) => <div key={j} className="dk-cell-error">{m}</div>)}
                </>
              ),
            },
            {
              title: '类型', dataIndex: 'kind', width: 140,
              render: (k: SpecialKind | null, r) => (
                <Select
                  value={k ?? undefined}
                  onChange={(v: SpecialKind) => update(r.key, { kind: v })}
                  options={(['holiday', 'adjusted_workday'] as const).map((x) => ({ value: x, label: SPECIAL_KIND_LABELS[x] }))}
                  style={{ width: '100%' }}
                  placeholder="类型"
                />
              ),
            },
            {
              title: '名称', dataIndex: 'name',
              render: (n: string, r) => <Input value={n} maxLength={30} onChange={(e) => update(r.key, { name: e.target.value })} placeholder="如 春节" />,
            },
            {
              title: '', key: 'del', width: 44,
              render: (_: unknown, r) => (
                <Button type="text" danger size="small" aria-label="删除该行" icon={<DeleteOutlined />} onClick={() => { setRows((p) => p.filter((x) => x.key !== r.key)); setServerRowErrors(new Map()); }} />
              ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
