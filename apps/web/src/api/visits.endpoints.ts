import type { ListResponse, RemoveResult, Visit, VisitCreate, VisitUpdate, VisitVerdicts } from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 院领导带队赴受援医院指导（领导调研）: records of the support unit and the yearly verdict per pairing. */
export const visitsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Visit>>('/api/leadership-visits', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Visit>(`/api/leadership-visits/${id}`, undefined, signal),
  create: (body: VisitCreate) => http.post<Visit>('/api/leadership-visits', body),
  update: (id: string, body: VisitUpdate) => http.patch<Visit>(`/api/leadership-visits/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/leadership-visits/${id}`),
  verdicts: (q: QueryParams, signal?: AbortSignal) => http.get<VisitVerdicts>('/api/leadership-visits/verdicts', q, signal),
};
