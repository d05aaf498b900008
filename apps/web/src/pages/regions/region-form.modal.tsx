import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { REGION_LEVELS, REGION_LEVEL_LABELS, regionCodeSchema, regionCreateSchema, type Region, type RegionLevel } from '@duikou/contracts';
import { regionsApi } from '../../api/endpoints';
import { applyApiError } from '../../shared/form-errors';
import { RegionSelect } from '../../shared/remote-selects';
import { zodRule } from '../../shared/zod-rule';

interface RegionForm { code: string; name: string; level: RegionLevel; parentCode?: string | null }
const FIELDS = ['code', 'name', 'level', 'parentCode'];

/** 新建 / 编辑 行政区划. The code is fixed once created. */
export function RegionFormModal({ open, region, onClose, onSaved }: { open: boolean; region?: Region | null; onClose: () => void; onSaved: (r: Region) => void }) {
  const [form] = Form.useForm<RegionForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = !!region;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (region) form.setFieldsValue({ code: region.code, name: region.name, level: region.level, parentCode: region.parentCode });
  }, [open, region, form]);

  const save = useMutation({
    mutationFn: (v: RegionForm) =>
      region
        ? regionsApi.update(region.code, { name: v.name.trim(), level: v.level, parentCode: v.parentCode ?? null })
        : regionsApi.create({ code: v.code.trim().toUpperCase(), name: v.name.trim(), level: v.level, parentCode: v.parentCode ?? null }),
    onSuccess: (r) => {
      message.success(editing ? '区划已保存' : '区划已新建');
      onSaved(r);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={editing ? `编辑区划：${region?.name}` : '新建区划'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<RegionForm> form={form} layout="vertical" onFinish={(v) => { setFormError(null); save.mutate(v); }} disabled={save.isPending}>
        <Form.Item
          label="区划编码"
          name="code"
          extra={editing ? '编码创建后不可修改' : 'GB/T 2260 六位数字编码；无国标编码的功能区（高新区、经开区等）用前 4 位数字加 2 位大写字母'}
          rules={[{ required: true, message: '请输入区划编码' }, zodRule(regionCodeSchema, (v) => String(v).toUpperCase())]}
        >
          <Input placeholder="如 532301 或 5107GX" maxLength={6} disabled={editing} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }, zodRule(regionCreateSchema.shape.name)]}>
          <Input placeholder="如 楚雄市" maxLength={50} showCount />
        </Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
          <Select placeholder="选择级别" options={REGION_LEVELS.map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] }))} />
        </Form.Item>
        <Form.Item
          label="上级区划"
          name="parentCode"
          dependencies={['level']}
          extra="省级区划不需要上级"
          rules={[({ getFieldValue }) => ({
            validator: async (_r, v: string | null | undefined) => {
              if (!v && getFieldValue('level') && getFieldValue('level') !== 'province') throw new Error('除省级外，行政区划须有上级区划');
            },
          })]}
        >
          <RegionSelect
            placeholder="输入名称或编码搜索上级区划"
            knownOptions={region?.parentCode ? [{ value: region.parentCode, label: region.parentName ?? region.parentCode }] : []}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
