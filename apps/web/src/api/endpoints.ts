import type {
  AuditEvent, CalendarYear, CalendarYearDetail, CalendarYearPut, EligibilitySandbox, HomeSummary, LeaveSandbox, LeaveSandboxResult, ListResponse,
  LoginBody, Me, Organisation, OrganisationCreate, OrganisationUpdate, Pairing, PairingCreate, PairingImportResult, PairingTableLayout, PairingUpdate,
  PasswordChangeBody, PolicyDeadline, PolicyDiff, PolicyPublish, PolicyUpdate, PolicyVersionDetail, PolicyVersionSummary, Programme, ProgrammeCreate,
  ProgrammeUpdate, Region, RegionCreate, RegionUpdate, RemoveResult, ShownVerdict,
} from '@duikou/contracts';
import { download, http, request, upload, type QueryParams } from './http-client';

/** Every call the web makes, one place; types come from the shared contracts. */
export const authApi = {
  me: (signal?: AbortSignal) => http.get<Me>('/api/auth/me', undefined, signal),
  login: (body: LoginBody) => http.post<Me>('/api/auth/login', body),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (body: PasswordChangeBody) => http.post<{ ok: true }>('/api/auth/password', body),
};

export const homeApi = {
  summary: (signal?: AbortSignal) => http.get<HomeSummary>('/api/home/summary', undefined, signal),
};

export const regionsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Region>>('/api/regions', q, signal),
  get: (code: string, signal?: AbortSignal) => http.get<Region>(`/api/regions/${encodeURIComponent(code)}`, undefined, signal),
  create: (body: RegionCreate) => http.post<Region>('/api/regions', body),
  update: (code: string, body: RegionUpdate) => http.patch<Region>(`/api/regions/${encodeURIComponent(code)}`, body),
  remove: (code: string) => http.delete<RemoveResult>(`/api/regions/${encodeURIComponent(code)}`),
  restore: (code: string) => http.post<Region>(`/api/regions/${encodeURIComponent(code)}/restore`),
};

export const organisationsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Organisation>>('/api/organisations', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Organisation>(`/api/organisations/${id}`, undefined, signal),
  create: (body: OrganisationCreate) => http.post<Organisation>('/api/organisations', body),
  update: (id: string, body: OrganisationUpdate) => http.patch<Organisation>(`/api/organisations/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/organisations/${id}`),
  restore: (id: string) => http.post<Organisation>(`/api/organisations/${id}/restore`),
};

export const programmesApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Programme>>('/api/programmes', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Programme>(`/api/programmes/${id}`, undefined, signal),
  create: (body: ProgrammeCreate) => http.post<Programme>('/api/programmes', body),
  update: (id: string, body: ProgrammeUpdate) => http.patch<Programme>(`/api/programmes/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/programmes/${id}`),
  restore: (id: string) => http.post<Programme>(`/api/programmes/${id}/restore`),
};

export const pairingsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Pairing>>('/api/pairings', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Pairing>(`/api/pairings/${id}`, undefined, signal),
  create: (body: PairingCreate) => http.post<Pairing>('/api/pairings', body),
  update: (id: string, body: PairingUpdate) => http.patch<Pairing>(`/api/pairings/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/pairings/${id}`),
  restore: (id: string) => http.post<Pairing>(`/api/pairings/${id}/restore`),
  exportTable: (layout: PairingTableLayout, programmeId?: string) =>
    download('/api/pairings/export', { layout, programmeId }, layout === 'cx' ? '对口关系表（楚雄附件1）.xlsx' : '对口关系表（绵阳附件1）.xlsx'),
  importTable: (layout: PairingTableLayout, programmeId: string, file: File, onProgress?: (percent: number) => void) =>
    upload<PairingImportResult>('/api/pairings/import', { layout, programmeId }, file, onProgress),
};

export const auditApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<AuditEvent>>('/api/audit-events', q, signal),
};

/** `ref`: a version id, or a policy code (CX, MY) for its version in force today. */
const policyPath = (ref: string) => `/api/policies/${encodeURIComponent(ref)}`;

export const policiesApi = {
  list: (q: { code?: string } = {}, signal?: AbortSignal) => http.get<ListResponse<PolicyVersionSummary>>('/api/policies', q, signal),
  get: (ref: string, signal?: AbortSignal) => http.get<PolicyVersionDetail>(policyPath(ref), undefined, signal),
  diff: (ref: string, against: string, signal?: AbortSignal) => http.get<PolicyDiff>(`${policyPath(ref)}/diff`, { against }, signal),
  clone: (ref: string) => http.post<PolicyVersionDetail>(`${policyPath(ref)}/clone`),
  update: (id: string, body: PolicyUpdate) => http.patch<PolicyVersionDetail>(policyPath(id), body),
  publish: (id: string, body: PolicyPublish) => http.post<PolicyVersionDetail>(`${policyPath(id)}/publish`, body),
  remove: (id: string) => http.delete<{ ok: true }>(policyPath(id)),
  evaluateEligibility: (ref: string, body: EligibilitySandbox) => http.post<{ verdicts: ShownVerdict[] }>(`${policyPath(ref)}/evaluate/eligibility`, body),
  evaluateLeave: (ref: string, body: LeaveSandbox) => http.post<LeaveSandboxResult>(`${policyPath(ref)}/evaluate/leave`, body),
  deadlines: (ref: string, year: number, signal?: AbortSignal) => http.get<ListResponse<PolicyDeadline>>(`${policyPath(ref)}/deadlines`, { year }, signal),
};

export const calendarApi = {
  years: (signal?: AbortSignal) => http.get<ListResponse<CalendarYear>>('/api/calendar/years', undefined, signal),
  year: (year: number, signal?: AbortSignal) => http.get<CalendarYearDetail>(`/api/calendar/years/${year}`, undefined, signal),
  putYear: (year: number, body: CalendarYearPut) => request<CalendarYearDetail>('PUT', `/api/calendar/years/${year}`, { body }),
  removeYear: (year: number) => http.delete<{ ok: true }>(`/api/calendar/years/${year}`),
};
