import { useEffect, useState } from 'react';
import { Alert, Button, Form, Modal, Progress, Radio, Result, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { PAIRING_TABLE_HEADERS, PAIRING_TABLE_LAYOUTS, PAIRING_TABLE_LAYOUT_LABELS, type PairingImportResult, type PairingTableLayout } from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { ApiError, errorMessage, type ErrorDetail } from '../../api/http-client';
import { ProgrammeSelect } from '../../shared/remote-selects';

interface ImportForm { programmeId: string; layout: PairingTableLayout }
const MAX_BYTES = 10 * 1024 * 1024;

type Outcome =
  | { kind: 'success'; result: PairingImportResult }
  | { kind: 'invalid'; message: string; details: ErrorDetail[] }
  | { kind: 'error'; message: string };

/**
 * 导入: programme + layout + one .xlsx (drag and drop), upload with progress.
 * The API checks every row first and writes nothing unless all rows are valid; on 422 every bad cell is listed.
 */
export function PairingImportModal({ open, onClose, onImported, programmeId, defaultLayout }: { open: boolean; onClose: () => void; onImported: () => void; programmeId?: string; defaultLayout?: PairingTableLayout }) {
  const [form] = Form.useForm<ImportForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const layout = Form.useWatch('layout', form);
  const uploading = progress !== null;

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setFileError(null);
    setProgress(null);
    setOutcome(null);
    form.setFieldsValue({ layout: defaultLayout ?? 'my', programmeId });
  }, [open, form, programmeId, defaultLayout]);

  const run = async (v: ImportForm) => {
    if (!file) {
      setFileError('请选择要导入的 .xlsx 文件');
      return;
    }
    setOutcome(null);
    setProgress(0);
    try {
      const result = await pairingsApi.importTable(v.layout, v.programmeId, file, setProgress);
      setOutcome({ kind: 'success', result });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setOutcome({ kind: 'invalid', message: e.message, details: e.details });
      else if (e instanceof ApiError && e.field && e.field !== 'file' && ['programmeId', 'layout'].includes(e.field)) {
        form.setFields([{ name: e.field as keyof ImportForm, errors: [e.message] }]);
        setOutcome(null);
      } else if (e instanceof ApiError && e.field === 'file') setFileError(e.message);
      else setOutcome({ kind: 'error', message: errorMessage(e) });
    } finally {
      setProgress(null);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];
  const done = outcome?.kind === 'success';

  return (
    <Modal
      open={open}
      title="导入对口关系表"
      width={720}
      onCancel={uploading ? undefined : onClose}
      closable={!uploading}
      mask={{ closable: !uploading }}
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>完成</Button>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={uploading}>取消</Button>
            <Button type="primary" loading={uploading} onClick={() => form.submit()}>
              {uploading ? '正在导入…' : '开始导入'}
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title="导入成功"
          subTitle={`共读取 ${outcome.result.rows} 行：新建 ${outcome.result.created} 个对口关系，更新 ${outcome.result.updated} 个。`}
        />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="导入前会逐行检查全部数据：只要有一处错误，就不会写入任何数据；全部正确才会一次性写入。"
          />
          <Form<ImportForm> form={form} name="pairing-import" layout="vertical" disabled={uploading} onFinish={(v) => void run(v)}>
            <Form.Item label="导入到项目" name="programmeId" rules={[{ required: true, message: '请选择项目' }]}>
              <ProgrammeSelect placeholder="选择项目" allowClear={false} />
            </Form.Item>
            <Form.Item label="表格样式" name="layout" rules={[{ required: true, message: '请选择表格样式' }]}>
              <Radio.Group>
                <Space orientation="vertical">
                  {PAIRING_TABLE_LAYOUTS.map((l) => (
                    <Radio key={l} value={l}>{PAIRING_TABLE_LAYOUT_LABELS[l]}</Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            {layout && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                表头须为：{PAIRING_TABLE_HEADERS[layout].join(' | ')}
              </Typography.Paragraph>
            )}
            <Form.Item label="文件" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                maxCount={1}
                multiple={false}
                fileList={fileList}
                beforeUpload={(f) => {
                  setOutcome(null);
                  if (!f.name.toLowerCase().endsWith('.xlsx')) {
                    setFileError('只能导入 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）');
                    return Upload.LIST_IGNORE;
                  }
                  if (f.size > MAX_BYTES) {
                    setFileError('文件不能超过 10 MB');
                    return Upload.LIST_IGNORE;
                  }
                  setFileError(null);
                  setFile(f);
                  return false;
                }}
                onRemove={() => { setFile(null); setOutcome(null); }}
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">点击或将 .xlsx 文件拖到此处</p>
                <p className="ant-upload-hint">一次导入一个文件，不超过 10 MB</p>
              </Upload.Dragger>
            </Form.Item>
          </Form>
          {progress !== null && (
            <div style={{ marginBottom: 12 }}>
              <Progress percent={progress} status="active" />
              <Typography.Text type="secondary">{progress < 100 ? '正在上传…' : '上传完成，正在逐行校验并写入…'}</Typography.Text>
            </div>
          )}
          {outcome?.kind === 'error' && <Alert type="error" showIcon title="导入失败，未写入任何数据" description={outcome.message} />}
          {outcome?.kind === 'invalid' && (
            <>
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={`发现 ${outcome.details.length || '若干'} 处错误，未写入任何数据`}
                description={/未写入/.test(outcome.message) ? outcome.message : `${outcome.message}（未写入任何数据）请按下表修改后重新导入。`}
              />
              <Table<ErrorDetail & { key: number }>
                size="small"
                rowKey="key"
                dataSource={outcome.details.map((d, i) => ({ ...d, key: i }))}
                pagination={outcome.details.length > 10 ? { pageSize: 10, size: 'small', showTotal: (t) => `共 ${t} 处错误` } : false}
                scroll={{ x: 480 }}
                columns={[
                  { title: '行', dataIndex: 'row', width: 70, render: (r: number | undefined) => r ?? '—' },
                  { title: '列', dataIndex: 'column', width: 160, render: (c: string | undefined, d) => c ?? d.field ?? '—' },
                  { title: '原因', dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
