import type { Appeal, AttendanceEntries, AttendanceMonth, CheckIn, CheckInCreate } from '@duikou/contracts';
import { http, request } from './http-client';

/** GET /api/check-ins/today: the caller's day, assignment, geofence and check-ins so far. */
export interface CheckInToday {
  date: string;
  workingDay: boolean;
  dayName: string | null;
  assignment: { id: string; recipientOrgName: string; department: string; plannedStart: string; plannedEnd: string; status: string } | null;
  fence: { lat: number; lng: number; radiusM: number } | null;
  checkIns: CheckIn[];
}

export interface Geofence { lat: number; lng: number; radiusM: number }
/** GET /api/organisations/:orgId/geofence: the recipient's fence, null while none is set. */
export interface RecipientGeofence { orgId: string; orgName: string; fence: Geofence | null }

export interface AppealCreate { assignmentId: string; date: string; requestedStatus: Appeal['requestedStatus']; reason: string }
export interface AppealDecision { decision: 'approve' | 'reject'; comment?: string }

/** 打卡: POST /api/check-ins answers 201 (new) or 200 (the same clientId was already recorded); both are success. */
export const checkInApi = {
  today: (signal?: AbortSignal) => http.get<CheckInToday>('/api/check-ins/today', undefined, signal),
  create: (body: CheckInCreate, signal?: AbortSignal) => request<CheckIn>('POST', '/api/check-ins', { body, signal }),
};

/** 月度考勤, 确认, 考勤申诉 and the recipient's 打卡范围. */
export const attendanceApi = {
  month: (month: string, recipientOrgId: string | undefined, signal?: AbortSignal) =>
    http.get<AttendanceMonth>(`/api/attendance/months/${month}`, { recipientOrgId }, signal),
  saveDays: (month: string, body: AttendanceEntries) => request<AttendanceMonth>('PUT', `/api/attendance/months/${month}/days`, { body }),
  confirm: (month: string, recipientOrgId?: string) =>
    http.post<AttendanceMonth>(`/api/attendance/months/${month}/confirm`, recipientOrgId ? { recipientOrgId } : {}),
  appeals: (q: { status?: string; recipientOrgId?: string }, signal?: AbortSignal) =>
    http.get<{ items: Appeal[]; total: number }>('/api/attendance/appeals', q, signal),
  createAppeal: (body: AppealCreate) => http.post<Appeal>('/api/attendance/appeals', body),
  decideAppeal: (id: string, body: AppealDecision) => http.post<Appeal>(`/api/attendance/appeals/${id}/decision`, body),
  geofence: (orgId: string, signal?: AbortSignal) => http.get<RecipientGeofence>(`/api/organisations/${orgId}/geofence`, undefined, signal),
  setGeofence: (orgId: string, body: Geofence) => request<{ ok: true }>('PUT', `/api/organisations/${orgId}/geofence`, { body }),
};
