import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App as AntApp, Button, Card, Descriptions, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EDUCATION_LABELS, GENDER_LABELS, TITLE_LEVEL_LABELS, type RegistrationFormFormat } from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { personsApi } from '../../api/persons.endpoints';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDate, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { PersonFormModal } from './person-form.modal';
import { formatMonth, titleText } from './person-format';
import { PersonRevealModal } from './person-reveal.modal';

const descriptionColumns = { xs: 1, sm: 1, md: 2, lg: 3 };

/** /persons/:id — every field of MY 附件2 in groups; full identifiers on request (audited); the 报名表 as PDF or Word. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [downloading, setDownloading] = useState<RegistrationFormFormat | null>(null);
  const q = useQuery({ queryKey: ['persons', 'detail', id], queryFn: ({ signal }) => personsApi.get(id, signal) });
  const p = q.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['persons'] });
  const crumbs = [{ title: '人员', to: '/persons' }, { title: p ? p.name : '人员详情' }];

  if (q.isPending) return (<><PageHeader title="人员详情" crumbs={crumbs} /><Card><CardSkeleton rows={10} /></Card></>);
  if (q.error || !p) return (<><PageHeader title="人员详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该人员" onRetry={() => void q.refetch()} /></>);

  const canReveal = can('person:reveal');
  const canWrite = can('person:write');
  const form = async (format: RegistrationFormFormat) => {
    setDownloading(format);
    try {
      const name = await personsApi.registrationForm(p.id, format, p.name);
      message.success(`已下载 ${name}（含完整身份证号和电话，已记入审计日志）`);
      void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <PageHeader
        title={p.name}
        tags={<>{p.archived && <Tag>已归档</Tag>}{p.recommendedForLeadership && <Tag color="blue">推荐任职</Tag>}</>}
        subtitle={`${p.employerOrgName}${p.specialty ? ` · ${p.specialty}` : ''} · ${titleText(p)}`}
        crumbs={crumbs}
        extra={
          <>
            {canReveal && (
              <>
                <Button icon={<FilePdfOutlined />} loading={downloading === 'pdf'} onClick={() => void form('pdf')}>报名表 PDF</Button>
                <Button icon={<FileWordOutlined />} loading={downloading === 'docx'} onClick={() => void form('docx')}>报名表 Word</Button>
              </>
            )}
            {canWrite && !p.archived && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
            {canWrite && (
              <RecordActions
                what="人员"
                referencedBy="派驻记录、登录账号或通报"
                archived={p.archived}
                size="middle"
                remove={() => personsApi.remove(p.id)}
                restore={() => personsApi.restore(p.id)}
                onDone={(what) => { refresh(); if (what === 'deleted') void navigate('/persons'); }}
              />
            )}
          </>
        }
      />
      <Card className="dk-section" title="基本信息" size="small">
        <Descriptions bordered size="small" column={descriptionColumns}>
          <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
          <Descriptions.Item label="性别">{GENDER_LABELS[p.gender]}</Descriptions.Item>
          <Descriptions.Item label="出生年月">{formatMonth(p.birthMonth)}</Descriptions.Item>
          <Descriptions.Item label="民族">{text(p.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label="党派">{text(p.party)}</Descriptions.Item>
          <Descriptions.Item label="状态">{p.archived ? <Tag>已归档</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card className="dk-section" title="学历与工作" size="small">
        <Descriptions bordered size="small" column={descriptionColumns}>
          <Descriptions.Item label="学历">{EDUCATION_LABELS[p.education]}</Descriptions.Item>
          <Descriptions.Item label="学位">{text(p.degree)}</Descriptions.Item>
          <Descriptions.Item label="毕业院校">{text(p.school)}</Descriptions.Item>
          <Descriptions.Item label="毕业时间">{formatDate(p.graduationDate)}</Descriptions.Item>
          <Descriptions.Item label="参工时间">{formatDate(p.workStartDate)}</Descriptions.Item>
          <Descriptions.Item label="工作单位">{can('org:read') ? <Link to={`/organisations/${p.employerOrgId}`}>{p.employerOrgName}</Link> : p.employerOrgName}</Descriptions.Item>
          <Descriptions.Item label="职务">{text(p.post)}</Descriptions.Item>
          <Descriptions.Item label="职称">{titleText(p)}</Descriptions.Item>
          <Descriptions.Item label="职称级别">{TITLE_LEVEL_LABELS[p.titleLevel]}</Descriptions.Item>
          <Descriptions.Item label="科室及专业">{text(p.specialty)}</Descriptions.Item>
          <Descriptions.Item label="从事现专业时间">{formatDate(p.specialtySince)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        className="dk-section"
        title="证件与联系方式"
        size="small"
        extra={canReveal && <Button size="small" icon={<EyeOutlined />} onClick={() => setRevealing(true)}>查看完整信息</Button>}
      >
        <Descriptions bordered size="small" column={descriptionColumns}>
          <Descriptions.Item label="身份证号"><Typography.Text code>{p.idNumberMasked}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="手机号">{p.mobileMasked}</Descriptions.Item>
          <Descriptions.Item label="办公电话">{text(p.officePhoneMasked)}</Descriptions.Item>
          <Descriptions.Item label="QQ/微信">{text(p.qqWechat)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          身份证号和电话加密保存、脱敏显示；{canReveal ? '查看完整信息或下载报名表会记入审计日志。' : '当前角色无权查看完整信息。'}
        </Typography.Paragraph>
      </Card>
      <Card className="dk-section" title="个人简历" size="small">
        {p.resume ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.resume}</Typography.Paragraph> : <Typography.Text type="secondary">未填写</Typography.Text>}
      </Card>
      <Card className="dk-section" title="推荐任职与单位意见" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="推荐担任领导职务">{p.recommendedForLeadership ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="推荐职务">{text(p.recommendedPost)}</Descriptions.Item>
          <Descriptions.Item label="所在单位意见" span="filled"><span style={{ whiteSpace: 'pre-wrap' }}>{text(p.employerOpinion)}</span></Descriptions.Item>
        </Descriptions>
      </Card>
      {can('audit:read') && (
        <Card>
          <Tabs items={[{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="person" entityId={p.id} /> }]} />
        </Card>
      )}
      <PersonFormModal open={editing} person={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); refresh(); }} />
      <PersonRevealModal open={revealing} person={p} onClose={() => setRevealing(false)} />
    </>
  );
}
