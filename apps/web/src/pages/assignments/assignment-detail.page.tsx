import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Row, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, LoginOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_TRANSITIONS, POST_LABELS, TEAM_ROLE_LABELS, type AssignmentDetail } from '@duikou/contracts';
import { assignmentsApi } from '../../api/assignments.endpoints';
import { useSession } from '../../auth/session.context';
import { EntityAuditTab } from '../../shared/entity-audit.tab';
import { formatDate, formatDateTime, formatPeriod, labelOf, text } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { VerdictList, VerdictSummary } from '../../shared/verdict-list';
import { AssignmentEditModal } from './assignment-edit.modal';
import { AssignmentReplaceModal } from './assignment-replace.modal';
import { AssignmentStatusModal, STATUS_ACTIONS, type StatusTarget } from './assignment-status.modal';
import { AssignmentFlagTags, AssignmentStatusTag, modeLabel, titleOf } from './assignment-tags';
import { AssignmentTimeline } from './assignment-timeline';
import { AssignmentProgressCard } from '../progress/assignment-progress.card';
import './assignments.css';

const STATUS_ICONS: Record<StatusTarget, React.ReactNode> = { on_duty: <LoginOutlined />, completed: <CheckCircleOutlined />, recalled: <RollbackOutlined /> };

/** /assignments/:id — every field, 状态记录, the rules' verdicts today and at dispatch, 破例派出, replacement links and 操作记录. */
export function AssignmentDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [statusTarget, setStatusTarget] = useState<StatusTarget | null>(null);
  const [replacing, setReplacing] = useState(false);
  const q = useQuery({ queryKey: ['assignments', 'detail', id], queryFn: ({ signal }) => assignmentsApi.get(id, signal) });
  const a = q.data;
  const crumbs = [{ title: '派驻', to: '/assignments' }, { title: a ? a.personName : '派驻详情' }];

  if (q.isPending) return (<><PageHeader title="派驻详情" crumbs={crumbs} /><Card><CardSkeleton rows={8} /></Card></>);
  if (q.error || !a) return (<><PageHeader title="派驻详情" crumbs={crumbs} /><ErrorAlert error={q.error} title="无法加载该派驻记录" onRetry={() => void q.refetch()} /></>);

  const saved = (next: AssignmentDetail) => {
    queryClient.setQueryData(['assignments', 'detail', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    void queryClient.invalidateQueries({ queryKey: ['staffing'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };

  const active = a.status === 'planned' || a.status === 'on_duty';
  const canWrite = can('assignment:write') && !a.archived;
  const moves = canWrite ? (ASSIGNMENT_TRANSITIONS[a.status] as readonly StatusTarget[]) : [];
  const link = (perm: Parameters<typeof can>[0], to: string, label: string) => (can(perm) ? <Link to={to}>{label}</Link> : label);
  const unmetNow = a.verdicts.filter((v) => v.status === 'unmet' || v.status === 'at_risk').length;

  return (
    <>
      <PageHeader
        title={`${a.personName} → ${a.recipientOrgName}`}
        tags={<><AssignmentStatusTag status={a.status} />{a.archived && <Tag>已归档</Tag>}</>}
        subtitle={`${a.supportOrgName} · ${a.department} · ${modeLabel(a.mode)} · ${formatPeriod(a.plannedStart, a.plannedEnd)}`}
        crumbs={crumbs}
        extra={
          canWrite && (
            <div className="dk-assign-actions">
              {active && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑</Button>}
              {moves.map((m) => (
                <Button key={m} icon={STATUS_ICONS[m]} danger={m === 'recalled'} type={m === 'on_duty' ? 'primary' : 'default'} onClick={() => setStatusTarget(m)}>
                  {STATUS_ACTIONS[m].verb}
                </Button>
              ))}
              {active && !a.replacedById && <Button icon={<SwapOutlined />} onClick={() => setReplacing(true)}>另派接替</Button>}
            </div>
          )
        }
      />

      {a.overrideReason && (
        <Alert
          type="error"
          showIcon
          className="dk-section"
          title="破例派出"
          description={
            <>
              <div>该人员派出时不符合选派条件，经卫生健康行政部门破例派出。</div>
              <div><Typography.Text strong>理由：</Typography.Text>{a.overrideReason}</div>
              <div><Typography.Text strong>决定人：</Typography.Text>{text(a.overrideBy)}　<Typography.Text strong>时间：</Typography.Text>{formatDateTime(a.overrideAt)}</div>
            </>
          }
        />
      )}
      {a.replacesId && (
        <Alert type="info" showIcon className="dk-section" title={<>本派驻接替 <Link to={`/assignments/${a.replacesId}`}>原派驻人员</Link>。</>} />
      )}
      {a.replacedById && (
        <Alert
          type="warning"
          showIcon
          className="dk-section"
          title={<>该人员已被替换，由 <Link to={`/assignments/${a.replacedById}`}>接替人员的派驻</Link> 接续。</>}
          description={a.statusReason ? `替换原因：${a.statusReason}` : undefined}
        />
      )}

      <Card className="dk-section" title="派驻信息" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="派出人员">{link('person:read', `/persons/${a.personId}`, a.personName)}</Descriptions.Item>
          <Descriptions.Item label="职称">{titleOf(a)}</Descriptions.Item>
          <Descriptions.Item label="手机号">{text(a.personMobileMasked)}</Descriptions.Item>
          <Descriptions.Item label="派出单位">{link('org:read', `/organisations/${a.supportOrgId}`, a.supportOrgName)}</Descriptions.Item>
          <Descriptions.Item label="受援单位">{link('org:read', `/organisations/${a.recipientOrgId}`, a.recipientOrgName)}</Descriptions.Item>
          <Descriptions.Item label="受援科室">{a.department}</Descriptions.Item>
          <Descriptions.Item label="所属项目">{link('programme:read', `/programmes/${a.programmeId}`, a.programmeName)}</Descriptions.Item>
          <Descriptions.Item label="对口关系">
            {link('pairing:read', `/pairings/${a.pairingId}`, '查看对口关系')} <Tag color="blue">{a.policyCode}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="支援方式">{modeLabel(a.mode)}</Descriptions.Item>
          <Descriptions.Item label="批次">{text(a.batch)}</Descriptions.Item>
          <Descriptions.Item label="队内角色">{labelOf(TEAM_ROLE_LABELS, a.role)}</Descriptions.Item>
          <Descriptions.Item label="受援单位任职">{a.post ? POST_LABELS[a.post] : '不任职'}</Descriptions.Item>
          <Descriptions.Item label="计划期间" span="filled">{formatPeriod(a.plannedStart, a.plannedEnd)}</Descriptions.Item>
          <Descriptions.Item label="实际到岗">{formatDate(a.actualStart)}</Descriptions.Item>
          <Descriptions.Item label="实际结束">{formatDate(a.actualEnd)}</Descriptions.Item>
          <Descriptions.Item label="状态"><AssignmentStatusTag status={a.status} /></Descriptions.Item>
          <Descriptions.Item label="状态说明">{text(a.statusReason)}</Descriptions.Item>
          <Descriptions.Item label="保险公司">{text(a.insurer)}</Descriptions.Item>
          <Descriptions.Item label="保单号">{text(a.insurancePolicyNo)}</Descriptions.Item>
          <Descriptions.Item label="保险期间" span="filled">
            {a.insuranceFrom || a.insuranceTo ? formatPeriod(a.insuranceFrom, a.insuranceTo) : <Typography.Text type="warning">未登记</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="安全教育日期" span="filled">
            {a.safetyEducationDate ? formatDate(a.safetyEducationDate) : <Typography.Text type="warning">未开展 / 未登记</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="提示" span="filled"><AssignmentFlagTags flags={a.flags} empty="无" /></Descriptions.Item>
        </Descriptions>
      </Card>

      <AssignmentProgressCard assignmentId={a.id} />

      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card className="dk-section" title="状态记录" size="small">
            <AssignmentTimeline assignment={a} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            className="dk-section"
            size="small"
            title="政策核验（按今日情况）"
            extra={unmetNow > 0 ? <VerdictSummary verdicts={a.verdicts} /> : undefined}
          >
            <VerdictList verdicts={a.verdicts} empty="适用政策对此派驻没有可核验的规则" summary={unmetNow === 0} />
          </Card>
        </Col>
      </Row>

      <Card className="dk-section" size="small" title="派出时的选派条件核验">
        <Typography.Paragraph type="secondary">
          派出时按当时适用的政策核验并保存的结论{a.overrideReason ? '；其中「不符合」的条件已由卫生健康行政部门破例放行' : ''}。
        </Typography.Paragraph>
        <VerdictList verdicts={a.eligibilityAtDispatch} empty="派出时未保存选派条件核验结果" />
      </Card>

      {can('audit:read') && (
        <Card>
          <Tabs items={[{ key: 'audit', label: '操作记录', children: <EntityAuditTab entityType="assignment" entityId={a.id} /> }]} />
        </Card>
      )}

      <AssignmentEditModal open={editing} assignment={a} onClose={() => setEditing(false)} onSaved={(n) => { setEditing(false); saved(n); }} />
      <AssignmentStatusModal assignment={a} target={statusTarget} onClose={() => setStatusTarget(null)} onSaved={(n) => { setStatusTarget(null); saved(n); }} />
      <AssignmentReplaceModal
        open={replacing}
        assignment={a}
        onClose={() => setReplacing(false)}
        onReplaced={(created) => {
          setReplacing(false);
          saved(created);
          void queryClient.invalidateQueries({ queryKey: ['assignments', 'detail', a.id] });
          void navigate(`/assignments/${created.id}`);
        }}
      />
    </>
  );
}
