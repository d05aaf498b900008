import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import {
  AGREEMENT_STATUS_LABELS, type Agreement, type AgreementCreate, type AgreementStatus, type AgreementUpdate,
} from '@duikou/contracts';
import { pairingsApi } from '../../api/endpoints';
import { ApiError } from '../../api/http-client';
import { applyApiError } from '../../shared/form-errors';
import type { VerdictLike } from '../../shared/verdict-list';
import { PairingSelect } from '../assignments/dispatch-selects';

/** 待签 gold, 已签 blue, 已备案 green; no agreement at all is red. */
export const AGREEMENT_STATUS_COLORS: Record<AgreementStatus, string> = { draft: 'gold', signed: 'blue', filed: 'green' };

export function AgreementStatusTag({ status }: { status: AgreementStatus | null }) {
  if (!status) return <Tag color="red">未起草</Tag>;
  return <Tag color={AGREEMENT_STATUS_COLORS[status]}>{AGREEMENT_STATUS_LABELS[status]}</Tag>;
}

export const currentYear = (): number => dayjs().year();

/** Years offered in the filters: the programmes began in 2015 at the earliest; next year may already be drafted. */
export function yearOptions(now = currentYear(), from = 2015): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = now + 1; y >= from; y--) out.push({ value: y, label: `${y} 年` });
  return out;
}

/** A year from the URL, or undefined when absent or not a plausible year. */
export function parseYear(v: string | undefined | null): number | undefined {
  if (!v || !/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 2000 && n <= 2100 ? n : undefined;
}

/** Figures of the annual-agreement rule the shared verdict table does not name. */
const AGREEMENT_FIGURE_LABELS: Record<string, string> = {
  supportSignedOn: '支援单位签订日期', recipientSignedOn: '受援单位签订日期', filedOn: '备案日期', filingRequired: '备案机关', copiesRequired: '要求备案份数',
};

/** Relabels the figures so the verdict card shows Chinese names (copies the verdict, keeps the order). */
export function withAgreementFigureLabels<V extends VerdictLike>(v: V): V {
  const figures: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v.figures)) figures[AGREEMENT_FIGURE_LABELS[k] ?? k] = value;
  return { ...v, figures };
}

/** 「支援单位 2020-03-01 · 受援单位 未签」 */
export function signaturesText(a: Pick<Agreement, 'supportSignedOn' | 'recipientSignedOn'>): string {
  return `支援单位 ${a.supportSignedOn ?? '未签'} · 受援单位 ${a.recipientSignedOn ?? '未签'}`;
}

/** Which side the signed-in unit signs for, if it is one of the two. */
export function sideOfOrg(a: Pick<Agreement, 'supportOrg' | 'recipientOrg'>, orgId: string | undefined): '支援单位' | '受援单位' | null {
  if (!orgId) return null;
  if (a.supportOrg.id === orgId) return '支援单位';
  if (a.recipientOrg.id === orgId) return '受援单位';
  return null;
}

export interface AgreementFormValues {
  pairingId?: string;
  supportOrgId?: string;
  year?: number;
  departments?: string[];
  technologies?: { name?: string; target?: string }[];
  traineeTarget?: number | null;
  trainees?: { name?: string; department?: string }[];
  capabilityTargets?: { item?: string; target?: string }[];
  content?: string;
}

const trimmed = (s: string | undefined | null): string => (s ?? '').trim();
const optional = (s: string | undefined | null): string | undefined => trimmed(s) || undefined;

/** The content part of the form as the API takes it: rows left wholly blank are dropped, texts trimmed, duplicates of departments removed. */
export function toAgreementContent(v: AgreementFormValues): Required<Omit<AgreementUpdate, 'content'>> & { content: string } {
  return {
    departments: [...new Set((v.departments ?? []).map(trimmed).filter(Boolean))],
    technologies: (v.technologies ?? []).filter((t) => trimmed(t?.name) || trimmed(t?.target)).map((t) => ({ name: trimmed(t.name), target: optional(t.target) })),
    traineeTarget: v.traineeTarget ?? null,
    trainees: (v.trainees ?? []).filter((t) => trimmed(t?.name) || trimmed(t?.department)).map((t) => ({ name: trimmed(t.name), department: optional(t.department) })),
    capabilityTargets: (v.capabilityTargets ?? []).filter((c) => trimmed(c?.item) || trimmed(c?.target)).map((c) => ({ item: trimmed(c.item), target: optional(c.target) })),
    // An empty string clears the text on edit (the API stores it as none).
    content: trimmed(v.content),
  };
}

export function toAgreementCreate(v: AgreementFormValues): AgreementCreate {
  const { content, ...rest } = toAgreementContent(v);
  return {
    pairingId: v.pairingId ?? '',
    ...(v.supportOrgId ? { supportOrgId: v.supportOrgId } : {}),
    year: v.year ?? currentYear(),
    ...rest,
    ...(content ? { content } : {}),
  };
}

/** An agreement back into the form (edit). */
export function toAgreementForm(a: Agreement): AgreementFormValues {
  return {
    pairingId: a.pairingId, supportOrgId: a.supportOrg.id, year: a.year, departments: a.departments,
    technologies: a.technologies.map((t) => ({ name: t.name, target: t.target ?? '' })),
    traineeTarget: a.traineeTarget,
    trainees: a.trainees.map((t) => ({ name: t.name, department: t.department ?? '' })),
    capabilityTargets: a.capabilityTargets.map((c) => ({ item: c.item, target: c.target ?? '' })),
    content: a.content ?? '',
  };
}

const LIST_FIELDS = ['technologies', 'trainees', 'capabilityTargets'];

/** Where an API field error goes: a row of a list (technologies.2.name) or a plain field. */
export function agreementErrorTarget(field: string): (string | number)[] | null {
  const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
  if (m && LIST_FIELDS.includes(m[1]!)) return [m[1]!, Number(m[2]), m[3]!];
  return null;
}

/** Puts an API error on the row of a list it names, else on the field (see shared/form-errors); returns what is left to show. */
export function applyAgreementError(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  const target = error instanceof ApiError && error.field ? agreementErrorTarget(error.field) : null;
  if (target && error instanceof ApiError) {
    form.setFields([{ name: target, errors: [error.message] }]);
    form.scrollToField(target, { block: 'center' });
    return null;
  }
  return applyApiError(form, error, fields);
}

/** A pairing filter that shows the chosen pairing's name even when it came from the URL. */
export function PairingFilter({ value, onChange, className }: { value?: string; onChange: (v: string | undefined) => void; className?: string }) {
  const known = useQuery({ queryKey: ['pairings', 'detail', value], queryFn: ({ signal }) => pairingsApi.get(value!, signal), enabled: !!value, staleTime: 60_000 });
  return (
    <div className={className}>
      <PairingSelect value={value} onChange={onChange} known={known.data} placeholder="对口关系（受援 / 支援单位）" />
    </div>
  );
}
