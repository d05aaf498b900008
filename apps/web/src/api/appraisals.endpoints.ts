import type { Appraisal, AppraisalCreate, AppraisalDetail, AppraisalOverview, AppraisalPrefill, AppraisalUpdate, ListResponse } from '@duikou/contracts';
import { download, http, type QueryParams } from './http-client';

/**
 * 年度鉴定: list (todo=true: waiting for my step), overview of the help years of a year, pre-filled figures,
 * detail, start, edit (recipient, before submitting), forward the awaited step, send back one step, print the form.
 */
export const appraisalsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Appraisal>>('/api/appraisals', q, signal),
  overview: (q: QueryParams, signal?: AbortSignal) => http.get<AppraisalOverview>('/api/appraisals/overview', q, signal),
  prefill: (q: { assignmentId: string; periodFrom?: string }, signal?: AbortSignal) => http.get<AppraisalPrefill>('/api/appraisals/prefill', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<AppraisalDetail>(`/api/appraisals/${id}`, undefined, signal),
  create: (body: AppraisalCreate) => http.post<AppraisalDetail>('/api/appraisals', body),
  update: (id: string, body: AppraisalUpdate) => http.patch<AppraisalDetail>(`/api/appraisals/${id}`, body),
  forward: (id: string, comment?: string) => http.post<AppraisalDetail>(`/api/appraisals/${id}/forward`, comment ? { comment } : {}),
  sendBack: (id: string, reason: string) => http.post<AppraisalDetail>(`/api/appraisals/${id}/send-back`, { reason }),
  downloadForm: (id: string) => download(`/api/appraisals/${id}/form.pdf`, {}, 'appraisal-form.pdf'),
};
