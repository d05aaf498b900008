import type { AssignmentStatus, Programme } from '@duikou/contracts';
import { NOTICE_ORDER, NOTICES, type NoticeCode } from './form-catalogue';

export interface StaffFilters { programmeId?: string; supportOrgId?: string; recipientOrgId?: string; status?: AssignmentStatus }

/** The staff-table query of the inline filters, leaving out what was not chosen (the modal says "all" then). */
export function staffExportFilters(v: StaffFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['programmeId', 'supportOrgId', 'recipientOrgId', 'status'] as const) {
    const value = v[key];
    if (value) out[key] = value;
  }
  return out;
}

/** Years a table can be asked for: the demo programmes start in 2018; newest first. */
export function yearOptions(today: Date, first = 2018): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = today.getFullYear(); y >= first; y -= 1) out.push({ value: y, label: `${y} 年` });
  return out;
}

/** The programme to preselect under each notice: the caller's only programme of that policy, if exactly one. */
export function defaultProgrammes(programmes: readonly Pick<Programme, 'id' | 'policyCode'>[]): Partial<Record<NoticeCode, string>> {
  const out: Partial<Record<NoticeCode, string>> = {};
  for (const code of NOTICE_ORDER) {
    const policy = NOTICES[code].policyCode;
    if (!policy) continue;
    const mine = programmes.filter((p) => p.policyCode === policy);
    if (mine.length === 1 && mine[0]) out[code] = mine[0].id;
  }
  return out;
}

/**
 * The notices in the order a user needs them: those with programmes in the caller's scope first, then the
 * common documents, then notices with none (still listed: an office may prepare another region's layout).
 */
export function orderNotices(programmes: readonly Pick<Programme, 'policyCode'>[] | undefined): { code: NoticeCode; inScope: boolean | null }[] {
  if (!programmes) return NOTICE_ORDER.map((code) => ({ code, inScope: null }));
  const codes = new Set(programmes.map((p) => p.policyCode));
  const withScope = NOTICE_ORDER.map((code) => {
    const policy = NOTICES[code].policyCode;
    return { code, inScope: policy ? codes.has(policy) : null };
  });
  const rank = (n: { inScope: boolean | null }) => (n.inScope === true ? 0 : n.inScope === null ? 1 : 2);
  return [...withScope].sort((a, b) => rank(a) - rank(b));
}
