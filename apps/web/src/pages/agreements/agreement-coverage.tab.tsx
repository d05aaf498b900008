import { Link } from 'react-router';
import { Button, Select, Statistic, Switch, Table, Typography } from 'antd';
import { EditOutlined, EyeOutlined, NotificationOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import type { AgreementCoverage } from '@duikou/contracts';
import { agreementsApi } from '../../api/agreements.endpoints';
import { useSession } from '../../auth/session.context';
import { paginationOf } from '../../shared/list-toolbar';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { ProgrammeSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { VerdictList, VerdictStatusTag } from '../../shared/verdict-list';
import type { AgreementDraft } from './agreement-form.modal';
import { AgreementStatusTag, currentYear, parseYear, withAgreementFigureLabels, yearOptions } from './agreement-parts';

type CoverageItem = AgreementCoverage['items'][number];

/** The totals over every pairing in scope, most pressing first. */
export function coverageTotals(counts: AgreementCoverage['counts']): { key: string; label: string; value: number; color: string }[] {
  return [
    { key: 'none', label: '未起草', value: counts.none, color: '#cf1322' },
    { key: 'draft', label: '待双方签订', value: counts.draft, color: '#d48806' },
    { key: 'signed', label: '已签订待备案', value: counts.signed, color: '#1677ff' },
    { key: 'filed', label: '已备案', value: counts.filed, color: '#389e0d' },
  ];
}

/** The 通报 form filled in for a pairing whose agreement is missing or unfinished (offices). */
export function noticeLinkOf(item: CoverageItem, year: number): string {
  const what = item.status ? '尚未完成签订或备案' : '尚未签订';
  const p = new URLSearchParams({
    new: 'notice',
    orgIds: [item.supportOrg.id, item.recipientOrg.id].join(','),
    summary: `${item.supportOrg.name}与${item.recipientOrg.name}的 ${year} 年度帮扶协议（目标责任书）${what}：${item.verdict.explanation}`,
  });
  return `/sanctions?${p.toString()}`;
}

const FILTERS = ['year', 'programmeId', 'missingOnly'] as const;

/**
 * 协议覆盖 (GET /api/agreements/coverage): for a year, every support unit of every pairing in scope with its
 * agreement's state and the rule's verdict; missing agreements in red, with the totals over the scope.
 */
export function AgreementCoverageTab({ onOpen, onDraft }: { onOpen: (id: string) => void; onDraft: (d: AgreementDraft) => void }) {
  const { me, can } = useSession();
  const isPhone = useIsPhone();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const year = parseYear(f.year) ?? currentYear();
  const cov = useQuery({
    queryKey: ['agreements', 'coverage', { ...query, year }],
    queryFn: ({ signal }) => agreementsApi.coverage({ page: query.page, pageSize: query.pageSize, year, programmeId: f.programmeId, missingOnly: f.missingOnly === 'true' ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
  const data = cov.data;
  const mayDraft = (i: CoverageItem) => can('agreement:write') && (me?.role === 'admin' || me?.org.id === i.supportOrg.id || me?.org.id === i.recipientOrg.id);

  const actions = (i: CoverageItem) => (
    <div className="dk-agr-actions">
      {i.agreementId
        ? <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onOpen(i.agreementId!)}>查看协议</Button>
        : mayDraft(i) && <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onDraft({ pairingId: i.pairingId, supportOrgId: i.supportOrg.id, year })}>起草协议</Button>}
      {can('sanction:write') && (i.verdict.status === 'unmet' || i.verdict.status === 'at_risk') && (
        <Link to={noticeLinkOf(i, year)} className="dk-agr-notice"><NotificationOutlined /> 通报督促</Link>
      )}
    </div>
  );

  const columns: ColumnsType<CoverageItem> = [
    {
      title: '受援单位', key: 'recipient', width: 200,
      render: (_: unknown, i) => (<><Link to={`/pairings/${i.pairingId}`}>{i.recipientOrg.name}</Link><span className="dk-agr-sub">{i.programmeName} · {i.policyCode}</span></>),
    },
    { title: '支援单位', key: 'support', width: 180, render: (_: unknown, i) => i.supportOrg.name },
    { title: '协议状态', key: 'status', width: 110, render: (_: unknown, i) => <AgreementStatusTag status={i.status} /> },
    {
      title: '规则判定', key: 'verdict', width: 340,
      render: (_: unknown, i) => (<div className="dk-agr-verdict-cell"><VerdictStatusTag status={i.verdict.status} /><span>{i.verdict.explanation}</span></div>),
    },
    { title: '操作', key: 'actions', width: 190, render: (_: unknown, i) => actions(i) },
  ];
  const phoneColumns: ColumnsType<CoverageItem> = [{
    title: '对口关系', key: 'all',
    render: (_: unknown, i) => (
      <div className="dk-agr-phone-row">
        <div className="dk-agr-phone-head"><AgreementStatusTag status={i.status} /><Link to={`/pairings/${i.pairingId}`}>{i.recipientOrg.name}</Link></div>
        <span className="dk-agr-sub">支援单位：{i.supportOrg.name}</span>
        <div className="dk-agr-verdict-cell"><VerdictStatusTag status={i.verdict.status} /><span>{i.verdict.explanation}</span></div>
        {actions(i)}
      </div>
    ),
  }];

  const filtered = !!f.programmeId || f.missingOnly === 'true';
  return (
    <>
      <div className="dk-toolbar">
        <Select className="dk-agr-year" value={year} onChange={(v) => update({ year: v })} options={yearOptions()} aria-label="年度" />
        <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={f.programmeId} onChange={(v) => update({ programmeId: v })} />
        <label className="dk-agr-switch">
          <Switch size="small" checked={f.missingOnly === 'true'} onChange={(v) => update({ missingOnly: v ? 'true' : undefined })} />
          只看缺失或未完成
        </label>
      </div>
      {cov.error && <ErrorAlert error={cov.error} onRetry={() => void cov.refetch()} />}
      {data && (
        <div className="dk-agr-totals" aria-label="协议覆盖汇总">
          {coverageTotals(data.counts).map((t) => (
            <Statistic key={t.key} title={t.label} value={t.value} suffix="个" styles={{ content: { color: t.value > 0 ? t.color : undefined } }} />
          ))}
          <Statistic title={`${data.year} 年应签订`} value={data.counts.none + data.counts.draft + data.counts.signed + data.counts.filed} suffix="个" />
          <Typography.Text type="secondary" className="dk-agr-asof">按支援单位 × 受援单位统计，截至 {data.asOf}</Typography.Text>
        </div>
      )}
      <Table<CoverageItem>
        rowKey={(i) => `${i.pairingId}|${i.supportOrg.id}`}
        size={isPhone ? 'small' : 'middle'}
        loading={cov.isFetching && !cov.data}
        dataSource={data?.items ?? []}
        columns={isPhone ? phoneColumns : columns}
        rowClassName={(i) => (i.status ? '' : 'dk-agr-missing')}
        expandable={{
          expandedRowRender: (i) => (
            <VerdictList
              verdicts={[withAgreementFigureLabels(i.verdict)]}
              extra={() => (
                <div className="dk-agr-evidence">
                  涉及记录：<Link to={`/pairings/${i.pairingId}`}>对口关系</Link>
                  {i.agreementId ? <Button type="link" size="small" onClick={() => onOpen(i.agreementId!)}>{year} 年度协议</Button> : <Typography.Text type="secondary">（尚无协议）</Typography.Text>}
                </div>
              )}
            />
          ),
          columnTitle: '',
        }}
        pagination={paginationOf(state, data?.total, update)}
        scroll={isPhone ? undefined : { x: 1060 }}
        locale={{
          emptyText: cov.isPending ? <CardSkeleton rows={4} /> : (
            <EmptyState
              description={
                f.missingOnly === 'true'
                  ? `${year} 年没有缺失或未完成的帮扶协议。`
                  : filtered
                    ? '没有符合条件的对口关系，请调整筛选条件。'
                    : `${year} 年您的范围内没有有效的对口关系（对口关系须在有效期内），请选择其他年度。`
              }
            />
          ),
        }}
      />
    </>
  );
}
