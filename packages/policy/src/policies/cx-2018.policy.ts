import type { Policy, PolicySource } from '../policy.schema.js';

const DOC = '楚卫通〔2018〕43号';
const at = (clause: string, quote: string): PolicySource => ({ document: DOC, clause, quote });

/**
 * CX: 楚雄州卫生计生委关于做好三级医院对口帮扶贫困县县级医院有关工作的通知（楚卫通〔2018〕43号）,
 * 2018-06-01. Version 1 as shipped; offices change it by publishing a new version, not by editing this.
 */
export const CX_2018_POLICY: Policy = {
  id: 'cx-2018',
  code: 'CX',
  version: 1,
  name: '楚雄州三级医院对口帮扶贫困县县级医院（2018—2020）',
  notice: {
    number: DOC,
    title: '楚雄州卫生计生委关于做好三级医院对口帮扶贫困县县级医院有关工作的通知',
    issuer: '楚雄彝族自治州卫生和计划生育委员会',
    issuedOn: '2018-06-01',
  },
  effectiveFrom: '2018-06-01',
  parameters: {
    termMonths: { value: 12, source: at('二（一）', '每批医疗队对口帮扶时间原则上为 1 年') },
    pairingPeriod: null,
    staffingMinimum: {
      value: { basis: 'fixed', general: 5, tcmRecipient: 3 },
      source: at('二（一）', '支援医院对每个受援县医院每年派出支援人数不少于 5 人，中医院不少于 3 人'),
    },
    onSiteDays: {
      value: {
        countedStatuses: ['on_duty', 'official_business'],
        workingDaysOnly: true,
        requirements: [{ termMonths: 12, minDays: 240 }, { termMonths: 6, minDays: 120 }],
      },
      source: at('二（一）', '医疗队员工作时间不少于 240 天，帮扶半年的不少于 120 天'),
      note: '“工作时间”按派驻期内的工作日计（节假日、休息日不计），在岗与因公外出计入；派驻期限按整月四舍五入对应 1 年（12 个月）或半年（6 个月）',
    },
    eligibilityWorkYears: {
      value: { secondary: 5, associate: 5, bachelor: 5, master: 3, doctor: 3 },
      source: at('二（二）', '本科及以下学历需工作满 5 年，研究生及以上学历工作满 3 年'),
      note: '工作年限按参加工作时间至派驻开始日的整年数计',
    },
    intervalVisits: null,
    segmentedStays: null,
    leaveApproval: {
      value: {
        tiers: [
          { minWorkingDays: 3, onEmergencyRecall: false, approvers: [{ party: 'recipient_director', label: '派驻医院院长' }] },
          {
            minWorkingDays: 5,
            onEmergencyRecall: true,
            approvers: [
              { party: 'provincial_office', label: '省卫生计生委医政医管处' },
              { party: 'prefecture_office', label: '州卫生计生委医政医管科' },
            ],
          },
        ],
        filings: [
          { party: 'provincial_project_office', label: '省级项目管理办公室' },
          { party: 'prefecture_project_office', label: '州级项目管理办公室' },
        ],
      },
      source: at('二（四）', '非休息时间离开派驻岗位 3 天（含）以上的，由派驻医院院长批准同意并签字；离开派驻岗位 5 天（含）以上或因卫生应急等情况确需调回的，须向省、州卫生计生委医政医管处（科）请假，凡请假者请假条须向省级和州级项目管理办公室备案'),
      note: '“非休息时间”的天数按工作日计（节假日、休息日不计）',
    },
    spotCheckReplacement: {
      value: { absences: 2 },
      source: at('二（四）', '支援医师因身体原因不适应或 2 次抽查不在岗位的，支援医院应另派相应人员接替对口帮扶工作'),
    },
    spotCheckPromotionBar: {
      value: { consecutiveAbsences: 2, publicCriticismOfDispatchingUnit: true },
      source: at('二（七）', '连续 2 次抽查不在岗位的派驻人员不得申报高一级专业技术职务，并对派驻医院进行通报批评'),
    },
    absenceNotice: {
      value: { notice: true, interview: true },
      source: at('二（八）', '对抽查和检查过程中医疗队员无故不在岗的支援医院和受援医院、下派医疗队员进行通报，并对有关单位领导和相关负责人进行约谈'),
    },
    supportUnitSelfCheck: {
      value: { minPerMonth: 1, methods: ['video_call', 'phone'] },
      source: at('二（六）', '各三级医院通过微信视频、电话等方式每月至少开展一次现场抽查、点名，抽查派驻人员在岗情况，并将相关情况报管理办公室'),
    },
    appraisalPromotionBar: {
      value: { years: 2 },
      source: at('二（七）', '考核不合格的，两年内不得晋升和聘任上一级专业技术职务'),
    },
    postAppointments: {
      value: [
        { post: 'vice_president', requires: { role: 'leader' } },
        { post: 'department_head', requires: { minTitle: 'intermediate' } },
        { post: 'deputy_department_head', requires: { minTitle: 'intermediate' } },
      ],
      source: at('二（五）', '医疗队长可聘任为副院长，中级及以上职称的医疗队员可聘任为相应科室业务科主任或科副主任'),
    },
    leadershipVisits: {
      value: { minVisitsPerYear: 2, minLedByLeadership: 1 },
      source: at('三（二）', '支援医院每年不少于 2 次（院领导至少带队 1 次）赴受援医院进行指导、座谈、交流帮扶工作情况'),
    },
    mentorship: null,
    monthlyReport: {
      value: { dayOfMonth: 5, reporter: 'support_unit', recipient: 'provincial_project_office', postponeOnHolidays: true },
      source: at('三（八）', '各三级医院于每月 5 日前（同上）将对口支援情况统计表报省级管理办公室'),
      note: '“同上”即节假日顺延',
    },
    quarterlyReport: {
      value: { dayOfMonth: 5, months: [1, 4, 7, 10], reporter: 'county_office', recipient: 'prefecture_project_office', postponeOnHolidays: true },
      source: at('三（八）', '各县市卫生计生局收集汇总辖区内受援医院对口支援情况统计表于每个季度末下月 5 日前（即 1 月、4 月、7 月、10 月 5 日前，节假日顺延）报州级管理办公室'),
    },
    programmeDeadlines: [
      {
        value: {
          key: 'selection-form', label: '完成人员选派并报送三级医院对口帮扶人员情况统计表（附件2）', date: '2018-06-07',
          repeatsYearly: false, reporter: 'support_unit', recipient: 'prefecture_office', postponeOnHolidays: true,
        },
        source: at('三（六）', '于 6 月 7 日前完成人员选派并将三级医院对口帮扶人员情况统计表（详见附件 2）报我委医政医管科备案审核后报省'),
        note: '本条未写顺延，按三（八）“节假日顺延”处理',
      },
    ],
    insuranceAndSafety: {
      value: { accidentInsurance: true, safetyEducation: true },
      source: at('三（七）', '各支援医院要对下派医疗队员进行安全教育……要为下派医疗队员在帮扶期间购买人身意外保险'),
    },
    annualAgreement: {
      value: { required: true, copiesFiled: 2, filedWith: 'prefecture_office' },
      source: at('三（五）', '各医院帮扶目标责任书签订后一式两份报州卫生计生委备案，作为考核的依据之一'),
    },
    quarterlyProgressFeedback: {
      value: { from: 'recipient_unit', to: 'support_unit' },
      source: at('二（三）', '每个季度将派驻医务人员支援工作情况反馈支援医院'),
    },
    appraisalChain: {
      value: ['recipient_unit', 'county_office', 'prefecture_office', 'provincial_office'],
      source: at('二（三）', '受援医院对下派医疗队工作情况作出鉴定，报县卫生计生行政部门出具意见后报州卫生计生委审核，并由我委统一将年度鉴定表报省卫生计生委医政医管处备案'),
    },
    offSiteGuidanceRecords: null,
    outcomeIndicators: {
      value: ['county_hospital_capability_standard'],
      source: at('二（三）', '对口帮扶要以受援医院达到《县医院医疗服务能力基本标准》为目标'),
    },
  },
};
