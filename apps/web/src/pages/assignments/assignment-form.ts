import dayjs, { type Dayjs } from 'dayjs';
import type { AssignmentUpdate, Post, TEAM_ROLES } from '@duikou/contracts';

/** The fields a dispatch and an edit share, as the form holds them (dates as dayjs). */
export interface AssignmentFieldValues {
  department?: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  batch?: string;
  role?: (typeof TEAM_ROLES)[number];
  post?: Post | null;
  insurer?: string;
  insurancePolicyNo?: string;
  insuranceFrom?: Dayjs | null;
  insuranceTo?: Dayjs | null;
  safetyEducationDate?: Dayjs | null;
}

/** Names of those fields (API errors naming them go onto the field). */
export const ASSIGNMENT_FIELD_NAMES = [
  'department', 'plannedStart', 'plannedEnd', 'batch', 'role', 'post', 'insurer', 'insurancePolicyNo', 'insuranceFrom', 'insuranceTo', 'safetyEducationDate',
] as const;

export const isoOf = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const dayOf = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);

/** The last day of a term of `months` starting on `start`: 2019-03-01 + 1 年 → 2020-02-29. */
export function termEnd(start: Dayjs, months: number): Dayjs {
  return start.add(months, 'month').subtract(1, 'day');
}

/** The shared fields as the API takes them: trimmed texts, ISO dates; empty optional texts left out (or '' when clearing). */
export function fieldsToBody(v: AssignmentFieldValues, opts: { clearEmptyTexts?: boolean } = {}): AssignmentUpdate {
  const textOf = (s: string | undefined) => {
    const t = s?.trim();
    if (t) return t;
    return opts.clearEmptyTexts ? '' : undefined;
  };
  const body: AssignmentUpdate = {
    department: v.department?.trim(),
    plannedStart: isoOf(v.plannedStart),
    plannedEnd: isoOf(v.plannedEnd),
    batch: textOf(v.batch),
    role: v.role,
    post: v.post ?? null,
    insurer: textOf(v.insurer),
    insurancePolicyNo: textOf(v.insurancePolicyNo),
    insuranceFrom: isoOf(v.insuranceFrom),
    insuranceTo: isoOf(v.insuranceTo),
    safetyEducationDate: isoOf(v.safetyEducationDate),
  };
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)) as AssignmentUpdate;
}

/**
 * Enter in a date field confirms the date; it must not also submit the whole form (a dispatch is checked
 * against the rules and recorded). Put on the Form's onKeyDown.
 */
export function keepEnterInDatePickers(e: { key: string; target: EventTarget | null; preventDefault: () => void }): void {
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('.ant-picker')) e.preventDefault();
}
