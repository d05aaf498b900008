import type { Activity, ActivityCreate, ActivityUpdate, ListResponse, OffSiteGuidance, RemoveResult } from '@duikou/contracts';
import { download, http, type QueryParams } from './http-client';

/** 带教/指导记录: on-site teaching and off-site remote guidance; attachments travel as base64 in the JSON body (≤ 3, 2 MB each). */
export const activitiesApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Activity>>('/api/activities', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Activity>(`/api/activities/${id}`, undefined, signal),
  create: (body: ActivityCreate) => http.post<Activity>('/api/activities', body),
  update: (id: string, body: ActivityUpdate) => http.patch<Activity>(`/api/activities/${id}`, body),
  remove: (id: string) => http.delete<RemoveResult>(`/api/activities/${id}`),
  downloadAttachment: (id: string, fallbackName: string) => download(`/api/activity-attachments/${id}`, {}, fallbackName),
  /** 不驻点期间远程指导 (MY): per person, the months with off-site working days and whether guidance was recorded. */
  offSiteGuidance: (q: QueryParams, signal?: AbortSignal) => http.get<OffSiteGuidance>('/api/activities/off-site-guidance', q, signal),
};
