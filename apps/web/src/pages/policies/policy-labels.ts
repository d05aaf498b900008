import { ASSIGNMENT_MODE_LABELS } from '@duikou/contracts';

/**
 * Chinese names for what a policy document contains: its parameters (packages/policy
 * policy.schema.ts, as used by cx-2018 and my-2018), the fields inside them and the values of the
 * engine's closed vocabularies. Anything not named here is shown by its key.
 */

/** Parameters in the order of the engine's schema. */
export const PARAMETER_LABELS: Record<string, string> = {
  termMonths: '每批派驻期限',
  pairingPeriod: '对口关系有效期',
  staffingMinimum: '每年派出人数下限',
  onSiteDays: '在岗工作时间',
  eligibilityWorkYears: '选派条件：学历与工作年限',
  intervalVisits: '间隔去',
  segmentedStays: '分段驻',
  leaveApproval: '请假审批与备案',
  spotCheckReplacement: '抽查不在岗：另派人员接替',
  spotCheckPromotionBar: '连续抽查不在岗：职称与通报',
  absenceNotice: '无故不在岗：通报与约谈',
  supportUnitSelfCheck: '支援医院每月抽查点名',
  appraisalPromotionBar: '考核不合格：晋升聘任限制',
  postAppointments: '受援单位任职',
  leadershipVisits: '支援医院赴受援医院指导',
  mentorship: '师带徒',
  monthlyReport: '月度统计表报送',
  quarterlyReport: '季度统计表报送',
  programmeDeadlines: '项目节点期限',
  insuranceAndSafety: '人身意外保险与安全教育',
  annualAgreement: '帮扶协议（目标责任书）',
  quarterlyProgressFeedback: '季度工作情况反馈',
  appraisalChain: '年度鉴定流程',
  offSiteGuidanceRecords: '不驻点期间线上指导记录',
  outcomeIndicators: '成效目标',
};
export const PARAMETER_ORDER = Object.keys(PARAMETER_LABELS);

/** Parameters that are a list of cited items (each with its own source) instead of one cited value. */
export const LIST_PARAMETERS = new Set(['programmeDeadlines']);

export const parameterLabel = (key: string): string => PARAMETER_LABELS[key] ?? key;

/** Fields inside parameter values (and of the document itself). */
export const FIELD_LABELS: Record<string, string> = {
  basis: '口径', general: '一般受援单位', tcmRecipient: '中医院', countedStatuses: '计入的考勤状态', workingDaysOnly: '只计工作日',
  requirements: '天数要求', termMonths: '派驻月数', minDays: '最少天数', minTitle: '最低职称', durationYears: '持续年限', min: '最少',
  max: '最多', minCumulativeOnSiteDays: '累计驻点天数', minVisitsPerYear: '每年最少次数', continuousStayMonthsPerQuarter: '每季度连续驻点月数',
  minStaysPerYear: '每年最少驻点次数', tiers: '审批档次', minWorkingDays: '工作日门槛', onEmergencyRecall: '适用于卫生应急调回',
  approvers: '审批单位', filings: '备案单位', party: '单位', label: '名称', absences: '抽查不在岗次数', consecutiveAbsences: '连续不在岗次数',
  publicCriticismOfDispatchingUnit: '通报批评派驻医院', notice: '通报', interview: '约谈', minPerMonth: '每月最少次数', methods: '方式',
  years: '年限', post: '职务', requires: '条件', role: '身份', pairingForms: '对口形式', minLedByLeadership: '院领导最少带队次数',
  minApprenticesBySupportUnitLevel: '每名支援人员最少带教人数', rotateEachYear: '每年更换带教对象', coverageYears: '覆盖主要科室年限',
  agreementRequired: '须签订师带徒协议', certificateOnPass: '考核合格颁发证书', dayOfMonth: '截止日', reporter: '报送单位', recipient: '接收单位',
  postponeOnHolidays: '节假日顺延', months: '月份', key: '标识', date: '日期', repeatsYearly: '每年重复', accidentInsurance: '人身意外保险',
  safetyEducation: '安全教育', required: '须签订', copiesFiled: '备案份数', filedWith: '备案单位', from: '起', to: '止', modes: '支援方式',
  provincial: '省属', municipal: '市（州）属', county: '县（区）属', military: '部队', other: '其他（民营等）',
  value: '取值', source: '出处', document: '文件', clause: '条款', quote: '原文', note: '说明',
  id: '标识', code: '政策编码', version: '版本号', name: '名称', number: '文号', title: '标题', issuer: '发文机关', issuedOn: '发文日期',
  effectiveFrom: '施行日期', parameters: '参数',
};
export const fieldLabel = (key: string): string => FIELD_LABELS[key] ?? key;

export const PARTY_LABELS: Record<string, string> = {
  recipient_unit: '受援单位', recipient_director: '受援医院院长', support_unit: '支援单位', county_office: '县市区卫生健康局',
  prefecture_office: '州（市）卫生健康委', provincial_office: '省卫生健康委', prefecture_project_office: '州（市）级项目管理办公室',
  provincial_project_office: '省级项目管理办公室', team_leader: '医疗队队长',
};
export const TITLE_LABELS: Record<string, string> = { junior: '初级', intermediate: '中级', associate_senior: '副高级', senior: '正高级' };
/** In ascending order, as the engine's EDUCATION_LEVELS. */
export const EDUCATION_LABELS: Record<string, string> = { secondary: '中专及以下', associate: '大专', bachelor: '本科', master: '硕士研究生', doctor: '博士研究生' };
/** The names the dispatch pages use, so a policy reads like the form it governs. */
export const MODE_LABELS: Record<string, string> = { ...ASSIGNMENT_MODE_LABELS };
export const ATTENDANCE_LABELS: Record<string, string> = { on_duty: '在岗', rest: '休息', leave: '请假', official_business: '因公外出', absent: '缺勤' };
export const POST_LABELS: Record<string, string> = { president: '院长', vice_president: '副院长', department_head: '科主任', deputy_department_head: '科副主任' };
export const TEAM_ROLE_LABELS: Record<string, string> = { leader: '医疗队队长', member: '医疗队员' };
export const PAIRING_FORM_LABELS: Record<string, string> = { standard: '对口支援', trusteeship: '整体托管', medical_alliance: '医联体', branch_hospital: '挂牌分院' };
export const SPOT_CHECK_METHOD_LABELS: Record<string, string> = { phone: '电话', video_call: '视频（微信）', on_site: '现场' };
export const OUTCOME_LABELS: Record<string, string> = {
  county_hospital_capability_standard: '达到《县医院医疗服务能力基本标准》', tiered_care: '分级诊疗制度落实', two_way_referral: '双向转诊',
  in_county_treatment_rate: '县域内就诊率',
};
export const SUPPORT_UNIT_LEVEL_LABELS: Record<string, string> = {
  provincial: '省属', municipal: '市（州）属', county: '县（区）属', military: '部队', other: '其他（民营等）',
};
const BASIS_LABELS: Record<string, string> = { fixed: '统一人数', per_pairing: '按对口关系逐个规定' };

/** Every vocabulary value → label, for values met outside a known place. */
export const VALUE_LABELS: Record<string, string> = {
  ...PARTY_LABELS, ...TITLE_LABELS, ...MODE_LABELS, ...ATTENDANCE_LABELS, ...POST_LABELS, ...TEAM_ROLE_LABELS, ...PAIRING_FORM_LABELS,
  ...SPOT_CHECK_METHOD_LABELS, ...OUTCOME_LABELS, ...BASIS_LABELS,
};
