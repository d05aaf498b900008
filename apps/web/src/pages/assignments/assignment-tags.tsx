import { Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import {
  ASSIGNMENT_FLAG_LABELS, ASSIGNMENT_MODE_LABELS, ASSIGNMENT_STATUS_LABELS, POST_LABELS, TEAM_ROLE_LABELS, TITLE_LEVEL_LABELS, type Assignment,
  type AssignmentFlag, type AssignmentMode, type AssignmentStatus, type TitleLevel,
} from '@duikou/contracts';

/** 计划派出 blue, 在岗 green, 期满结束 grey, 召回 red, 已被替换 orange. */
export const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, string> = {
  planned: 'blue', on_duty: 'green', completed: 'default', recalled: 'red', replaced: 'orange',
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  return <Tag color={ASSIGNMENT_STATUS_COLORS[status]}>{ASSIGNMENT_STATUS_LABELS[status] ?? status}</Tag>;
}

/** What is missing or exceptional (未登记意外保险 …, 破例派出), as warning tags. */
export function AssignmentFlagTags({ flags, empty = null }: { flags: readonly AssignmentFlag[]; empty?: React.ReactNode }) {
  if (flags.length === 0) return <>{empty}</>;
  return (
    <span className="dk-assign-flags">
      {flags.map((f) => (
        <Tag key={f} color={f === 'eligibility_override' ? 'volcano' : 'warning'} icon={<WarningOutlined />}>{ASSIGNMENT_FLAG_LABELS[f] ?? f}</Tag>
      ))}
    </span>
  );
}

export const modeLabel = (mode: AssignmentMode): string => ASSIGNMENT_MODE_LABELS[mode] ?? mode;

/** Select options in the order of the notices: 间隔去 / 分段驻 / 驻点派驻. */
export const MODE_OPTIONS = (['interval_visits', 'segmented_stays', 'resident'] as const).map((m) => ({ value: m, label: ASSIGNMENT_MODE_LABELS[m] }));

export const titleOf = (a: Pick<Assignment, 'personTitle' | 'personTitleLevel'>): string =>
  a.personTitle?.trim() || TITLE_LEVEL_LABELS[a.personTitleLevel as TitleLevel] || '—';

/** 医疗队队长 · 副院长 */
export const roleAndPost = (a: Pick<Assignment, 'role' | 'post'>): string =>
  [a.role === 'leader' ? TEAM_ROLE_LABELS.leader : null, a.post ? POST_LABELS[a.post] : null].filter(Boolean).join(' · ');
