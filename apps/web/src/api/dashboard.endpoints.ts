import type { Dashboard } from '@duikou/contracts';
import { http } from './http-client';

/** 监管看板 of the caller's area, or of a region (regionCode) or unit (orgId) inside it. */
export const dashboardApi = {
  get: (q: { regionCode?: string | undefined; orgId?: string | undefined }, signal?: AbortSignal) => http.get<Dashboard>('/api/dashboard', q, signal),
};
