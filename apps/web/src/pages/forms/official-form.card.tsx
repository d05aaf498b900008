import { Card, Descriptions, Tag, Typography } from 'antd';
import { FORMAT_LABELS, NOTICES, anchorOf, type OfficialForm } from './form-catalogue';
import { FormActionView } from './form-action-parts';

/** One form: official name and attachment number, its columns, who fills it, when it is due, and its actions. */
export function OfficialFormCard({ form, programmeId, highlighted, isPhone }: { form: OfficialForm; programmeId?: string; highlighted: boolean; isPhone: boolean }) {
  const notice = NOTICES[form.notice];
  return (
    <Card
      id={anchorOf(form)}
      tabIndex={-1}
      size="small"
      className={`dk-forms-card${highlighted ? ' dk-forms-card-highlight' : ''}`}
      title={
        <div className="dk-forms-card-title">
          <Tag color={form.attachment ? 'blue' : 'default'} className="dk-forms-attachment">
            {form.attachment ? `${notice.policyCode === 'CX' ? '楚雄' : '绵阳'}${form.attachment}` : form.official ? '官方表格' : '文书'}
          </Tag>
          <span className="dk-forms-name">{form.name}</span>
        </div>
      }
      extra={
        <span className="dk-forms-formats">
          {form.formats.length === 0 ? <Tag>在线办理</Tag> : form.formats.map((f) => <Tag key={f} color={f === 'xlsx' ? 'green' : f === 'pdf' ? 'red' : 'geekblue'}>{FORMAT_LABELS[f]}</Tag>)}
        </span>
      }
    >
      <Descriptions
        size="small"
        column={isPhone ? 1 : 2}
        className="dk-forms-desc"
        items={[
          {
            key: 'columns', label: form.columns.length > 0 ? '内容（列）' : '内容', span: isPhone ? 1 : 2,
            children: (
              <div>
                {form.columns.length > 0 && <div className="dk-forms-columns">{form.columns.map((c, i) => <Tag key={`${c}-${i}`} variant="filled">{c}</Tag>)}</div>}
                {form.contentNote && <Typography.Text type="secondary">{form.contentNote}</Typography.Text>}
              </div>
            ),
          },
          { key: 'filledBy', label: '填报', children: form.filledBy },
          { key: 'submitTo', label: '报送', children: form.submitTo },
          { key: 'due', label: '时限', children: form.due },
          { key: 'source', label: '依据', children: `${notice.policyCode ? `${notice.documentNo} ` : ''}${form.source}` },
        ]}
      />
      <div className="dk-forms-actions">
        {form.actions.map((a, i) => <FormActionView key={`${a.kind}-${i}`} action={a} programmeId={programmeId} />)}
      </div>
    </Card>
  );
}
