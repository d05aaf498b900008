import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, App as AntApp, Button, Form, Radio, Select, Typography } from 'antd';
import { ArrowRightOutlined, DownloadOutlined, FileExcelOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_STATUSES, ASSIGNMENT_STATUS_LABELS, MENTORSHIP_TABLE_TITLE, type AssignmentStatus, type PairingTableLayout, type RegistrationFormFormat, type StaffTableLayout } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { errorMessage } from '../../api/http-client';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { personsApi } from '../../api/persons.endpoints';
import { useMe } from '../../auth/session.context';
import { ProgrammeSelect, OrganisationSelect } from '../../shared/remote-selects';
import { AssignmentExportModal } from '../assignments/assignment-export.modal';
import { PairingExportModal } from '../pairings/pairing-export.modal';
import { PairingImportModal } from '../pairings/pairing-import.modal';
import { PersonImportModal } from '../persons/person-import.modal';
import type { FormAction } from './form-catalogue';
import { PersonPickSelect } from './person-pick.select';
import { staffExportFilters, yearOptions, type StaffFilters } from './form-filters';

/** One action of a form card; `programmeId` is the caller's programme under the form's notice, when there is only one. */
export function FormActionView({ action, programmeId }: { action: FormAction; programmeId?: string }) {
  switch (action.kind) {
    case 'pairing-export': return <PairingExportAction layout={action.layout} programmeId={programmeId} />;
    case 'pairing-import': return <PairingImportAction layout={action.layout} programmeId={programmeId} />;
    case 'staff-export': return <StaffExportAction layout={action.layout} programmeId={programmeId} />;
    case 'mentorship-export': return <MentorshipExportAction />;
    case 'registration-form': return <RegistrationFormAction />;
    case 'person-template': return <PersonTemplateAction />;
    case 'person-import': return <PersonImportAction />;
    case 'link': return <Link to={action.to}><Button icon={<ArrowRightOutlined />} iconPlacement="end">{action.label}</Button></Link>;
  }
}

/** A row of one action: what it does, then its inputs and button. */
function ActionRow({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="dk-forms-action">
      <Typography.Text type="secondary" className="dk-forms-action-title">{title}</Typography.Text>
      <div className="dk-forms-action-body">{children}</div>
    </div>
  );
}

function PairingExportAction({ layout, programmeId }: { layout: PairingTableLayout; programmeId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<FileExcelOutlined />} onClick={() => setOpen(true)}>导出 .xlsx…</Button>
      <PairingExportModal open={open} onClose={() => setOpen(false)} programmeId={programmeId} defaultLayout={layout} />
    </>
  );
}

function PairingImportAction({ layout, programmeId }: { layout: PairingTableLayout; programmeId?: string }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>导入 .xlsx…</Button>
      <PairingImportModal
        open={open}
        onClose={() => setOpen(false)}
        onImported={() => void queryClient.invalidateQueries({ queryKey: ['pairings'] })}
        programmeId={programmeId}
        defaultLayout={layout}
      />
    </>
  );
}

/** Filters of the staff table (programme, units, status), then the shared export modal with the count it will hold. */
function StaffExportAction({ layout, programmeId }: { layout: StaffTableLayout; programmeId?: string }) {
  const me = useMe();
  const [form] = Form.useForm<StaffFilters>();
  const [filters, setFilters] = useState<ReturnType<typeof staffExportFilters> | null>(null);
  const count = useQuery({
    queryKey: ['assignments', 'list', 'forms-count', filters],
    queryFn: ({ signal }) => assignmentsApi.list({ ...filters, pageSize: 1 }, signal),
    enabled: filters !== null,
  });
  return (
    <ActionRow title="筛选后导出（不选则导出您范围内的全部派驻）">
      <Form<StaffFilters>
        form={form}
        name={`staff-export-${layout}`}
        layout="inline"
        className="dk-forms-filters"
        initialValues={{ programmeId }}
        onFinish={(v) => setFilters(staffExportFilters(v))}
      >
        <Form.Item name="programmeId" label="项目"><ProgrammeSelect placeholder="全部项目" /></Form.Item>
        {me.role !== 'support_unit' && <Form.Item name="supportOrgId" label="支援单位"><OrganisationSelect role="support" placeholder="全部支援单位" /></Form.Item>}
        {me.role !== 'recipient_unit' && <Form.Item name="recipientOrgId" label="受援单位"><OrganisationSelect role="recipient" placeholder="全部受援单位" /></Form.Item>}
        <Form.Item name="status" label="状态">
          <Select<AssignmentStatus> allowClear placeholder="全部状态" options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: ASSIGNMENT_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<FileExcelOutlined />} htmlType="submit">导出 .xlsx…</Button>
        </Form.Item>
      </Form>
      <AssignmentExportModal
        open={filters !== null}
        onClose={() => setFilters(null)}
        filters={filters ?? {}}
        total={count.data?.total ?? null}
        defaultLayout={layout}
      />
    </ActionRow>
  );
}

interface MentorshipFilters { year?: number; supportOrgId?: string; recipientOrgId?: string }

/** MY 附件4: year and units, then a direct download (it can take a while: the button spins and says so). */
function MentorshipExportAction() {
  const me = useMe();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (v: MentorshipFilters) => {
    setBusy(true);
    setError(null);
    try {
      const name = await mentorshipsApi.exportTable({ year: v.year, supportOrgId: v.supportOrgId, recipientOrgId: v.recipientOrgId });
      message.success(`已导出：${name}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionRow title="按年度和单位导出（不选则导出您范围内的全部师带徒协议）">
      <Form<MentorshipFilters> name="mentorship-export" layout="inline" className="dk-forms-filters" disabled={busy} onFinish={(v) => void run(v)}>
        <Form.Item name="year" label="年度"><Select<number> allowClear placeholder="全部年度" options={yearOptions(new Date())} /></Form.Item>
        {me.role !== 'support_unit' && <Form.Item name="supportOrgId" label="支援单位"><OrganisationSelect role="support" placeholder="全部支援单位" /></Form.Item>}
        {me.role !== 'recipient_unit' && <Form.Item name="recipientOrgId" label="受援单位"><OrganisationSelect role="recipient" placeholder="全部受援单位" /></Form.Item>}
        <Form.Item>
          <Button type="primary" icon={<FileExcelOutlined />} htmlType="submit" loading={busy}>{busy ? '正在导出…' : '导出 .xlsx'}</Button>
        </Form.Item>
      </Form>
      {busy && <Typography.Text type="secondary">正在按所选条件生成《{MENTORSHIP_TABLE_TITLE}》，请稍候…</Typography.Text>}
      {error && <Alert type="error" showIcon title="导出失败" description={error} />}
    </ActionRow>
  );
}

interface RegistrationForm { personId?: string; format: RegistrationFormFormat }

/** MY 附件2 for one person (PDF or Word); the full ID number and phones are printed, so the API audits it. */
function RegistrationFormAction() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RegistrationForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [personName, setPersonName] = useState('');
  const run = async (v: RegistrationForm) => {
    if (!v.personId) return;
    setBusy(true);
    setError(null);
    try {
      const name = await personsApi.registrationForm(v.personId, v.format, personName || '人员');
      message.success(`已下载 ${name}（含完整身份证号和电话，已记入审计日志）`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionRow title="单人报名表（每人一页）">
      <Form<RegistrationForm> form={form} name="registration-form" layout="inline" className="dk-forms-filters" initialValues={{ format: 'pdf' }} disabled={busy} onFinish={(v) => void run(v)}>
        <Form.Item name="personId" label="人员" className="dk-forms-person" rules={[{ required: true, message: '请选择人员' }]}>
          <PersonPickSelect onChange={(v, p) => { form.setFieldValue('personId', v); setPersonName(p?.name ?? ''); }} />
        </Form.Item>
        <Form.Item name="format" label="格式">
          <Radio.Group optionType="button" options={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'Word' }]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<FilePdfOutlined />} htmlType="submit" loading={busy}>{busy ? '正在生成…' : '下载报名表'}</Button>
        </Form.Item>
      </Form>
      {busy && <Typography.Text type="secondary">正在生成报名表，请稍候…</Typography.Text>}
      {error && <Alert type="error" showIcon title="下载失败" description={error} />}
    </ActionRow>
  );
}

function PersonTemplateAction() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await personsApi.importTemplate();
      message.success(`已下载：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>{busy ? '正在下载…' : '下载导入模板'}</Button>;
}

function PersonImportAction() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>导入人员…</Button>
      <PersonImportModal open={open} onClose={() => setOpen(false)} onImported={() => void queryClient.invalidateQueries({ queryKey: ['persons'] })} />
    </>
  );
}
