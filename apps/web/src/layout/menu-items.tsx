import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, CalendarOutlined, EnvironmentOutlined, ExperimentOutlined, FileProtectOutlined, HomeOutlined,
  ProjectOutlined,
} from '@ant-design/icons';
import { BarChartOutlined, TeamOutlined } from '@ant-design/icons';
import { IdcardOutlined } from '@ant-design/icons';
import { AlertOutlined, FieldTimeOutlined, NotificationOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { AimOutlined, FileDoneOutlined, ScheduleOutlined } from '@ant-design/icons';
import { BookOutlined, CarOutlined, CheckSquareOutlined, FileTextOutlined, LineChartOutlined, ReadOutlined, SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import { BellOutlined, DashboardOutlined, FieldNumberOutlined, FolderOpenOutlined, HourglassOutlined } from '@ant-design/icons';
import type { Permission } from '@duikou/contracts';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** Shown with any of these permissions instead of `permission` alone. */
  anyOf?: readonly Permission[];
  /** Items of one group show together under its title (after the ungrouped items). */
  group?: string;
}

/** The side menu; each item shows only with its permission. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, permission: 'home:read' },
  { path: '/dashboard', label: '监管看板', icon: <DashboardOutlined />, permission: 'dashboard:read' },
  { path: '/check-in', label: '打卡', icon: <AimOutlined />, permission: 'checkin:write' },
  { path: '/attendance', label: '考勤', icon: <ScheduleOutlined />, permission: 'attendance:read', group: '考勤请假' },
  { path: '/leave', label: '请假', icon: <FileDoneOutlined />, permission: 'leave:request', anyOf: ['leave:request', 'leave:approve'], group: '考勤请假' },
  { path: '/pairings', label: '对口关系', icon: <ApartmentOutlined />, permission: 'pairing:read' },
  { path: '/persons', label: '人员', icon: <IdcardOutlined />, permission: 'person:read' },
  { path: '/programmes', label: '项目', icon: <ProjectOutlined />, permission: 'programme:read' },
  { path: '/organisations', label: '机构', icon: <BankOutlined />, permission: 'org:read' },
  { path: '/regions', label: '行政区划', icon: <EnvironmentOutlined />, permission: 'region:read' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/assignments', label: '派驻', icon: <TeamOutlined />, permission: 'assignment:read', group: '派驻管理' },
  { path: '/staffing', label: '派出人数', icon: <BarChartOutlined />, permission: 'assignment:read', group: '派驻管理' },
  { path: '/progress/at-risk', label: '在岗进度预警', icon: <FieldTimeOutlined />, permission: 'assignment:read', group: '派驻管理' },
  { path: '/spot-checks', label: '抽查点名', icon: <SafetyCertificateOutlined />, permission: 'spotcheck:read', group: '监督检查' },
  { path: '/spot-checks/consequences', label: '抽查后果', icon: <AlertOutlined />, permission: 'spotcheck:read', group: '监督检查' },
  { path: '/sanctions', label: '通报约谈', icon: <NotificationOutlined />, permission: 'spotcheck:read', group: '监督检查' },
  { path: '/statutory-reports', label: '统计报表', icon: <FieldNumberOutlined />, permission: 'report:read', group: '报表与提醒' },
  { path: '/deadlines', label: '时限日历', icon: <HourglassOutlined />, permission: 'calendar:read', group: '报表与提醒' },
  { path: '/notifications', label: '消息中心', icon: <BellOutlined />, permission: 'home:read', anyOf: ['home:read', 'checkin:write'], group: '报表与提醒' },
  { path: '/forms', label: '表格中心', icon: <FolderOpenOutlined />, permission: 'pairing:read', group: '报表与提醒' },
  { path: '/agreements', label: '帮扶协议', icon: <FileTextOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/tasks', label: '年度任务', icon: <CheckSquareOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/activities', label: '带教指导', icon: <ReadOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/mentorships', label: '师带徒', icon: <BookOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/leadership-visits', label: '领导调研', icon: <CarOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/outcomes', label: '成效指标', icon: <LineChartOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/appraisals', label: '年度鉴定', icon: <SolutionOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/certificates', label: '经历证明', icon: <TrophyOutlined />, permission: 'results:read', group: '帮扶成效' },
  { path: '/policies', label: '政策版本', icon: <FileProtectOutlined />, permission: 'policy:read', group: '政策规则' },
  { path: '/policies/sandbox', label: '规则试算', icon: <ExperimentOutlined />, permission: 'policy:read', group: '政策规则' },
  { path: '/calendar', label: '节假日日历', icon: <CalendarOutlined />, permission: 'calendar:read', group: '政策规则' },
];

export const allowedNavItems = (permissions: readonly string[]): NavItem[] =>
  NAV_ITEMS.filter((item) => (item.anyOf ?? [item.permission]).some((p) => permissions.includes(p)));

export const firstAllowedPath = (permissions: readonly string[]): string | null => allowedNavItems(permissions)[0]?.path ?? null;

/** The menu key of a location: the longest menu path it lies under (/policies/sandbox, /policies/:id → /policies), else its first segment. */
export const selectedNavKey = (pathname: string): string => {
  const match = NAV_ITEMS.map((i) => i.path)
    .filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  if (match) return match;
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
};
