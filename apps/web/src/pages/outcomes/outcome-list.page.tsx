import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { Outcome } from '@duikou/contracts';
import { outcomesApi } from '../../api/outcomes.endpoints';
import { errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { OutcomeFormModal } from './outcome-form.modal';
import { capabilityText, figureText, periodLabel } from './outcome-parts';
import { OutcomeTrendCard } from './outcome-trend.card';
import './outcomes.css';

const FILTERS = ['recipientOrgId', 'year'] as const;

function DeleteOutcomeButton({ outcome }: { outcome: Outcome }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => outcomesApi.remove(outcome.id),
    onSuccess: () => {
      message.success(`已删除「${outcome.recipientOrg.name}」${periodLabel(outcome.period)}成效指标`);
      void queryClient.invalidateQueries({ queryKey: ['outcomes'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title={`删除${periodLabel(outcome.period)}的成效指标？`}
      description="删除后趋势图中不再显示该统计期。"
      okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}
    >
      <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label="删除">删除</Button>
    </Popconfirm>
  );
}

/**
 * /outcomes 成效指标: a recipient's figures per year or quarter (technologies introduced, persons trained,
 * MY's tiered care: two-way referrals and the in-county treatment rate, CX's capability standard), entered by
 * the recipient or the county office; and the trend of one recipient.
 */
export function OutcomeListPage() {
  const me = useMe();
  const { can } = useSession();
  const isPhone = useIsPhone();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const isRecipient = me.role === 'recipient_unit';
  const ownOrg = isRecipient ? { id: me.org.id, name: me.org.name } : undefined;
  const canWrite = can('outcome:write');
  const [form, setForm] = useState<{ editing: Outcome | null } | null>(null);
  const [trendOrgId, setTrendOrgId] = useState<string | undefined>();

  const list = useQuery({
    queryKey: ['outcomes', 'list', query],
    queryFn: ({ signal }) => outcomesApi.list({ ...query, q: undefined, year }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(f.recipientOrgId || year);
  // The trend follows the recipient filter, the recipient's own unit, or the first unit listed.
  const trendOrg = ownOrg?.id ?? trendOrgId ?? f.recipientOrgId ?? list.data?.items[0]?.recipientOrg.id;

  const columns: ColumnsType<Outcome> = [
    { title: '受援单位', key: 'org', width: 170, render: (_: unknown, o) => <a onClick={() => setTrendOrgId(o.recipientOrg.id)} title="查看趋势">{o.recipientOrg.name}</a> },
    { title: '统计期', dataIndex: 'period', width: 140, render: (p: string) => periodLabel(p) },
    { title: '引进适宜技术', dataIndex: 'technologiesIntroduced', width: 110, align: 'right', render: (v: number | null) => figureText('technologiesIntroduced', v) },
    { title: '培养人员', dataIndex: 'personsTrained', width: 100, align: 'right', render: (v: number | null) => figureText('personsTrained', v) },
    {
      title: '双向转诊（上转 / 下转）', key: 'referrals', width: 180, align: 'right',
      render: (_: unknown, o) => (o.referralsUp === null && o.referralsDown === null ? '—' : `${o.referralsUp ?? '—'} / ${o.referralsDown ?? '—'} 人次`),
    },
    { title: '县域内就诊率', dataIndex: 'inCountyTreatmentRate', width: 120, align: 'right', render: (v: number | null) => figureText('inCountyTreatmentRate', v) },
    { title: '能力标准达标', key: 'capability', width: 150, align: 'right', render: (_: unknown, o) => capabilityText(o) },
    { title: '备注', dataIndex: 'note', width: 180, ellipsis: true, render: (n: string | null) => n ?? '—' },
    {
      title: '填报', key: 'entered', width: 170,
      render: (_: unknown, o) => (<>{o.enteredBy}<span className="dk-oc-sub">{formatDateTime(o.updatedAt)}</span></>),
    },
    {
      title: '操作', key: 'actions', width: 170, fixed: 'right',
      render: (_: unknown, o) => (o.canEdit ? (
        <div className="dk-oc-actions">
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setForm({ editing: o })}>编辑</Button>
          <DeleteOutcomeButton outcome={o} />
        </div>
      ) : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  // Phones: one block per record.
  const phoneColumns: ColumnsType<Outcome> = [{
    title: '成效指标', key: 'record',
    render: (_: unknown, o) => (
      <div className="dk-oc-phone-row">
        <div className="dk-oc-phone-head"><span>{periodLabel(o.period)}</span><span className="dk-oc-sub-inline">{o.recipientOrg.name}</span></div>
        <span>技术 {figureText('technologiesIntroduced', o.technologiesIntroduced)} · 培养 {figureText('personsTrained', o.personsTrained)}</span>
        {(o.referralsUp !== null || o.referralsDown !== null || o.inCountyTreatmentRate !== null) && (
          <span>转诊 上{o.referralsUp ?? '—'}/下{o.referralsDown ?? '—'} · 县域内就诊率 {figureText('inCountyTreatmentRate', o.inCountyTreatmentRate)}</span>
        )}
        {(o.capabilityItemsMet !== null || o.capabilityItemsTotal !== null) && <span>能力标准 {capabilityText(o)}</span>}
        {o.canEdit && (
          <div className="dk-oc-actions">
            <Button size="small" icon={<EditOutlined />} onClick={() => setForm({ editing: o })}>编辑</Button>
            <DeleteOutcomeButton outcome={o} />
          </div>
        )}
      </div>
    ),
  }];

  return (
    <>
      <PageHeader
        title="成效指标"
        subtitle="受援单位按年度或季度填报：引进适宜技术、培养人员，绵阳分级诊疗（双向转诊、县域内就诊率），楚雄县医院能力标准达标情况"
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>填报成效指标</Button>}
      />
      <div className="dk-toolbar">
        {!isRecipient && (
          <OrganisationSelect
            className="dk-toolbar-select dk-oc-org"
            role="recipient"
            placeholder="受援单位"
            value={f.recipientOrgId}
            onChange={(v) => { update({ recipientOrgId: v }); setTrendOrgId(undefined); }}
          />
        )}
        <DatePicker
          picker="year"
          className="dk-oc-year"
          placeholder="全部年度"
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(d) => update({ year: d ? d.year() : undefined })}
          aria-label="年度"
        />
      </div>
      <OutcomeTrendCard orgId={trendOrg} onOrgChange={setTrendOrgId} fixed={isRecipient} />
      <ListTable<Outcome>
        list={list}
        state={state}
        update={update}
        columns={columns}
        phoneColumns={phoneColumns}
        isPhone={isPhone}
        scrollX={1480}
        empty={{ description: filtered ? '没有符合条件的成效指标，请调整受援单位或年度。' : canWrite ? '还没有成效指标。受援单位或县市区卫生健康局按年度或季度填报引进技术、培养人员和分级诊疗等数据。' : '您的范围内还没有填报成效指标。', action: canWrite && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>填报成效指标</Button> }}
      />
      {canWrite && (
        <OutcomeFormModal open={!!form} editing={form?.editing ?? null} fixedOrg={ownOrg} onClose={() => setForm(null)} />
      )}
    </>
  );
}
