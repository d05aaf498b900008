import type { Agreement, AgreementCoverage, AgreementCreate, AgreementDetail, AgreementUpdate, ListResponse, RemoveResult } from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 年度帮扶协议（目标责任书）: list, detail with the rule's verdict, draft, edit, sign per side, file, delete a draft, coverage per year. */
export const agreementsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Agreement>>('/api/agreements', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<AgreementDetail>(`/api/agreements/${id}`, undefined, signal),
  create: (body: AgreementCreate) => http.post<AgreementDetail>('/api/agreements', body),
  update: (id: string, body: AgreementUpdate) => http.patch<AgreementDetail>(`/api/agreements/${id}`, body),
  /** Signs for the caller's own side (support or recipient unit). */
  sign: (id: string, signedOn: string) => http.post<AgreementDetail>(`/api/agreements/${id}/sign`, { signedOn }),
  /** Copies left out: the number the policy requires. */
  file: (id: string, body: { filedOn: string; copies?: number }) => http.post<AgreementDetail>(`/api/agreements/${id}/file`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/agreements/${id}`),
  coverage: (q: QueryParams, signal?: AbortSignal) => http.get<AgreementCoverage>('/api/agreements/coverage', q, signal),
};
