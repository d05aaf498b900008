/**
 * The closed vocabularies the rules speak in, with their Chinese labels. Values are stable
 * identifiers stored in policy documents and facts; labels are what the interface shows.
 */

/** Professional title levels, ascending; `none` (无职称) is a recorded fact, unlike a missing title. */
export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = {
  none: '无职称', junior: '初级', intermediate: '中级', associate_senior: '副高级', senior: '正高级',
};

/** True when `title` is `min` or higher. */
export function isTitleAtLeast(title: TitleLevel, min: TitleLevel): boolean {
  return TITLE_LEVELS.indexOf(title) >= TITLE_LEVELS.indexOf(min);
}

/** Highest completed education, in ascending order. */
export const EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  secondary: '中专及以下', associate: '大专', bachelor: '本科', master: '硕士研究生', doctor: '博士研究生',
};

/** Administrative level of a support unit (same values as the contracts' ADMIN_LEVELS). */
export const SUPPORT_UNIT_LEVELS = ['provincial', 'municipal', 'county', 'military', 'other'] as const;
export type SupportUnitLevel = (typeof SUPPORT_UNIT_LEVELS)[number];
export const SUPPORT_UNIT_LEVEL_LABELS: Record<SupportUnitLevel, string> = {
  provincial: '省属', municipal: '市（州）属', county: '县（区）属', military: '部队', other: '其他（民营等）',
};

/** How a person is sent: a resident team member (CX), or MY's 间隔去 / 分段驻. */
export const ASSIGNMENT_MODES = ['resident', 'interval_visits', 'segmented_stays'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = {
  resident: '驻点派驻', interval_visits: '间隔去', segmented_stays: '分段驻',
};

export const ATTENDANCE_STATUSES = ['on_duty', 'rest', 'leave', 'official_business', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  on_duty: '在岗', rest: '休息', leave: '请假', official_business: '因公外出', absent: '缺勤',
};

/** Result for one person in one spot check; `on_leave` is an excused absence (approved leave). */
export const SPOT_CHECK_RESULTS = ['present', 'absent', 'on_leave'] as const;
export type SpotCheckResult = (typeof SPOT_CHECK_RESULTS)[number];
export const SPOT_CHECK_RESULT_LABELS: Record<SpotCheckResult, string> = {
  present: '在岗', absent: '不在岗', on_leave: '请假（已批准）',
};

/** Parties that approve, receive filings or reports, or act in a rule. */
export const PARTIES = [
  'recipient_unit', 'recipient_director', 'support_unit', 'county_office', 'prefecture_office',
  'provincial_office', 'prefecture_project_office', 'provincial_project_office', 'team_leader',
] as const;
export type Party = (typeof PARTIES)[number];
export const PARTY_LABELS: Record<Party, string> = {
  recipient_unit: '受援单位',
  recipient_director: '受援医院院长',
  support_unit: '支援单位',
  county_office: '县市区卫生健康局',
  prefecture_office: '州（市）卫生健康委',
  provincial_office: '省卫生健康委',
  prefecture_project_office: '州（市）级项目管理办公室',
  provincial_project_office: '省级项目管理办公室',
  team_leader: '医疗队队长',
};

/** Posts a dispatched person may hold at the recipient. */
export const POSTS = ['president', 'vice_president', 'department_head', 'deputy_department_head'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, string> = {
  president: '院长', vice_president: '副院长', department_head: '科主任', deputy_department_head: '科副主任',
};

export const TEAM_ROLES = ['leader', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { leader: '医疗队队长', member: '医疗队员' };

/** Form of a pairing; MY 二（四） lets trusteeship (托管) staff head the managed hospital. */
export const PAIRING_FORMS = ['standard', 'trusteeship', 'medical_alliance', 'branch_hospital'] as const;
export type PairingForm = (typeof PAIRING_FORMS)[number];
export const PAIRING_FORM_LABELS: Record<PairingForm, string> = {
  standard: '对口支援', trusteeship: '整体托管', medical_alliance: '医联体', branch_hospital: '挂牌分院',
};

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = { excellent: '优秀', qualified: '合格', unqualified: '不合格' };

export const SPOT_CHECK_METHODS = ['phone', 'video_call', 'on_site'] as const;
export type SpotCheckMethod = (typeof SPOT_CHECK_METHODS)[number];
export const SPOT_CHECK_METHOD_LABELS: Record<SpotCheckMethod, string> = { phone: '电话', video_call: '视频（微信）', on_site: '现场' };

export const OUTCOME_INDICATORS = [
  'county_hospital_capability_standard', 'tiered_care', 'two_way_referral', 'in_county_treatment_rate',
] as const;
export type OutcomeIndicator = (typeof OUTCOME_INDICATORS)[number];
export const OUTCOME_INDICATOR_LABELS: Record<OutcomeIndicator, string> = {
  county_hospital_capability_standard: '达到《县医院医疗服务能力基本标准》',
  tiered_care: '分级诊疗制度落实',
  two_way_referral: '双向转诊',
  in_county_treatment_rate: '县域内就诊率',
};
