import type { FormInstance } from 'antd';
import { labelOfField } from '@duikou/contracts';
import { ApiError, errorMessage } from '../api/http-client';

/**
 * Puts an API error on the form field it names (`field`, e.g. "supportOrgIds.0" → supportOrgIds).
 * `formFields` are the names of the form's fields; `fieldMap` renames API fields (e.g. validFrom → validity).
 * Returns the message still to show above the form, or null when it went onto a field.
 */
export function applyApiError(form: FormInstance, error: unknown, formFields: readonly string[], fieldMap: Record<string, string> = {}): string | null {
  if (!(error instanceof ApiError) || !error.field) return errorMessage(error);
  const top = error.field.split('.')[0] ?? error.field;
  const name = fieldMap[error.field] ?? fieldMap[top] ?? top;
  if (!formFields.includes(name)) return `${labelOfField(error.field)}：${error.message}`;
  form.setFields([{ name, errors: [error.message] }]);
  form.scrollToField(name, { block: 'center' });
  return null;
}
