import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Drawer, Popconfirm, Tag, Typography } from 'antd';
import { AuditOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Apprentice, Mentorship } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { errorMessage } from '../../api/http-client';
import { formatDateTime, text } from '../../shared/format';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { ApprenticeAssessmentModal } from './apprentice-assessment.modal';
import { ApprenticeFormModal } from './apprentice-form.modal';
import { AssessmentTag, certificateFileName, countApprentices, countsText, mentorName, SignedTag } from './mentorship-parts';

/** The buttons of one apprentice: edit / remove (who keeps the agreement), assess / certify (the units), the PDF (anyone who sees it). */
function ApprenticeActions({ m, a, onEdit, onAssess }: { m: Mentorship; a: Apprentice; onEdit: () => void; onAssess: () => void }) {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [downloading, setDownloading] = useState(false);
  const settle = (next: Mentorship) => {
    queryClient.setQueryData(['mentorships', 'detail', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
  };
  const remove = useMutation({
    mutationFn: () => mentorshipsApi.removeApprentice(a.id),
    onSuccess: (next) => { message.success(`已移除跟学人员「${a.name}」`); settle(next); },
    onError: (e) => message.error(errorMessage(e)),
  });
  const issue = useMutation({
    mutationFn: () => mentorshipsApi.issueCertificate(a.id),
    onSuccess: (next) => {
      const no = next.apprentices.find((x) => x.id === a.id)?.certificateNo;
      message.success(`已向「${a.name}」颁发师带徒证书${no ? ` ${no}` : ''}`);
      settle(next);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const downloadPdf = async () => {
    setDownloading(true);
    try {
      await mentorshipsApi.downloadCertificate(a.id, certificateFileName(a));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };
  const onlyOne = m.apprentices.length <= 1;
  return (
    <div className="dk-ms-actions">
      {m.canEdit && <Button size="small" icon={<EditOutlined />} onClick={onEdit}>编辑</Button>}
      {m.canAssess && <Button size="small" icon={<AuditOutlined />} onClick={onAssess}>{a.assessmentResult ? '修改考核' : '登记考核'}</Button>}
      {m.canAssess && a.assessmentResult === 'passed' && !a.certificateNo && (
        <Popconfirm
          title={`向「${a.name}」颁发师带徒证书？`}
          description="证书编号由系统按年度顺序生成，颁发后姓名与跟学专业不能再修改。"
          okText="颁发" cancelText="取消" onConfirm={() => issue.mutate()}
        >
          <Button size="small" type="primary" icon={<SafetyCertificateOutlined />} loading={issue.isPending}>颁发证书</Button>
        </Popconfirm>
      )}
      {a.certificateNo && (
        <Button size="small" icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadPdf()}>下载证书 PDF</Button>
      )}
      {m.canEdit && !a.certificateNo && (
        <Popconfirm
          title={`移除跟学人员「${a.name}」？`}
          description={onlyOne ? '协议至少保留 1 名跟学人员；如需作废请删除整份协议。' : '移除后不再计入带教人数与科室覆盖。'}
          okText="移除" cancelText="取消" okButtonProps={{ danger: true, disabled: onlyOne }} onConfirm={() => remove.mutate()}
        >
          <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>移除</Button>
        </Popconfirm>
      )}
    </div>
  );
}

function ApprenticeCard({ m, a, index, onEdit, onAssess }: { m: Mentorship; a: Apprentice; index: number; onEdit: () => void; onAssess: () => void }) {
  return (
    <div className="dk-ms-apprentice-box" data-testid="apprentice">
      <div className="dk-ms-apprentice-head">
        <span className="dk-ms-apprentice-name">{index + 1}. {a.name}</span>
        <AssessmentTag apprentice={a} />
        {a.certificateNo && <Tag color="gold" icon={<SafetyCertificateOutlined />}>{a.certificateNo}</Tag>}
      </div>
      <div className="dk-ms-apprentice-facts">
        <span>专业及职称：{a.specialtyTitle}</span>
        <span>跟学专业：{a.learningSpecialty}</span>
        <span>科室：{a.department ?? `${a.learningSpecialty}（按跟学专业计）`}</span>
      </div>
      <div className="dk-ms-apprentice-goal">学习目标：{a.learningGoal}</div>
      {a.assessmentResult && (
        <div className="dk-ms-sub">
          考核：{a.assessedOn}{a.assessedBy ? ` · ${a.assessedBy}` : ''}{a.assessmentComments ? ` · ${a.assessmentComments}` : ''}
          {a.certificateIssuedOn && ` · 证书颁发于 ${a.certificateIssuedOn}`}
        </div>
      )}
      <ApprenticeActions m={m} a={a} onEdit={onEdit} onAssess={onAssess} />
    </div>
  );
}

/** 协议详情: the agreement, its apprentices with their assessment and certificate, and what may be done to them. */
export function MentorshipDetailDrawer({ id, onClose, onEdit, onDeleted }: {
  id: string | null;
  onClose: () => void;
  onEdit: (m: Mentorship) => void;
  onDeleted: () => void;
}) {
  const isPhone = useIsPhone();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [apprenticeModal, setApprenticeModal] = useState<{ editing: Apprentice | null } | null>(null);
  const [assessing, setAssessing] = useState<Apprentice | null>(null);
  const detail = useQuery({
    queryKey: ['mentorships', 'detail', id],
    queryFn: ({ signal }) => mentorshipsApi.get(id!, signal),
    enabled: !!id,
  });
  const m = detail.data;
  const remove = useMutation({
    mutationFn: () => mentorshipsApi.remove(id!),
    onSuccess: () => {
      message.success('已删除师带徒协议');
      void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
      onDeleted();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const certified = !!m?.apprentices.some((a) => a.certificateNo);

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={m ? (isPhone ? `${m.assignment.personName} ${m.year} 年` : `师带徒协议：${mentorName(m)} · ${m.year} 年`) : '师带徒协议'}
      size={isPhone ? '100%' : 760}
      destroyOnHidden
      extra={m?.canEdit && (
        <div className="dk-ms-actions">
          <Button icon={<EditOutlined />} onClick={() => onEdit(m)} aria-label="修改协议">{isPhone ? '修改' : '修改协议'}</Button>
          <Popconfirm
            title="删除这份师带徒协议？"
            description={certified ? '已颁发证书的协议不能删除。' : '协议及其全部跟学人员将一并删除。'}
            okText="删除" cancelText="取消" okButtonProps={{ danger: true, disabled: certified }}
            onConfirm={() => remove.mutate()}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>删除</Button>
          </Popconfirm>
        </div>
      )}
    >
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {!m && !detail.error && <CardSkeleton rows={8} />}
      {m && (
        <>
          <Descriptions size="small" bordered column={isPhone ? 1 : 2} className="dk-ms-desc">
            <Descriptions.Item label="支援人员">{mentorName(m)}</Descriptions.Item>
            <Descriptions.Item label="专业及职称">{m.mentorSpecialtyTitle}</Descriptions.Item>
            <Descriptions.Item label="支援单位">{m.assignment.supportOrg.name}</Descriptions.Item>
            <Descriptions.Item label="受援单位">{m.assignment.recipientOrg.name} · {m.assignment.department}</Descriptions.Item>
            <Descriptions.Item label="协议年度">{m.year} 年</Descriptions.Item>
            <Descriptions.Item label="签订日期"><SignedTag mentorship={m} /></Descriptions.Item>
            <Descriptions.Item label="派驻期">{m.assignment.term.start} 至 {m.assignment.term.end}</Descriptions.Item>
            <Descriptions.Item label="登记">{m.createdBy} · {formatDateTime(m.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="帮带计划" span={isPhone ? 1 : 2}><span className="dk-ms-pre">{text(m.plan)}</span></Descriptions.Item>
          </Descriptions>
          <div className="dk-ms-section-head">
            <Typography.Title level={5} style={{ margin: 0 }}>跟学人员 {m.apprentices.length} 人</Typography.Title>
            <Typography.Text type="secondary">{countsText(countApprentices(m.apprentices))}</Typography.Text>
            <span className="dk-toolbar-spacer" />
            {m.canEdit && m.apprentices.length < 20 && (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setApprenticeModal({ editing: null })}>添加跟学人员</Button>
            )}
          </div>
          {m.apprentices.length === 0 ? (
            <EmptyState description="这份协议还没有跟学人员。" />
          ) : (
            m.apprentices.map((a, i) => (
              <ApprenticeCard key={a.id} m={m} a={a} index={i} onEdit={() => setApprenticeModal({ editing: a })} onAssess={() => setAssessing(a)} />
            ))
          )}
          {!m.canAssess && m.apprentices.some((a) => !a.assessmentResult) && (
            <Typography.Paragraph type="secondary" className="dk-ms-sub">考核结果与证书由支援单位或受援单位登记、颁发。</Typography.Paragraph>
          )}
          <ApprenticeFormModal
            open={!!apprenticeModal}
            mentorship={m}
            editing={apprenticeModal?.editing ?? null}
            onClose={() => setApprenticeModal(null)}
            onSaved={() => setApprenticeModal(null)}
          />
          <ApprenticeAssessmentModal apprentice={assessing} onClose={() => setAssessing(null)} onSaved={() => setAssessing(null)} />
        </>
      )}
    </Drawer>
  );
}
