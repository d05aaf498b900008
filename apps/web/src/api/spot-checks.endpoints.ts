import type {
  Consequences, ListResponse, PersonSpotCheckVerdicts, Sanction, SanctionCreate, SpotCheck, SpotCheckCreate, SpotCheckDetail, SpotCheckRedraw,
  SpotCheckResultUpdate,
} from '@duikou/contracts';
import { download, http, request, type QueryParams } from './http-client';

export type AssignmentSpotCheckVerdicts = PersonSpotCheckVerdicts & { assignmentId: string };

/** 抽查点名: list, start (random with a seed, or named assignments), detail, re-draw from the seed, record, end a roll call, consequences. */
export const spotChecksApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<SpotCheck>>('/api/spot-checks', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<SpotCheckDetail>(`/api/spot-checks/${id}`, undefined, signal),
  create: (body: SpotCheckCreate) => http.post<SpotCheckDetail>('/api/spot-checks', body),
  redraw: (id: string, signal?: AbortSignal) => http.get<SpotCheckRedraw>(`/api/spot-checks/${id}/redraw`, undefined, signal),
  recordResult: (id: string, assignmentId: string, body: SpotCheckResultUpdate) =>
    request<SpotCheckDetail>('PUT', `/api/spot-checks/${id}/results/${assignmentId}`, { body }),
  closeRollCall: (id: string) => http.post<SpotCheckDetail>(`/api/spot-checks/${id}/close`),
  consequences: (q: QueryParams, signal?: AbortSignal) => http.get<Consequences>('/api/spot-checks/consequences', q, signal),
  verdicts: (assignmentId: string, signal?: AbortSignal) => http.get<AssignmentSpotCheckVerdicts>('/api/spot-checks/verdicts', { assignmentId }, signal),
};

/** 通报 / 约谈: the document travels as base64 inside the JSON body (≤ 2 MB). */
export const sanctionsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Sanction>>('/api/sanctions', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Sanction>(`/api/sanctions/${id}`, undefined, signal),
  create: (body: SanctionCreate) => http.post<Sanction>('/api/sanctions', body),
  downloadDocument: (id: string, fallbackName: string) => download(`/api/sanctions/${id}/document`, {}, fallbackName),
};
