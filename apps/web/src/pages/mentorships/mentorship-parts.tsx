import { Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ADMIN_LEVEL_LABELS, ASSESSMENT_RESULT_LABELS, type AdminLevel, type Apprentice, type ApprenticeInput, type Mentorship, type MentorshipCreate,
  type MentorshipUpdate,
} from '@duikou/contracts';

export interface ApprenticeFormValues {
  name?: string;
  specialtyTitle?: string;
  department?: string;
  learningSpecialty?: string;
  learningGoal?: string;
}

export interface MentorshipFormValues {
  assignmentId?: string;
  year?: number;
  signedOn?: Dayjs | null;
  plan?: string;
  apprentices?: ApprenticeFormValues[];
}

const trimmed = (v: string | undefined): string => (v ?? '').trim();

/** The request body of one apprentice; an empty 科室 is left out (the API then counts the learning specialty). */
export function toApprenticeInput(v: ApprenticeFormValues): ApprenticeInput {
  const department = trimmed(v.department);
  return {
    name: trimmed(v.name), specialtyTitle: trimmed(v.specialtyTitle), learningSpecialty: trimmed(v.learningSpecialty), learningGoal: trimmed(v.learningGoal),
    ...(department ? { department } : {}),
  };
}

/** POST /api/mentorships: staff may leave the assignment out (their current one). */
export function toMentorshipCreate(v: MentorshipFormValues): MentorshipCreate {
  const plan = trimmed(v.plan);
  return {
    ...(v.assignmentId ? { assignmentId: v.assignmentId } : {}),
    year: v.year ?? new Date().getFullYear(),
    ...(v.signedOn ? { signedOn: v.signedOn.format('YYYY-MM-DD') } : {}),
    ...(plan ? { plan } : {}),
    apprentices: (v.apprentices ?? []).map(toApprenticeInput),
  };
}

/** PATCH /api/mentorships/:id: a cleared date un-signs the agreement, a cleared plan removes it. */
export function toMentorshipUpdate(v: MentorshipFormValues): MentorshipUpdate {
  return { signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null, plan: trimmed(v.plan) };
}

/**
 * Where an API field error belongs in the agreement form: `apprentices.2.learningGoal` → the third
 * apprentice's goal; `apprentices` (the list itself) → the list's error slot.
 */
export function formPathOf(field: string | undefined): (string | number)[] | null {
  if (!field) return null;
  const m = /^apprentices\.(\d+)\.(\w+)/.exec(field);
  if (m) return ['apprentices', Number(m[1]), m[2]!];
  return [field.split('.')[0]!];
}

/** A year inside the assignment's term: the current one if possible, else the nearest end. */
export function yearWithin(term: { start: string; end: string }, preferred: number): number {
  const from = Number(term.start.slice(0, 4));
  const to = Number(term.end.slice(0, 4));
  return Math.min(to, Math.max(from, preferred));
}

export interface ApprenticeCounts { total: number; passed: number; failed: number; pending: number; certified: number }

export function countApprentices(list: readonly Pick<Apprentice, 'assessmentResult' | 'certificateNo'>[]): ApprenticeCounts {
  return {
    total: list.length,
    passed: list.filter((a) => a.assessmentResult === 'passed').length,
    failed: list.filter((a) => a.assessmentResult === 'failed').length,
    pending: list.filter((a) => !a.assessmentResult).length,
    certified: list.filter((a) => !!a.certificateNo).length,
  };
}

/** 「合格 2 · 不合格 1 · 待考核 1 · 已发证 1」 */
export function countsText(c: ApprenticeCounts): string {
  const parts = [c.passed && `合格 ${c.passed}`, c.failed && `不合格 ${c.failed}`, c.pending && `待考核 ${c.pending}`, c.certified && `已发证 ${c.certified}`];
  return parts.filter(Boolean).join(' · ') || '—';
}

/** The ratio MY asks of a support unit's mentors: 市属 1 带 4, 县属 1 带 3 (others: no figure). */
export function ratioOf(level: AdminLevel | null): number | null {
  if (level === 'municipal') return 4;
  if (level === 'county') return 3;
  return null;
}

export function SupportLevelTag({ level }: { level: AdminLevel | null }) {
  if (!level) return <Tag>级别未登记</Tag>;
  const ratio = ratioOf(level);
  return <Tag color="geekblue">{ADMIN_LEVEL_LABELS[level]}{ratio ? ` · 每人至少 1 带 ${ratio}` : ''}</Tag>;
}

export function AssessmentTag({ apprentice }: { apprentice: Pick<Apprentice, 'assessmentResult'> }) {
  if (!apprentice.assessmentResult) return <Tag>待考核</Tag>;
  return <Tag color={apprentice.assessmentResult === 'passed' ? 'green' : 'red'}>{ASSESSMENT_RESULT_LABELS[apprentice.assessmentResult]}</Tag>;
}

export function SignedTag({ mentorship }: { mentorship: Pick<Mentorship, 'signedOn'> }) {
  return mentorship.signedOn ? <span>{mentorship.signedOn}</span> : <Tag color="orange">未签订</Tag>;
}

/** 秦旭华 · 副主任医师 */
export const mentorName = (m: Mentorship): string => [m.assignment.personName, m.assignment.personTitle].filter(Boolean).join(' · ');

export const certificateFileName = (a: Pick<Apprentice, 'name' | 'certificateNo'>): string => `师带徒证书-${a.name}-${a.certificateNo ?? ''}.pdf`;
