/** Chinese labels for every enum the interface shows. One source for API messages and web. */
export const ROLES = [
  'admin', 'province_office', 'prefecture_office', 'county_office',
  'support_unit', 'recipient_unit', 'staff', 'team_leader', 'auditor',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  province_office: '省级卫健委',
  prefecture_office: '州/市卫健委',
  county_office: '县市区卫生健康局',
  support_unit: '支援单位',
  recipient_unit: '受援单位',
  staff: '下派医疗队员',
  team_leader: '医疗队队长',
  auditor: '审计员',
};
export const OFFICE_ROLES: readonly Role[] = ['province_office', 'prefecture_office', 'county_office'];

export const REGION_LEVELS = ['province', 'prefecture', 'county', 'zone'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省级', prefecture: '州/市级', county: '县市区级', zone: '功能区',
};

export const ORG_KINDS = [
  'health_office', 'general_hospital', 'tcm_hospital', 'maternal_child', 'cdc', 'township_centre',
  'blood_station', 'stomatology', 'specialty_hospital', 'private_hospital', 'military_hospital', 'platform',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  health_office: '卫生健康行政部门',
  general_hospital: '综合医院',
  tcm_hospital: '中医（民族医）医院',
  maternal_child: '妇幼保健机构',
  cdc: '疾病预防控制中心',
  township_centre: '乡镇卫生院',
  blood_station: '血站',
  stomatology: '口腔医院',
  specialty_hospital: '专科医院',
  private_hospital: '民营医院',
  military_hospital: '部队医院',
  platform: '平台运维',
};

export const ORG_GRADES = ['3A', '3B', '3', '2A', '2B', '2', '1', 'ungraded'] as const;
export type OrgGrade = (typeof ORG_GRADES)[number];
export const ORG_GRADE_LABELS: Record<OrgGrade, string> = {
  '3A': '三级甲等', '3B': '三级乙等', '3': '三级', '2A': '二级甲等', '2B': '二级乙等', '2': '二级', '1': '一级', ungraded: '未定级',
};

export const ADMIN_LEVELS = ['provincial', 'municipal', 'county', 'military', 'other'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];
export const ADMIN_LEVEL_LABELS: Record<AdminLevel, string> = {
  provincial: '省属', municipal: '市（州）属', county: '县（区）属', military: '部队', other: '其他（民营等）',
};

/** Field names → Chinese, for validation messages that name the field. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名', password: '密码', currentPassword: '当前密码', newPassword: '新密码',
  code: '编码', name: '名称', level: '级别', parentCode: '上级区划', kind: '机构类别', grade: '等级',
  regionCode: '所在区划', adminLevel: '行政隶属', ownerOrgId: '主管部门', policyCode: '适用政策',
  documentNo: '文号', validFrom: '开始日期', validTo: '结束日期', description: '说明',
  programmeId: '项目', recipientOrgId: '受援单位', supportOrgIds: '支援单位', needs: '专业需求',
  minPersonsPerSupportUnitPerYear: '人员要求（每支援单位每年最少人数）', remarks: '备注',
  page: '页码', pageSize: '每页条数', q: '搜索词', id: '编号', file: '文件', layout: '表格样式',
  shortName: '简称', isLocalCode: '本地编码', includeArchived: '含已归档',
  date: '日期', year: '年份', days: '日期列表', note: '说明',
  gender: '性别', birthMonth: '出生年月', ethnicity: '民族', party: '党派', education: '学历', degree: '学位', workStartDate: '参加工作时间',
  school: '毕业院校', graduationDate: '毕业时间', employerOrgId: '工作单位', post: '职务', title: '职称', titleLevel: '职称级别',
  specialty: '科室及专业', specialtySince: '从事现专业时间', idNumber: '身份证号', officePhone: '办公电话', mobile: '手机号',
  personId: '人员', pairingId: '对口关系', supportOrgId: '派出单位', mode: '支援方式', termMonths: '派驻期限（月）', department: '受援科室',
  plannedStart: '计划开始日期', plannedEnd: '计划结束日期', batch: '批次', role: '队内角色', insurer: '保险公司', insurancePolicyNo: '保单号',
  insuranceFrom: '保险起期', insuranceTo: '保险止期', safetyEducationDate: '安全教育日期', overrideReason: '破例派出理由', status: '状态', reason: '原因',
  qqWechat: 'QQ/微信', resume: '个人简历', recommendedForLeadership: '是否推荐担任领导职务', recommendedPost: '推荐担任职务', employerOpinion: '单位意见',
  assignmentId: '派驻记录', departments: '科室', technologies: '适宜技术', traineeTarget: '培养人数', trainees: '培养人员', capabilityTargets: '能力目标',
  content: '内容', target: '目标', signedOn: '签订日期', filedOn: '备案日期', copies: '份数', quarter: '季度', summary: '情况说明', tasks: '任务进展', taskId: '任务',
  progress: '进展说明', channel: '远程方式', participants: '参与人员', participantCount: '参与人数', attachments: '附件', base64: '附件内容', type: '文件类型',
  plan: '帮带计划', apprentices: '跟学人员', specialtyTitle: '专业及职称', learningSpecialty: '跟学专业', learningGoal: '学习目标', result: '结果', assessedOn: '考核日期',
  comments: '鉴定意见', leaderName: '带队领导', leaderPost: '带队领导职务', ledByLeadership: '是否院领导带队', period: '统计期', technologiesIntroduced: '引进适宜技术数',
  personsTrained: '培养人员数', referralsUp: '上转人次', referralsDown: '下转人次', inCountyTreatmentRate: '县域内就诊率', capabilityItemsMet: '能力标准达标项数',
  capabilityItemsTotal: '能力标准总项数', periodFrom: '帮扶年度开始日期', comment: '意见', number: '证书编号', missingOnly: '只看缺失', lateOnly: '只看逾期',
  shortOnly: '只看未达标', todo: '待我处理', granularity: '统计粒度', setting: '活动形式', from: '开始日期', to: '结束日期',
};
export const labelOfField = (path: string): string => {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return FIELD_LABELS[last] ?? last;
};

/** Permissions the API grants per role; the web hides what the user may not do. */
export const PERMISSIONS = [
  'region:read', 'region:write', 'org:read', 'org:write', 'programme:read', 'programme:write',
  'pairing:read', 'pairing:write', 'audit:read', 'home:read', 'calendar:read', 'calendar:write',
  'policy:read', 'policy:write', 'person:read', 'person:write', 'person:reveal',
  'assignment:read', 'assignment:write', 'assignment:override',
  'checkin:write', 'attendance:read', 'attendance:write', 'leave:request', 'leave:approve', 'spotcheck:read', 'spotcheck:write', 'sanction:write',
  'results:read', 'agreement:write', 'agreement:file', 'task:write', 'activity:write', 'mentorship:write', 'visit:write', 'outcome:write', 'appraisal:write', 'certificate:write',
  'dashboard:read', 'report:read', 'report:write', 'report:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
