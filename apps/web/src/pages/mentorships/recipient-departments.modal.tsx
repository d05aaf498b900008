import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Modal, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recipientDepartmentsApi } from '../../api/mentorships.endpoints';
import { errorMessage } from '../../api/http-client';
import { formatDateTime } from '../../shared/format';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';

/** Cleans what was typed: trimmed, no empties, no repeats (the API keeps the first of each). */
export function cleanDepartments(list: readonly string[]): string[] {
  return [...new Set(list.map((d) => d.trim()).filter(Boolean))];
}

/**
 * 受援单位主要科室（专业）: the apprentices must cover them within three years. The recipient itself or
 * an office over it records them; others see them. `fixedOrgId` is the recipient's own unit.
 */
export function RecipientDepartmentsModal({ open, orgId: initialOrgId, fixedOrgId, onClose }: {
  open: boolean;
  orgId?: string;
  fixedOrgId?: string;
  onClose: () => void;
}) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState<string | undefined>(fixedOrgId ?? initialOrgId);
  const [departments, setDepartments] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setOrgId(fixedOrgId ?? initialOrgId);
    setError(null);
  }, [open, fixedOrgId, initialOrgId]);

  const current = useQuery({
    queryKey: ['mentorships', 'departments', orgId],
    queryFn: ({ signal }) => recipientDepartmentsApi.get(orgId!, signal),
    enabled: open && !!orgId,
  });
  useEffect(() => { setDepartments(current.data?.departments ?? []); setError(null); }, [current.data]);

  const save = useMutation({
    mutationFn: () => recipientDepartmentsApi.put(orgId!, cleanDepartments(departments)),
    onSuccess: (d) => {
      message.success(`已保存「${d.org.name}」主要科室 ${d.departments?.length ?? 0} 个`);
      queryClient.setQueryData(['mentorships', 'departments', d.org.id], d);
      void queryClient.invalidateQueries({ queryKey: ['mentorships', 'verdicts'] });
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const d = current.data;
  const editable = !!d?.canEdit;
  const missingSuggestions = (d?.suggestions ?? []).filter((s) => !departments.includes(s));

  return (
    <Modal
      open={open}
      title="受援单位主要科室（专业）"
      onCancel={onClose}
      width={620}
      destroyOnHidden
      footer={editable ? [
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => save.mutate()}>保存</Button>,
      ] : [<Button key="close" onClick={onClose}>关闭</Button>]}
    >
      <Typography.Paragraph type="secondary">
        师带徒跟学人员须在三年内覆盖受援单位的主要科室；未登记主要科室时，覆盖情况判定为“信息不足”。
      </Typography.Paragraph>
      {!fixedOrgId && (
        <Form layout="vertical">
          <Form.Item label="受援单位" required>
            <OrganisationSelect role="recipient" value={orgId} onChange={(v) => setOrgId(v)} placeholder="选择受援单位" allowClear={false} />
          </Form.Item>
        </Form>
      )}
      {!orgId && <Alert type="info" showIcon title="请先选择受援单位" />}
      {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />}
      {orgId && current.isPending && <CardSkeleton rows={3} />}
      {error && <Alert type="error" showIcon title="保存失败" description={error} style={{ marginBottom: 12 }} />}
      {d && (
        <>
          <Typography.Text strong>{d.org.name}</Typography.Text>
          <div className="dk-ms-sub" style={{ marginBottom: 8 }}>
            {d.updatedAt ? `最近登记：${d.updatedBy ?? ''} · ${formatDateTime(d.updatedAt)}` : '尚未登记主要科室'}
          </div>
          {editable ? (
            <>
              <Select
                mode="tags"
                style={{ width: '100%' }}
                value={departments}
                onChange={(v: string[]) => setDepartments(cleanDepartments(v).map((x) => x.slice(0, 50)))}
                placeholder="输入科室名称后回车，如 内科、外科、儿科、急诊科"
                tokenSeparators={['，', ',', '、']}
                options={(d.suggestions ?? []).map((s) => ({ value: s, label: s }))}
                aria-label="主要科室"
                maxCount={50}
              />
              {missingSuggestions.length > 0 && (
                <div className="dk-ms-suggest">
                  <span className="dk-ms-sub">对口需求中的专业：</span>
                  {missingSuggestions.map((s) => (
                    <Tag key={s} className="dk-ms-suggest-tag" icon={<PlusOutlined />} onClick={() => setDepartments((cur) => cleanDepartments([...cur, s]))}>{s}</Tag>
                  ))}
                </div>
              )}
            </>
          ) : (
            <>
              <div className="dk-ms-tags">
                {(d.departments ?? []).length ? d.departments!.map((x) => <Tag key={x}>{x}</Tag>) : <Typography.Text type="secondary">未登记</Typography.Text>}
              </div>
              <Typography.Paragraph type="secondary" className="dk-ms-sub" style={{ marginTop: 8 }}>
                主要科室由受援单位或其所在辖区的卫生健康行政部门登记。
              </Typography.Paragraph>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
