import { useState } from 'react';
import { Link } from 'react-router';
import { App as AntApp, Button, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { Visit } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { visitsApi } from '../../api/visits.endpoints';
import { useSession } from '../../auth/session.context';
import { formatDateTime, text } from '../../shared/format';
import { paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { currentYear, PairingFilter, parseYear, yearOptions } from '../agreements/agreement-parts';
import { VisitFormModal } from './visit-form.modal';
import { leaderText } from './visit-parts';
import { VisitVerdictsSection } from './visit-verdicts.section';
import './visits.css';

const FILTERS = ['year', 'pairingId', 'shortOnly'] as const;

function DeleteVisitButton({ visit, onDeleted }: { visit: Visit; onDeleted: () => void }) {
  const { message } = AntApp.useApp();
  const remove = useMutation({
    mutationFn: () => visitsApi.remove(visit.id),
    onSuccess: () => { message.success(`已删除 ${visit.date} 的调研记录`); onDeleted(); },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title="删除这条调研记录？"
      description="删除后该次调研不再计入年度判定。"
      okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
      onConfirm={() => remove.mutate()}
    >
      <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label="删除">删除</Button>
    </Popconfirm>
  );
}

/**
 * /leadership-visits 领导调研: the support unit's visits to the recipient (指导、座谈、交流, 院领导带队) by year
 * and pairing, and each pairing's verdict for the year (楚雄：每年不少于 2 次，院领导带队不少于 1 次).
 */
export function VisitListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const year = parseYear(f.year) ?? currentYear();
  const canWrite = can('visit:write');
  const [form, setForm] = useState<{ editing: Visit | null } | null>(null);

  const list = useQuery({
    queryKey: ['leadership-visits', 'list', { ...query, year }],
    queryFn: ({ signal }) => visitsApi.list({ page: query.page, pageSize: query.pageSize, year, pairingId: f.pairingId }, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['leadership-visits'] });

  const columns: ColumnsType<Visit> = [
    { title: '日期', dataIndex: 'date', width: 100 },
    {
      title: '对口关系', key: 'pairing', width: 230,
      render: (_: unknown, v) => (<>{v.supportOrg.name} → <Link to={`/pairings/${v.pairingId}`}>{v.recipientOrg.name}</Link><span className="dk-visit-sub">{v.programmeName}</span></>),
    },
    {
      title: '带队领导', key: 'leader', width: 170,
      render: (_: unknown, v) => (<>{leaderText(v)}<div>{v.ledByLeadership ? <Tag color="blue">院领导带队</Tag> : <Tag>非院领导带队</Tag>}</div></>),
    },
    { title: '参加人员', dataIndex: 'participants', width: 180, render: (p: string | null) => <span className="dk-visit-pre">{text(p)}</span> },
    {
      title: '内容', dataIndex: 'content', width: 320,
      render: (c: string) => (
        <Typography.Paragraph className="dk-visit-content" ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open: boolean) => (open ? '收起' : '展开') }}>{c}</Typography.Paragraph>
      ),
    },
    { title: '登记', key: 'by', width: 160, render: (_: unknown, v) => (<>{v.recordedBy}<span className="dk-visit-sub">{formatDateTime(v.createdAt)}</span></>) },
    {
      title: '操作', key: 'actions', width: 150, fixed: isPhone ? undefined : 'right',
      render: (_: unknown, v) => (v.canEdit ? (
        <span className="dk-visit-actions">
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setForm({ editing: v })}>修改</Button>
          <DeleteVisitButton visit={v} onDeleted={refresh} />
        </span>
      ) : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title="领导调研"
        subtitle="支援医院赴受援医院指导、座谈、交流；楚雄要求每年不少于 2 次，其中院领导带队不少于 1 次"
        crumbs={[{ title: '帮扶成效' }, { title: '领导调研' }]}
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>登记调研</Button>}
      />
      <div className="dk-toolbar">
        <Select className="dk-visit-year" value={year} onChange={(v) => update({ year: v })} options={yearOptions()} aria-label="年度" />
        <PairingFilter className="dk-visit-pairing" value={f.pairingId} onChange={(v) => update({ pairingId: v })} />
      </div>
      <VisitVerdictsSection year={year} pairingId={f.pairingId} shortOnly={f.shortOnly === 'true'} onShortOnly={(v) => update({ shortOnly: v ? 'true' : undefined })} />
      <section className="dk-visit-section" aria-label="调研记录">
        <div className="dk-visit-section-head">
          <Typography.Title level={5} className="dk-visit-section-title">{year} 年调研记录</Typography.Title>
        </div>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<Visit>
          rowKey="id"
          size={isPhone ? 'small' : 'middle'}
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          columns={canWrite ? columns : columns.filter((c) => c.key !== 'actions')}
          pagination={paginationOf(state, list.data?.total, update)}
          scroll={{ x: canWrite ? 1310 : 1160 }}
          locale={{
            emptyText: list.isPending ? <CardSkeleton rows={4} /> : (
              <EmptyState
                description={
                  f.pairingId
                    ? `该对口关系 ${year} 年还没有调研记录。`
                    : canWrite
                      ? `${year} 年还没有调研记录。院领导带队赴受援医院指导、座谈、交流后，请在此登记。`
                      : `您的范围内 ${year} 年还没有调研记录，调研记录由支援单位登记。`
                }
              >
                {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>登记调研</Button>}
              </EmptyState>
            ),
          }}
        />
      </section>
      {canWrite && (
        <VisitFormModal
          open={!!form}
          editing={form?.editing ?? null}
          defaultPairingId={f.pairingId}
          onClose={() => setForm(null)}
          onSaved={() => { setForm(null); refresh(); }}
        />
      )}
    </>
  );
}
