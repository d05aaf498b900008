import type { ListResponse, Person, PersonCreate, PersonImportResult, PersonReveal, PersonUpdate, RegistrationFormFormat, RemoveResult } from '@duikou/contracts';
import { ApiError, download, http, upload, type QueryParams } from './http-client';

/** 人员 (persons, MY 附件2 fields): list/detail masked; reveal and the printed forms need person:reveal and are audited. */
export const personsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Person>>('/api/persons', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Person>(`/api/persons/${id}`, undefined, signal),
  create: (body: PersonCreate) => http.post<Person>('/api/persons', body),
  update: (id: string, body: PersonUpdate) => http.patch<Person>(`/api/persons/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/persons/${id}`),
  restore: (id: string) => http.post<Person>(`/api/persons/${id}/restore`),
  reveal: (id: string) => http.post<PersonReveal>(`/api/persons/${id}/reveal`),
  importTemplate: () => download('/api/persons/import-template', {}, '人员导入模板.xlsx'),
  importTable: (file: File, onProgress?: (percent: number) => void) => upload<PersonImportResult>('/api/persons/import', {}, file, onProgress),
  registrationForm: (id: string, format: RegistrationFormFormat, name: string) =>
    download(`/api/persons/${id}/registration-form`, { format }, `对口支援人员报名表-${name}.${format}`),
  registrationForms: (ids: string[]) => downloadPost('/api/persons/registration-forms.pdf', { ids }, `对口支援人员报名表（${ids.length} 人）.pdf`),
};

/** A file answered to a POST (e.g. several forms in one PDF), saved under the server's file name. */
async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<string> {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/pdf, application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) {
    if (response.status === 401) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    const err = (await response.json().catch(() => null)) as { code?: string; message?: string; field?: string } | null;
    throw new ApiError(response.status, { code: err?.code ?? `HTTP_${response.status}`, message: err?.message ?? `请求失败（HTTP ${response.status}）`, field: err?.field });
  }
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '');
  const name = star?.[1] ? decodeURIComponent(star[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
