import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Select, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, type Agreement, type AgreementDetail } from '@duikou/contracts';
import { agreementsApi } from '../../api/agreements.endpoints';
import { useSession } from '../../auth/session.context';
import { paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { AgreementCoverageTab } from './agreement-coverage.tab';
import { AgreementActions, AgreementDetailDrawer } from './agreement-detail.drawer';
import { AgreementFormModal, type AgreementDraft } from './agreement-form.modal';
import { AgreementStatusTag, PairingFilter, parseYear, signaturesText, yearOptions } from './agreement-parts';
import { AgreementStepModal, type AgreementStep } from './agreement-sign.modal';
import './agreements.css';

const FILTERS = ['tab', 'year', 'pairingId', 'status'] as const;
type FormState = { editing: Agreement | null; draft?: AgreementDraft } | null;

/** 「腹腔镜胆囊切除术 等 3 项」 */
export function listSummary(names: readonly string[], unit: string): string {
  if (names.length === 0) return '未填写';
  return names.length === 1 ? names[0]! : `${names[0]} 等 ${names.length} ${unit}`;
}

/**
 * /agreements 帮扶协议: the annual agreements (目标责任书) per pairing and year — draft and edit (either
 * side, before signing), sign per side, file with the office, delete a draft — and 协议覆盖: which
 * pairings of the year still lack one.
 */
export function AgreementListPage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const tab = f.tab === 'coverage' ? 'coverage' : 'list';
  const canWrite = can('agreement:write');
  const [form, setForm] = useState<FormState>(null);
  const [step, setStep] = useState<AgreementStep | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);

  const list = useQuery({
    queryKey: ['agreements', 'list', query],
    queryFn: ({ signal }) => agreementsApi.list({ ...query, tab: undefined, q: undefined, includeArchived: undefined, year: parseYear(f.year) }, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'list',
  });
  const filtered = !!(f.year || f.pairingId || f.status);

  const saved = (a: AgreementDetail) => {
    setForm(null);
    setStep(null);
    queryClient.setQueryData(['agreements', 'detail', a.id], a);
    void queryClient.invalidateQueries({ queryKey: ['agreements'] });
  };
  const openEdit = (a: Agreement) => setForm({ editing: a });

  const columns: ColumnsType<Agreement> = [
    { title: '年度', dataIndex: 'year', width: 70 },
    {
      title: '对口关系', key: 'pairing', width: 220,
      render: (_: unknown, a) => (
        <>
          <Link to={`/pairings/${a.pairingId}`} onClick={(e) => e.stopPropagation()}>{a.recipientOrg.name}</Link> ← {a.supportOrg.name}
          <span className="dk-agr-sub">{a.programmeName}</span>
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 100, render: (_: unknown, a) => <AgreementStatusTag status={a.status} /> },
    {
      title: '帮扶科室', key: 'departments', width: 160,
      render: (_: unknown, a) => (a.departments.length
        ? <span className="dk-agr-tags">{a.departments.slice(0, 4).map((d) => <Tag key={d}>{d}</Tag>)}{a.departments.length > 4 && <Tag>+{a.departments.length - 4}</Tag>}</span>
        : <Typography.Text type="secondary">未填写</Typography.Text>),
    },
    { title: '适宜技术', key: 'technologies', width: 150, render: (_: unknown, a) => listSummary(a.technologies.map((t) => t.name), '项') },
    {
      title: '培养人员', key: 'trainees', width: 100,
      render: (_: unknown, a) => (a.traineeTarget === null && a.trainees.length === 0 ? <Typography.Text type="secondary">未填写</Typography.Text>
        : <>{a.traineeTarget !== null ? `目标 ${a.traineeTarget} 人` : '目标未填'}{a.trainees.length > 0 && <span className="dk-agr-sub">已确定 {a.trainees.length} 人</span>}</>),
    },
    {
      title: '签订 / 备案', key: 'signatures', width: 180,
      render: (_: unknown, a) => (
        <div className="dk-agr-signs" aria-label={signaturesText(a)}>
          <span>支援：{a.supportSignedOn ?? <Typography.Text type="warning">未签</Typography.Text>}</span>
          <span>受援：{a.recipientSignedOn ?? <Typography.Text type="warning">未签</Typography.Text>}</span>
          <span>备案：{a.filedOn ? `${a.filedOn}${a.filedCopies ? `（${a.filedCopies} 份）` : ''}` : <Typography.Text type="secondary">未备案</Typography.Text>}</span>
        </div>
      ),
    },
    {
      title: '操作', key: 'actions', width: 160, fixed: isPhone ? undefined : 'right',
      render: (_: unknown, a) => (
        <div onClick={(e) => e.stopPropagation()}>
          <Button size="small" type="link" onClick={() => setDetailId(a.id)}>详情</Button>
          <AgreementActions agreement={a} onEdit={openEdit} onStep={setStep} onDeleted={() => undefined} compact />
        </div>
      ),
    },
  ];

  const listTab = (
    <>
      <div className="dk-toolbar">
        <Select className="dk-agr-year" allowClear placeholder="全部年度" value={parseYear(f.year)} onChange={(v) => update({ year: v })} options={yearOptions()} aria-label="年度" />
        <PairingFilter className="dk-agr-pairing" value={f.pairingId} onChange={(v) => update({ pairingId: v })} />
        <Select
          className="dk-toolbar-select" allowClear placeholder="全部状态" value={f.status} onChange={(v) => update({ status: v })} aria-label="状态"
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: AGREEMENT_STATUS_LABELS[s] }))}
        />
      </div>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Agreement>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        columns={columns}
        onRow={(a) => ({ onClick: () => setDetailId(a.id), className: 'dk-agr-clickable' })}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: 1140 }}
        locale={{
          emptyText: list.isPending ? <CardSkeleton rows={4} /> : (
            <EmptyState
              description={
                filtered
                  ? '没有符合条件的帮扶协议，请调整筛选条件。'
                  : canWrite
                    ? '还没有帮扶协议。每年支援单位与受援单位签订一份帮扶协议（目标责任书），写明帮扶科室、适宜技术、培养人员和能力目标。'
                    : '您的范围内还没有帮扶协议。可在「协议覆盖」中查看各对口关系的签订情况。'
              }
            >
              {canWrite && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>起草协议</Button>}
            </EmptyState>
          ),
        }}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="帮扶协议"
        subtitle="年度帮扶协议（目标责任书）：支援单位与受援单位每年签订，写明帮扶科室、适宜技术、培养人员和能力目标，双方签订后报卫生健康行政部门备案"
        crumbs={[{ title: '帮扶成效' }, { title: '帮扶协议' }]}
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>起草协议</Button>}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'coverage' ? 'coverage' : undefined, status: undefined, pairingId: undefined, programmeId: undefined, missingOnly: undefined })}
        items={[
          { key: 'list', label: '协议列表', children: tab === 'list' ? listTab : null },
          {
            key: 'coverage', label: '协议覆盖',
            children: tab === 'coverage' ? <AgreementCoverageTab onOpen={setDetailId} onDraft={(draft) => setForm({ editing: null, draft })} /> : null,
          },
        ]}
      />
      <AgreementDetailDrawer id={detailId} onClose={() => setDetailId(null)} onEdit={openEdit} onStep={setStep} />
      {canWrite && <AgreementFormModal open={!!form} editing={form?.editing ?? null} draft={form?.draft} onClose={() => setForm(null)} onSaved={saved} />}
      <AgreementStepModal step={step} onClose={() => setStep(null)} onSaved={saved} />
    </>
  );
}
