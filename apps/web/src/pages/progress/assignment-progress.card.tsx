import { Link } from 'react-router';
import { Alert, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus } from '@duikou/contracts';
import { ApiError } from '../../api/http-client';
import { progressApi } from '../../api/progress.endpoints';
import { spotChecksApi } from '../../api/spot-checks.endpoints';
import { useSession } from '../../auth/session.context';
import { CardSkeleton, ErrorAlert } from '../../shared/page-state';
import { VerdictList, VerdictStatusTag } from '../../shared/verdict-list';
import { headlinesOf, withFigureLabels } from '../spot-checks/spot-check-parts';
import { DaysBar, headlineExplanation, unitOf } from './progress-parts';
import './progress.css';

/** 在岗进度: on-site days so far vs required, the forecast at the end of the term and the rules' explanation. */
function OnSiteProgress({ assignmentId }: { assignmentId: string }) {
  const { can } = useSession();
  const q = useQuery({ queryKey: ['progress', 'assignment', assignmentId], queryFn: ({ signal }) => progressApi.assignment(assignmentId, signal) });
  if (q.isPending) return <CardSkeleton rows={4} />;
  if (q.error) {
    // A term running into a year without holiday calendar cannot be counted yet: say so, not "failed".
    if (q.error instanceof ApiError && q.error.code === 'CALENDAR_YEAR_MISSING') {
      return (
        <Alert
          type="warning" showIcon title="暂无法计算在岗进度" description={
            <>{q.error.message}{can('calendar:read') && <>（<Link to="/calendar">查看节假日日历</Link>）</>}</>
          }
        />
      );
    }
    return <ErrorAlert error={q.error} title="无法加载在岗进度" onRetry={() => void q.refetch()} />;
  }
  const p = q.data;
  const f = p.figures;
  const unit = unitOf(p);
  const attendance = Object.entries(p.attendance).filter(([, n]) => n > 0);
  const headline = p.verdicts.find((v) => v.ruleId === f?.ruleId) ?? p.verdicts.find((v) => v.status === p.status) ?? p.verdicts[0];
  const others = p.verdicts.filter((v) => v !== headline);
  return (
    <div className="dk-prog-card">
      <div className="dk-prog-head">
        <VerdictStatusTag status={p.status} />
        <span className="dk-prog-explain" data-testid="progress-explanation">{headlineExplanation(p)}</span>
        {headline?.citation && <span className="dk-prog-sub"><BookOutlined /> 依据：{headline.citation}</span>}
      </div>
      {f && f.required !== null && (
        <Row gutter={[16, 12]} className="dk-prog-figures">
          <Col xs={12} md={6}><Statistic title={`已在岗（${unit}）`} value={f.done ?? '—'} /></Col>
          <Col xs={12} md={6}><Statistic title={`要求（${unit}）`} value={f.required} /></Col>
          <Col xs={12} md={6}>
            <Statistic
              title={`按当前进度期满预计（${unit}）`}
              value={f.forecast ?? '—'}
              styles={{ content: { color: f.forecast !== null && f.forecast < f.required ? '#d4380d' : '#389e0d' } }}
            />
          </Col>
          <Col xs={12} md={6}><Statistic title="计算截至" value={p.asOf} styles={{ content: { fontSize: 18 } }} /></Col>
          <Col span={24}><DaysBar p={p} /></Col>
        </Row>
      )}
      <Typography.Paragraph type="secondary" className="dk-prog-term">
        派驻期 {p.term.start} 至 {p.term.end}
        {attendance.length > 0
          ? `；考勤记录：${attendance.map(([s, n]) => `${ATTENDANCE_STATUS_LABELS[s as AttendanceStatus] ?? s} ${n} 天`).join('、')}`
          : '；尚无考勤记录'}
      </Typography.Paragraph>
      {/* The headline verdict is told above; the others (continuous stays, visits a year …) in full. */}
      {p.verdicts.length === 0 && <Typography.Text type="secondary">适用政策对该派驻的支援方式没有在岗天数要求</Typography.Text>}
      {others.length > 0 && <VerdictList verdicts={others} summary={false} />}
    </div>
  );
}

/** 抽查判定: this person's spot-check record and what the rules make of it. */
function SpotCheckVerdicts({ assignmentId }: { assignmentId: string }) {
  const q = useQuery({ queryKey: ['spot-checks', 'verdicts', assignmentId], queryFn: ({ signal }) => spotChecksApi.verdicts(assignmentId, signal) });
  if (q.isPending) return <CardSkeleton rows={3} />;
  if (q.error) return <ErrorAlert error={q.error} title="无法加载抽查判定" onRetry={() => void q.refetch()} />;
  const v = q.data;
  const headlines = headlinesOf(v);
  return (
    <div className="dk-prog-card">
      <div className="dk-prog-head">
        <span>抽查 <b>{v.checks}</b> 次，不在岗 <b>{v.absences}</b> 次</span>
        {headlines.map((h) => <Tag key={h.ruleId} color={h.color}>{h.label}</Tag>)}
        {v.checks > 0 && <Link to={`/spot-checks?personId=${v.personId}`}>查看抽查记录</Link>}
      </div>
      <VerdictList verdicts={v.verdicts.map(withFigureLabels)} summary={false} empty="该人员尚未被抽查" />
    </div>
  );
}

/**
 * The progress card of an assignment's detail page: 在岗进度 (GET /api/progress/assignments/:id) and,
 * for those who read spot checks, 抽查判定 (GET /api/spot-checks/verdicts?assignmentId=).
 */
export function AssignmentProgressCard({ assignmentId }: { assignmentId: string }) {
  const { can } = useSession();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={can('spotcheck:read') ? 14 : 24}>
        <Card className="dk-section" size="small" title="在岗进度（规则引擎按节假日日历计算）">
          <OnSiteProgress assignmentId={assignmentId} />
        </Card>
      </Col>
      {can('spotcheck:read') && (
        <Col xs={24} lg={10}>
          <Card className="dk-section" size="small" title="抽查判定">
            <SpotCheckVerdicts assignmentId={assignmentId} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
