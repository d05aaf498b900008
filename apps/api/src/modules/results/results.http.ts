import type { FastifyReply } from 'fastify';
import { errorBodySchema } from '@duikou/contracts';
import type { FileAnswer } from './results.service.js';

export const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
export const fileErrors = { ...errors, 503: errorBodySchema };

/** A file answer with an ASCII fallback name and the Chinese name (RFC 5987). */
export function sendFile(reply: FastifyReply, file: FileAnswer, fallback: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.buffer);
}
