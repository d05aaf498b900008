import { useState } from 'react';
import { Alert, Button, Collapse, Pagination, Segmented, Tag, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MentorshipVerdicts } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { VerdictList, VerdictSummary } from '../../shared/verdict-list';
import { SupportLevelTag } from './mentorship-parts';

type Item = MentorshipVerdicts['items'][number];
type Verdict = Item['verdicts'][number];

/** Only the verdicts that need attention (不符合, 有风险, 信息不足), or all. */
export function verdictsToShow(verdicts: readonly Verdict[], onlyIssues: boolean): Verdict[] {
  return onlyIssues ? verdicts.filter((v) => v.status === 'unmet' || v.status === 'at_risk' || v.status === 'unknown') : [...verdicts];
}

/** 「于瑶（2019、2020）」 */
const mentorText = (m: Item['mentors'][number]) => `${m.name}（${m.years.join('、')}）`;

function UnitVerdicts({ item, onlyIssues, onDepartments }: { item: Item; onlyIssues: boolean; onDepartments: (recipientOrgId: string) => void }) {
  const shown = verdictsToShow(item.verdicts, onlyIssues);
  return (
    <div className="dk-ms-unit">
      <div className="dk-ms-unit-facts">
        <div>
          <span className="dk-ms-sub-inline">主要科室：</span>
          {item.mainDepartments?.length
            ? item.mainDepartments.map((d) => <Tag key={d}>{d}</Tag>)
            : <Tag color="blue">未登记</Tag>}
          <Button type="link" size="small" icon={<ApartmentOutlined />} onClick={() => onDepartments(item.recipientOrg.id)}>主要科室</Button>
        </div>
        <div>
          <span className="dk-ms-sub-inline">支援人员 {item.mentors.length} 人：</span>
          {item.mentors.length ? item.mentors.map(mentorText).join('、') : '—'}
        </div>
      </div>
      <VerdictList
        verdicts={shown}
        summary={false}
        empty={onlyIssues ? '没有不符合或有风险的结论' : '没有适用的规则结论'}
      />
    </div>
  );
}

/**
 * 规则判定 per support unit × recipient under a policy with the mentorship rule: each mentor's ratio per
 * year (市属 1 带 4、县属 1 带 3), yearly rotation of apprentices and the 3-year coverage of the main departments.
 */
export function MentorshipVerdictsPanel({ filters, onDepartments }: {
  filters: { pairingId?: string; supportOrgId?: string; recipientOrgId?: string };
  onDepartments: (recipientOrgId: string) => void;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [onlyIssues, setOnlyIssues] = useState(false);
  const query = { ...filters, page, pageSize };
  const q = useQuery({
    queryKey: ['mentorships', 'verdicts', query],
    queryFn: ({ signal }) => mentorshipsApi.verdicts(query, signal),
    placeholderData: keepPreviousData,
  });
  const items = q.data?.items ?? [];

  return (
    <div>
      <Alert
        type="info"
        showIcon
        className="dk-ms-rules"
        title="师带徒规则"
        description="市（州）属支援单位人员每年至少 1 带 4、县（区）属至少 1 带 3；跟学人员每年更换，不重复带教；三年内跟学人员覆盖受援单位主要科室。"
      />
      <div className="dk-toolbar">
        <Segmented<'all' | 'issues'>
          value={onlyIssues ? 'issues' : 'all'}
          onChange={(v) => setOnlyIssues(v === 'issues')}
          options={[{ value: 'all', label: '全部结论' }, { value: 'issues', label: '只看需关注' }]}
        />
        {q.data && <Typography.Text type="secondary">判定日期 {q.data.asOf} · 共 {q.data.total} 个支援单位</Typography.Text>}
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending ? <CardSkeleton rows={6} /> : items.length === 0 ? (
        !q.error && <EmptyState description="范围内没有适用师带徒规则的对口关系（如绵阳市“传帮带”项目）；请调整筛选条件。" />
      ) : (
        <>
          <Collapse
            defaultActiveKey={[`${items[0]!.pairingId}:${items[0]!.supportOrg.id}`]}
            items={items.map((it) => ({
              key: `${it.pairingId}:${it.supportOrg.id}`,
              label: (
                <div className="dk-ms-unit-head">
                  <span className="dk-ms-unit-name">{it.recipientOrg.name} ← {it.supportOrg.name}</span>
                  <SupportLevelTag level={it.supportOrgLevel} />
                  <VerdictSummary verdicts={it.verdicts} />
                </div>
              ),
              children: <UnitVerdicts item={it} onlyIssues={onlyIssues} onDepartments={onDepartments} />,
            }))}
          />
          <Pagination
            className="dk-ms-pagination"
            current={page}
            pageSize={pageSize}
            total={q.data?.total ?? 0}
            showSizeChanger
            pageSizeOptions={[10, 20, 50]}
            showTotal={(t) => `共 ${t} 个支援单位`}
            onChange={(p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); }}
          />
        </>
      )}
    </div>
  );
}
