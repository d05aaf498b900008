import {
  MENTORSHIP_TABLE_HEADERS, PAIRING_TABLE_HEADERS, PERSON_IMPORT_COLUMNS, STAFF_TABLE_HEADERS,
  type PairingTableLayout, type Permission, type StaffTableLayout,
} from '@duikou/contracts';

/**
 * 表格中心: every official form of the two notices (SPEC §5) and the other documents the product prints,
 * as data — who fills each, when it is due (quoted from the notice) and how the product produces it.
 */

export type NoticeCode = 'cx' | 'my' | 'common';

export interface Notice {
  code: NoticeCode;
  title: string;
  /** 文号 or a short description of where the documents come from. */
  documentNo: string;
  issuer: string;
  /** Only the two notices have a policy code; the common group serves both. */
  policyCode: 'CX' | 'MY' | null;
}

export const NOTICES: Record<NoticeCode, Notice> = {
  cx: {
    code: 'cx', policyCode: 'CX', documentNo: '楚卫通〔2018〕43号', issuer: '楚雄州卫生计生委（2018 年 6 月 1 日）',
    title: '关于做好三级医院对口帮扶贫困县县级医院有关工作的通知',
  },
  my: {
    code: 'my', policyCode: 'MY', documentNo: '绵阳“传帮带”', issuer: '绵阳市卫生计生委（2018 年 5 月 10 日）',
    title: '服务薄弱地区（单位）对口支援“传帮带”工作通知',
  },
  common: {
    code: 'common', policyCode: null, documentNo: '两项通知通用', issuer: '系统按派驻、人员记录生成',
    title: '人员导入与工作经历证明',
  },
};
export const NOTICE_ORDER: readonly NoticeCode[] = ['cx', 'my', 'common'];

/** What a form's button does; each names the permission(s) the API checks for it. */
export type FormAction =
  | { kind: 'pairing-export'; layout: PairingTableLayout }
  | { kind: 'pairing-import'; layout: PairingTableLayout }
  | { kind: 'staff-export'; layout: StaffTableLayout }
  | { kind: 'mentorship-export' }
  | { kind: 'registration-form' }
  | { kind: 'person-template' }
  | { kind: 'person-import' }
  | { kind: 'link'; to: string; label: string; permissions: readonly Permission[] };

/** The permissions the API checks for an action (all are needed). */
export function permissionsOf(action: FormAction): readonly Permission[] {
  switch (action.kind) {
    case 'pairing-export': return ['pairing:read'];
    case 'pairing-import': return ['pairing:write'];
    case 'staff-export': return ['assignment:read'];
    case 'mentorship-export': return ['results:read'];
    case 'registration-form': return ['person:read', 'person:reveal'];
    case 'person-template': return ['person:write'];
    case 'person-import': return ['person:write'];
    case 'link': return action.permissions;
  }
}

export type FileFormat = 'xlsx' | 'pdf' | 'docx';
export const FORMAT_LABELS: Record<FileFormat, string> = { xlsx: 'Excel', pdf: 'PDF', docx: 'Word' };

export interface OfficialForm {
  id: string;
  notice: NoticeCode;
  /** 附件号 as printed in the notice (e.g. 附件2); null for documents that are not attachments. */
  attachment: string | null;
  /** The official title, as printed. */
  name: string;
  /** A short name for the quick-jump links of documents that are not attachments. */
  shortName?: string;
  /** What the form holds: its columns, in the notice's order. */
  columns: readonly string[];
  /** A sentence on the content when the columns alone do not say it. */
  contentNote?: string;
  filledBy: string;
  submitTo: string;
  due: string;
  /** The clause of the notice the duty comes from. */
  source: string;
  formats: readonly FileFormat[];
  /** One of the official forms of SPEC §5 (whose columns the exports must match). */
  official: boolean;
  /** More words a clerk may type to find it. */
  keywords: readonly string[];
  actions: readonly FormAction[];
}

const REGISTRATION_FIELDS = [
  '姓名', '性别', '出生年月', '民族', '党派', '学历', '学位', '参工时间', '毕业院校', '毕业时间', '工作单位及职务、职称', '从事现专业时间',
  '对口支援单位（科室）', '身份证号码', '办公电话', '移动电话、QQ', '个人简历', '是否推荐担任受援单位（科室）领导职务', '具体担任何领导职务', '单位意见',
] as const;

const POSTPONE = '遇法定节假日顺延至下一个工作日';

export const FORM_CATALOGUE: readonly OfficialForm[] = [
  // ── CX 楚卫通〔2018〕43号 ──
  {
    id: 'cx-1', notice: 'cx', attachment: '附件1', name: '三级医院对口帮扶贫困县县级医院关系调整表',
    columns: PAIRING_TABLE_HEADERS.cx,
    filledBy: '楚雄州卫健委（对口支援管理办公室）维护',
    submitTo: '随通知下发各县市卫生健康局、三级医院',
    due: '对口关系调整时更新（本通知 2018 年 6 月 1 日下发）',
    source: '通知一：调整后的对口关系详见附件 1',
    formats: ['xlsx'], official: true,
    keywords: ['对口关系', '关系表', '支援医院', '受援医院', 'pairing'],
    actions: [{ kind: 'pairing-export', layout: 'cx' }, { kind: 'pairing-import', layout: 'cx' }],
  },
  {
    id: 'cx-2', notice: 'cx', attachment: '附件2', name: '三级医院对口帮扶下派人员情况统计表',
    columns: STAFF_TABLE_HEADERS.cx,
    filledBy: '各三级医院（支援医院）',
    submitTo: '州卫健委医政医管科备案审核后报省',
    due: `6 月 7 日前完成人员选派并报送（${POSTPONE}）`,
    source: '通知三（六）做好人员选派',
    formats: ['xlsx'], official: true,
    keywords: ['人员情况统计表', '下派人员', '派驻人员', '人员统计', '选派'],
    actions: [{ kind: 'staff-export', layout: 'cx' }, { kind: 'link', to: '/assignments', label: '查看派驻人员', permissions: ['assignment:read'] }],
  },
  {
    id: 'cx-monthly', notice: 'cx', attachment: null, name: '对口支援情况统计表（三级医院月报）', shortName: '月报',
    columns: [],
    contentNote: '本院当月对口支援工作情况；由系统按派驻、考勤、抽查等记录汇总生成，在“法定报表”页核对后报送。',
    filledBy: '各三级医院（支援医院）',
    submitTo: '省级管理办公室',
    due: `每月 5 日前（${POSTPONE}）`,
    source: '通知三（八）做好信息报送',
    formats: [], official: false,
    keywords: ['月报', '法定报表', '统计报表', '信息报送', '每月5日'],
    actions: [{ kind: 'link', to: '/statutory-reports', label: '去填报月报', permissions: ['report:read'] }],
  },
  {
    id: 'cx-quarterly', notice: 'cx', attachment: null, name: '受援医院对口支援情况统计表（县市季报）', shortName: '季报',
    columns: [],
    contentNote: '辖区内受援医院本季度对口支援情况汇总；由系统按辖区记录生成，在“法定报表”页核对后报送。',
    filledBy: '各县市卫生健康局（汇总辖区内受援医院）',
    submitTo: '州级管理办公室',
    due: `每季度末下月 5 日前，即 1 月、4 月、7 月、10 月 5 日前（${POSTPONE}）`,
    source: '通知三（八）做好信息报送',
    formats: [], official: false,
    keywords: ['季报', '法定报表', '统计报表', '信息报送', '季度'],
    actions: [{ kind: 'link', to: '/statutory-reports', label: '去填报季报', permissions: ['report:read'] }],
  },
  {
    id: 'cx-appraisal', notice: 'cx', attachment: null, name: '对口帮扶派驻人员年度鉴定表', shortName: '年度鉴定表',
    columns: ['姓名', '性别', '职称', '派出单位', '受援单位', '受援科室', '派驻时间', '在岗情况', '工作情况', '鉴定等次', '受援单位意见', '县卫生健康局意见', '州卫健委审核意见'],
    contentNote: '每人每年一页 PDF，在岗与工作情况由平台记录生成；在年度鉴定详情页打印。',
    filledBy: '受援医院作出鉴定 → 县卫生健康局出具意见 → 州卫健委审核',
    submitTo: '州卫健委统一报省卫健委医政医管处备案',
    due: '每年年末（年度考核）',
    source: '通知二（三）',
    formats: ['pdf'], official: false,
    keywords: ['年度鉴定', '鉴定表', '考核', 'appraisal'],
    actions: [{ kind: 'link', to: '/appraisals', label: '去年度鉴定打印', permissions: ['results:read'] }],
  },
  {
    id: 'cx-agreement', notice: 'cx', attachment: null, name: '年度帮扶目标责任书', shortName: '目标责任书',
    columns: ['帮扶科室', '需开展的适宜技术', '培养的人员', '能力建设目标'],
    contentNote: '支援医院与受援医院每年签订；系统登记签订与备案日期。',
    filledBy: '支援医院与受援医院共同签订',
    submitTo: '一式两份报州卫健委备案，作为考核依据',
    due: '每年签订后报备（通知未规定具体日期）',
    source: '通知三（五）',
    formats: [], official: false,
    keywords: ['目标责任书', '帮扶协议', '协议', '备案'],
    actions: [{ kind: 'link', to: '/agreements', label: '查看帮扶协议', permissions: ['results:read'] }],
  },
  // ── MY 绵阳“传帮带” ──
  {
    id: 'my-1', notice: 'my', attachment: '附件1', name: '委直属医疗卫生机构和部分县级医院对口支援关系安排表',
    columns: PAIRING_TABLE_HEADERS.my,
    filledBy: '绵阳市卫健委（对口支援管理办公室）维护',
    submitTo: '随通知下发各地各单位',
    due: '关系有效期 2018 年 5 月 15 日至 2020 年 12 月 31 日',
    source: '通知三：具体安排见附件 1',
    formats: ['xlsx'], official: true,
    keywords: ['对口关系', '关系安排表', '专业需求', '人员要求', 'pairing'],
    actions: [{ kind: 'pairing-export', layout: 'my' }, { kind: 'pairing-import', layout: 'my' }],
  },
  {
    id: 'my-2', notice: 'my', attachment: '附件2', name: '四川省非贫困民族县、服务薄弱地区（单位）对口支援人员报名表',
    columns: REGISTRATION_FIELDS,
    contentNote: '每人一页；含完整身份证号和电话，打印记入审计日志。',
    filledBy: '每位派驻支援人员填写，所在单位签署意见',
    submitTo: '各地各单位汇总后报市对口支援管理办公室（市卫健委医政科）',
    due: `2018 年 5 月 20 日前（${POSTPONE}）`,
    source: '通知三',
    formats: ['pdf', 'docx'], official: true,
    keywords: ['报名表', '人员报名表', '登记表', '个人'],
    actions: [{ kind: 'registration-form' }, { kind: 'link', to: '/persons', label: '批量打印（人员列表）', permissions: ['person:read', 'person:reveal'] }],
  },
  {
    id: 'my-3', notice: 'my', attachment: '附件3', name: '绵阳市对口支援人员信息统计表',
    columns: STAFF_TABLE_HEADERS.my,
    filledBy: '各县市区汇总辖区支援人员；委直属医疗卫生机构、委注册非公立医院直接报送',
    submitTo: '市卫健委医政科',
    due: `2018 年 5 月 20 日前，与附件 2 一并报送（${POSTPONE}）`,
    source: '通知三；附件 3 备注',
    formats: ['xlsx'], official: true,
    keywords: ['人员信息统计表', '人员统计', '支援人员', '派驻人员'],
    actions: [{ kind: 'staff-export', layout: 'my' }, { kind: 'link', to: '/assignments', label: '查看派驻人员', permissions: ['assignment:read'] }],
  },
  {
    id: 'my-4', notice: 'my', attachment: '附件4', name: '绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执',
    columns: MENTORSHIP_TABLE_HEADERS.columns.map((c, i) => (i >= 2 && i <= 4 ? `支援人员${c}` : i >= 5 && i <= 8 ? `跟学人员${c}` : c)),
    filledBy: '各地各单位（支援单位）',
    submitTo: '市卫健委对口支援管理办公室（医政科）审核备案',
    due: `2018 年 5 月 28 日前（${POSTPONE}）`,
    source: '通知五',
    formats: ['xlsx'], official: true,
    keywords: ['师带徒', '回执', '带教', '跟学', 'mentorship'],
    actions: [{ kind: 'mentorship-export' }, { kind: 'link', to: '/mentorships', label: '查看师带徒协议', permissions: ['results:read'] }],
  },
  {
    id: 'my-mentorship-certificate', notice: 'my', attachment: null, name: '师带徒证书', shortName: '师带徒证书',
    columns: ['证书编号', '跟学人员及受援单位、职称', '年度', '带教老师及支援单位、职称', '跟学专业', '学习目标', '颁发日期'],
    contentNote: '跟学人员考核合格后颁发，每人一页 PDF，凭编号核验；在师带徒协议详情中颁发和打印。',
    filledBy: '签订师带徒协议的单位考核后颁发',
    submitTo: '发给考核合格的跟学人员',
    due: '跟学期满考核合格后',
    source: '通知二（三）重在带',
    formats: ['pdf'], official: false,
    keywords: ['师带徒证书', '证书', '跟学'],
    actions: [{ kind: 'link', to: '/mentorships', label: '去师带徒打印证书', permissions: ['results:read'] }],
  },
  // ── Common ──
  {
    id: 'person-template', notice: 'common', attachment: null, name: '人员导入模板（附件2 报名表字段）', shortName: '人员导入模板',
    columns: PERSON_IMPORT_COLUMNS.map((c) => c.header),
    contentNote: '一行一人；导入时逐行校验，全部正确才写入。',
    filledBy: '支援单位、卫健委录入派驻人员',
    submitTo: '导入系统（不报送）',
    due: '选派人员前',
    source: '绵阳通知附件 2 字段',
    formats: ['xlsx'], official: false,
    keywords: ['导入模板', '人员导入', '模板', 'import'],
    actions: [{ kind: 'person-template' }, { kind: 'person-import' }],
  },
  {
    id: 'service-certificate', notice: 'common', attachment: null, name: '对口支援工作经历证明（职称晋升用）', shortName: '工作经历证明',
    columns: ['证明编号', '姓名', '性别', '职称', '派出单位', '项目', '受援单位及科室', '派驻起止时间', '累计在岗天数', '年度鉴定结果'],
    contentNote: '派驻期满后开具，每人一份 PDF，可凭编号核验；在经历证明页开具和打印。',
    filledBy: '派出单位或卫健委开具',
    submitTo: '支援人员本人（职称晋升使用）',
    due: '派驻期满后',
    source: '绵阳通知四：均视为晋升职称的经历',
    formats: ['pdf'], official: false,
    keywords: ['经历证明', '证明', '职称晋升', '证书', 'certificate'],
    actions: [{ kind: 'link', to: '/certificates', label: '去经历证明打印', permissions: ['results:read'] }],
  },
];

/** "楚雄附件2" — how a clerk names a form. */
export function shortLabelOf(form: Pick<OfficialForm, 'notice' | 'attachment' | 'name' | 'shortName'>): string {
  const prefix = form.notice === 'cx' ? '楚雄' : form.notice === 'my' ? '绵阳' : '';
  return `${prefix}${form.attachment ?? form.shortName ?? form.name}`;
}

/** The forms a user may act on, each with only the actions their permissions allow; forms with none are left out. */
export function formsAllowed(forms: readonly OfficialForm[], can: (p: Permission) => boolean): OfficialForm[] {
  const out: OfficialForm[] = [];
  for (const form of forms) {
    const actions = form.actions.filter((a) => permissionsOf(a).every((p) => can(p)));
    if (actions.length > 0) out.push({ ...form, actions });
  }
  return out;
}

/** Lower case, no spaces, full-width digits made ASCII: "附件 ２" finds "附件2". */
export function normaliseSearch(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();
}

function haystackOf(form: OfficialForm): string {
  const notice = NOTICES[form.notice];
  const noticeWords = form.notice === 'cx' ? '楚雄 cx 云南' : form.notice === 'my' ? '绵阳 my 四川 传帮带' : '通用';
  return normaliseSearch([
    shortLabelOf(form), form.attachment ?? '', form.name, notice.documentNo, notice.title, noticeWords,
    form.columns.join(' '), form.contentNote ?? '', form.filledBy, form.submitTo, form.due, form.keywords.join(' '),
    form.formats.map((f) => `${f} ${FORMAT_LABELS[f]}`).join(' '),
  ].join(' '));
}

/**
 * Forms matching what was typed: the whole text without spaces first ("附件 2" is 附件2), else every word;
 * forms whose short label or name holds it come first (typing 附件2 lists the attachments before mentions).
 */
export function searchForms(forms: readonly OfficialForm[], text: string): OfficialForm[] {
  const joined = normaliseSearch(text);
  if (!joined) return [...forms];
  const words = text.split(/\s+/).map(normaliseSearch).filter(Boolean);
  const byJoined = forms.filter((f) => haystackOf(f).includes(joined));
  const found = byJoined.length > 0 ? byJoined : forms.filter((f) => words.every((w) => haystackOf(f).includes(w)));
  const rank = (f: OfficialForm) => {
    const title = normaliseSearch(`${shortLabelOf(f)} ${f.attachment ?? ''} ${f.name}`);
    return title.includes(joined) || words.every((w) => title.includes(w)) ? 0 : 1;
  };
  return found.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
}

/** The forms of each notice, in notice order, leaving out empty groups. */
export function groupByNotice(forms: readonly OfficialForm[]): { notice: Notice; forms: OfficialForm[] }[] {
  return NOTICE_ORDER.map((code) => ({ notice: NOTICES[code], forms: forms.filter((f) => f.notice === code) })).filter((g) => g.forms.length > 0);
}

/** The DOM id of a form's card, for the quick-jump links. */
export function anchorOf(form: Pick<OfficialForm, 'id'>): string {
  return `form-${form.id}`;
}
