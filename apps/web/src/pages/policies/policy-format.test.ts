import { describe, expect, it } from 'vitest';
import { describePolicyPath, formatParameterValue, genericLines, inlineValue, parameterValueOf, sourcesOf } from './policy-format';

describe('formatParameterValue', () => {
  it('reads the shipped CX parameters as sentences', () => {
    expect(formatParameterValue('termMonths', 12)).toEqual(['12 个月']);
    expect(formatParameterValue('staffingMinimum', { basis: 'fixed', general: 5, tcmRecipient: 3 })).toEqual(['每个受援单位每年不少于 5 人', '中医院不少于 3 人']);
    expect(formatParameterValue('onSiteDays', {
      countedStatuses: ['on_duty', 'official_business'], workingDaysOnly: true,
      requirements: [{ termMonths: 12, minDays: 240 }, { termMonths: 6, minDays: 120 }],
    })).toEqual(['派驻 12 个月：不少于 240 天', '派驻 6 个月：不少于 120 天', '只计工作日（节假日、休息日不计）', '计入：在岗、因公外出']);
    expect(formatParameterValue('leaveApproval', {
      tiers: [
        { minWorkingDays: 3, onEmergencyRecall: false, approvers: [{ party: 'recipient_director', label: '派驻医院院长' }] },
        { minWorkingDays: 5, onEmergencyRecall: true, approvers: [{ party: 'provincial_office' }, { party: 'prefecture_office', label: '州卫生计生委医政医管科' }] },
      ],
      filings: [{ party: 'provincial_project_office', label: '省级项目管理办公室' }],
    })).toEqual([
      '离岗 3 个工作日及以上：派驻医院院长批准',
      '离岗 5 个工作日及以上或卫生应急调回：省卫生健康委、州卫生计生委医政医管科批准',
      '备案：省级项目管理办公室',
    ]);
    expect(formatParameterValue('quarterlyReport', { dayOfMonth: 5, months: [1, 4, 7, 10], reporter: 'county_office', recipient: 'prefecture_project_office', postponeOnHolidays: true }))
      .toEqual(['1、4、7、10 月 5 日前，县市区卫生健康局 → 州（市）级项目管理办公室', '遇节假日顺延']);
    expect(formatParameterValue('appraisalChain', ['recipient_unit', 'county_office'])).toEqual(['受援单位 → 县市区卫生健康局']);
  });

  it('reads the shipped MY parameters, including nulls inside a value', () => {
    expect(formatParameterValue('pairingPeriod', { from: '2018-05-15', to: '2020-12-31' })).toEqual(['2018-05-15 至 2020-12-31']);
    expect(formatParameterValue('staffingMinimum', { basis: 'per_pairing' })).toEqual(['按对口关系逐个规定（见对口关系表）']);
    expect(formatParameterValue('intervalVisits', {
      minTitle: 'associate_senior', minVisitsPerYear: 12, durationYears: { min: 2, max: 3 }, minCumulativeOnSiteDays: 90, countedStatuses: ['on_duty'],
    })).toEqual(['职称：副高级及以上', '每年不少于 12 次', '持续 2–3 年', '累计驻点不少于 90 天', '计入：在岗']);
    expect(formatParameterValue('mentorship', {
      minApprenticesBySupportUnitLevel: { county: 3, other: null, military: null, municipal: 4, provincial: null },
      rotateEachYear: true, coverageYears: 3, agreementRequired: true, certificateOnPass: false,
    })).toEqual(['市（州）属支援人员至少 1 带 4', '县（区）属支援人员至少 1 带 3', '每年更换带教对象：是', '3 年内覆盖主要科室（专业）', '须签订师带徒协议：是', '考核合格颁发证书：否']);
    expect(formatParameterValue('annualAgreement', { required: true, copiesFiled: null, filedWith: null })).toEqual(['须签订：是']);
    expect(formatParameterValue('postAppointments', [{ post: 'president', requires: { pairingForms: ['trusteeship'] } }])).toEqual(['院长：整体托管关系']);
    expect(formatParameterValue('programmeDeadlines', [{
      value: { key: 'staff-on-post', label: '支援人员到达支援岗位', date: '2018-05-23', repeatsYearly: false, reporter: null, recipient: null, postponeOnHolidays: true },
      source: { document: 'MY', clause: '三' },
    }])).toEqual(['2018-05-23 支援人员到达支援岗位，节假日顺延']);
  });

  it('gives nothing for a rule the notice does not have', () => {
    expect(formatParameterValue('termMonths', null)).toEqual([]);
    expect(formatParameterValue('mentorship', undefined)).toEqual([]);
  });

  it('falls back to labelled key: value lines for an unexpected shape or an unknown parameter', () => {
    expect(formatParameterValue('termMonths', 'twelve')).toEqual(['twelve']);
    expect(formatParameterValue('staffingMinimum', { basis: 'fixed', general: '五' })).toEqual(['口径：统一人数', '一般受援单位：五']);
    expect(formatParameterValue('newThing', { minTitle: 'senior', durationYears: { min: 1, max: 2 }, flag: false })).toEqual([
      '最低职称：正高级', '持续年限：最少 1，最多 2', 'flag：否',
    ]);
    expect(formatParameterValue('newList', [{ post: 'president' }, { post: 'vice_president' }])).toEqual(['职务 院长', '职务 副院长']);
  });
});

describe('inlineValue and genericLines', () => {
  it('render primitives, vocabulary values and lists readably', () => {
    expect(inlineValue(null)).toBe('—');
    expect(inlineValue(true)).toBe('是');
    expect(inlineValue(['phone', 'video_call'])).toBe('电话、视频（微信）');
    expect(inlineValue([])).toBe('（无）');
    expect(inlineValue({ from: '2018-01-01', to: '2018-12-31' })).toBe('起 2018-01-01，止 2018-12-31');
    expect(genericLines(7)).toEqual(['7']);
  });
});

describe('document helpers', () => {
  const cited = { value: 12, source: { document: '楚卫通〔2018〕43号', clause: '二（一）', quote: '原则上为 1 年' } };
  it('take the value and the sources of a parameter entry', () => {
    expect(parameterValueOf('termMonths', cited)).toBe(12);
    expect(parameterValueOf('termMonths', null)).toBeNull();
    expect(sourcesOf(cited)).toEqual([cited]);
    expect(sourcesOf([cited, { value: 1 }])).toEqual([cited]);
    expect(sourcesOf(null)).toEqual([]);
  });

  it('describe document paths in words', () => {
    expect(describePolicyPath('parameters.segmentedStays.value.minStaysPerYear')).toBe('分段驻 › 每年最少驻点次数');
    expect(describePolicyPath('document.parameters.termMonths.value')).toBe('每批派驻期限');
    expect(describePolicyPath('parameters.termMonths.source.clause')).toBe('每批派驻期限 › 出处 › 条款');
    expect(describePolicyPath('parameters.programmeDeadlines.0.value.date')).toBe('项目节点期限 › 第 1 项 › 日期');
    expect(describePolicyPath('notice.title')).toBe('依据通知 › 标题');
    expect(describePolicyPath('parameters.unknownParam.value.x')).toBe('unknownParam › x');
  });
});

describe('stored key order', () => {
  it('lists education levels in ascending order whatever order the database returns', () => {
    expect(formatParameterValue('eligibilityWorkYears', { doctor: 3, master: 3, bachelor: 5, associate: null, secondary: 5 })).toEqual([
      '中专及以下：工作满 5 年', '大专：不作要求', '本科：工作满 5 年', '硕士研究生：工作满 3 年', '博士研究生：工作满 3 年',
    ]);
  });
});
