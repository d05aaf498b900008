import type { ListResponse, RollCall, RollCallAnswer } from '@duikou/contracts';
import { http } from './http-client';

/** 点名, from the dispatched person's side: the roll calls waiting for an answer, and the answer (time + location). */
export const rollCallsApi = {
  mine: (signal?: AbortSignal) => http.get<ListResponse<RollCall>>('/api/roll-calls/mine', undefined, signal),
  answer: (spotCheckId: string, body: RollCallAnswer) => http.post<RollCall>(`/api/roll-calls/${spotCheckId}/answer`, body),
};
