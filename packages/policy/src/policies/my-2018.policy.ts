import type { Policy, PolicySource } from '../policy.schema.js';

// The notice as published carries no document number (文号): it is cited by issuer and date.
const DOC = '绵阳市卫生计生委“传帮带”通知（2018年5月10日）';
const at = (clause: string, quote: string): PolicySource => ({ document: DOC, clause, quote });
const POSTPONE_NOTE = '通知未写明顺延，按节假日顺延处理';

/**
 * MY: 绵阳市卫生计生委关于做好绵阳市医疗卫生服务薄弱地区（单位）对口支援“传帮带”助推分级诊疗制度落实工作
 * 的通知, 2018-05-10. Version 1 as shipped.
 */
export const MY_2018_POLICY: Policy = {
  id: 'my-2018',
  code: 'MY',
  version: 1,
  name: '绵阳市医疗卫生服务薄弱地区（单位）对口支援“传帮带”（2018—2020）',
  notice: {
    number: null,
    title: '关于做好绵阳市医疗卫生服务薄弱地区（单位）对口支援“传帮带”助推分级诊疗制度落实工作的通知',
    issuer: '绵阳市卫生和计划生育委员会',
    issuedOn: '2018-05-10',
  },
  effectiveFrom: '2018-05-10',
  parameters: {
    termMonths: null,
    pairingPeriod: {
      value: { from: '2018-05-15', to: '2020-12-31' },
      source: at('三', '此对口支援关系有效期为 2018 年 5 月 15 日-2020 年 12 月 31 日'),
    },
    staffingMinimum: {
      value: { basis: 'per_pairing' },
      source: at('附件1', '支援单位结合受援单位专业和医师晋升需求派驻医务人员，但每单位每年原则上派驻人数不应少于 2 名'),
      note: '人数按附件1逐个对口关系规定（2 名、1 名或“人员数量不作要求”）',
    },
    onSiteDays: null,
    eligibilityWorkYears: null,
    intervalVisits: {
      value: {
        minTitle: 'associate_senior', minVisitsPerYear: 12, durationYears: { min: 2, max: 3 }, minCumulativeOnSiteDays: 90,
        countedStatuses: ['on_duty', 'official_business'],
      },
      source: at('二（一）', '副高及以上职称专家可每月或每季度间隔前往帮扶单位工作，每年不少于 12 次，持续时间 2-3 年，累积驻点时间达到三个月'),
      note: '每次连续驻点计 1 次（其间的休息日、节假日不中断）；驻点时间为各次驻点的日历天数之和；“三个月”按 90 天计；每年按派驻开始日起算的整年计',
    },
    segmentedStays: {
      value: {
        minTitle: 'intermediate', continuousStayMonthsPerQuarter: 1, minStaysPerYear: 6, durationYears: { min: 2, max: 2 },
        minCumulativeOnSiteDays: 365, countedStatuses: ['on_duty', 'official_business'],
      },
      source: at('二（二）', '中级职称对口支援人员主要采取分段驻的方式开展“传帮带”工作，每季度连续驻点 1 个月的方式，每年分段驻的次数不少于 6 次，持续 2 年，累积驻点时间达到 1 年'),
      note: '“每季度连续驻点 1 个月”（每年 4 次）与“每年不少于 6 次”原文不一致，两项分别核验；“1 年”按 365 天计',
    },
    leaveApproval: null,
    spotCheckReplacement: null,
    spotCheckPromotionBar: null,
    absenceNotice: null,
    supportUnitSelfCheck: null,
    appraisalPromotionBar: null,
    postAppointments: {
      value: [
        { post: 'president', requires: { pairingForms: ['trusteeship'] } },
        { post: 'vice_president', requires: { pairingForms: ['trusteeship'] } },
      ],
      source: at('二（四）', '鼓励形成托管关系的帮扶单位选派医务人员到托管医院担任院长和副院长'),
    },
    leadershipVisits: null,
    mentorship: {
      value: {
        minApprenticesBySupportUnitLevel: { provincial: null, municipal: 4, county: 3, military: null, other: null },
        rotateEachYear: true, coverageYears: 3, agreementRequired: true, certificateOnPass: true,
      },
      source: at('二（三）', '签订“师带徒”协议，市属支援单位支援人员至少 1 带 4,县属支援单位支援人员至少 1 带 3, 一年换一批带教对象，使之三年内覆盖主要科室（专业）及主要业务骨干……考核合格后颁发师带徒证书'),
    },
    monthlyReport: null,
    quarterlyReport: null,
    programmeDeadlines: [
      {
        value: {
          key: 'county-work-plan', label: '县市区对口支援“传帮带”工作方案报市对口支援管理办公室审批', date: '2018-05-20',
          repeatsYearly: false, reporter: 'county_office', recipient: 'prefecture_project_office', postponeOnHolidays: true,
        },
        source: at('三', '形成本地对口支援“传帮带”工作方案，于 2018 年 5 月 20 日前将各地工作方案报市对口支援管理办公室审批'),
        note: POSTPONE_NOTE,
      },
      {
        value: {
          key: 'registration-forms', label: '报送对口支援人员报名表（附件2）及信息统计表（附件3）', date: '2018-05-20',
          repeatsYearly: false, reporter: 'support_unit', recipient: 'prefecture_project_office', postponeOnHolidays: true,
        },
        source: at('三', '各地各单位汇总报名表及绵阳市医疗卫生对口支援人员信息统计表（见附件 3）后务于 5 月 20 日前报市对口支援管理办公室（市卫生计生委医政科）'),
        note: POSTPONE_NOTE,
      },
      {
        value: {
          key: 'staff-on-post', label: '支援人员到达支援岗位', date: '2018-05-23',
          repeatsYearly: false, reporter: null, recipient: null, postponeOnHolidays: true,
        },
        source: at('三', '各地各单位支援人员于 5 月 23 日前到达支援岗位'),
        note: POSTPONE_NOTE,
      },
      {
        value: {
          key: 'mentorship-statistics', label: '报送“师带徒”信息统计表回执（附件4）', date: '2018-05-28',
          repeatsYearly: false, reporter: 'support_unit', recipient: 'prefecture_project_office', postponeOnHolidays: true,
        },
        source: at('五', '各地各单位于 2018 年 5 月 28 日前将绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执（见附件 4）报市卫生计生委对口支援管理办公室（医政科）审核备案'),
        note: POSTPONE_NOTE,
      },
    ],
    insuranceAndSafety: null,
    annualAgreement: {
      value: { required: true, copiesFiled: null, filedWith: null },
      source: at('五', '重点对“对口支援协议”“师带徒协议”签订情况、支援人员选派、在岗情况、工作开展情况和受援成效等进行实时、动态、全程监管'),
    },
    quarterlyProgressFeedback: null,
    appraisalChain: null,
    offSiteGuidanceRecords: {
      value: { required: true, modes: ['interval_visits', 'segmented_stays'] },
      source: at('二（一）（二）', '不驻点期间，通过网络视频、微信等在线方式及时对帮扶科室和人员诊疗行为进行核查点评、纠错和指导。线上线下的评价指导要及时记录并存档'),
    },
    outcomeIndicators: {
      value: ['tiered_care', 'two_way_referral', 'in_county_treatment_rate'],
      source: at('四', '还要重点考核分级诊疗制度落实、双向转诊工作推进和县域内就诊率提升等成效'),
    },
  },
};
