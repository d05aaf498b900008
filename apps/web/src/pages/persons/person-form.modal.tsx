import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EDUCATION_LABELS, EDUCATION_LEVELS, GENDER_LABELS, GENDERS, OFFICE_ROLES, TITLE_LEVEL_LABELS, TITLE_LEVELS, normaliseMobile, parseIdNumber, personCreateSchema,
  type Person, type PersonCreate, type PersonUpdate,
} from '@duikou/contracts';
import { personsApi } from '../../api/persons.endpoints';
import { useMe } from '../../auth/session.context';
import { applyApiError } from '../../shared/form-errors';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { zodRule } from '../../shared/zod-rule';

interface PersonForm {
  name: string; gender: Person['gender']; birthMonth?: Dayjs; ethnicity?: string; party?: string; education: Person['education']; degree?: string;
  workStartDate?: Dayjs; school?: string; graduationDate?: Dayjs; employerOrgId: string; post?: string; title?: string; titleLevel: Person['titleLevel'];
  specialty?: string; specialtySince?: Dayjs; idNumber?: string; officePhone?: string; mobile?: string; qqWechat?: string; resume?: string;
  recommendedForLeadership: boolean; recommendedPost?: string; employerOpinion?: string;
}
const FIELDS = Object.keys(personCreateSchema.shape);
const shape = personCreateSchema.shape;
const month = (d?: Dayjs) => (d ? d.format('YYYY-MM') : undefined);
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
const trimmed = (s?: string) => s?.trim() || undefined;
const half = { xs: 24, md: 12 };
const third = { xs: 24, sm: 12, md: 8 };

/**
 * 登记 / 编辑人员: every field of MY 附件2. The ID number fills in gender and birth month and must agree
 * with them; the API's { field, message } answers land on the field they name. On edit, the ID number
 * and phones show masked and are changed only when typed again.
 */
export function PersonFormModal({ open, person, onClose, onSaved }: { open: boolean; person?: Person | null; onClose: () => void; onSaved: (p: Person) => void }) {
  const [form] = Form.useForm<PersonForm>();
  const { message } = AntApp.useApp();
  const me = useMe();
  const isPhone = useIsPhone();
  const [formError, setFormError] = useState<string | null>(null);
  const p = person;
  const isUnit = me.role !== 'admin' && !OFFICE_ROLES.includes(me.role);
  const recommended = Form.useWatch('recommendedForLeadership', form);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (p) {
      form.setFieldsValue({
        name: p.name, gender: p.gender, birthMonth: dayjs(`${p.birthMonth}-01`), ethnicity: p.ethnicity ?? undefined, party: p.party ?? undefined,
        education: p.education, degree: p.degree ?? undefined, workStartDate: dayjs(p.workStartDate), school: p.school ?? undefined,
        graduationDate: p.graduationDate ? dayjs(p.graduationDate) : undefined, employerOrgId: p.employerOrgId, post: p.post ?? undefined, title: p.title ?? undefined,
        titleLevel: p.titleLevel, specialty: p.specialty ?? undefined, specialtySince: p.specialtySince ? dayjs(p.specialtySince) : undefined,
        qqWechat: p.qqWechat ?? undefined, resume: p.resume ?? undefined, recommendedForLeadership: p.recommendedForLeadership,
        recommendedPost: p.recommendedPost ?? undefined, employerOpinion: p.employerOpinion ?? undefined,
      });
    } else if (isUnit) {
      form.setFieldsValue({ employerOrgId: me.org.id });
    }
  }, [open, p, form, isUnit, me.org.id]);

  const save = useMutation({
    mutationFn: (v: PersonForm) => {
      const body = {
        name: v.name.trim(), gender: v.gender, birthMonth: month(v.birthMonth), ethnicity: trimmed(v.ethnicity), party: trimmed(v.party), education: v.education,
        degree: trimmed(v.degree), workStartDate: day(v.workStartDate), school: trimmed(v.school), graduationDate: day(v.graduationDate), employerOrgId: v.employerOrgId,
        post: trimmed(v.post), title: trimmed(v.title), titleLevel: v.titleLevel, specialty: trimmed(v.specialty), specialtySince: day(v.specialtySince),
        idNumber: trimmed(v.idNumber), officePhone: trimmed(v.officePhone), mobile: trimmed(v.mobile), qqWechat: trimmed(v.qqWechat), resume: trimmed(v.resume),
        recommendedForLeadership: !!v.recommendedForLeadership, recommendedPost: v.recommendedForLeadership ? trimmed(v.recommendedPost) : undefined,
        employerOpinion: trimmed(v.employerOpinion),
      };
      return p ? personsApi.update(p.id, body as PersonUpdate) : personsApi.create(body as PersonCreate);
    },
    onSuccess: (saved) => {
      message.success(p ? '人员信息已保存' : `已登记人员「${saved.name}」`);
      onSaved(saved);
    },
    onError: (e) => setFormError(applyApiError(form, e, FIELDS)),
  });

  /** A valid ID number fills in gender and birth month when they are still empty. */
  const onIdNumber = (value: string) => {
    const r = parseIdNumber(value);
    if (!r.ok) return;
    const cur = form.getFieldsValue(['gender', 'birthMonth']);
    form.setFieldsValue({
      ...(!cur.gender && { gender: r.facts.gender }),
      ...(!cur.birthMonth && { birthMonth: dayjs(`${r.facts.birthDate.slice(0, 7)}-01`) }),
    });
    void form.validateFields(['gender', 'birthMonth']).catch(() => undefined);
  };
  const idFacts = () => {
    const id = form.getFieldValue('idNumber') as string | undefined;
    const r = id ? parseIdNumber(id) : null;
    return r?.ok ? r.facts : null;
  };

  return (
    <Modal
      open={open}
      title={p ? `编辑人员：${p.name}` : '登记人员（附件2 报名表）'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={isPhone ? '100%' : 860}
      style={isPhone ? { top: 8, maxWidth: '100vw', paddingBottom: 0 } : undefined}
    >
      {formError && <Alert type="error" showIcon title="保存失败" description={formError} style={{ marginBottom: 16 }} />}
      <Form<PersonForm>
        form={form}
        name="person-form"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ recommendedForLeadership: false, titleLevel: 'none' }}
        onFinish={(v) => { setFormError(null); save.mutate(v); }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>基本信息</Divider>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(shape.name)]}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              label="身份证号"
              name="idNumber"
              rules={[...(p ? [] : [{ required: true, message: '请输入身份证号' }]), zodRule(shape.idNumber)]}
              extra={p ? `当前 ${p.idNumberMasked}；留空则不修改` : '填写后自动带出性别和出生年月'}
            >
              <Input maxLength={18} autoComplete="off" placeholder={p ? '如需更正请重新输入' : '18 位'} onChange={(e) => onIdNumber(e.target.value)} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              label="性别"
              name="gender"
              dependencies={['idNumber']}
              rules={[
                { required: true, message: '请选择性别' },
                { validator: async (_r, v?: string) => { const f = idFacts(); if (f && v && f.gender !== v) throw new Error(`与身份证号不符（身份证为${GENDER_LABELS[f.gender]}）`); } },
              ]}
            >
              <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              label="出生年月"
              name="birthMonth"
              dependencies={['idNumber']}
              rules={[
                { required: true, message: '请选择出生年月' },
                { validator: async (_r, v?: Dayjs) => { const f = idFacts(); if (f && v && f.birthDate.slice(0, 7) !== v.format('YYYY-MM')) throw new Error(`与身份证号不符（身份证为 ${f.birthDate.slice(0, 7)}）`); } },
              ]}
            >
              <DatePicker picker="month" style={{ width: '100%' }} format="YYYY-MM" placeholder="YYYY-MM" />
            </Form.Item>
          </Col>
          <Col {...third}><Form.Item label="民族" name="ethnicity" rules={[zodRule(shape.ethnicity)]}><Input placeholder="如 汉族" maxLength={20} /></Form.Item></Col>
          <Col {...third}><Form.Item label="党派" name="party" rules={[zodRule(shape.party)]}><Input placeholder="如 中共党员、群众" maxLength={30} /></Form.Item></Col>
        </Row>

        <Divider titlePlacement="start" plain>学历与工作</Divider>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item label="学历" name="education" rules={[{ required: true, message: '请选择学历' }]}>
              <Select options={EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_LABELS[l] }))} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col {...third}><Form.Item label="学位" name="degree" rules={[zodRule(shape.degree)]}><Input placeholder="如 学士" maxLength={20} /></Form.Item></Col>
          <Col {...third}>
            <Form.Item label="参工时间" name="workStartDate" rules={[{ required: true, message: '请选择参加工作时间' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item label="毕业院校" name="school" rules={[zodRule(shape.school)]}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}><Form.Item label="毕业时间" name="graduationDate"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24}>
            <Form.Item label="工作单位" name="employerOrgId" rules={[{ required: true, message: '请选择工作单位' }]} extra={isUnit ? '支援单位只能登记本单位的人员' : '只能登记本辖区内机构的人员'}>
              <OrganisationSelect
                disabled={isUnit}
                allowClear={false}
                placeholder="输入名称搜索机构"
                knownOptions={[...(p ? [{ value: p.employerOrgId, label: p.employerOrgName }] : []), ...(isUnit ? [{ value: me.org.id, label: me.org.name }] : [])]}
              />
            </Form.Item>
          </Col>
          <Col {...third}><Form.Item label="职务" name="post" rules={[zodRule(shape.post)]}><Input placeholder="如 科副主任" maxLength={50} /></Form.Item></Col>
          <Col {...third}><Form.Item label="职称" name="title" rules={[zodRule(shape.title)]}><Input placeholder="如 主治医师" maxLength={50} /></Form.Item></Col>
          <Col {...third}>
            <Form.Item label="职称级别" name="titleLevel" rules={[{ required: true, message: '请选择职称级别' }]}>
              <Select options={TITLE_LEVELS.map((l) => ({ value: l, label: TITLE_LEVEL_LABELS[l] }))} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item label="科室及专业" name="specialty" rules={[zodRule(shape.specialty)]}><Input placeholder="如 急诊科" maxLength={50} /></Form.Item></Col>
          <Col {...half}><Form.Item label="从事现专业时间" name="specialtySince"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        </Row>

        <Divider titlePlacement="start" plain>联系方式</Divider>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item
              label="手机号"
              name="mobile"
              rules={[
                ...(p ? [] : [{ required: true, message: '请输入手机号' }]),
                { validator: async (_r, v?: string) => { if (v && normaliseMobile(v) === null) throw new Error('手机号应为 11 位大陆手机号（1 开头，第二位 3–9）'); } },
              ]}
              extra={p ? `当前 ${p.mobileMasked}；留空则不修改` : undefined}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item label="办公电话" name="officePhone" rules={[zodRule(shape.officePhone)]} extra={p?.officePhoneMasked ? `当前 ${p.officePhoneMasked}；留空则不修改` : undefined}>
              <Input maxLength={20} inputMode="tel" placeholder="如 0816-2222333" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...third}><Form.Item label="QQ/微信" name="qqWechat" rules={[zodRule(shape.qqWechat)]}><Input maxLength={50} /></Form.Item></Col>
        </Row>

        <Divider titlePlacement="start" plain>个人简历与推荐</Divider>
        <Form.Item label="个人简历" name="resume" rules={[zodRule(shape.resume)]}>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder="学习、工作经历，每段一行，如 2008.07—今 绵阳市中心医院急诊科" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label="是否推荐担任受援单位（科室）领导职务" name="recommendedForLeadership" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="推荐职务" name="recommendedPost" rules={[zodRule(shape.recommendedPost)]}>
              <Input disabled={!recommended} placeholder={recommended ? '如 急诊科副主任' : '推荐任职时填写'} maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="所在单位意见" name="employerOpinion" rules={[zodRule(shape.employerOpinion)]}>
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
