import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { Card, DatePicker, Progress, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { StaffingRow } from '@duikou/contracts';
import { staffingApi } from '../../api/assignments.endpoints';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect, ProgrammeSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { VerdictStatusTag, VerdictSummary } from '../../shared/verdict-list';
import './staffing.css';

const StaffingChart = lazy(() => import('./staffing-chart').then((m) => ({ default: m.StaffingChart })));

/** The year asked for (URL `year`), the current year when absent or out of range. */
export function yearOf(v: string | undefined, now = dayjs()): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : now.year();
}

export function SentCell({ row }: { row: Pick<StaffingRow, 'sent' | 'required' | 'verdict'> }) {
  if (row.required === null) {
    return <span>已派出 <b>{row.sent}</b> 人 <Typography.Text type="secondary">（不作要求）</Typography.Text></span>;
  }
  const percent = row.required === 0 ? 100 : Math.min(100, Math.round((row.sent / row.required) * 100));
  const status = row.verdict.status === 'met' ? 'success' : row.verdict.status === 'unmet' ? 'exception' : 'normal';
  return (
    <div className="dk-staffing-progress">
      <Progress percent={percent} size="small" status={status} showInfo={false} aria-label={`已派出 ${row.sent} 人，要求 ${row.required} 人`} />
      <span className="dk-staffing-figure">{row.sent} / {row.required} 人</span>
    </div>
  );
}

/** /staffing 派出人数: per pairing and support unit, persons sent in a year against the minimum, with the rule's verdict. */
export function StaffingPage() {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { state, update } = useListState(['year', 'programmeId', 'supportOrgId', 'recipientOrgId']);
  const f = state.filters;
  const year = yearOf(f.year);
  const query = { year, programmeId: f.programmeId, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId };

  const q = useQuery({
    queryKey: ['staffing', query],
    queryFn: ({ signal }) => staffingApi.get(query, signal),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.items ?? [];
  const filtered = !!(f.programmeId || f.supportOrgId || f.recipientOrgId);
  const open = (r: StaffingRow) => void navigate(`/assignments?pairingId=${r.pairingId}&supportOrgId=${r.supportOrgId}`);

  const columns: ColumnsType<StaffingRow> = [
    {
      title: '受援单位', dataIndex: 'recipientOrgName', width: 160,
      render: (name: string, r) => (<>{name}<span className="dk-staffing-sub">{r.programmeName}</span></>),
    },
    { title: '支援单位', dataIndex: 'supportOrgName', width: 170 },
    { title: `${year} 年已派出 / 要求`, key: 'sent', width: 190, render: (_: unknown, r) => <SentCell row={r} /> },
    { title: '计划派出', dataIndex: 'planned', width: 90, render: (n: number) => `${n} 人` },
    {
      title: '判定', key: 'verdict', width: 340,
      render: (_: unknown, r) => (
        <div className="dk-staffing-verdict">
          <VerdictStatusTag status={r.verdict.status} />
          <span>{r.verdict.explanation}</span>
          {r.verdict.citation && <span className="dk-staffing-sub">依据：{r.verdict.citation}</span>}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="派出人数" subtitle="各支援单位每年向受援单位派出的人数与政策最低要求；点击一行查看对应的派驻人员" />
      <div className="dk-toolbar">
        <DatePicker
          picker="year"
          allowClear={false}
          className="dk-toolbar-select"
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => update({ year: d && d.year() !== dayjs().year() ? d.year() : undefined })}
          aria-label="年度"
          format="YYYY 年"
        />
        <ProgrammeSelect className="dk-toolbar-select" placeholder="全部项目" value={f.programmeId} onChange={(v) => update({ programmeId: v })} />
        <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
        <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}

      {rows.length > 0 && (
        <Card className="dk-section" size="small" title={`${year} 年各受援单位派出人数`} extra={!isPhone && <VerdictSummary verdicts={rows.map((r) => r.verdict)} />}>
          {isPhone && <VerdictSummary verdicts={rows.map((r) => r.verdict)} />}
          <Suspense fallback={<CardSkeleton rows={5} />}>
            <StaffingChart rows={rows} year={year} />
          </Suspense>
        </Card>
      )}

      <Table<StaffingRow>
        rowKey={(r) => `${r.pairingId}:${r.supportOrgId}`}
        size={isPhone ? 'small' : 'middle'}
        loading={q.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false } : false}
        scroll={{ x: 940 }}
        rowClassName="dk-staffing-row"
        onRow={(r) => ({
          onClick: () => open(r),
          onKeyDown: (e) => { if (e.key === 'Enter') open(r); },
          tabIndex: 0,
          title: '查看该对口关系、支援单位的派驻人员',
        })}
        locale={{
          // Before the first answer the spinner alone: an empty-state sentence would be wrong for a moment.
          emptyText: q.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : (
            <EmptyState
              description={filtered ? `${year} 年没有符合条件的对口关系，请调整筛选条件。` : `${year} 年您的范围内没有有效的对口关系。可切换年度查看。`}
            />
          ),
        }}
      />
    </>
  );
}
