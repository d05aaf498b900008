import type {
  AnnualTask, AnnualTaskCreate, AnnualTaskUpdate, ListResponse, QuarterlyReport, QuarterlyReportCreate, QuarterlyReportUpdate, QuarterlySchedule, RemoveResult,
} from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 年度任务: set by the recipient unit per dispatched person (task:write); read by all in scope. */
export const tasksApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<AnnualTask>>('/api/tasks', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<AnnualTask>(`/api/tasks/${id}`, undefined, signal),
  create: (body: AnnualTaskCreate) => http.post<AnnualTask>('/api/tasks', body),
  update: (id: string, body: AnnualTaskUpdate) => http.patch<AnnualTask>(`/api/tasks/${id}`, body),
  /** Refused (409) once a quarterly report has reported on the task. */
  remove: (id: string) => http.delete<RemoveResult>(`/api/tasks/${id}`),
};

/** 季度进展: the recipient's quarterly feedback to the support unit, and the schedule of due dates with the engine's verdicts. */
export const quarterlyReportsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<QuarterlyReport>>('/api/quarterly-reports', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<QuarterlyReport>(`/api/quarterly-reports/${id}`, undefined, signal),
  schedule: (q: QueryParams, signal?: AbortSignal) => http.get<QuarterlySchedule>('/api/quarterly-reports/schedule', q, signal),
  /** The submission date is the server's today. */
  create: (body: QuarterlyReportCreate) => http.post<QuarterlyReport>('/api/quarterly-reports', body),
  update: (id: string, body: QuarterlyReportUpdate) => http.patch<QuarterlyReport>(`/api/quarterly-reports/${id}`, body),
};
