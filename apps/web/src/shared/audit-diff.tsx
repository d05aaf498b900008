import { Table, Typography } from 'antd';
import { labelOfField } from '@duikou/contracts';
import './audit-diff.css';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field names of the record views (not in the contracts' FIELD_LABELS, which names input fields). */
const VIEW_FIELD_LABELS: Record<string, string> = {
  archived: '已归档', recipient: '受援单位（名称）', countyName: '受援县市区', supportUnits: '支援单位（名单）', programmeName: '项目名称',
  ownerOrgName: '主管部门', regionName: '所在区划', parentName: '上级区划', pairingCount: '对口关系数', organisationCount: '机构数',
  supportPairings: '作为支援单位的对口关系数', recipientPairings: '作为受援单位的对口关系数', id: '编号',
};
const fieldLabel = (k: string) => VIEW_FIELD_LABELS[k] ?? labelOfField(k);

const hasName = (v: unknown): v is { name: string } => isRecord(v) && typeof v.name === 'string';

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v === '' ? '（空）' : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '（无）';
    if (v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('、');
    if (v.every(hasName)) return v.map((x) => x.name).join('、');
  }
  if (hasName(v)) return v.name;
  return JSON.stringify(v, null, 1);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface DiffRow { key: string; field: string; before: unknown; after: unknown; changed: boolean; oneSided: boolean }

/** Before / after of an audit event, field by field; changed fields first and highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <Typography.Text type="secondary">此操作没有记录修改前后的内容。</Typography.Text>;
  if ((before != null && !isRecord(before)) || (after != null && !isRecord(after))) {
    return (
      <div className="dk-diff-raw">
        <div><Typography.Text strong>修改前</Typography.Text><pre>{before == null ? '（无）' : JSON.stringify(before, null, 2)}</pre></div>
        <div><Typography.Text strong>修改后</Typography.Text><pre>{after == null ? '（无）' : JSON.stringify(after, null, 2)}</pre></div>
      </div>
    );
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const both = before != null && after != null;
  // A PATCH records only the fields it sent: a field on one side only is context, not a change.
  const rows: DiffRow[] = keys.map((k) => {
    const oneSided = both && (!(k in b) || !(k in a));
    return { key: k, field: fieldLabel(k), before: b[k], after: a[k], oneSided, changed: both && !oneSided && !same(b[k], a[k]) };
  });
  const rank = (r: DiffRow) => (r.changed ? 0 : r.oneSided ? 2 : 1);
  rows.sort((x, y) => rank(x) - rank(y));
  return (
    <Table<DiffRow>
      size="small"
      className="dk-diff"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 560 }}
      rowClassName={(r) => (r.changed ? 'dk-diff-changed' : r.oneSided ? 'dk-diff-context' : '')}
      columns={[
        { title: '字段', dataIndex: 'field', width: 160, render: (f: string, r) => <span title={r.key}>{f}</span> },
        ...(before != null ? [{ title: '修改前', key: 'before', render: (_: unknown, r: DiffRow) => <pre className="dk-diff-cell dk-diff-before">{r.oneSided && !(r.key in b) ? '（未记录）' : show(r.before)}</pre> }] : []),
        ...(after != null ? [{ title: before != null ? '修改后' : '内容', key: 'after', render: (_: unknown, r: DiffRow) => <pre className="dk-diff-cell dk-diff-after">{r.oneSided && !(r.key in a) ? '（未变更）' : show(r.after)}</pre> }] : []),
      ]}
    />
  );
}
