import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Input, InputNumber, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OUTCOME_FIGURES, type Outcome, type OutcomeFigure } from '@duikou/contracts';
import { outcomesApi } from '../../api/outcomes.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { OrganisationSelect } from '../../shared/remote-selects';
import { FIGURE_GROUPS, FIGURE_KEYS, formValuesOf, hasAnyFigure, periodLabel, periodOf, toOutcomeCreate, toOutcomeUpdate, type OutcomeFormValues } from './outcome-parts';

const FIELDS = ['recipientOrgId', 'year', ...FIGURE_KEYS, 'note'];
/** The API names the period `period`; the form has year + quarter. */
const FIELD_MAP = { period: 'year' };

/**
 * 填报 / 修改成效指标 of a recipient for a year or a quarter. Figures not measured stay blank; at least one is
 * needed. The groups the recipient's policies assess (from the trend's indicators) are marked.
 */
export function OutcomeFormModal({ open, editing, fixedOrg, onClose }: {
  open: boolean;
  editing: Outcome | null;
  /** The recipient's own unit (recipient accounts report for themselves). */
  fixedOrg?: { id: string; name: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm<OutcomeFormValues>();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const periodKind = Form.useWatch('periodKind', form);
  const recipientOrgId = Form.useWatch('recipientOrgId', form);
  const year = Form.useWatch('year', form);
  const quarter = Form.useWatch('quarter', form);
  const thisYear = new Date().getFullYear();

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing ? formValuesOf(editing) : { recipientOrgId: fixedOrg?.id, periodKind: 'year', year: thisYear - 1, quarter: 1 });
  }, [open, editing, fixedOrg?.id, form, thisYear]);

  // Which indicators the recipient's policies assess, to mark the groups that matter.
  const indicators = useQuery({
    queryKey: ['outcomes', 'trend', recipientOrgId, 'year'],
    queryFn: ({ signal }) => outcomesApi.trend({ recipientOrgId: recipientOrgId!, granularity: 'year' }, signal),
    enabled: open && !!recipientOrgId,
    staleTime: 60_000,
  });
  const assessed = new Set(indicators.data?.indicators.map((i) => i.key) ?? []);

  const save = useMutation({
    mutationFn: (v: OutcomeFormValues) => (editing ? outcomesApi.update(editing.id, toOutcomeUpdate(v)) : outcomesApi.create(toOutcomeCreate(v))),
    onSuccess: (o) => {
      message.success(`已${editing ? '保存' : '填报'}「${o.recipientOrg.name}」${periodLabel(o.period)}成效指标`);
      void queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      onClose();
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS, FIELD_MAP)),
  });

  const figureItem = (k: OutcomeFigure) => {
    const { label, unit } = OUTCOME_FIGURES[k];
    const percent = unit === '%';
    return (
      <Form.Item
        key={k}
        label={label}
        name={k}
        dependencies={k === 'capabilityItemsMet' ? ['capabilityItemsTotal'] : undefined}
        rules={k === 'capabilityItemsMet' ? [({ getFieldValue }) => ({
          validator: async (_, v?: number | null) => {
            const total = getFieldValue('capabilityItemsTotal') as number | null | undefined;
            if (v != null && total != null && v > total) throw new Error('达标项数不能多于总项数');
          },
        })] : undefined}
      >
        <InputNumber min={0} max={percent ? 100 : 10_000_000} precision={percent ? 1 : 0} style={{ width: '100%' }} suffix={unit} placeholder="未填报" />
      </Form.Item>
    );
  };

  return (
    <Modal
      open={open}
      title={editing ? `修改成效指标：${editing.recipientOrg.name} ${periodLabel(editing.period)}` : '填报成效指标'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<OutcomeFormValues>
        form={form}
        name="outcome-form"
        layout="vertical"
        disabled={save.isPending}
        onValuesChange={(changed: Partial<OutcomeFormValues>) => {
          // Entering any figure answers 「请至少填写一项指标」.
          if (FIGURE_KEYS.some((k) => k in changed) && hasAnyFigure(form.getFieldsValue())) form.setFields([{ name: 'technologiesIntroduced', errors: [] }]);
        }}
        onFinish={(v) => {
          setFormError(null);
          form.setFields([{ name: 'technologiesIntroduced', errors: [] }]);
          if (!hasAnyFigure(v)) {
            form.setFields([{ name: 'technologiesIntroduced', errors: ['请至少填写一项指标'] }]);
            return;
          }
          save.mutate(v);
        }}
      >
        <div className="dk-oc-grid">
          <Form.Item label="受援单位" name="recipientOrgId" rules={[{ required: true, message: '请选择受援单位' }]}>
            {editing || fixedOrg ? (
              <Select disabled options={[{ value: editing?.recipientOrg.id ?? fixedOrg!.id, label: editing?.recipientOrg.name ?? fixedOrg!.name }]} />
            ) : (
              <OrganisationSelect role="recipient" placeholder="选择受援单位" />
            )}
          </Form.Item>
          <Form.Item label="统计口径" name="periodKind">
            <Radio.Group optionType="button" disabled={!!editing} options={[{ value: 'year', label: '年度' }, { value: 'quarter', label: '季度' }]} />
          </Form.Item>
          <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]} extra={editing ? '统计期不能修改；如有误请删除后重新填报' : '统计期开始后才能填报'}>
            <InputNumber min={2000} max={thisYear} precision={0} style={{ width: '100%' }} suffix="年" disabled={!!editing} />
          </Form.Item>
          {periodKind === 'quarter' && (
            <Form.Item label="季度" name="quarter" rules={[{ required: true, message: '请选择季度' }]}>
              <Select disabled={!!editing} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${['一', '二', '三', '四'][q - 1]}季度` }))} />
            </Form.Item>
          )}
        </div>
        <Typography.Text type="secondary" className="dk-oc-hint">
          统计期：{periodLabel(periodOf({ periodKind, year, quarter }))}；未统计的指标留空，至少填写一项。
        </Typography.Text>
        {FIGURE_GROUPS.map((g) => (
          <div key={g.key} className="dk-oc-group">
            <div className="dk-oc-group-head">
              <Typography.Text strong>{g.label}</Typography.Text>
              {g.indicators.some((k) => assessed.has(k)) && <Tag color="blue">本单位政策考核指标</Tag>}
            </div>
            <div className="dk-oc-grid">{g.figures.map(figureItem)}</div>
          </div>
        ))}
        <Form.Item label="备注（可选）" name="note" rules={[{ max: 1000, message: '不超过 1000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount placeholder="如 数据来源、口径说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
