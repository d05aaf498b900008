import { Table, Tooltip, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useIsPhone } from '../../shared/use-is-phone';
import { citationText, formatParameterValue, parameterKeys, parameterOfPath, parameterValueOf, sourcesOf, type CitedParameter } from './policy-format';
import { parameterLabel } from './policy-labels';
import './policy.css';

interface ParameterRow {
  key: string;
  label: string;
  absent: boolean;
  lines: string[];
  sources: CitedParameter[];
  inConflict: boolean;
}

function Citations({ sources }: { sources: CitedParameter[] }) {
  if (sources.length === 0) return <span className="dk-muted">—</span>;
  const unique = [...new Map(sources.map((s) => [citationText(s.source), s])).values()];
  return (
    <>
      {unique.map((s) => (
        <div key={citationText(s.source)}>
          {s.source.quote ? (
            <Tooltip title={<>原文：{s.source.quote}</>}>
              <span className="dk-cite">「{citationText(s.source)}」</span>
            </Tooltip>
          ) : (
            <span>「{citationText(s.source)}」</span>
          )}
        </div>
      ))}
    </>
  );
}

/** Quote(s) and note(s) of a parameter, for its expanded row. */
function ParameterDetails({ row }: { row: ParameterRow }) {
  return (
    <div className="dk-param-details">
      {row.sources.map((s, i) => (
        <div key={i} className="dk-param-source">
          <div><Typography.Text type="secondary">依据：</Typography.Text>「{citationText(s.source)}」</div>
          {s.source.quote && <blockquote className="dk-quote">{s.source.quote}</blockquote>}
          {s.note && <div><Typography.Text type="secondary">说明：</Typography.Text>{s.note}</div>}
        </div>
      ))}
    </div>
  );
}

/** The parameters of a policy document: Chinese name, readable value, citation (quote on hover / in the expanded row) and note. */
export function PolicyParametersTable({ parameters, conflictParameters = [] }: { parameters: Record<string, unknown>; conflictParameters?: string[] }) {
  const conflicted = new Set(conflictParameters.map(parameterOfPath).filter(Boolean));
  const rows: ParameterRow[] = parameterKeys(parameters).map((key) => {
    const entry = parameters[key] ?? null;
    const value = parameterValueOf(key, entry);
    return {
      key,
      label: parameterLabel(key),
      absent: value === null || (Array.isArray(value) && value.length === 0),
      lines: formatParameterValue(key, value),
      sources: sourcesOf(entry),
      inConflict: conflicted.has(key),
    };
  });
  const present = rows.filter((r) => !r.absent).length;
  const isPhone = useIsPhone();
  const nameCell = (label: string, r: ParameterRow) => (
    <>
      <div className="dk-param-name">
        {r.inConflict && <Tooltip title="该参数与本通知的其他条款不一致，见上方提示"><WarningFilled style={{ color: '#fa8c16', marginRight: 4 }} /></Tooltip>}
        {label}
      </div>
      <div className="dk-param-key">{r.key}</div>
    </>
  );
  const valueCell = (r: ParameterRow) => (r.absent
    ? <span className="dk-muted">本政策无此规定</span>
    : r.lines.map((l, i) => <div key={i} className="dk-param-line">{l}</div>));

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        共 {rows.length} 项参数，本政策规定了其中 {present} 项；未规定的规则在考核时显示为「不适用」。点击行首的 + 查看通知原文与解读说明。
      </Typography.Paragraph>
      <Table<ParameterRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.absent ? 'dk-param-absent' : r.inConflict ? 'dk-param-conflict' : '')}
        expandable={{
          rowExpandable: (r) => r.sources.some((s) => s.source.quote || s.note),
          expandedRowRender: (r) => <ParameterDetails row={r} />,
        }}
        columns={isPhone ? [
          {
            title: '参数与取值', key: 'all',
            render: (_: unknown, r) => (
              <>
                {nameCell(r.label, r)}
                <div style={{ marginTop: 4 }}>{valueCell(r)}</div>
                {!r.absent && r.sources.length > 0 && <div className="dk-param-cite-m"><Citations sources={r.sources} /></div>}
              </>
            ),
          },
        ] : [
          { title: '参数', dataIndex: 'label', width: 200, render: (label: string, r) => nameCell(label, r) },
          { title: '取值', key: 'value', render: (_: unknown, r) => valueCell(r) },
          { title: '依据', key: 'source', width: 230, render: (_: unknown, r) => (r.absent ? null : <Citations sources={r.sources} />) },
          {
            title: '说明', key: 'note', width: 260, responsive: ['xl'],
            render: (_: unknown, r) => {
              const notes = [...new Set(r.sources.map((s) => s.note).filter(Boolean))];
              return notes.length ? <Typography.Paragraph style={{ marginBottom: 0, fontSize: 12 }} ellipsis={{ rows: 3, tooltip: notes.join('；') }}>{notes.join('；')}</Typography.Paragraph> : null;
            },
          },
        ]}
      />
    </>
  );
}
