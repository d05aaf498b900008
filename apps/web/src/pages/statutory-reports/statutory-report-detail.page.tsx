import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, Descriptions, Input, Popconfirm, Steps, Table, Tag, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, ReloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STATUTORY_REPORT_KIND_LABELS, type MonthlyRow, type QuarterlyRow, type StatutoryReport } from '@duikou/contracts';
import { statutoryReportsApi } from '../../api/statutory-reports.endpoints';
import { errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { deadlineText, figureColumns, lateText, StatusTag, stepsOf, totalCell } from './statutory-report-parts';
import { StatutoryReportSendBackModal } from './statutory-report-send-back.modal';
import './statutory-reports.css';

type Row = MonthlyRow | QuarterlyRow;

/** The figures as generated (frozen once sent), with a totals row. */
function FiguresTable({ r }: { r: StatutoryReport }) {
  const isPhone = useIsPhone();
  const columns = figureColumns(r.kind);
  const totals = r.figures.totals as Record<string, number>;
  return (
    <Table<Row>
      rowKey={(x) => ('pairingId' in x ? `${x.pairingId}-${x.supportOrgId}` : x.recipientOrgId)}
      size={isPhone ? 'small' : 'middle'} bordered pagination={false} dataSource={r.figures.rows as Row[]} columns={columns} scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本期没有记录' }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="dk-sr-totals">
            {columns.map((c, i) => (
              <Table.Summary.Cell key={String(c.key)} index={i} align={i === 0 ? 'left' : 'center'}>
                {i === 0 ? '合计' : totalCell(r.kind, String(c.key), totals)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** 填报说明: editable by the submitter until it is sent. */
function NoteCard({ r, onSaved }: { r: StatutoryReport; onSaved: (next: StatutoryReport) => void }) {
  const { message } = AntApp.useApp();
  const [note, setNote] = useState(r.note ?? '');
  useEffect(() => setNote(r.note ?? ''), [r.note]);
  const save = useMutation({
    mutationFn: () => statutoryReportsApi.updateNote(r.id, note.trim() || null),
    onSuccess: (next) => { onSaved(next); void message.success('填报说明已保存'); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!r.canSubmit) return r.note ? <Card size="small" title="填报说明" className="dk-sr-card"><Typography.Paragraph className="dk-ap-text">{r.note}</Typography.Paragraph></Card> : null;
  return (
    <Card size="small" title="填报说明（选填）" className="dk-sr-card">
      <Input.TextArea rows={3} maxLength={1000} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder="需要向接收单位说明的情况，如人员轮换、考勤补录" aria-label="填报说明" />
      <Button style={{ marginTop: 8 }} icon={<SaveOutlined />} loading={save.isPending} disabled={note.trim() === (r.note ?? '')} onClick={() => save.mutate()}>保存说明</Button>
    </Card>
  );
}

/** /statutory-reports/:id — figures, where the report stands, and the acts open to the caller. */
export function StatutoryReportDetailPage() {
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [sendingBack, setSendingBack] = useState(false);
  const query = useQuery({ queryKey: ['statutory-reports', 'detail', id], queryFn: ({ signal }) => statutoryReportsApi.get(id, signal) });
  const r = query.data;
  const saved = (next: StatutoryReport) => {
    queryClient.setQueryData(['statutory-reports', 'detail', id], next);
    void queryClient.invalidateQueries({ queryKey: ['statutory-reports', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['statutory-reports', 'overview'] });
  };
  const act = (fn: () => Promise<StatutoryReport>, done: string) => ({
    mutationFn: fn,
    onSuccess: (next: StatutoryReport) => { saved(next); void message.success(done); },
    onError: (e: unknown) => void message.error(errorMessage(e)),
  });
  const regenerate = useMutation(act(() => statutoryReportsApi.generate({ kind: r!.kind, period: r!.period }), '已按最新记录重新生成'));
  const submit = useMutation(act(() => statutoryReportsApi.submit(id), '已报送'));
  const accept = useMutation(act(() => statutoryReportsApi.accept(id), '已接收'));
  const exporting = useMutation({
    mutationFn: () => statutoryReportsApi.exportXlsx(id),
    onSuccess: (name) => void message.success(`已导出：${name}`),
    onError: (e) => void message.error(errorMessage(e)),
  });

  if (query.isPending) return <CardSkeleton rows={8} />;
  if (query.error || !r) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const kindLabel = STATUTORY_REPORT_KIND_LABELS[r.kind];
  const steps = stepsOf(r.status);
  const d = r.figures.deadline;
  const overdueNow = r.canSubmit && r.figures.asOf > r.dueDate;
  const late = lateText(r);

  return (
    <>
      <PageHeader
        crumbs={[{ title: '统计报表', to: '/statutory-reports' }, { title: d.label }]}
        title={`${r.submitter.name} · ${d.label}`}
        tags={<StatusTag status={r.status} />}
        extra={
          <div className="dk-sr-actions">
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>{exporting.isPending ? '正在导出…' : '导出 Excel'}</Button>
            {r.canRegenerate && <Button icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={() => regenerate.mutate()}>按最新记录重新生成</Button>}
            {r.canSubmit && (
              <Popconfirm
                title={r.status === 'sent_back' ? '重新报送' : '报送统计表'}
                description={overdueNow ? `已过截止日期 ${r.dueDate}，报送后将记为逾期。数据将按最新记录生成后冻结。` : '数据将按最新记录生成后冻结，报送后不能修改。'}
                okText="确认报送" cancelText="取消" onConfirm={() => submit.mutate()}
              >
                <Button type="primary" icon={<SendOutlined />} loading={submit.isPending}>{r.status === 'sent_back' ? '重新报送' : '报送'}</Button>
              </Popconfirm>
            )}
            {r.canReview && (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setSendingBack(true)}>退回</Button>
                <Popconfirm title="接收统计表" description="确认数据无误并接收？" okText="接收" cancelText="取消" onConfirm={() => accept.mutate()}>
                  <Button type="primary" icon={<CheckOutlined />} loading={accept.isPending}>接收</Button>
                </Popconfirm>
              </>
            )}
          </div>
        }
      />
      <Card size="small" className="dk-sr-card dk-sr-steps">
        <Steps
          size="small" current={steps.current} status={steps.status}
          items={[
            { title: '生成', content: formatDateTime(r.generatedAt) },
            { title: r.status === 'sent_back' ? '已退回，待重新报送' : '报送', content: r.submittedAt ? `${r.submittedBy ?? ''} ${formatDateTime(r.submittedAt)}` : `截止 ${r.dueDate}` },
            { title: '接收', content: r.status === 'accepted' ? `${r.decidedBy ?? ''} ${formatDateTime(r.decidedAt)}` : r.receiver.name },
          ]}
        />
      </Card>
      {r.status === 'sent_back' && r.sendBackReason && (
        <Alert
          type="error" showIcon className="dk-sr-card" data-testid="send-back-reason" title={`${r.receiver.name}退回`}
          description={<>{r.sendBackReason}<span className="dk-sr-sub">{r.decidedBy} · {formatDateTime(r.decidedAt)}</span></>}
        />
      )}
      {overdueNow && <Alert type="warning" showIcon className="dk-sr-card" title={`已过截止日期 ${r.dueDate}，尚未报送`} />}
      <Card size="small" className="dk-sr-card">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="统计期间">{r.figures.from} 至 {r.figures.to}</Descriptions.Item>
          <Descriptions.Item label="报送单位">{r.submitter.name}</Descriptions.Item>
          <Descriptions.Item label="接收单位">{r.receiver.name}</Descriptions.Item>
          <Descriptions.Item label="截止日期">
            {deadlineText({ ...d, due: r.dueDate })}
          </Descriptions.Item>
          <Descriptions.Item label="报送依据">{d.citation}（政策 {d.policyCode}）</Descriptions.Item>
          <Descriptions.Item label="报送时间">
            {r.submittedAt ? <>{formatDateTime(r.submittedAt)} {late && <Tag color={r.late ? 'orange' : 'success'}>{late}</Tag>}</> : '未报送'}
          </Descriptions.Item>
          <Descriptions.Item label="数据截至">{r.figures.asOf}（{r.status === 'draft' || r.status === 'sent_back' ? '草稿，可重新生成' : '已冻结'}）</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`${kindLabel}数据`} className="dk-sr-card">
        <FiguresTable r={r} />
        <Typography.Paragraph type="secondary" className="dk-sr-sub" style={{ marginTop: 8 }}>
          {r.kind === 'monthly'
            ? '在岗天数按考勤记录中“在岗”“因公外出”计；抽查为本月对上述人员的抽查人次及结果；带教指导为本月的带教、指导记录。'
            : '按本县受援单位与支援单位逐行统计；年度协议为双方均已签订；院领导赴受援医院、季度进展均为本季度内的记录。'}
        </Typography.Paragraph>
      </Card>
      <NoteCard r={r} onSaved={saved} />
      {can('audit:read') && <Card size="small" title="操作记录" className="dk-sr-card"><EntityAuditTab entityType="statutory_report" entityId={r.id} /></Card>}
      <StatutoryReportSendBackModal
        report={r} open={sendingBack} onClose={() => setSendingBack(false)}
        onDone={(next) => { setSendingBack(false); saved(next); void message.success('已退回'); }}
      />
    </>
  );
}
