import type { Certificate, CertificateVerify, ListResponse } from '@duikou/contracts';
import { download, http, type QueryParams } from './http-client';

/** 对口支援工作经历证明 (职称晋升用): list, issue for a completed assignment, print, verify a number (经历证明 or 师带徒证书). */
export const certificatesApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<ListResponse<Certificate>>('/api/certificates', q, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Certificate>(`/api/certificates/${id}`, undefined, signal),
  issue: (assignmentId: string) => http.post<Certificate>('/api/certificates', { assignmentId }),
  verify: (number: string, signal?: AbortSignal) => http.get<CertificateVerify>('/api/certificates/verify', { number }, signal),
  downloadPdf: (id: string) => download(`/api/certificates/${id}/pdf`, {}, 'service-certificate.pdf'),
};
