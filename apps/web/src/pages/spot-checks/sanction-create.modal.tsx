import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Radio, Upload, type UploadFile } from 'antd';
import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  SANCTION_DOCUMENT_MAX_BYTES, SANCTION_KIND_LABELS, SPOT_CHECK_METHOD_LABELS, type Sanction, type SanctionCreate, type SanctionKind,
} from '@duikou/contracts';
import { organisationsApi } from '../../api/endpoints';
import { personsApi } from '../../api/persons.endpoints';
import { sanctionsApi, spotChecksApi } from '../../api/spot-checks.endpoints';
import { applyApiError } from '../../shared/form-errors';
import { CardSkeleton } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { PersonMultiSelect } from './person-multi.select';

type DocumentType = NonNullable<SanctionCreate['document']>['type'];
const MIME_TYPES: Record<string, DocumentType> = {
  'application/pdf': 'application/pdf', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/png': 'image/png', 'application/msword': 'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXT_TYPES: Record<string, DocumentType> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** PDF, Word, JPG or PNG up to 2 MB, or why not. */
export function documentTypeOf(file: { name: string; type: string; size: number }): { type: DocumentType } | { error: string } {
  const type = MIME_TYPES[file.type] ?? EXT_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) return { error: '文件须为 PDF、Word、JPG 或 PNG' };
  if (file.size === 0) return { error: '文件内容为空' };
  if (file.size > SANCTION_DOCUMENT_MAX_BYTES) return { error: '文件不能超过 2 MB' };
  return { type };
}

/** The file's bytes as base64, without the data: prefix. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读取文件失败，请重新选择'));
    reader.readAsDataURL(file);
  });
}

export interface SanctionDraft { kind: SanctionKind; orgIds: string[]; personIds: string[]; spotCheckId: string | null; summary: string }

interface SanctionForm { kind: SanctionKind; date?: Dayjs; orgIds: string[]; personIds: string[]; summary?: string; document?: UploadFile[] }

/** The spot check a notice follows from, as a link, with a button to unlink it. */
function LinkedCheck({ id, onRemove }: { id: string; onRemove: () => void }) {
  const q = useQuery({ queryKey: ['spot-checks', 'detail', id], queryFn: ({ signal }) => spotChecksApi.get(id, signal), staleTime: 60_000 });
  return (
    <div className="dk-sc-linked">
      关联抽查：<Link to={`/spot-checks/${id}`} target="_blank">{q.data ? `${q.data.date} ${SPOT_CHECK_METHOD_LABELS[q.data.method]}（${q.data.byOrgName}）` : '抽查记录'}</Link>
      <Button size="small" type="text" icon={<CloseOutlined />} onClick={onRemove} aria-label="取消关联抽查" />
    </div>
  );
}

/**
 * 登记通报 / 约谈 (POST /api/sanctions): the units and persons named, the date, the summary and the
 * document (PDF, Word, JPG or PNG ≤ 2 MB), optionally following a spot check. Opened pre-filled from a
 * check or from the consequences page.
 */
export function SanctionCreateModal({ open, draft, onClose, onSaved }: {
  open: boolean;
  draft: SanctionDraft;
  onClose: () => void;
  onSaved: (s: Sanction) => void;
}) {
  const [form] = Form.useForm<SanctionForm>();
  const { message } = AntApp.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [spotCheckId, setSpotCheckId] = useState<string | null>(draft.spotCheckId);
  const kind = Form.useWatch('kind', form);

  // Names of what the draft already names, so the selects show them before any search.
  const orgNames = useQueries({ queries: draft.orgIds.map((id) => ({ queryKey: ['organisations', 'detail', id], queryFn: ({ signal }: { signal: AbortSignal }) => organisationsApi.get(id, signal), staleTime: 60_000, enabled: open })) });
  const personNames = useQueries({ queries: draft.personIds.map((id) => ({ queryKey: ['persons', 'detail', id], queryFn: ({ signal }: { signal: AbortSignal }) => personsApi.get(id, signal), staleTime: 60_000, enabled: open })) });
  const namesPending = [...orgNames, ...personNames].some((q) => q.isPending && q.fetchStatus !== 'idle');

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setSpotCheckId(draft.spotCheckId);
  }, [open, draft]);

  const save = useMutation({
    mutationFn: async (v: SanctionForm) => {
      const body: SanctionCreate = {
        kind: v.kind, date: (v.date ?? dayjs()).format('YYYY-MM-DD'), orgIds: v.orgIds ?? [], personIds: v.personIds ?? [], summary: (v.summary ?? '').trim(),
        ...(spotCheckId ? { spotCheckId } : {}),
      };
      const file = v.document?.[0]?.originFileObj;
      if (file) {
        const t = documentTypeOf(file);
        if ('error' in t) throw new Error(t.error);
        body.document = { name: file.name.slice(0, 120), type: t.type, base64: await readBase64(file) };
      }
      return sanctionsApi.create(body);
    },
    onSuccess: (s) => {
      message.success(`已登记${SANCTION_KIND_LABELS[s.kind]}${s.document ? `，附文件「${s.document.name}」` : ''}`);
      onSaved(s);
    },
    onError: (e) => setFormError(applyApiError(form, e, ['kind', 'date', 'orgIds', 'personIds', 'summary', 'document'])),
  });

  return (
    <Modal
      open={open}
      title={`登记${kind ? SANCTION_KIND_LABELS[kind] : '通报 / 约谈'}`}
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: namesPending }}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title="登记失败" description={formError} style={{ marginBottom: 16 }} />}
      {namesPending ? <CardSkeleton rows={6} /> : (
        <Form<SanctionForm>
          form={form}
          name="sanction-create"
          layout="vertical"
          preserve={false}
          disabled={save.isPending}
          initialValues={{ kind: draft.kind, date: dayjs(), orgIds: draft.orgIds, personIds: draft.personIds, summary: draft.summary }}
          onFinish={(v) => { setFormError(null); save.mutate(v); }}
        >
          <div className="dk-sc-form-row">
            <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
              <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'notice', label: '通报' }, { value: 'interview', label: '约谈' }]} />
            </Form.Item>
            <Form.Item label={kind === 'interview' ? '约谈日期' : '通报日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </div>
          {spotCheckId && <LinkedCheck id={spotCheckId} onRemove={() => setSpotCheckId(null)} />}
          <Form.Item
            label={kind === 'interview' ? '约谈单位' : '通报单位'} name="orgIds"
            extra="单位、人员至少填写一项；只能选择管辖范围内的单位"
            dependencies={['personIds']}
            rules={[({ getFieldValue }) => ({
              validator: async (_r, v?: string[]) => {
                if ((v?.length ?? 0) + ((getFieldValue('personIds') as string[] | undefined)?.length ?? 0) === 0) throw new Error('至少指明一个单位或一名人员');
              },
            })]}
          >
            <OrganisationSelect
              multiple
              placeholder="输入名称搜索单位"
              knownOptions={orgNames.flatMap((q) => (q.data ? [{ value: q.data.id, label: q.data.name }] : []))}
            />
          </Form.Item>
          <Form.Item label={kind === 'interview' ? '约谈人员' : '通报人员'} name="personIds">
            <PersonMultiSelect known={personNames.flatMap((q) => (q.data ? [{ value: q.data.id, label: q.data.name, hint: q.data.employerOrgName }] : []))} />
          </Form.Item>
          <Form.Item label="事由摘要" name="summary" rules={[{ required: true, whitespace: true, message: '请填写事由摘要' }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：王医生连续两次抽查不在岗，对云南省第一人民医院通报批评" />
          </Form.Item>
          <Form.Item
            label={kind === 'interview' ? '约谈记录（可选）' : '通报文件（可选）'}
            name="document"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            extra="PDF、Word、JPG 或 PNG，不超过 2 MB"
            rules={[{
              validator: async (_r, list?: UploadFile[]) => {
                const f = list?.[0]?.originFileObj;
                if (!f) return;
                const t = documentTypeOf(f);
                if ('error' in t) throw new Error(t.error);
              },
            }]}
          >
            <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.doc,.docx,.jpg,.jpeg,.png">
              <Button icon={<PaperClipOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
