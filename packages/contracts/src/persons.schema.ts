import { z } from 'zod';
import { idSchema, patchOf, isoDateSchema, optionalTextSchema, paginationQuerySchema, textSchema } from './common.schema.js';
import { normaliseMobile, parseIdNumber } from './identity.js';

export const EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = { secondary: '中专及以下', associate: '大专', bachelor: '本科', master: '硕士研究生', doctor: '博士研究生' };

export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = { none: '无职称', junior: '初级', intermediate: '中级', associate_senior: '副高级', senior: '正高级' };

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

const idNumberSchema = z.string().trim().superRefine((v, ctx) => {
  const r = parseIdNumber(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
}).transform((v) => v.toUpperCase());
const mobileSchema = z.string().trim().refine((v) => normaliseMobile(v) !== null, { error: '手机号应为 11 位大陆手机号（1 开头，第二位 3–9）' })
  .transform((v) => normaliseMobile(v)!);
const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '格式应为 YYYY-MM' });

/** Every field of MY attachment 2 (对口支援人员报名表). */
const personFields = z.object({
  name: textSchema(30),
  gender: z.enum(GENDERS, { error: '性别须为 男 或 女' }),
  birthMonth: yearMonthSchema,
  ethnicity: optionalTextSchema(20),
  party: optionalTextSchema(30),
  education: z.enum(EDUCATION_LEVELS, { error: '请选择学历' }),
  degree: optionalTextSchema(20),
  workStartDate: isoDateSchema,
  school: optionalTextSchema(100),
  graduationDate: isoDateSchema.optional(),
  employerOrgId: idSchema,
  post: optionalTextSchema(50),
  title: optionalTextSchema(50),
  titleLevel: z.enum(TITLE_LEVELS, { error: '请选择职称级别' }),
  specialty: optionalTextSchema(50),
  specialtySince: isoDateSchema.optional(),
  idNumber: idNumberSchema,
  officePhone: z.string().trim().regex(/^[0-9\-+() ]{5,20}$/, { error: '办公电话格式不正确' }).optional(),
  mobile: mobileSchema,
  qqWechat: optionalTextSchema(50),
  resume: optionalTextSchema(4000),
  recommendedForLeadership: z.boolean().default(false),
  recommendedPost: optionalTextSchema(50),
  employerOpinion: optionalTextSchema(1000),
});

/** The ID number must agree with the stated birth month and gender (GB 11643 encodes both). */
const consistentWithId = (v: { idNumber?: string; birthMonth?: string; gender?: string }, ctx: z.RefinementCtx) => {
  if (!v.idNumber) return;
  const r = parseIdNumber(v.idNumber);
  if (!r.ok) return;
  if (v.birthMonth && r.facts.birthDate.slice(0, 7) !== v.birthMonth) {
    ctx.addIssue({ code: 'custom', path: ['birthMonth'], message: `出生年月与身份证号不符（身份证为 ${r.facts.birthDate.slice(0, 7)}）` });
  }
  if (v.gender && r.facts.gender !== v.gender) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: `性别与身份证号不符（身份证为${r.facts.gender === 'male' ? '男' : '女'}）` });
  }
};
export const personCreateSchema = personFields.superRefine(consistentWithId);
export type PersonCreate = z.input<typeof personCreateSchema>;
export const personUpdateSchema = patchOf(personFields).superRefine(consistentWithId);
export type PersonUpdate = z.input<typeof personUpdateSchema>;

export const personSchema = z.object({
  id: z.string(), name: z.string(), gender: z.enum(GENDERS), birthMonth: z.string(), ethnicity: z.string().nullable(), party: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS), degree: z.string().nullable(), workStartDate: z.string(), school: z.string().nullable(), graduationDate: z.string().nullable(),
  employerOrgId: z.string(), employerOrgName: z.string(), post: z.string().nullable(), title: z.string().nullable(), titleLevel: z.enum(TITLE_LEVELS),
  specialty: z.string().nullable(), specialtySince: z.string().nullable(),
  idNumberMasked: z.string(), mobileMasked: z.string(), officePhoneMasked: z.string().nullable(),
  qqWechat: z.string().nullable(), resume: z.string().nullable(), recommendedForLeadership: z.boolean(), recommendedPost: z.string().nullable(),
  employerOpinion: z.string().nullable(), archived: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const personRevealSchema = z.object({ idNumber: z.string(), mobile: z.string(), officePhone: z.string().nullable() });
export type PersonReveal = z.infer<typeof personRevealSchema>;

export const personListQuerySchema = paginationQuerySchema.extend({
  employerOrgId: idSchema.optional(),
  titleLevel: z.enum(TITLE_LEVELS).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

/**
 * The person table for import (MY 附件2 fields, one row per person): field → Chinese header, in
 * template order. The template's first sheet has exactly these headers.
 */
export const PERSON_IMPORT_COLUMNS = [
  { field: 'name', header: '姓名', required: true },
  { field: 'gender', header: '性别', required: true },
  { field: 'birthMonth', header: '出生年月', required: true },
  { field: 'ethnicity', header: '民族', required: false },
  { field: 'party', header: '党派', required: false },
  { field: 'education', header: '学历', required: true },
  { field: 'degree', header: '学位', required: false },
  { field: 'workStartDate', header: '参工时间', required: true },
  { field: 'school', header: '毕业院校', required: false },
  { field: 'graduationDate', header: '毕业时间', required: false },
  { field: 'employerOrgId', header: '工作单位', required: true },
  { field: 'post', header: '职务', required: false },
  { field: 'title', header: '职称', required: false },
  { field: 'titleLevel', header: '职称级别', required: true },
  { field: 'specialty', header: '科室及专业', required: false },
  { field: 'specialtySince', header: '从事现专业时间', required: false },
  { field: 'idNumber', header: '身份证号', required: true },
  { field: 'officePhone', header: '办公电话', required: false },
  { field: 'mobile', header: '手机号', required: true },
  { field: 'qqWechat', header: 'QQ/微信', required: false },
  { field: 'resume', header: '个人简历', required: false },
  { field: 'recommendedForLeadership', header: '是否推荐任职', required: false },
  { field: 'recommendedPost', header: '推荐职务', required: false },
  { field: 'employerOpinion', header: '所在单位意见', required: false },
] as const satisfies readonly { field: keyof z.input<typeof personFields>; header: string; required: boolean }[];
export const PERSON_IMPORT_HEADERS: readonly string[] = PERSON_IMPORT_COLUMNS.map((c) => c.header);
/** Most people one import may carry. */
export const PERSON_IMPORT_MAX_ROWS = 10_000;

export const personImportResultSchema = z.object({ created: z.number().int() });
export type PersonImportResult = z.infer<typeof personImportResultSchema>;

/** MY 附件2 对口支援人员报名表: printable as PDF or Word. */
export const REGISTRATION_FORM_FORMATS = ['pdf', 'docx'] as const;
export type RegistrationFormFormat = (typeof REGISTRATION_FORM_FORMATS)[number];
export const registrationFormQuerySchema = z.object({
  format: z.enum(REGISTRATION_FORM_FORMATS, { error: '格式须为 pdf 或 docx' }).default('pdf'),
});
export type RegistrationFormQuery = z.infer<typeof registrationFormQuerySchema>;
/** Several forms in one PDF, one page per person. */
export const REGISTRATION_FORMS_MAX = 200;
export const registrationFormsBodySchema = z.object({
  ids: z.array(idSchema).min(1, { error: '请至少选择 1 人' }).max(REGISTRATION_FORMS_MAX, { error: `一次最多打印 ${REGISTRATION_FORMS_MAX} 人的报名表` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '人员编号有重复' }),
});
export type RegistrationFormsBody = z.infer<typeof registrationFormsBodySchema>;
