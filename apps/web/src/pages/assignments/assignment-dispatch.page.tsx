import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, Col, Form, Row, Select, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AssignmentCreate, type AssignmentMode, type Person } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { pairingsApi, policiesApi } from '../../api/endpoints';
import { ApiError } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/page-header';
import { AssignmentFields } from './assignment-fields';
import { ASSIGNMENT_FIELD_NAMES, fieldsToBody, isoOf, keepEnterInDatePickers, type AssignmentFieldValues } from './assignment-form';
import { MODE_OPTIONS } from './assignment-tags';
import { PairingSelect, PersonSelect } from './dispatch-selects';
import { enrichRefusal, refusalOf, RuleRefusalPanel, type Refusal } from './rule-refusal';
import './assignments.css';

interface DispatchForm extends AssignmentFieldValues {
  pairingId?: string;
  supportOrgId?: string;
  personId?: string;
  mode?: AssignmentMode;
}
const FIELDS = ['pairingId', 'supportOrgId', 'personId', 'mode', ...ASSIGNMENT_FIELD_NAMES];
/** Changing one of these may change what the rules say: a refusal shown no longer applies. */
const RULE_INPUTS = ['pairingId', 'supportOrgId', 'personId', 'mode', 'plannedStart'];

/** The body of POST /api/assignments. */
export function dispatchBody(v: DispatchForm, overrideReason?: string): AssignmentCreate {
  return {
    pairingId: v.pairingId!,
    personId: v.personId!,
    mode: v.mode!,
    ...fieldsToBody(v),
    department: v.department?.trim() ?? '',
    plannedStart: isoOf(v.plannedStart)!,
    plannedEnd: isoOf(v.plannedEnd)!,
    ...(overrideReason ? { overrideReason } : {}),
  } as AssignmentCreate;
}

/**
 * /assignments/new?pairingId= 派出人员: pairing, support unit and one of its people, mode, department, period,
 * role and post (only the posts the policy offers), insurance and safety education. The API checks the
 * selection rules; a refusal shows each broken rule, and an office may send the person anyway with a reason.
 */
export function AssignmentDispatchPage() {
  const me = useMe();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DispatchForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [person, setPerson] = useState<Person | undefined>();
  const refusalRef = useRef<HTMLDivElement>(null);
  const canOverride = can('assignment:override');

  const pairingId = Form.useWatch('pairingId', form);
  const supportOrgId = Form.useWatch('supportOrgId', form);
  const personId = Form.useWatch('personId', form);
  const role = Form.useWatch('role', form) ?? 'member';

  const pairing = useQuery({
    queryKey: ['pairings', 'detail', pairingId],
    queryFn: ({ signal }) => pairingsApi.get(pairingId!, signal),
    enabled: !!pairingId,
  });
  const p = pairing.data && pairing.data.id === pairingId ? pairing.data : undefined;
  const isUnit = me.role === 'support_unit';
  const supportOptions = (p?.supportUnits ?? []).filter((s) => !isUnit || s.id === me.org.id);

  const posts = useQuery({
    queryKey: ['assignments', 'post-options', pairingId, personId, role],
    queryFn: ({ signal }) => assignmentsApi.postOptions({ pairingId: pairingId!, personId, role }, signal),
    enabled: !!pairingId && !!personId,
  });

  // The support unit follows the pairing: the user's own unit, or the only one.
  useEffect(() => {
    if (!p) return;
    const current = form.getFieldValue('supportOrgId') as string | undefined;
    if (current && supportOptions.some((s) => s.id === current)) return;
    const pick = supportOptions.length === 1 ? supportOptions[0]!.id : supportOptions.find((s) => s.id === me.org.id)?.id;
    form.setFieldsValue({ supportOrgId: pick, personId: undefined });
    setPerson(undefined);
  }, [p?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // A post the policy no longer offers (other person or role) is dropped.
  useEffect(() => {
    const current = form.getFieldValue('post') as string | null | undefined;
    if (current && posts.data && !posts.data.allowed.some((o) => o.post === current)) form.setFieldsValue({ post: null });
  }, [posts.data, form]);

  const save = useMutation({
    mutationFn: ({ v, overrideReason }: { v: DispatchForm; overrideReason?: string }) => assignmentsApi.create(dispatchBody(v, overrideReason)),
    onSuccess: (a, { overrideReason }) => {
      message.success(overrideReason ? `已破例派出「${a.personName}」` : `已派出「${a.personName}」到「${a.recipientOrgName}」`);
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['staffing'] });
      void navigate(`/assignments/${a.id}`);
    },
    onError: (e, { v, overrideReason }) => {
      const r = refusalOf(e);
      if (r) {
        setRefusal(r);
        setOverrideError(null);
        void completeRefusal(r, v);
        setTimeout(() => refusalRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' }), 50);
        return;
      }
      if (overrideReason && e instanceof ApiError && e.field === 'overrideReason') {
        setOverrideError(e.message);
        return;
      }
      setFormError(applyApiError(form, e, FIELDS));
    },
  });

  /** The 422 may carry only sentences: the rules engine (规则试算) gives back rule names, figures and citations. */
  const completeRefusal = async (r: Refusal, v: DispatchForm) => {
    if (!p || !person || person.id !== v.personId || !can('policy:read') || r.verdicts.every((x) => x.citation)) return;
    try {
      const { verdicts } = await policiesApi.evaluateEligibility(p.policyCode, {
        education: person.education,
        workStartDate: person.workStartDate,
        titleLevel: person.titleLevel === 'none' ? null : person.titleLevel,
        mode: v.mode ?? null,
        startDate: isoOf(v.plannedStart)!,
      });
      setRefusal((cur) => (cur === r ? enrichRefusal(r, verdicts) : cur));
    } catch {
      /* the sentences alone still say why */
    }
  };

  const submit = (v: DispatchForm, overrideReason?: string) => {
    setFormError(null);
    if (!overrideReason) setRefusal(null);
    save.mutate({ v, overrideReason });
  };

  return (
    <>
      <PageHeader title="派出人员" subtitle="选择对口关系和本单位人员，系统按适用政策核验选派条件和任职" crumbs={[{ title: '派驻', to: '/assignments' }, { title: '派出人员' }]} />
      {formError && <Alert type="error" showIcon title="派出失败" description={formError} style={{ marginBottom: 16 }} closable onClose={() => setFormError(null)} />}
      <Form<DispatchForm>
        form={form}
        name="assignment-dispatch"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ role: 'member', pairingId: params.get('pairingId') ?? undefined }}
        onFinish={(v) => submit(v)}
        onValuesChange={(changed: Partial<DispatchForm>) => {
          if (RULE_INPUTS.some((k) => k in changed)) setRefusal(null);
          if ('pairingId' in changed) { form.setFieldsValue({ personId: undefined, post: null }); setPerson(undefined); }
          if ('supportOrgId' in changed) { form.setFieldsValue({ personId: undefined, post: null }); setPerson(undefined); }
        }}
        scrollToFirstError={{ block: 'center' }}
        onKeyDown={keepEnterInDatePickers}
      >
        <Card className="dk-section" title="对口关系与人员" size="small">
          <Row gutter={12}>
            <Col xs={24}>
              <Form.Item label="对口关系" name="pairingId" rules={[{ required: true, message: '请选择对口关系' }]} extra={p ? `${p.programmeName} · 适用政策 ${p.policyCode}` : undefined}>
                <PairingSelect known={p} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="派出单位"
                name="supportOrgId"
                rules={[{ required: true, message: '请选择派出单位' }]}
                extra={p && isUnit ? '支援单位只能派出本单位人员' : '只能派出该对口关系的支援单位的人员'}
              >
                <Select
                  placeholder={p ? '选择支援单位' : '请先选择对口关系'}
                  disabled={!p || supportOptions.length <= 1}
                  options={supportOptions.map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="人员" name="personId" rules={[{ required: true, message: '请选择派出人员' }]} extra={person ? `${person.employerOrgName}` : undefined}>
                <PersonSelect employerOrgId={supportOrgId} onPicked={setPerson} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="支援方式" name="mode" rules={[{ required: true, message: '请选择支援方式' }]}>
                <Select placeholder="间隔去 / 分段驻 / 驻点派驻" options={MODE_OPTIONS} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card className="dk-section" size="small">
          <AssignmentFields
            form={form}
            needs={p?.needs ?? []}
            quickTerms={p?.policyCode === 'CX'}
            validity={p ? { validFrom: p.validFrom, validTo: p.validTo } : undefined}
            posts={{ data: posts.data, loading: posts.isFetching, error: posts.error, ready: !!pairingId && !!personId }}
            disabled={save.isPending}
          />
        </Card>
        <div ref={refusalRef}>
          {refusal && (
            <RuleRefusalPanel
              refusal={refusal}
              canOverride={canOverride}
              submitting={save.isPending}
              overrideError={overrideError}
              onOverride={(reason) => {
                void form.validateFields().then((v) => submit(v, reason)).catch(() => undefined);
              }}
            />
          )}
        </div>
        <div className="dk-assign-form-actions">
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={save.isPending && !refusal}>核验并派出</Button>
          <Button onClick={() => void navigate(-1)} disabled={false}>取消</Button>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            提交时按政策核验学历、工作年限、职称与支援方式{can('policy:read') && <>；可先在<Link to="/policies/sandbox">规则试算</Link>中查看</>}。
          </Typography.Text>
        </div>
      </Form>
    </>
  );
}
