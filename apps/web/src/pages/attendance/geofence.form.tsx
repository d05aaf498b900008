import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, InputNumber, Typography } from 'antd';
import { AimOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { geofenceSchema } from '@duikou/contracts';
import { attendanceApi, type Geofence } from '../../api/attendance.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { locate } from '../check-in/geolocation';

/**
 * 打卡范围设置 of a recipient (PUT /api/organisations/:orgId/geofence): a centre and a radius; staff
 * checking in further away must give a reason (外勤). The form starts from the fence in force (GET …/geofence);
 * 使用当前位置 takes the centre from this device.
 */
export function GeofenceForm({ orgId, orgName: knownName }: { orgId: string; orgName?: string }) {
  const [form] = Form.useForm<Geofence>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const current = useQuery({ queryKey: ['attendance', 'geofence', orgId], queryFn: ({ signal }) => attendanceApi.geofence(orgId, signal) });
  const saved = current.data?.fence ?? null;
  const orgName = current.data?.orgName ?? knownName ?? '受援单位';

  useEffect(() => {
    form.resetFields();
    setFormError(null);
    if (current.data?.fence) form.setFieldsValue(current.data.fence);
  }, [orgId, form, current.data]);

  const save = useMutation({
    mutationFn: (v: Geofence) => attendanceApi.setGeofence(orgId, v),
    onSuccess: (_r, v) => {
      queryClient.setQueryData(['attendance', 'geofence', orgId], { orgId, orgName, fence: v });
      message.success(`已设置「${orgName}」打卡范围`);
      void queryClient.invalidateQueries({ queryKey: ['check-in'] });
    },
    onError: (e) => setFormError(applyApiError(form, e, ['lat', 'lng', 'radiusM'])),
  });

  const fillFromHere = async () => {
    setLocating(true);
    const r = await locate(8000);
    setLocating(false);
    if (!r.ok) {
      message.warning(`${r.reason}，请手动填写经纬度`);
      return;
    }
    form.setFieldsValue({ lat: Number(r.lat.toFixed(6)), lng: Number(r.lng.toFixed(6)) });
    message.info(`已填入当前位置（精度约 ${r.accuracyM} 米）`);
  };

  const rule = (key: 'lat' | 'lng' | 'radiusM') => ({
    validator: async (_r: unknown, v: unknown) => {
      if (v === undefined || v === null) return;
      const r = geofenceSchema.shape[key].safeParse(v);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  });

  return (
    <div className="dk-att-geofence">
      <Typography.Paragraph type="secondary">
        派驻人员在此范围内打卡记为「范围内」，超出范围须填写外勤事由并记为因公外出。建议在单位门诊楼处点击「使用当前位置」。
      </Typography.Paragraph>
      {current.isPending ? <CardSkeleton rows={1} /> : current.error ? <ErrorAlert error={current.error} title="无法读取当前打卡范围" onRetry={() => void current.refetch()} /> : saved ? (
        <Alert
          type="success"
          showIcon
          className="dk-section"
          title={`「${orgName}」当前打卡范围：北纬 ${saved.lat}，东经 ${saved.lng}，半径 ${saved.radiusM} 米`}
        />
      ) : (
        <Alert type="warning" showIcon className="dk-section" title={`「${orgName}」尚未设置打卡范围`} description="未设置时派驻人员打卡不校验位置。" />
      )}
      {formError && <Alert type="error" showIcon className="dk-section" title="保存失败" description={formError} />}
      <Form<Geofence>
        form={form}
        name="geofence"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ radiusM: 500 }}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
        style={{ maxWidth: 420 }}
      >
        <Button icon={<AimOutlined />} loading={locating} onClick={() => void fillFromHere()} style={{ marginBottom: 16 }}>使用当前位置</Button>
        <Form.Item label="纬度" name="lat" rules={[{ required: true, message: '请填写纬度' }, rule('lat')]}>
          <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如 25.530000" />
        </Form.Item>
        <Form.Item label="经度" name="lng" rules={[{ required: true, message: '请填写经度' }, rule('lng')]}>
          <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如 102.400000" />
        </Form.Item>
        <Form.Item label="半径（米）" name="radiusM" rules={[{ required: true, message: '请填写半径' }, rule('radiusM')]} extra="50 米至 20 公里">
          <InputNumber style={{ width: '100%' }} min={50} max={20000} step={50} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>保存打卡范围</Button>
      </Form>
    </div>
  );
}
