import { Link } from 'react-router';
import { Timeline, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { Assignment } from '@duikou/contracts';
import { formatDate, formatPeriod } from '../../shared/format';

type TimelineItem = NonNullable<React.ComponentProps<typeof Timeline>['items']>[number];

/** The life of an assignment from its dates and status: 计划派出 → 到岗 → 期满结束 / 召回 / 已被替换, or what is still ahead. */
export function assignmentTimelineItems(a: Assignment): TimelineItem[] {
  const items: TimelineItem[] = [];
  items.push({
    key: 'planned',
    color: 'blue',
    title: '计划派出',
    content: (
      <>
        计划 {formatPeriod(a.plannedStart, a.plannedEnd)}
        {a.replacesId && <div>接替 <Link to={`/assignments/${a.replacesId}`}>原派驻人员</Link></div>}
      </>
    ),
  });
  if (a.actualStart) items.push({ key: 'on_duty', color: 'green', title: `到岗 ${formatDate(a.actualStart)}`, content: '实际到岗' });
  const reason = a.statusReason ? <div><Typography.Text type="secondary">原因：</Typography.Text>{a.statusReason}</div> : null;
  switch (a.status) {
    case 'planned':
      items.push({ key: 'next', color: 'gray', icon: <ClockCircleOutlined />, title: '待到岗', content: `计划 ${formatDate(a.plannedStart)} 到岗` });
      break;
    case 'on_duty':
      items.push({ key: 'next', color: 'gray', icon: <ClockCircleOutlined />, title: '在岗中', content: `计划 ${formatDate(a.plannedEnd)} 期满` });
      break;
    case 'completed':
      items.push({ key: 'end', color: 'gray', title: `期满结束 ${formatDate(a.actualEnd)}`, content: reason ?? '派驻期满' });
      break;
    case 'recalled':
      items.push({
        key: 'end', color: 'red', title: a.actualEnd ? `召回 ${formatDate(a.actualEnd)}` : '召回（未到岗即取消）',
        content: reason,
      });
      break;
    case 'replaced':
      items.push({
        key: 'end', color: 'orange', title: a.actualEnd ? `已被替换，${formatDate(a.actualEnd)} 离岗` : '已被替换（未到岗）',
        content: (
          <>
            {reason}
            {a.replacedById && <div>由 <Link to={`/assignments/${a.replacedById}`}>接替人员的派驻</Link> 接替</div>}
          </>
        ),
      });
      break;
  }
  return items;
}

export function AssignmentTimeline({ assignment }: { assignment: Assignment }) {
  return <Timeline items={assignmentTimelineItems(assignment)} />;
}
