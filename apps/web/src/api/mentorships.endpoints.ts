import type {
  ApprenticeInput, Assessment, ListResponse, Mentorship, MentorshipCreate, MentorshipUpdate, MentorshipVerdicts, RecipientDepartments, RemoveResult,
} from '@duikou/contracts';
import { download, http, request, type QueryParams } from './http-client';

/** 师带徒: agreements, their apprentices (assessment, numbered certificate + PDF), the engine's verdicts and MY 附件4. */
export const mentorshipsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Mentorship>>('/api/mentorships', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Mentorship>(`/api/mentorships/${id}`, undefined, signal),
  create: (body: MentorshipCreate) => http.post<Mentorship>('/api/mentorships', body),
  update: (id: string, body: MentorshipUpdate) => http.patch<Mentorship>(`/api/mentorships/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/mentorships/${id}`),
  addApprentice: (id: string, body: ApprenticeInput) => http.post<Mentorship>(`/api/mentorships/${id}/apprentices`, body),
  updateApprentice: (apprenticeId: string, body: Partial<ApprenticeInput>) => http.patch<Mentorship>(`/api/mentorship-apprentices/${apprenticeId}`, body),
  removeApprentice: (apprenticeId: string) => http.delete<Mentorship>(`/api/mentorship-apprentices/${apprenticeId}`),
  assess: (apprenticeId: string, body: Assessment) => http.post<Mentorship>(`/api/mentorship-apprentices/${apprenticeId}/assessment`, body),
  issueCertificate: (apprenticeId: string) => http.post<Mentorship>(`/api/mentorship-apprentices/${apprenticeId}/certificate`),
  downloadCertificate: (apprenticeId: string, fallbackName: string) =>
    download(`/api/mentorship-apprentices/${apprenticeId}/certificate.pdf`, {}, fallbackName),
  verdicts: (q: QueryParams, signal?: AbortSignal) => http.get<MentorshipVerdicts>('/api/mentorships/verdicts', q, signal),
  /** MY 附件4 (.xlsx) of the agreements in the filters (year, pairing, units). */
  exportTable: (q: QueryParams) => download('/api/mentorships/export', q, '师带徒信息统计表回执.xlsx'),
};

/** 受援单位主要科室: the apprentices must cover them within three years. */
export const recipientDepartmentsApi = {
  get: (orgId: string, signal?: AbortSignal) => http.get<RecipientDepartments>(`/api/recipient-departments/${orgId}`, undefined, signal),
  put: (orgId: string, departments: string[]) => request<RecipientDepartments>('PUT', `/api/recipient-departments/${orgId}`, { body: { departments } }),
};
