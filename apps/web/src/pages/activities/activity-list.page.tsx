import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Pagination, Popconfirm, Select, Table, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { VERDICT_STATUS_LABELS, type Activity } from '@duikou/contracts';
import { activitiesApi } from '../../api/activities.endpoints';
import { errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { CollapsibleFilters, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { AssignmentSelect } from '../tasks/assignment.select';
import { PersonCell } from '../tasks/task-parts';
import { ActivityFormModal } from './activity-form.modal';
import { KIND_OPTIONS, KindTag } from './activity-parts';
import { AttachmentLinks } from './attachment-links';
import { OffSiteGuidanceTab } from './off-site-guidance.tab';
import '../tasks/tasks.css';
import './activities.css';

const FILTERS = ['tab', 'kind', 'from', 'to', 'assignmentId', 'supportOrgId', 'recipientOrgId', 'status'] as const;
type TabKey = 'records' | 'guidance';
/** The kind filter also offers 「all on-site teaching」, sent as setting=on_site. */
const ON_SITE = 'on_site';
const KIND_FILTER_OPTIONS = [{ value: ON_SITE, label: '全部驻点带教' }, ...KIND_OPTIONS];
const STATUS_OPTIONS = (['unmet', 'at_risk', 'met', 'not_applicable'] as const).map((s) => ({ value: s, label: VERDICT_STATUS_LABELS[s] }));

/** 修改 / 删除 of one record (with its attachments). */
function ActivityActions({ activity, onEdit, compact }: { activity: Activity; onEdit: () => void; compact: boolean }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => activitiesApi.remove(activity.id),
    onSuccess: () => {
      message.success('已删除该记录');
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!activity.canEdit) return null;
  return (
    <span className="dk-act-actions" onClick={(e) => e.stopPropagation()}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit} style={{ paddingInline: 4 }} aria-label="修改">{!compact && '修改'}</Button>
      <Popconfirm
        title="删除该记录？"
        description={<div style={{ maxWidth: 260 }}>记录及其附件将被永久删除{activity.kind === 'remote_guidance' ? '，该月的远程指导核查可能因此变为缺记录' : ''}。</div>}
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={remove.isPending} style={{ paddingInline: 4 }} aria-label="删除">{!compact && '删除'}</Button>
      </Popconfirm>
    </span>
  );
}

const participantsText = (a: Activity) => `${a.participantCount} 人${a.participants.length ? `：${a.participants.join('、')}` : ''}`;

/** Phones (where staff record): one card per record. */
function ActivityCards({ items, onEdit }: { items: Activity[]; onEdit: (a: Activity) => void }) {
  return (
    <div className="dk-act-cards">
      {items.map((a) => (
        <Card key={a.id} size="small" className="dk-act-card">
          <div className="dk-act-card-head">
            <span className="dk-act-card-date">{a.date}</span>
            <KindTag activity={a} />
          </div>
          <div className="dk-act-card-person">{a.assignment.personName} · {a.assignment.recipientOrg.name}</div>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: '6px 0' }}>{a.content}</Typography.Paragraph>
          <div className="dk-task-sub">参与：{participantsText(a)}</div>
          {a.attachments.length > 0 && <AttachmentLinks attachments={a.attachments} />}
          <div className="dk-act-card-foot">
            <span className="dk-task-sub">{a.recordedBy} 登记</span>
            <ActivityActions activity={a} compact={false} onEdit={() => onEdit(a)} />
          </div>
        </Card>
      ))}
    </div>
  );
}

/**
 * /activities 带教与指导: the teaching on site (临床带教、教学查房、手术示范、专项培训、案例分析) and the remote
 * guidance off site, with participants, content and attachments; and the check that each month off site
 * has guidance recorded (MY).
 */
export function ActivityListPage() {
  const { can } = useSession();
  const me = useMe();
  const isPhone = useIsPhone();
  const canWrite = can('activity:write');
  const ownOnly = ['staff', 'team_leader'].includes(me.role);
  const unitOnly = me.role === 'support_unit' || me.role === 'recipient_unit';
  const { state, update } = useListState(FILTERS);
  const f = state.filters;
  const tab: TabKey = f.tab === 'guidance' ? 'guidance' : 'records';
  const [editing, setEditing] = useState<{ activity: Activity | null } | null>(null);
  const scope = { assignmentId: f.assignmentId, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId };

  const listQuery = {
    page: state.page, pageSize: state.pageSize, ...scope, from: f.from, to: f.to,
    ...(f.kind === ON_SITE ? { setting: 'on_site' } : { kind: f.kind }),
  };
  const list = useQuery({
    queryKey: ['activities', 'list', listQuery],
    queryFn: ({ signal }) => activitiesApi.list(listQuery, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'records',
  });
  const items = list.data?.items ?? [];
  const filtered = !!(f.kind || f.from || f.to || f.assignmentId || f.supportOrgId || f.recipientOrgId);
  const activeFilters = [f.kind, f.from || f.to, f.assignmentId, f.supportOrgId, f.recipientOrgId].filter(Boolean).length;

  const columns: ColumnsType<Activity> = [
    { title: '日期', key: 'date', width: 120, render: (_: unknown, a) => <>{a.date}<span className="dk-task-sub" title={formatDateTime(a.createdAt)}>{a.recordedBy} 登记</span></> },
    { title: '类别', key: 'kind', width: 120, render: (_: unknown, a) => <KindTag activity={a} /> },
    { title: '派驻人员', key: 'person', width: 200, render: (_: unknown, a) => <PersonCell a={a.assignment} /> },
    { title: '内容', dataIndex: 'content', width: 280, render: (c: string) => <Typography.Paragraph ellipsis={{ rows: 3, tooltip: c }} style={{ marginBottom: 0 }}>{c}</Typography.Paragraph> },
    { title: '参与人员', key: 'participants', width: 160, render: (_: unknown, a) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: participantsText(a) }} style={{ marginBottom: 0 }}>{participantsText(a)}</Typography.Paragraph> },
    {
      title: '附件', key: 'attachments', width: 180,
      render: (_: unknown, a) => (a.attachments.length ? <AttachmentLinks attachments={a.attachments} /> : <Typography.Text type="secondary">无</Typography.Text>),
    },
    ...(canWrite ? [{
      title: '操作', key: 'actions', width: 130, fixed: 'right' as const,
      render: (_: unknown, a: Activity) => <ActivityActions activity={a} compact={false} onEdit={() => setEditing({ activity: a })} />,
    }] : []),
  ];

  const personFilters = (
    <>
      {!ownOnly && (
        <AssignmentSelect className="dk-task-person-select" placeholder="全部派驻人员（输入姓名搜索）" value={f.assignmentId} onChange={(v) => update({ assignmentId: v })} />
      )}
      {!ownOnly && !unitOnly && (
        <>
          <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
          <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
        </>
      )}
    </>
  );
  const recordFilters = (
    <>
      <Select className="dk-toolbar-select" allowClear placeholder="全部类别" aria-label="类别" value={f.kind} onChange={(v) => update({ kind: v })} options={KIND_FILTER_OPTIONS} popupMatchSelectWidth={false} />
      <DatePicker.RangePicker
        className="dk-act-range"
        placeholder={['开始日期', '结束日期']}
        value={f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null}
        onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        inputReadOnly={isPhone}
        aria-label="日期范围"
      />
      {personFilters}
    </>
  );
  const emptyText = filtered
    ? '没有符合条件的记录，请调整筛选条件。'
    : canWrite
      ? ownOnly
        ? '您还没有带教或远程指导记录。每次临床带教、教学查房、手术示范、培训、案例分析或不驻点期间的远程指导后，点击「登记带教 / 指导」记录下来。'
        : '还没有带教或远程指导记录。点击「登记带教 / 指导」为派驻人员登记。'
      : '您的范围内还没有带教或远程指导记录。';
  const createButton = canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ activity: null })}>登记带教 / 指导</Button>;

  const recordsView = (
    <>
      <div className="dk-toolbar">
        <CollapsibleFilters active={activeFilters}>{recordFilters}</CollapsibleFilters>
      </div>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {isPhone ? (
        <>
          {list.isPending && !list.data ? <CardSkeleton rows={4} /> : items.length === 0 ? <EmptyState description={emptyText}>{!filtered && createButton}</EmptyState> : (
            <ActivityCards items={items} onEdit={(a) => setEditing({ activity: a })} />
          )}
          {(list.data?.total ?? 0) > state.pageSize && (
            <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} current={state.page} pageSize={state.pageSize} total={list.data?.total ?? 0} onChange={(page) => update({ page })} />
          )}
        </>
      ) : (
        <Table<Activity>
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={items}
          columns={columns}
          scroll={{ x: canWrite ? 1190 : 1060 }}
          pagination={paginationOf(state, list.data?.total, update)}
          locale={{ emptyText: list.isPending ? <CardSkeleton rows={4} /> : <EmptyState description={emptyText}>{!filtered && createButton}</EmptyState> }}
        />
      )}
    </>
  );

  const guidanceView = (
    <>
      <div className="dk-toolbar">
        <Select className="dk-toolbar-select" allowClear placeholder="全部判定结果" aria-label="判定结果" value={f.status} onChange={(v) => update({ status: v })} options={STATUS_OPTIONS} />
        {personFilters}
      </div>
      <OffSiteGuidanceTab
        key={`${f.assignmentId}-${f.supportOrgId}-${f.recipientOrgId}-${f.status}`}
        scope={scope}
        status={f.status}
        onRecord={canWrite ? () => setEditing({ activity: null }) : undefined}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="带教与指导"
        subtitle="驻点期间的临床带教、教学查房、手术示范、专项培训、案例分析，以及不驻点期间通过视频、微信的远程核查点评与指导"
        extra={createButton}
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'records' ? undefined : k, status: undefined })}
          items={[
            { key: 'records', label: '带教指导记录', children: tab === 'records' ? recordsView : null },
            { key: 'guidance', label: '离岗期间远程指导', children: tab === 'guidance' ? guidanceView : null },
          ]}
        />
      </Card>
      {canWrite && <ActivityFormModal open={!!editing} activity={editing?.activity ?? null} ownOnly={ownOnly} onClose={() => setEditing(null)} />}
    </>
  );
}
