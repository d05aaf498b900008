import type {
  KindPeriod, ListResponse, ReportPeriods, StatutoryOverview, StatutoryReport, StatutoryReportKind, StatutoryReportSummary,
} from '@duikou/contracts';
import { download, http, type QueryParams } from './http-client';

/** 统计报表: list, periods with the engine's due dates, the receiver's grid, generate, note, submit, send back, accept, export. */
export const statutoryReportsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<StatutoryReportSummary>>('/api/statutory-reports', q, signal),
  periods: (kind: StatutoryReportKind, signal?: AbortSignal) => http.get<ReportPeriods>('/api/statutory-reports/periods', { kind, count: 12 }, signal),
  overview: (q: KindPeriod, signal?: AbortSignal) => http.get<StatutoryOverview>('/api/statutory-reports/overview', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<StatutoryReport>(`/api/statutory-reports/${id}`, undefined, signal),
  generate: (body: KindPeriod) => http.post<StatutoryReport>('/api/statutory-reports/generate', body),
  updateNote: (id: string, note: string | null) => http.patch<StatutoryReport>(`/api/statutory-reports/${id}`, { note }),
  submit: (id: string) => http.post<StatutoryReport>(`/api/statutory-reports/${id}/submit`),
  sendBack: (id: string, reason: string) => http.post<StatutoryReport>(`/api/statutory-reports/${id}/send-back`, { reason }),
  accept: (id: string) => http.post<StatutoryReport>(`/api/statutory-reports/${id}/accept`),
  exportXlsx: (id: string) => download(`/api/statutory-reports/${id}/export.xlsx`, {}, 'statutory-report.xlsx'),
};
