import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Progress, Result, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { PERSON_IMPORT_COLUMNS, PERSON_IMPORT_MAX_ROWS, type PersonImportResult } from '@duikou/contracts';
import { ApiError, errorMessage, type ErrorDetail } from '../../api/http-client';
import { personsApi } from '../../api/persons.endpoints';

const MAX_BYTES = 10 * 1024 * 1024;

type Outcome =
  | { kind: 'success'; result: PersonImportResult }
  | { kind: 'invalid'; message: string; details: ErrorDetail[] }
  | { kind: 'error'; message: string };

/**
 * 导入人员: download the template, choose one .xlsx, upload with progress. The API checks every row first and
 * writes nothing unless all rows are valid; on 422 every bad cell is listed (row, column, reason).
 */
export function PersonImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [downloading, setDownloading] = useState(false);
  const uploading = progress !== null;

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setFileError(null);
    setProgress(null);
    setOutcome(null);
  }, [open]);

  const template = async () => {
    setDownloading(true);
    try {
      await personsApi.importTemplate();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const run = async () => {
    if (!file) {
      setFileError('请选择要导入的 .xlsx 文件');
      return;
    }
    setOutcome(null);
    setProgress(0);
    try {
      const result = await personsApi.importTable(file, setProgress);
      setOutcome({ kind: 'success', result });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setOutcome({ kind: 'invalid', message: e.message, details: e.details });
      else if (e instanceof ApiError && e.field === 'file') setFileError(e.message);
      else setOutcome({ kind: 'error', message: errorMessage(e) });
    } finally {
      setProgress(null);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];
  const done = outcome?.kind === 'success';
  const required = PERSON_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header);

  return (
    <Modal
      open={open}
      title="导入人员"
      width={760}
      onCancel={uploading ? undefined : onClose}
      closable={!uploading}
      mask={{ closable: !uploading }}
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>完成</Button>
        ) : (
          <Space wrap>
            <Button onClick={onClose} disabled={uploading}>取消</Button>
            <Button type="primary" loading={uploading} onClick={() => void run()}>{uploading ? '正在导入…' : '开始导入'}</Button>
          </Space>
        )
      }
    >
      {done ? (
        <Result status="success" title="导入成功" subTitle={`已登记 ${outcome.result.created} 人。身份证号和电话已加密保存，列表中脱敏显示。`} />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="导入前会逐行检查全部数据：只要有一处错误，就不会写入任何数据；全部正确才会一次性写入。"
            description={`每行一人（附件2 报名表字段），一次最多 ${PERSON_IMPORT_MAX_ROWS} 人。必填列：${required.join('、')}。身份证号须为文本格式，且须与性别、出生年月一致。`}
          />
          <Typography.Paragraph>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>下载导入模板</Button>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>模板的「填写说明」表列出可选值和可填写的工作单位</Typography.Text>
          </Typography.Paragraph>
          <div style={{ marginBottom: 16 }}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              multiple={false}
              disabled={uploading}
              fileList={fileList}
              beforeUpload={(f) => {
                setOutcome(null);
                if (!f.name.toLowerCase().endsWith('.xlsx')) {
                  setFileError('只能导入 .xlsx 格式的 Excel 文件（旧版 .xls、.csv 请先另存为 .xlsx）');
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
            {fileError && <Typography.Text type="danger" role="alert">{fileError}</Typography.Text>}
          </div>
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
                  { title: '行', dataIndex: 'row', width: 64, render: (r: number | undefined) => r ?? '—' },
                  { title: '列', dataIndex: 'column', width: 130, render: (c: string | undefined) => c ?? '—' },
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
