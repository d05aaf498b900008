import { Link } from 'react-router';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Pairing } from '@duikou/contracts';
import { ArchivedTag } from '../../shared/archived-tag';
import { formatDate, formatPeriod, formatStaffing, text } from '../../shared/format';

/** A need may be a long phrase (「由支援和受援双方协商确定专业」): wrap it inside the narrow column instead of overflowing into the next one. */
export const NEED_TAG_STYLE: React.CSSProperties = { marginBottom: 2, whiteSpace: 'normal', maxWidth: '100%' };

/** Validity on two short lines (fits a narrow column). */
function PeriodCell({ from, to }: { from: string | null; to: string | null }) {
  if (!from || !to) return <>{formatPeriod(from, to)}</>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(from)}<br />至 {formatDate(to)}</span>;
}

/** Columns of the pairings table, in the order of MY 附件1 (受援县市区 | 受援单位 | 支援单位 | 专业需求 | 人员要求 | 备注) plus project and validity. */
export function pairingColumns(opts: { showProgramme?: boolean } = {}): ColumnsType<Pairing> {
  const { showProgramme = true } = opts;
  return [
    { title: '受援县市区', dataIndex: 'countyName', width: 112, render: (v: string | null) => v ?? '—' },
    {
      title: '受援单位', key: 'recipient', width: 170,
      render: (_: unknown, r) => (
        <>
          <Link to={`/pairings/${r.id}`}>{r.recipient.name}</Link>
          <ArchivedTag archived={r.archived} />
        </>
      ),
    },
    {
      title: '支援单位', key: 'supportUnits',
      render: (_: unknown, r) => (r.supportUnits.length ? r.supportUnits.map((s) => s.name).join('、') : '—'),
    },
    {
      title: '受援单位专业需求', dataIndex: 'needs', width: 150,
      render: (needs: string[]) => (needs.length ? needs.map((n) => <Tag key={n} style={NEED_TAG_STYLE}>{n}</Tag>) : <Typography.Text type="secondary">未填写</Typography.Text>),
    },
    {
      title: '人员要求', dataIndex: 'minPersonsPerSupportUnitPerYear', width: 150,
      render: (n: number | null) => (n === null ? <Typography.Text type="secondary">{formatStaffing(n)}</Typography.Text> : formatStaffing(n)),
    },
    ...(showProgramme
      ? [{
          title: '所属项目', dataIndex: 'programmeName', width: 180,
          render: (name: string, r: Pairing) => <Link to={`/programmes/${r.programmeId}`}>{name}</Link>,
        }]
      : []),
    { title: '有效期', key: 'validity', width: 120, render: (_: unknown, r) => <PeriodCell from={r.validFrom} to={r.validTo} /> },
    { title: '备注', dataIndex: 'remarks', width: 150, render: (v: string | null) => text(v) },
  ];
}
