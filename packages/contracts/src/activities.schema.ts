import { z } from 'zod';
import { idSchema, isoDateSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { shownVerdictSchema } from './policies.schema.js';
import { assignmentRefSchema, attachmentInputSchema, attachmentSchema } from './results.schema.js';

/** 带教/指导记录: on-site teaching (驻点) and off-site remote guidance (不驻点期间线上核查点评、纠错和指导). */
export const ACTIVITY_KINDS = ['clinical_teaching', 'teaching_rounds', 'surgery_demo', 'training', 'case_analysis', 'remote_guidance'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  clinical_teaching: '临床带教', teaching_rounds: '教学查房', surgery_demo: '手术示范', training: '专项培训', case_analysis: '案例分析',
  remote_guidance: '远程指导（核查点评、纠错和指导）',
};
export const ACTIVITY_SETTINGS = ['on_site', 'off_site'] as const;
export type ActivitySetting = (typeof ACTIVITY_SETTINGS)[number];
export const ACTIVITY_SETTING_LABELS: Record<ActivitySetting, string> = { on_site: '驻点（线下）', off_site: '不驻点（线上）' };
/** Where a kind of activity happens: only remote guidance is off site. */
export const settingOfActivity = (kind: ActivityKind): ActivitySetting => (kind === 'remote_guidance' ? 'off_site' : 'on_site');
export const REMOTE_CHANNELS = ['video', 'wechat', 'phone', 'other'] as const;
export type RemoteChannel = (typeof REMOTE_CHANNELS)[number];
export const REMOTE_CHANNEL_LABELS: Record<RemoteChannel, string> = { video: '网络视频', wechat: '微信', phone: '电话', other: '其他在线方式' };
export const ACTIVITY_MAX_ATTACHMENTS = 3;

const participantsSchema = z.array(textSchema(50)).max(200, { error: '参与人员不超过 200 人' });
const participantCountSchema = z.number({ error: '参与人数应为整数' }).int({ error: '参与人数应为整数' }).min(1, { error: '参与人数至少 1 人' }).max(2000, { error: '参与人数不超过 2000' });

export const activityCreateSchema = z.object({
  /** Staff leave their own current assignment out; units name it. */
  assignmentId: idSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS, { error: '请选择活动类别' }),
  date: isoDateSchema,
  /** Remote guidance only: video, WeChat… */
  channel: z.enum(REMOTE_CHANNELS, { error: '远程方式须为 video（网络视频）、wechat（微信）、phone（电话）或 other（其他）' }).optional(),
  participants: participantsSchema.default([]),
  /** Default: the number of participants named. */
  participantCount: participantCountSchema.optional(),
  content: textSchema(2000),
  attachments: z.array(attachmentInputSchema).max(ACTIVITY_MAX_ATTACHMENTS, { error: `附件不超过 ${ACTIVITY_MAX_ATTACHMENTS} 个` }).default([]),
}).superRefine((v, ctx) => {
  if (v.kind === 'remote_guidance' && !v.channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: '远程指导须注明方式（网络视频、微信等）' });
  if (v.kind !== 'remote_guidance' && v.channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: '只有远程指导需要注明远程方式' });
  if (v.participantCount === undefined && v.participants.length === 0) ctx.addIssue({ code: 'custom', path: ['participants'], message: '请填写参与人员或参与人数' });
  if (v.participantCount !== undefined && v.participantCount < v.participants.length) ctx.addIssue({ code: 'custom', path: ['participantCount'], message: '参与人数不能少于所列参与人员' });
});
export type ActivityCreate = z.infer<typeof activityCreateSchema>;
export const activityUpdateSchema = z.object({
  date: isoDateSchema,
  channel: z.enum(REMOTE_CHANNELS, { error: '远程方式须为 video、wechat、phone 或 other' }),
  participants: participantsSchema,
  participantCount: participantCountSchema,
  content: textSchema(2000),
}).partial();
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const activityListQuerySchema = paginationQuerySchema.extend({
  assignmentId: idSchema.optional(),
  personId: idSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  setting: z.enum(ACTIVITY_SETTINGS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

export const activitySchema = z.object({
  id: z.string(), assignment: assignmentRefSchema, kind: z.enum(ACTIVITY_KINDS), setting: z.enum(ACTIVITY_SETTINGS),
  channel: z.enum(REMOTE_CHANNELS).nullable(), date: z.string(), participants: z.array(z.string()), participantCount: z.number().int(),
  content: z.string(), attachments: z.array(attachmentSchema), recordedBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type Activity = z.infer<typeof activitySchema>;

export const offSiteGuidanceQuerySchema = paginationQuerySchema.extend({
  assignmentId: idSchema.optional(),
  supportOrgId: idSchema.optional(),
  recipientOrgId: idSchema.optional(),
  /** Only persons whose verdict is this (e.g. unmet: a month off site without guidance). */
  status: z.enum(['met', 'unmet', 'at_risk', 'not_applicable']).optional(),
});
export type OffSiteGuidanceQuery = z.infer<typeof offSiteGuidanceQuerySchema>;
export const offSiteGuidanceItemSchema = z.object({
  assignment: assignmentRefSchema,
  /** Months of the term with working days off site, and the guidance records dated in them. */
  months: z.array(z.object({ month: z.string(), offSiteWorkingDays: z.number().int(), guidanceRecords: z.number().int(), status: z.enum(['ok', 'missing', 'pending']) })),
  verdict: shownVerdictSchema,
});
export const offSiteGuidanceSchema = z.object({
  asOf: z.string(), items: z.array(offSiteGuidanceItemSchema), total: z.number().int(),
  skipped: z.array(z.object({ assignmentId: z.string(), personName: z.string(), message: z.string() })),
});
export type OffSiteGuidance = z.infer<typeof offSiteGuidanceSchema>;
