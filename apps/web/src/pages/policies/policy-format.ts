import {
  ATTENDANCE_LABELS, EDUCATION_LABELS, fieldLabel, LIST_PARAMETERS, MODE_LABELS, PARAMETER_ORDER, OUTCOME_LABELS, PAIRING_FORM_LABELS, parameterLabel, PARTY_LABELS, POST_LABELS,
  SPOT_CHECK_METHOD_LABELS, SUPPORT_UNIT_LEVEL_LABELS, TEAM_ROLE_LABELS, TITLE_LABELS, VALUE_LABELS,
} from './policy-labels';

/** A parameter of a policy document as stored: `{ value, source, note? }`, or null when the notice has no such rule. */
export interface CitedParameter {
  value: unknown;
  source: { document: string; clause: string; quote?: string };
  note?: string;
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isCited(v: unknown): v is CitedParameter {
  return isRecord(v) && 'value' in v && isRecord(v.source) && typeof v.source.document === 'string' && typeof v.source.clause === 'string';
}

/** 「楚卫通〔2018〕43号 二（一）」 */
export const citationText = (source: CitedParameter['source']): string => `${source.document} ${source.clause}`;

const lab = (labels: Record<string, string>, v: unknown): string => (typeof v === 'string' ? (labels[v] ?? v) : inlineValue(v));
const list = (labels: Record<string, string>, v: unknown): string => (Array.isArray(v) ? v.map((x) => lab(labels, x)).join('、') : inlineValue(v));
const yesNo = (v: unknown): string => (v === true ? '是' : v === false ? '否' : inlineValue(v));
const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error('not a number');
  return v;
};
const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error('not a string');
  return v;
};
const rec = (v: unknown): Rec => {
  if (!isRecord(v)) throw new Error('not an object');
  return v;
};
const arr = (v: unknown): unknown[] => {
  if (!Array.isArray(v)) throw new Error('not an array');
  return v;
};
const years = (r: unknown): string => {
  const { min, max } = rec(r);
  return num(min) === num(max) ? `${num(min)} 年` : `${num(min)}–${num(max)} 年`;
};
const partyRef = (p: unknown): string => {
  const r = rec(p);
  return typeof r.label === 'string' && r.label ? r.label : lab(PARTY_LABELS, str(r.party));
};
const flow = (from: unknown, to: unknown): string => `${from == null ? '—' : lab(PARTY_LABELS, from)} → ${to == null ? '—' : lab(PARTY_LABELS, to)}`;

/** One value on one line: vocabulary labels, 是/否, lists joined with 、, objects as `名称 值，名称 值`. */
export function inlineValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v === '' ? '（空）' : (VALUE_LABELS[v] ?? v);
  if (Array.isArray(v)) return v.length === 0 ? '（无）' : v.map((x) => (isRecord(x) ? `（${inlineValue(x)}）` : inlineValue(x))).join('、');
  if (isRecord(v)) return Object.entries(v).map(([k, x]) => `${fieldLabel(k)} ${inlineValue(x)}`).join('，');
  return String(v);
}

/** Any value as lines: an object gives one `名称：值` line per field, a list of objects one line per item. */
export function genericLines(v: unknown): string[] {
  if (isRecord(v)) return Object.entries(v).map(([k, x]) => `${fieldLabel(k)}：${inlineValue(x)}`);
  if (Array.isArray(v) && v.some(isRecord)) return v.map((x) => inlineValue(x));
  return [inlineValue(v)];
}

/** Entries in the order of a vocabulary (the database may return object keys in any order), others after. */
function ordered(r: Rec, vocabulary: Record<string, string>): [string, unknown][] {
  const known = Object.keys(vocabulary).filter((k) => k in r);
  return [...known, ...Object.keys(r).filter((k) => !known.includes(k))].map((k) => [k, r[k]]);
}

function modeLines(v: Rec, extra: string[]): string[] {
  return [
    `职称：${lab(TITLE_LABELS, str(v.minTitle))}及以上`,
    ...extra,
    `持续 ${years(v.durationYears)}`,
    `累计驻点不少于 ${num(v.minCumulativeOnSiteDays)} 天`,
    `计入：${list(ATTENDANCE_LABELS, arr(v.countedStatuses))}`,
  ];
}

function deadlineLine(d: Rec): string {
  const who = d.reporter || d.recipient ? `，${flow(d.reporter, d.recipient)}` : '';
  return `${str(d.date)}${d.repeatsYearly ? '（每年）' : ''} ${str(d.label)}${who}${d.postponeOnHolidays ? '，节假日顺延' : ''}`;
}

/** Readable lines for the value of each known parameter. Throwing means "not the expected shape": the generic lines are used. */
const SPECIAL: Record<string, (v: unknown) => string[]> = {
  termMonths: (v) => [`${num(v)} 个月`],
  pairingPeriod: (v) => [`${str(rec(v).from)} 至 ${str(rec(v).to)}`],
  staffingMinimum: (v) => {
    const r = rec(v);
    if (r.basis === 'per_pairing') return ['按对口关系逐个规定（见对口关系表）'];
    if (r.basis !== 'fixed') throw new Error('basis');
    return [`每个受援单位每年不少于 ${num(r.general)} 人`, ...(r.tcmRecipient == null ? [] : [`中医院不少于 ${num(r.tcmRecipient)} 人`])];
  },
  onSiteDays: (v) => {
    const r = rec(v);
    return [
      ...arr(r.requirements).map((x) => `派驻 ${num(rec(x).termMonths)} 个月：不少于 ${num(rec(x).minDays)} 天`),
      r.workingDaysOnly ? '只计工作日（节假日、休息日不计）' : '按日历天计',
      `计入：${list(ATTENDANCE_LABELS, arr(r.countedStatuses))}`,
    ];
  },
  eligibilityWorkYears: (v) => ordered(rec(v), EDUCATION_LABELS).map(([k, x]) => `${lab(EDUCATION_LABELS, k)}：${x == null ? '不作要求' : `工作满 ${num(x)} 年`}`),
  intervalVisits: (v) => modeLines(rec(v), [`每年不少于 ${num(rec(v).minVisitsPerYear)} 次`]),
  segmentedStays: (v) => modeLines(rec(v), [`每季度连续驻点 ${num(rec(v).continuousStayMonthsPerQuarter)} 个月`, `每年不少于 ${num(rec(v).minStaysPerYear)} 次`]),
  leaveApproval: (v) => {
    const r = rec(v);
    const tiers = arr(r.tiers).map((t) => {
      const x = rec(t);
      const when = [x.minWorkingDays == null ? null : `离岗 ${num(x.minWorkingDays)} 个工作日及以上`, x.onEmergencyRecall ? '卫生应急调回' : null].filter(Boolean).join('或');
      return `${when}：${arr(x.approvers).map(partyRef).join('、')}批准`;
    });
    const filings = arr(r.filings);
    return [...tiers, filings.length ? `备案：${filings.map(partyRef).join('、')}` : '无需备案'];
  },
  spotCheckReplacement: (v) => [`抽查 ${num(rec(v).absences)} 次不在岗：支援医院另派人员接替`],
  spotCheckPromotionBar: (v) => [
    `连续 ${num(rec(v).consecutiveAbsences)} 次抽查不在岗：不得申报高一级专业技术职务`,
    `通报批评派驻医院：${yesNo(rec(v).publicCriticismOfDispatchingUnit)}`,
  ],
  absenceNotice: (v) => [`通报：${yesNo(rec(v).notice)}`, `约谈：${yesNo(rec(v).interview)}`],
  supportUnitSelfCheck: (v) => [`每月至少 ${num(rec(v).minPerMonth)} 次`, `方式：${list(SPOT_CHECK_METHOD_LABELS, arr(rec(v).methods))}`],
  appraisalPromotionBar: (v) => [`考核不合格：${num(rec(v).years)} 年内不得晋升和聘任上一级专业技术职务`],
  postAppointments: (v) => arr(v).map((p) => {
    const x = rec(p);
    const req = rec(x.requires);
    const conditions = [
      req.role ? lab(TEAM_ROLE_LABELS, req.role) : null,
      req.minTitle ? `${lab(TITLE_LABELS, req.minTitle)}及以上职称` : null,
      req.pairingForms ? `${list(PAIRING_FORM_LABELS, arr(req.pairingForms))}关系` : null,
    ].filter(Boolean);
    return `${lab(POST_LABELS, str(x.post))}：${conditions.join('，') || '不限'}`;
  }),
  leadershipVisits: (v) => [`每年不少于 ${num(rec(v).minVisitsPerYear)} 次，院领导至少带队 ${num(rec(v).minLedByLeadership)} 次`],
  mentorship: (v) => {
    const r = rec(v);
    const ratios = ordered(rec(r.minApprenticesBySupportUnitLevel), SUPPORT_UNIT_LEVEL_LABELS).filter(([, n]) => n != null).map(([k, n]) => `${lab(SUPPORT_UNIT_LEVEL_LABELS, k)}支援人员至少 1 带 ${num(n)}`);
    return [
      ...(ratios.length ? ratios : ['带教人数不作要求']),
      `每年更换带教对象：${yesNo(r.rotateEachYear)}`,
      r.coverageYears == null ? '覆盖主要科室：不作要求' : `${num(r.coverageYears)} 年内覆盖主要科室（专业）`,
      `须签订师带徒协议：${yesNo(r.agreementRequired)}`,
      `考核合格颁发证书：${yesNo(r.certificateOnPass)}`,
    ];
  },
  monthlyReport: (v) => {
    const r = rec(v);
    return [`每月 ${num(r.dayOfMonth)} 日前，${flow(r.reporter, r.recipient)}`, r.postponeOnHolidays ? '遇节假日顺延' : '节假日不顺延'];
  },
  quarterlyReport: (v) => {
    const r = rec(v);
    return [`${arr(r.months).map((m) => num(m)).join('、')} 月 ${num(r.dayOfMonth)} 日前，${flow(r.reporter, r.recipient)}`, r.postponeOnHolidays ? '遇节假日顺延' : '节假日不顺延'];
  },
  programmeDeadlines: (v) => arr(v).map((item) => deadlineLine(rec(isCited(item) ? item.value : item))),
  insuranceAndSafety: (v) => [`人身意外保险：${rec(v).accidentInsurance ? '须购买' : '不作要求'}`, `安全教育：${rec(v).safetyEducation ? '须开展' : '不作要求'}`],
  annualAgreement: (v) => {
    const r = rec(v);
    return [
      `须签订：${yesNo(r.required)}`,
      ...(r.copiesFiled == null && r.filedWith == null ? [] : [`备案：${r.copiesFiled == null ? '' : `一式 ${num(r.copiesFiled)} 份`}${r.filedWith == null ? '' : `报${lab(PARTY_LABELS, r.filedWith)}`}`]),
    ];
  },
  quarterlyProgressFeedback: (v) => [`每季度 ${flow(rec(v).from, rec(v).to)}`],
  appraisalChain: (v) => [arr(v).map((p) => lab(PARTY_LABELS, p)).join(' → ')],
  offSiteGuidanceRecords: (v) => [`须记录并存档：${yesNo(rec(v).required)}`, `适用：${list(MODE_LABELS, arr(rec(v).modes))}`],
  outcomeIndicators: (v) => arr(v).map((x) => lab(OUTCOME_LABELS, x)),
};

/**
 * The value of a parameter as short readable lines (never a JSON blob for the known parameters).
 * `null` / `undefined` (the notice has no such rule) gives an empty list.
 */
export function formatParameterValue(key: string, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const special = SPECIAL[key];
  if (special) {
    try {
      const lines = special(value);
      if (lines.every((l) => !l.includes('undefined'))) return lines;
    } catch {
      /* unexpected shape (e.g. an edited draft): fall back to the generic lines */
    }
  }
  return genericLines(value);
}

/** The value of a parameter entry of the document (cited object, list of cited items, or null). */
export function parameterValueOf(key: string, entry: unknown): unknown {
  if (entry === null || entry === undefined) return null;
  if (LIST_PARAMETERS.has(key) || Array.isArray(entry)) return entry;
  return isCited(entry) ? entry.value : entry;
}

/** Where each item of a parameter comes from: one source for a cited parameter, one per item for a list of cited items. */
export function sourcesOf(entry: unknown): CitedParameter[] {
  if (isCited(entry)) return [entry];
  if (Array.isArray(entry)) return entry.filter(isCited);
  return [];
}

/**
 * A path inside a policy document in words: `parameters.segmentedStays.value.minStaysPerYear` →
 * 分段驻 › 每年最少驻点次数; `document.` (as the API's error fields start) is dropped; list indices read 第 n 项.
 */
export function describePolicyPath(path: string): string {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'document') parts.shift();
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i]!;
    if (i === 0 && p === 'parameters' && parts[1]) {
      out.push(parameterLabel(parts[1]));
      i += 1;
      continue;
    }
    if (p === 'value' && i > 0) continue;
    if (p === 'notice' && i === 0) {
      out.push('依据通知');
      continue;
    }
    out.push(/^\d+$/.test(p) ? `第 ${Number(p) + 1} 项` : fieldLabel(p));
  }
  return out.join(' › ') || path;
}

/** The parameter keys of a document: the engine's order first, then any others it carries. */
export function parameterKeys(parameters: Record<string, unknown>): string[] {
  return [...PARAMETER_ORDER, ...Object.keys(parameters).filter((k) => !PARAMETER_ORDER.includes(k))];
}

/** `parameters.segmentedStays.value.x` (or `document.parameters…`) → segmentedStays */
export const parameterOfPath = (path: string): string | undefined => {
  const parts = path.split('.');
  const i = parts.indexOf('parameters');
  return i >= 0 ? parts[i + 1] : undefined;
};
