import type {
  Assignment, AssignmentCreate, AssignmentDetail, AssignmentReplace, AssignmentStatusChange, AssignmentUpdate, ListResponse, Person, ShownVerdict,
  StaffingRow,
} from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

export interface PostOptions { allowed: { post: NonNullable<Assignment['post']>; label: string }[]; verdicts: ShownVerdict[] }
export interface Staffing { year: number; items: StaffingRow[]; total: number }

/** 派驻 (assignments) and 派出人数 (staffing): GET/POST/PATCH /api/assignments…, GET /api/staffing. */
export const assignmentsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Assignment>>('/api/assignments', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<AssignmentDetail>(`/api/assignments/${id}`, undefined, signal),
  create: (body: AssignmentCreate) => http.post<AssignmentDetail>('/api/assignments', body),
  update: (id: string, body: AssignmentUpdate) => http.patch<AssignmentDetail>(`/api/assignments/${id}`, body),
  changeStatus: (id: string, body: AssignmentStatusChange) => http.post<AssignmentDetail>(`/api/assignments/${id}/status`, body),
  replace: (id: string, body: AssignmentReplace) => http.post<AssignmentDetail>(`/api/assignments/${id}/replace`, body),
  postOptions: (q: { pairingId: string; personId?: string; role?: string }, signal?: AbortSignal) =>
    http.get<PostOptions>('/api/assignments/post-options', q, signal),
};

export const staffingApi = {
  get: (q: { year: number; programmeId?: string; supportOrgId?: string; recipientOrgId?: string }, signal?: AbortSignal) =>
    http.get<Staffing>('/api/staffing', q, signal),
};

/** The people a support unit may send (GET /api/persons?employerOrgId=…), for the dispatch and replace pickers. */
export const dispatchablePersonsApi = {
  list: (q: { employerOrgId: string; q?: string; pageSize?: number }, signal?: AbortSignal) =>
    http.get<ListResponse<Person>>('/api/persons', q, signal),
};
