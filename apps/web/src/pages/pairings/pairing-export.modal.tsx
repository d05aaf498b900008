import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Modal, Radio, Space, Typography } from 'antd';
import { PAIRING_TABLE_HEADERS, PAIRING_TABLE_LAYOUTS, PAIRING_TABLE_LAYOUT_LABELS, type PairingTableLayout } from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/http-client';
import { ProgrammeSelect } from '../../shared/remote-selects';

interface ExportForm { layout: PairingTableLayout; programmeId?: string }

/** 导出: choose the official layout (楚雄/绵阳附件1) and optionally one programme; downloads the .xlsx. */
export function PairingExportModal({ open, onClose, programmeId, defaultLayout }: { open: boolean; onClose: () => void; programmeId?: string; defaultLayout?: PairingTableLayout }) {
  const [form] = Form.useForm<ExportForm>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const layout = Form.useWatch('layout', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ layout: defaultLayout ?? 'my', programmeId });
  }, [open, form, programmeId, defaultLayout]);

  const run = async (v: ExportForm) => {
    setBusy(true);
    setError(null);
    try {
      const name = await pairingsApi.exportTable(v.layout, v.programmeId || undefined);
      message.success(`已导出：${name}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="导出对口关系表"
      okText={busy ? '正在生成…' : '导出 .xlsx'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
    >
      {error && <Alert type="error" showIcon title="导出失败" description={error} style={{ marginBottom: 16 }} />}
      <Form<ExportForm> form={form} name="pairing-export" layout="vertical" onFinish={(v) => void run(v)} disabled={busy}>
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
            列：{PAIRING_TABLE_HEADERS[layout].join(' | ')}
          </Typography.Paragraph>
        )}
        <Form.Item label="项目" name="programmeId" extra="不选则导出您可见的全部对口关系">
          <ProgrammeSelect placeholder="全部项目" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
