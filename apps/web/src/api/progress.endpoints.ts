import type { AssignmentProgress, AtRisk } from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 在岗进度: one assignment's on-site days vs required with the forecast; the list of those at risk or already short. */
export const progressApi = {
  assignment: (id: string, signal?: AbortSignal) => http.get<AssignmentProgress>(`/api/progress/assignments/${id}`, undefined, signal),
  atRisk: (q: QueryParams, signal?: AbortSignal) => http.get<AtRisk>('/api/progress/at-risk', q, signal),
};
