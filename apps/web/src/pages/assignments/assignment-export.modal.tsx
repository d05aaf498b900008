import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Checkbox, Form, Modal, Radio, Space, Typography } from 'antd';
import { STAFF_TABLE_HEADERS, STAFF_TABLE_LAYOUTS, type StaffTableLayout } from '@duikou/contracts';
import { download, errorMessage, type QueryParams } from '../../api/http-client';
import { useSession } from '../../auth/session.context';

export const STAFF_TABLE_LAYOUT_LABELS: Record<StaffTableLayout, string> = {
  cx: '楚雄附件2：三级医院对口帮扶下派人员情况统计表',
  my: '绵阳附件3：绵阳市对口支援人员信息统计表',
};

/** The most the API writes into one table (more rows: narrow the filters). */
const EXPORT_MAX = 5000;

interface ExportForm { layout: StaffTableLayout; reveal: boolean }

/**
 * 导出人员统计表: the official layout (楚雄附件2 / 绵阳附件3) of the assignments the list shows (same search
 * and filters). Phones are masked unless a user with person:reveal asks for them in full (audited).
 */
export function AssignmentExportModal({
  open, onClose, filters, total, defaultLayout,
}: {
  open: boolean;
  onClose: () => void;
  /** The list's search and filters, without paging. */
  filters: QueryParams;
  /** How many assignments the list found (null while unknown). */
  total: number | null;
  defaultLayout: StaffTableLayout;
}) {
  const [form] = Form.useForm<ExportForm>();
  const { message } = AntApp.useApp();
  const { can } = useSession();
  const canReveal = can('person:reveal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const layout = Form.useWatch('layout', form);
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'includeArchived' && v !== undefined && v !== '');

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ layout: defaultLayout, reveal: false });
  }, [open, form, defaultLayout]);

  const run = async (v: ExportForm) => {
    setBusy(true);
    setError(null);
    try {
      const name = await download('/api/assignments/export', { ...filters, layout: v.layout, reveal: v.reveal ? 'true' : undefined }, `${v.layout === 'cx' ? '附件2' : '附件3'}-人员统计表.xlsx`);
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
      title="导出人员统计表"
      okText={busy ? '正在生成…' : '导出 .xlsx'}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: total === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={620}
    >
      {error && <Alert type="error" showIcon title="导出失败" description={error} style={{ marginBottom: 16 }} />}
      <Form<ExportForm> form={form} name="assignment-export" layout="vertical" onFinish={(v) => void run(v)} disabled={busy}>
        <Form.Item label="表格样式" name="layout" rules={[{ required: true, message: '请选择表格样式' }]}>
          <Radio.Group>
            <Space orientation="vertical">
              {STAFF_TABLE_LAYOUTS.map((l) => <Radio key={l} value={l}>{STAFF_TABLE_LAYOUT_LABELS[l]}</Radio>)}
            </Space>
          </Radio.Group>
        </Form.Item>
        {layout && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            列：{STAFF_TABLE_HEADERS[layout].join(' | ')}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph>
          {filtered ? '按列表当前的搜索和筛选条件导出' : '导出您范围内的全部派驻记录'}
          {total !== null && <>，共 <b>{total}</b> 条{total > EXPORT_MAX && `（一次最多导出 ${EXPORT_MAX} 条，请先筛选）`}</>}。
        </Typography.Paragraph>
        {total === 0 && <Alert type="warning" showIcon title="没有可导出的派驻记录，请调整筛选条件。" style={{ marginBottom: 16 }} />}
        {canReveal && (
          <Form.Item name="reveal" valuePropName="checked" style={{ marginBottom: 0 }} extra="默认手机号脱敏（如 139****4321）；报送卫健委时可显示完整号码，此次导出会记入审计日志。">
            <Checkbox>显示完整手机号</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
