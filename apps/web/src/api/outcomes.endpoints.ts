import type { ListResponse, Outcome, OutcomeCreate, OutcomeTrend, OutcomeUpdate, RemoveResult } from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 成效指标 of a recipient per year or quarter, and its trend. */
export const outcomesApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Outcome>>('/api/outcomes', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Outcome>(`/api/outcomes/${id}`, undefined, signal),
  create: (body: OutcomeCreate) => http.post<Outcome>('/api/outcomes', body),
  update: (id: string, body: OutcomeUpdate) => http.patch<Outcome>(`/api/outcomes/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/outcomes/${id}`),
  trend: (q: { recipientOrgId: string; granularity?: 'year' | 'quarter' }, signal?: AbortSignal) => http.get<OutcomeTrend>('/api/outcomes/trend', q, signal),
};
