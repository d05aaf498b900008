import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Steps, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, PrinterOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  APPRAISAL_GRADE_LABELS, ASSIGNMENT_MODE_LABELS, ASSIGNMENT_STATUS_LABELS, type AppraisalDetail, type AppraisalGrade, type AppraisalUpdate,
} from '@duikou/contracts';
import { appraisalsApi } from '../../api/appraisals.endpoints';
import { errorMessage } from '../../api/http-client';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { applyApiError } from '../../shared/form-errors';
import { formatDate, formatDateTime, formatPeriod } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { VerdictList } from '../../shared/verdict-list';
import {
  ACTION_COLORS, actionLabel, commentRuleOf, completingStepOf, FiguresList, forwardLabel, GRADE_OPTIONS, GradeTag, sectionStateOf, sendBackTo, StepTag, withFigureLabels,
} from './appraisal-parts';
import { AppraisalSendBackModal } from './appraisal-send-back.modal';
import { PromotionBarNotice } from './promotion-bar.notice';
import './appraisals.css';

type Saved = (next: AppraisalDetail, note?: string) => void;

/** Who acted and when, under a completed step. */
function ActedBy({ step }: { step: AppraisalDetail['steps'][number] }) {
  return <span className="dk-ap-source">{step.actedBy} · {formatDateTime(step.actedAt)}</span>;
}

/** A send-back that returned the appraisal to this step: its reason, in red. */
function ReturnedNotice({ d, index }: { d: AppraisalDetail; index: number }) {
  const back = d.stage === index ? sendBackTo(d.steps, d.chain, index) : null;
  if (!back) return null;
  return (
    <Alert
      type="error" showIcon style={{ marginBottom: 12 }} data-testid="send-back-reason"
      title={`${back.label}退回修改`}
      description={<>{back.comment}<div className="dk-ap-source">{back.actedBy} · {formatDateTime(back.actedAt)}</div></>}
    />
  );
}

/**
 * 受援医院鉴定: the grade and comments, editable by the recipient while the appraisal is with it
 * (new, or sent back); 保存 keeps them, 提交鉴定 sends them (and the figures as they stand) to the county.
 */
function RecipientSection({ d, onSaved }: { d: AppraisalDetail; onSaved: Saved }) {
  const [form] = Form.useForm<{ grade?: AppraisalGrade; comments?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const editable = d.stage === 0 && d.mine;
  const grade = Form.useWatch('grade', form);

  const changes = (): AppraisalUpdate => {
    const v = form.getFieldsValue();
    const comments = v.comments?.trim() ?? '';
    return { ...(v.grade && v.grade !== d.grade ? { grade: v.grade } : {}), ...(comments && comments !== (d.comments ?? '') ? { comments } : {}) };
  };
  const onError = (e: unknown) => setFormError(applyApiError(form, e, ['grade', 'comments']));
  const save = useMutation({
    mutationFn: () => appraisalsApi.update(d.id, changes()),
    onSuccess: (next) => onSaved(next, '已保存'),
    onError,
  });
  // Unsaved edits go with the submission: save them first, then forward.
  const submit = useMutation({
    mutationFn: async () => {
      const c = changes();
      if (Object.keys(c).length > 0) await appraisalsApi.update(d.id, c);
      return appraisalsApi.forward(d.id);
    },
    onSuccess: (next) => onSaved(next, `已提交，转「${next.awaitingLabel ?? '下一步'}」`),
    onError,
  });
  const busy = save.isPending || submit.isPending;
  const submitted = d.stage > 0 ? completingStepOf(d.steps, d.chain, 0) : null;

  if (!editable) {
    return (
      <>
        {d.stage === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`等待「${d.chain[0]?.label ?? '受援单位'}」作出鉴定并提交`} />}
        <ReturnedNotice d={d} index={0} />
        <Descriptions bordered size="small" column={1} className="dk-ap-figures">
          <Descriptions.Item label="鉴定等次"><span data-testid="appraisal-grade"><GradeTag grade={d.grade} /></span></Descriptions.Item>
          <Descriptions.Item label="鉴定意见"><span className="dk-ap-text">{d.comments || <Typography.Text type="secondary">未填写</Typography.Text>}</span></Descriptions.Item>
          {submitted && <Descriptions.Item label="提交">{submitted.actedBy} · {formatDateTime(submitted.actedAt)}</Descriptions.Item>}
        </Descriptions>
      </>
    );
  }
  return (
    <>
      <ReturnedNotice d={d} index={0} />
      {formError && <Alert type="error" showIcon title="操作失败" description={formError} style={{ marginBottom: 12 }} />}
      <Form
        form={form} layout="vertical" name="appraisal-recipient" disabled={busy}
        key={d.updatedAt} initialValues={{ grade: d.grade ?? undefined, comments: d.comments ?? '' }}
      >
        <Form.Item label="鉴定等次" name="grade" rules={[{ required: true, message: '请评定鉴定等次' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={GRADE_OPTIONS} aria-label="鉴定等次" />
        </Form.Item>
        {grade === 'unqualified' && <PromotionBarNotice />}
        <Form.Item
          label="鉴定意见" name="comments"
          rules={[{ required: true, whitespace: true, message: '请填写鉴定意见' }, { max: 2000, message: '鉴定意见不超过 2000 字' }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="派驻期间工作表现、完成任务、遵守制度等情况" aria-label="鉴定意见" />
        </Form.Item>
      </Form>
      <div className="dk-ap-actions">
        <Button icon={<SaveOutlined />} loading={save.isPending} disabled={busy} onClick={() => {
          setFormError(null);
          if (Object.keys(changes()).length === 0) { setFormError('没有需要保存的修改'); return; }
          save.mutate();
        }}>
          保存
        </Button>
        <Popconfirm
          title="提交鉴定？"
          description={`提交后转「${d.chain[1]?.label ?? '下一步'}」，鉴定内容不能再修改（除非被退回）；预填数据按提交时的记录固定。`}
          okText="确认提交" cancelText="取消"
          onConfirm={() => { setFormError(null); void form.validateFields().then(() => submit.mutate()).catch(() => undefined); }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} disabled={busy}>{forwardLabel(d.chain, 0)}</Button>
        </Popconfirm>
      </div>
    </>
  );
}

/** A reviewing step (county opinion, prefecture review, province filing): its recorded opinion, or the form of the awaited party. */
function ReviewSection({ d, index, onSaved }: { d: AppraisalDetail; index: number; onSaved: Saved }) {
  const [form] = Form.useForm<{ comment?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sendingBack, setSendingBack] = useState(false);
  const state = sectionStateOf(index, d.stage);
  const rule = commentRuleOf(d.chain, index);
  const label = d.chain[index]?.label ?? '';
  const forward = useMutation({
    mutationFn: (comment?: string) => appraisalsApi.forward(d.id, comment),
    onSuccess: (next) => { form.resetFields(); onSaved(next, next.status === 'filed' ? '已完成备案' : `已转「${next.awaitingLabel ?? '下一步'}」`); },
    onError: (e) => setFormError(applyApiError(form, e, ['comment'])),
  });

  if (state === 'done') {
    const s = completingStepOf(d.steps, d.chain, index);
    return s ? (
      <div className="dk-ap-opinion">
        <Tag color={ACTION_COLORS[s.action]}>{actionLabel(s.action)}</Tag>
        <span className="dk-ap-text">{s.comment || '（未填写意见）'}</span>
        <ActedBy step={s} />
      </div>
    ) : <Typography.Text type="secondary">已完成</Typography.Text>;
  }
  if (state === 'pending') return <Typography.Text type="secondary">尚未到达此步</Typography.Text>;
  if (!d.mine) {
    return (
      <>
        <ReturnedNotice d={d} index={index} />
        <Typography.Text type="secondary">等待「{label}」处理</Typography.Text>
      </>
    );
  }
  return (
    <>
      <ReturnedNotice d={d} index={index} />
      {formError && <Alert type="error" showIcon title="操作失败" description={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name={`appraisal-step-${index}`} disabled={forward.isPending} onFinish={(v) => { setFormError(null); forward.mutate(v.comment?.trim() || undefined); }}>
        <Form.Item
          label={rule.label} name="comment"
          rules={[...(rule.required ? [{ required: true, whitespace: true, message: `${label}须填写意见` }] : []), { max: 1000, message: '不超过 1000 字' }]}
          extra={rule.required ? undefined : '可不填'}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount aria-label={rule.label} placeholder={rule.required ? '如：情况属实，同意受援医院鉴定意见' : undefined} />
        </Form.Item>
      </Form>
      <div className="dk-ap-actions">
        <Button type="primary" icon={<CheckOutlined />} loading={forward.isPending} onClick={() => form.submit()}>{forwardLabel(d.chain, index)}</Button>
        <Button danger icon={<RollbackOutlined />} disabled={forward.isPending} onClick={() => setSendingBack(true)}>退回修改</Button>
      </div>
      <AppraisalSendBackModal
        appraisal={d} open={sendingBack} onClose={() => setSendingBack(false)}
        onDone={(next) => { setSendingBack(false); onSaved(next, `已退回「${next.awaitingLabel ?? '上一步'}」修改`); }}
      />
    </>
  );
}

/** 办理记录: created, then every act (submit, approve, send back with its reason), oldest first. */
function History({ d }: { d: AppraisalDetail }) {
  const items = [
    { key: 'created', color: 'gray', content: <div className="dk-ap-history-item"><span><b>新建鉴定</b> {d.createdBy}</span><span className="dk-ap-source">{formatDateTime(d.createdAt)}</span></div> },
    ...d.steps.map((s, i) => ({
      key: String(i),
      color: s.action === 'send_back' ? 'red' : s.action === 'submit' ? 'blue' : 'green',
      content: (
        <div className="dk-ap-history-item" data-testid="appraisal-history-item">
          <span><b>{s.label}</b> <Tag color={ACTION_COLORS[s.action]}>{actionLabel(s.action)}</Tag>{s.actedBy}</span>
          {s.comment && <span className="dk-ap-text">{s.action === 'send_back' ? '退回理由：' : s.action === 'submit' ? '鉴定意见：' : '意见：'}{s.comment}</span>}
          <span className="dk-ap-source">{formatDateTime(s.actedAt)}</span>
        </div>
      ),
    })),
    ...(d.completedOn ? [{ key: 'filed', color: 'green', content: <div className="dk-ap-history-item"><b>已完成备案</b><span className="dk-ap-source">{d.completedOn}</span></div> }] : []),
  ];
  return <Timeline className="dk-ap-history" items={items} />;
}

/** /appraisals/:id — the appraisal form: each party's section, editable only by the awaited party at its step. */
export function AppraisalDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: ['appraisals', 'detail', id], queryFn: ({ signal }) => appraisalsApi.get(id, signal) });
  const print = useMutation({
    mutationFn: () => appraisalsApi.downloadForm(id),
    onSuccess: (name) => message.success(`已下载 ${name}`),
    onError: (e) => message.error(errorMessage(e)),
  });
  const onSaved: Saved = (next, note) => {
    queryClient.setQueryData(['appraisals', 'detail', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['appraisals'], predicate: (x) => x.queryKey[1] !== 'detail' });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    if (note) message.success(note);
  };
  const d = q.data;
  const crumbs = [{ title: '年度鉴定', to: '/appraisals' }, { title: d ? `${d.assignment.personName} ${d.period.from} 至 ${d.period.to}` : '鉴定详情' }];

  if (q.isPending) return (<><PageHeader title="年度鉴定" crumbs={crumbs} /><Card><CardSkeleton rows={10} /></Card></>);
  if (q.error || !d) return (<><PageHeader title="年度鉴定" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该年度鉴定" onRetry={() => void q.refetch()} /></>);

  const a = d.assignment;
  const bar = d.verdicts.find((v) => v.ruleId === 'appraisal.promotion-bar');
  const stepsStatus = (i: number) => (i < d.stage ? 'finish' as const : i === d.stage ? (sendBackTo(d.steps, d.chain, i) ? 'error' as const : 'process' as const) : 'wait' as const);

  return (
    <>
      <PageHeader
        title={`${a.personName} · 年度鉴定`}
        tags={<><StepTag appraisal={d} /><GradeTag grade={d.grade} />{d.mine && <Tag color="blue">待我处理</Tag>}</>}
        subtitle={`帮扶年度 ${formatPeriod(d.period.from, d.period.to)} · ${a.supportOrg.name} → ${a.recipientOrg.name}`}
        crumbs={crumbs}
        extra={<Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate()}>打印鉴定表</Button>}
      />

      {d.mine && (
        <Alert
          type="info" showIcon style={{ marginBottom: 16 }} data-testid="appraisal-todo"
          title={`此鉴定等待您处理：${d.awaitingLabel ?? ''}`}
          action={<Button size="small" type="primary" onClick={() => document.getElementById(`appraisal-step-${d.stage}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>前往处理</Button>}
        />
      )}
      {d.grade === 'unqualified' && <PromotionBarNotice verdict={bar} />}

      <Card className="dk-section" size="small" title="鉴定流程">
        <Steps
          size="small"
          current={Math.min(d.stage, d.chain.length - 1)}
          className="dk-ap-chain"
          items={d.chain.map((c, i) => ({ title: c.label, status: d.status === 'filed' ? 'finish' : stepsStatus(i) }))}
        />
      </Card>

      <Card className="dk-section" size="small" title="基本情况">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="派驻人员">
            {can('assignment:read') ? <Link to={`/assignments/${a.assignmentId}`}>{a.personName}</Link> : a.personName}
            {a.personTitle ? `（${a.personTitle}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="科室">{a.department}</Descriptions.Item>
          <Descriptions.Item label="派出单位">{a.supportOrg.name}</Descriptions.Item>
          <Descriptions.Item label="受援单位">{a.recipientOrg.name}</Descriptions.Item>
          <Descriptions.Item label="派驻期">{formatPeriod(a.term.start, a.term.end)}（{ASSIGNMENT_MODE_LABELS[a.mode]}，{ASSIGNMENT_STATUS_LABELS[a.status]}）</Descriptions.Item>
          <Descriptions.Item label="鉴定的帮扶年度">{formatPeriod(d.period.from, d.period.to)}</Descriptions.Item>
          <Descriptions.Item label="适用政策">{a.policyCode}</Descriptions.Item>
          <Descriptions.Item label="新建">{d.createdBy} · {formatDateTime(d.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card className="dk-section" size="small" title="按记录预填的数据">
        <div className="dk-ap-figures-source">
          {d.figuresSource === 'submitted'
            ? <Tag color="blue">{d.stage === 0 ? '上次提交时的数据，重新提交时更新' : '提交时固定的数据'}</Tag>
            : <Tag color="gold">实时数据，截至 {formatDate(d.figures.asOf)}，提交时固定</Tag>}
        </div>
        <FiguresList figures={d.figures} />
      </Card>

      {d.chain.map((c, i) => (
        <Card
          key={c.party}
          id={`appraisal-step-${i}`}
          className={`dk-section dk-ap-step dk-ap-step-${sectionStateOf(i, d.stage)}`}
          size="small"
          data-testid={`appraisal-section-${c.party}`}
          title={<span>{i + 1}. {c.label}</span>}
          extra={d.stage === i && d.status !== 'filed' ? <Tag color="processing">当前步骤</Tag> : i < d.stage ? <Tag color="success">已完成</Tag> : null}
        >
          {i === 0 ? <RecipientSection d={d} onSaved={onSaved} /> : <ReviewSection d={d} index={i} onSaved={onSaved} />}
        </Card>
      ))}

      <Card className="dk-section" size="small" title="规则判定">
        <VerdictList verdicts={d.verdicts.map(withFigureLabels)} empty="暂无规则判定" />
      </Card>

      <Card className="dk-section" size="small" title="办理记录">
        <History d={d} />
        {d.grade && d.status === 'filed' && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            最终鉴定等次：{APPRAISAL_GRADE_LABELS[d.grade]}，备案日期 {d.completedOn}
          </Typography.Paragraph>
        )}
      </Card>

      {can('audit:read') && (
        <Card className="dk-section" size="small" title="操作记录">
          <EntityAuditTab entityType="appraisal" entityId={d.id} />
        </Card>
      )}
    </>
  );
}
