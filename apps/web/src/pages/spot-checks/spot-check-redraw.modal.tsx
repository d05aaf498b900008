import { Alert, Button, Modal, Table, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { SpotCheckDetail } from '@duikou/contracts';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';

/**
 * 按种子复核 (GET /api/spot-checks/:id/redraw): draws again from the recorded population with the recorded
 * seed and lays the two samples side by side, so anyone can see the sample was not hand-picked.
 */
export function SpotCheckRedrawModal({ check, open, onClose }: { check: SpotCheckDetail; open: boolean; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['spot-checks', 'redraw', check.id],
    queryFn: ({ signal }) => spotChecksApi.redraw(check.id, signal),
    enabled: open,
    staleTime: 0,
  });
  const nameOf = new Map(check.results.map((r) => [r.assignmentId, `${r.personName}（${r.recipientOrgName} · ${r.department}）`]));
  const r = q.data;
  const rows = r ? r.drawn.map((id, i) => ({ key: id, drawn: id, recorded: r.recorded[i] ?? null })) : [];
  const label = (id: string | null) => (id ? nameOf.get(id) ?? `派驻 ${id.slice(0, 8)}…` : '—');

  return (
    <Modal open={open} title="按随机种子复核抽样" onCancel={onClose} width={720} footer={<Button type="primary" onClick={onClose}>关闭</Button>}>
      {q.isPending && open && <CardSkeleton rows={4} />}
      {q.error && <ErrorAlert error={q.error} title="复核失败" onRetry={() => void q.refetch()} />}
      {r && (
        <>
          <Typography.Paragraph>
            以记录的随机种子 <Typography.Text code>{r.seed}</Typography.Text>，从抽查当日（{check.date}）记录在案的 {r.populationSize} 名在岗人员中重新抽取 {r.size} 人：
          </Typography.Paragraph>
          {r.matches ? (
            <Alert
              type="success" showIcon icon={<CheckCircleFilled />} style={{ marginBottom: 12 }}
              title="重新抽取的人员与记录的抽样一致"
              description="抽样由随机种子决定，未经人为挑选。"
            />
          ) : (
            <Alert
              type="error" showIcon icon={<CloseCircleFilled />} style={{ marginBottom: 12 }}
              title="重新抽取的人员与记录的抽样不一致"
              description="请核查该抽查记录是否被改动，并联系系统管理员查看操作记录。"
            />
          )}
          {!r.populationUnchanged && (
            <Alert
              type="warning" showIcon style={{ marginBottom: 12 }}
              title="按同样条件，当日的在岗人员名单已有变化"
              description="抽查后派驻记录有调整（如补录、召回）。复核使用抽查时记录的名单，结论不受影响。"
            />
          )}
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '序号', key: 'i', width: 60, render: (_: unknown, __: unknown, i: number) => i + 1 },
              { title: '按种子重新抽取', dataIndex: 'drawn', render: (id: string) => label(id) },
              { title: '记录的抽样', dataIndex: 'recorded', render: (id: string | null) => label(id) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
