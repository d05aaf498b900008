import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { describePolicyPath, isCited, parameterKeys } from './policy-format';
import { LIST_PARAMETERS } from './policy-labels';

/**
 * The 编辑草稿 form of a policy version and its translation to and from the document the API stores.
 * A parameter is edited as its `value` in JSON plus its citation; a list parameter (programmeDeadlines)
 * as the whole list in JSON, each item carrying its own citation.
 */
export interface ParameterFields {
  present: boolean;
  value?: string;
  document?: string;
  clause?: string;
  quote?: string;
  note?: string;
}
export interface PolicyEditValues {
  name: string;
  effectiveFrom?: Dayjs | null;
  notice: { number?: string; title?: string; issuer?: string; issuedOn?: Dayjs | null };
  params: Record<string, ParameterFields>;
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const json = (v: unknown) => JSON.stringify(v, null, 2);

export function toFormValues(document: Rec, name: string, effectiveFrom: string | null): PolicyEditValues {
  const notice = isRecord(document.notice) ? document.notice : {};
  const parameters = isRecord(document.parameters) ? document.parameters : {};
  const defaultDocument = typeof notice.number === 'string' ? notice.number : typeof notice.title === 'string' ? notice.title : '';
  const params: Record<string, ParameterFields> = {};
  for (const key of parameterKeys(parameters)) {
    const entry = parameters[key] ?? null;
    if (entry === null) params[key] = { present: false, value: '', document: defaultDocument };
    else if (LIST_PARAMETERS.has(key) || !isCited(entry)) params[key] = { present: true, value: json(entry) };
    else {
      params[key] = {
        present: true, value: json(entry.value), document: entry.source.document, clause: entry.source.clause,
        quote: entry.source.quote ?? '', note: entry.note ?? '',
      };
    }
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    name,
    effectiveFrom: effectiveFrom ? dayjs(effectiveFrom) : null,
    notice: { number: str(notice.number) ?? '', title: str(notice.title), issuer: str(notice.issuer), issuedOn: str(notice.issuedOn) ? dayjs(str(notice.issuedOn)) : null },
    params,
  };
}

/** Whether a parameter is stored as a whole JSON list (not value + citation). */
export const isWholeJson = (key: string, original: unknown): boolean => LIST_PARAMETERS.has(key) || (original != null && !isCited(original));

/** The full document to PATCH: the original with the form's name, notice, effective date and parameters. Throws on invalid JSON. */
export function toDocument(original: Rec, v: PolicyEditValues): Rec {
  const parameters: Rec = { ...(isRecord(original.parameters) ? original.parameters : {}) };
  for (const [key, f] of Object.entries(v.params ?? {})) {
    if (!f.present) {
      parameters[key] = null;
      continue;
    }
    const parsed: unknown = JSON.parse(f.value ?? '');
    if (isWholeJson(key, parameters[key])) {
      parameters[key] = parsed;
      continue;
    }
    const quote = f.quote?.trim();
    const note = f.note?.trim();
    parameters[key] = {
      value: parsed,
      source: { document: (f.document ?? '').trim(), clause: (f.clause ?? '').trim(), ...(quote ? { quote } : {}) },
      ...(note ? { note } : {}),
    };
  }
  const notice = isRecord(original.notice) ? original.notice : {};
  return {
    ...original,
    name: v.name.trim(),
    ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') } : {}),
    notice: {
      ...notice,
      number: v.notice.number?.trim() || null,
      title: v.notice.title?.trim() ?? '',
      issuer: v.notice.issuer?.trim() ?? '',
      issuedOn: v.notice.issuedOn ? v.notice.issuedOn.format('YYYY-MM-DD') : notice.issuedOn,
    },
    parameters,
  };
}

export type FieldPath = (string | number)[];

/**
 * Where an API error field of PATCH /api/policies/:id belongs in the form, and the words to put before
 * its message: `document.parameters.staffingMinimum.value.general` → value of staffingMinimum, 「一般受援单位」.
 * null: no field of the form (shown above the form).
 */
export function formFieldOfError(field: string, formParams: readonly string[]): { name: FieldPath; prefix: string; parameter?: string } | null {
  const inDocument = field.startsWith('document.');
  const parts = (inDocument ? field.slice('document.'.length) : field).split('.').filter(Boolean);
  const [head, key, ...rest] = parts;
  if (!head) return null;
  if (head === 'name' && parts.length === 1) return { name: ['name'], prefix: '' };
  if (head === 'effectiveFrom' && parts.length === 1) return { name: ['effectiveFrom'], prefix: '' };
  if (inDocument && head === 'notice' && key && ['number', 'title', 'issuer', 'issuedOn'].includes(key)) return { name: ['notice', key], prefix: '' };
  if (!inDocument || head !== 'parameters' || !key || !formParams.includes(key)) return null;
  const sub = (path: string[]) => (path.length ? describePolicyPath(path.join('.')) : '');
  if (LIST_PARAMETERS.has(key)) return { name: ['params', key, 'value'], prefix: sub(rest), parameter: key };
  if (rest[0] === 'source') {
    const part = rest[1] === 'clause' || rest[1] === 'quote' ? rest[1] : 'document';
    return { name: ['params', key, part], prefix: '', parameter: key };
  }
  if (rest[0] === 'note') return { name: ['params', key, 'note'], prefix: '', parameter: key };
  return { name: ['params', key, 'value'], prefix: sub(rest[0] === 'value' ? rest.slice(1) : rest), parameter: key };
}
