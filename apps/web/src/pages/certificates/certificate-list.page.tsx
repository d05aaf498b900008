import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Descriptions, Input, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import { GENDER_LABELS, type Certificate, type CertificateVerify } from '@duikou/contracts';
import { certificatesApi } from '../../api/certificates.endpoints';
import { ApiError, errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { formatPeriod, labelOf } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { GradeTag } from '../appraisals/appraisal-parts';
import { CertificateIssueModal } from './certificate-issue.modal';
import { normaliseNumber, onSiteText } from './certificate-parts';
import './certificates.css';

const FILTERS = ['supportOrgId', 'recipientOrgId'] as const;

/** 证明核验: a number → GET /api/certificates/verify; genuine (and what it certifies) or not found in the caller's scope. */
function VerifyBox() {
  const [value, setValue] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: (number: string) => certificatesApi.verify(number) });
  const run = (raw: string) => {
    const n = normaliseNumber(raw);
    if ('error' in n) { setInputError(n.error); verify.reset(); return; }
    setInputError(null);
    setValue(n.number);
    verify.mutate(n.number);
  };
  const notFound = verify.error instanceof ApiError && verify.error.status === 404;
  const r: CertificateVerify | undefined = verify.data;
  return (
    <Card className="dk-section" size="small" title={<span><SafetyCertificateOutlined /> 证明核验</span>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>输入经历证明（如 CX-ZM-2026-0001）或师带徒证书的编号，核验真伪及所证明的内容。</Typography.Paragraph>
      <Input.Search
        className="dk-cert-verify-input"
        value={value}
        onChange={(e) => { setValue(e.target.value); setInputError(null); }}
        onSearch={run}
        enterButton="核验"
        placeholder="证明编号，如 CX-ZM-2026-0001"
        status={inputError ? 'error' : undefined}
        loading={verify.isPending}
        aria-label="证明编号"
        allowClear
      />
      {inputError && <Typography.Text type="danger" className="dk-cert-input-error">{inputError}</Typography.Text>}
      {notFound && (
        <Alert
          type="error" showIcon style={{ marginTop: 12 }} data-testid="verify-result"
          title={`未查到编号 ${verify.variables} 的证明`}
          description="编号有误，或该证明不在您的查看范围内。请核对编号，或向出具单位核实。"
        />
      )}
      {verify.error && !notFound && <ErrorAlert error={verify.error} title="核验失败" style={{ marginTop: 12 }} />}
      {r && (
        <Alert
          type="success" showIcon style={{ marginTop: 12 }} data-testid="verify-result"
          title={`真实有效：${r.kind === 'service' ? '对口支援工作经历证明' : '师带徒证书'} ${r.number}`}
          description={
            <>
              <div>{r.summary}</div>
              {r.certificate && (
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 8 }}>
                  <Descriptions.Item label="持有人">{r.holderName}</Descriptions.Item>
                  <Descriptions.Item label="出具日期">{r.issuedOn}</Descriptions.Item>
                  <Descriptions.Item label="出具单位">{r.certificate.issuerOrg.name}</Descriptions.Item>
                  <Descriptions.Item label="科室">{r.certificate.department}</Descriptions.Item>
                  <Descriptions.Item label="在岗天数">{onSiteText(r.certificate.onSite)}</Descriptions.Item>
                  <Descriptions.Item label="年度鉴定"><GradeTag grade={r.certificate.appraisalGrade} empty="无已备案的鉴定" /></Descriptions.Item>
                </Descriptions>
              )}
            </>
          }
        />
      )}
    </Card>
  );
}

/** /certificates 经历证明: the service certificates issued in scope; issue one for a completed assignment, print, verify a number. */
export function CertificateListPage() {
  const { can } = useSession();
  const me = useMe();
  const isPhone = useIsPhone();
  const { message } = AntApp.useApp();
  const { state, update, query } = useListState(FILTERS);
  const [issuing, setIssuing] = useState(false);
  const f = state.filters;
  const canWrite = can('certificate:write');
  const list = useQuery({
    queryKey: ['certificates', 'list', query],
    queryFn: ({ signal }) => certificatesApi.list({ page: query.page, pageSize: query.pageSize, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId }, signal),
    placeholderData: keepPreviousData,
  });
  const pdf = useMutation({
    mutationFn: (c: Certificate) => certificatesApi.downloadPdf(c.id),
    onSuccess: (name) => message.success(`已下载 ${name}`),
    onError: (e) => message.error(errorMessage(e)),
  });
  const filtered = !!(f.supportOrgId || f.recipientOrgId);
  const unitRole = ['support_unit', 'recipient_unit', 'staff', 'team_leader'].includes(me.role);

  const columns: ColumnsType<Certificate> = [
    {
      title: '证明编号', dataIndex: 'number', width: 170, fixed: isPhone ? undefined : 'left',
      render: (n: string) => <Typography.Text code copyable className="dk-cert-number">{n}</Typography.Text>,
    },
    {
      title: '人员', key: 'person', width: 110,
      render: (_: unknown, c) => (<>{c.person.name}<span className="dk-cert-sub">{[labelOf(GENDER_LABELS, c.person.gender), c.person.title].filter(Boolean).join('，')}</span></>),
    },
    {
      title: '派出单位 → 受援单位', key: 'units', width: 230,
      render: (_: unknown, c) => (<>{c.supportOrg.name} → {c.recipientOrg.name}<span className="dk-cert-sub" title={c.programmeName}>{c.department}</span></>),
    },
    { title: '派驻期间', key: 'period', width: 190, render: (_: unknown, c) => formatPeriod(c.period.start, c.period.end) },
    { title: '在岗天数', key: 'onSite', width: 160, render: (_: unknown, c) => onSiteText(c.onSite) },
    { title: '年度鉴定', dataIndex: 'appraisalGrade', width: 100, render: (g: Certificate['appraisalGrade']) => <GradeTag grade={g} empty="无" /> },
    {
      title: '出具单位 / 日期', key: 'issuer', width: 180,
      render: (_: unknown, c) => (<>{c.issuerOrg.name}<span className="dk-cert-sub">{c.issuedOn} · {c.issuedBy}</span></>),
    },
    {
      title: '操作', key: 'actions', width: 110, fixed: isPhone ? undefined : 'right',
      render: (_: unknown, c) => (
        <Button size="small" icon={<DownloadOutlined />} loading={pdf.isPending && pdf.variables?.id === c.id} onClick={() => pdf.mutate(c)}>下载 PDF</Button>
      ),
    },
  ];

  // Phones: one column per certificate instead of scrolling sideways.
  const phoneColumns: ColumnsType<Certificate> = [{
    title: '经历证明', key: 'certificate',
    render: (_: unknown, c) => (
      <div className="dk-cert-phone-row">
        <div className="dk-cert-phone-head"><Typography.Text code className="dk-cert-number">{c.number}</Typography.Text><GradeTag grade={c.appraisalGrade} empty="无鉴定" /></div>
        <span><b>{c.person.name}</b>　{c.supportOrg.name} → {c.recipientOrg.name}</span>
        <span className="dk-cert-sub">{formatPeriod(c.period.start, c.period.end)} · 在岗 {onSiteText(c.onSite)}</span>
        <span className="dk-cert-sub">{c.issuerOrg.name} · {c.issuedOn}</span>
        <Button size="small" block icon={<DownloadOutlined />} loading={pdf.isPending && pdf.variables?.id === c.id} onClick={() => pdf.mutate(c)}>下载 PDF</Button>
      </div>
    ),
  }];

  return (
    <>
      <PageHeader
        title="对口支援工作经历证明"
        subtitle="派驻期满结束后出具，作为职称晋升的对口支援经历证明；编号如 CX-ZM-2026-0001，可按编号核验"
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>出具证明</Button>}
      />
      <VerifyBox />
      <Card className="dk-section" size="small" title="已出具的证明">
        {!unitRole && (
          <div className="dk-toolbar">
            <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="派出单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />
            <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />
          </div>
        )}
        <ListTable<Certificate>
          list={list}
          state={state}
          update={update}
          columns={columns}
          phoneColumns={phoneColumns}
          isPhone={isPhone}
          scrollX={1240}
          empty={{ description: filtered ? '没有符合条件的经历证明，请调整筛选条件。' : canWrite ? '还没有出具经历证明。派驻期满结束后，点击「出具证明」为派驻人员出具。' : '您的范围内还没有出具的经历证明。', action: canWrite && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>出具证明</Button> }}
        />
        {list.data && list.data.items.some((c) => !c.appraisalGrade) && (
          <Tag className="dk-cert-note">「年度鉴定：无」表示出具时该派驻没有已备案的年度鉴定</Tag>
        )}
      </Card>
      {canWrite && (
        <CertificateIssueModal
          open={issuing}
          onClose={() => setIssuing(false)}
          onIssued={() => setIssuing(false)}
        />
      )}
    </>
  );
}
