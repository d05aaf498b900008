import type { Leave, LeaveCreate, LeaveSandboxResult, ListResponse, ShownVerdict } from '@duikou/contracts';
import { download, http, type QueryParams } from './http-client';

/** GET /api/leave-requests/:id and every write answer: the leave with the engine's verdicts. */
export type LeaveDetail = Leave & { verdicts: ShownVerdict[] };

export interface Trip {
  id: string; assignmentId: string; personName: string; recipientOrgName: string; startDate: string; endDate: string;
  destination: string; reason: string | null; reportedBy: string; createdAt: string;
}
/** POST /api/leave-requests/preview: what a request would get (working days, approval chain, filings); saves nothing. */
export type LeavePreview = LeaveSandboxResult;
export type LeavePreviewBody = Pick<LeaveCreate, 'startDate' | 'endDate' | 'kind'> & { assignmentId?: string };

export interface TripCreate { assignmentId?: string; startDate: string; endDate: string; destination: string; reason?: string }

/** 请假: list (todo=true: waiting for me), detail, preview, request, decide, 销假, 撤回, attachment. */
export const leaveApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Leave>>('/api/leave-requests', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<LeaveDetail>(`/api/leave-requests/${id}`, undefined, signal),
  preview: (body: LeavePreviewBody) => http.post<LeavePreview>('/api/leave-requests/preview', body),
  create: (body: LeaveCreate) => http.post<LeaveDetail>('/api/leave-requests', body),
  decide: (id: string, body: { decision: 'approve' | 'reject'; comment?: string }) => http.post<LeaveDetail>(`/api/leave-requests/${id}/decision`, body),
  returnOn: (id: string, date: string) => http.post<LeaveDetail>(`/api/leave-requests/${id}/return`, { date }),
  cancel: (id: string) => http.post<LeaveDetail>(`/api/leave-requests/${id}/cancel`),
  downloadAttachment: (id: string, fallbackName: string) => download(`/api/leave-requests/${id}/attachment`, {}, fallbackName),
};

/** 外出报备 (rest days and holidays only). */
export const tripsApi = {
  list: (signal?: AbortSignal) => http.get<{ items: Trip[]; total: number }>('/api/trip-reports', undefined, signal),
  create: (body: TripCreate) => http.post<Trip>('/api/trip-reports', body),
};
