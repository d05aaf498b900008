import { z } from 'zod';
import { isoDateSchema, paginationQuerySchema } from './common.schema.js';

export const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'delete', 'import', 'login', 'login_failed', 'logout', 'password_change', 'account_locked', 'reveal', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建', update: '修改', archive: '归档', restore: '恢复', delete: '删除', import: '导入',
  login: '登录', login_failed: '登录失败', logout: '退出', password_change: '修改密码', account_locked: '账号锁定', reveal: '查看完整个人信息', export: '导出（含完整个人信息）',
};
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  region: '行政区划', organisation: '机构', programme: '项目', pairing: '对口关系', user: '用户', session: '会话',
  calendar: '节假日日历', policy: '政策版本', person: '人员', assignment: '派驻', check_in: '打卡', attendance: '考勤', attendance_appeal: '考勤申诉', leave: '请假', trip: '外出报备',
  spot_check: '抽查/点名', sanction: '通报/约谈',
  agreement: '帮扶协议', annual_task: '年度任务', quarterly_report: '季度进展', activity: '带教/指导记录', mentorship: '师带徒协议', recipient_departments: '受援单位主要科室',
  leadership_visit: '院领导带队指导', outcome: '成效指标', appraisal: '年度鉴定', certificate: '晋升经历证明',
};

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = paginationQuerySchema.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().max(64).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
