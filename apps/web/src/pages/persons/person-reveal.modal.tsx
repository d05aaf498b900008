import { useEffect } from 'react';
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { personsApi } from '../../api/persons.endpoints';

/**
 * 查看完整信息: says first that the look is audited, then POST /api/persons/:id/reveal on confirmation.
 * The plain values live only in this modal and are dropped when it closes.
 */
export function PersonRevealModal({ open, person, onClose }: { open: boolean; person: Person; onClose: () => void }) {
  const queryClient = useQueryClient();
  const reveal = useMutation({
    mutationFn: () => personsApi.reveal(person.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
  });
  const { reset } = reveal;
  useEffect(() => {
    if (!open) reset();
  }, [open, reset]);

  return (
    <Modal
      open={open}
      title={`完整信息：${person.name}`}
      onCancel={onClose}
      destroyOnHidden
      footer={reveal.data
        ? <Button type="primary" onClick={onClose}>关闭</Button>
        : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>确认查看</Button>
          </>
        )}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="身份证号和电话属于个人信息"
        description="本次查看将记入审计日志（查看人、时间、IP）。请仅在工作需要时查看，不要截图或转发。"
      />
      {reveal.error && <Alert type="error" showIcon title="无法查看" description={errorMessage(reveal.error)} style={{ marginBottom: 16 }} />}
      {reveal.data && (
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label="身份证号"><Typography.Text copyable code>{reveal.data.idNumber}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="手机号"><Typography.Text copyable>{reveal.data.mobile}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="办公电话">{reveal.data.officePhone ? <Typography.Text copyable>{reveal.data.officePhone}</Typography.Text> : '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
