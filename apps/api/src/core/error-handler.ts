import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { labelOfField } from '@duikou/contracts';
import { AppError, type ErrorCode } from './app-error.js';

interface ErrorBody { code: string; message: string; field?: string; details?: unknown[] }

const PG_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'DUPLICATE', message: '记录已存在（唯一性冲突）' },
  '23503': { code: 'CONFLICT', message: '引用的记录不存在或仍被引用' },
  '22P02': { code: 'VALIDATION_FAILED', message: '输入格式不正确' },
  '22001': { code: 'VALIDATION_FAILED', message: '输入过长' },
  '22007': { code: 'VALIDATION_FAILED', message: '日期或时间格式不正确' },
  '22008': { code: 'VALIDATION_FAILED', message: '日期超出范围' },
  // A NUL or other character PostgreSQL text cannot hold, in a field no schema checks for it.
  '22021': { code: 'VALIDATION_FAILED', message: '输入含有不支持的字符（如空字符）' },
  '22P05': { code: 'VALIDATION_FAILED', message: '输入含有不支持的字符（如空字符）' },
};

const where = (ctx: string | undefined): string => ({ body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' })[ctx ?? ''] ?? '请求';

/** Maps every error to `{ code, message, field? }` with its status, in one place. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const body: ErrorBody = { code: err.code, message: err.message };
    if (err.extra.field) body.field = err.extra.field;
    if (err.extra.details) body.details = err.extra.details;
    return { status: err.status, body };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const label = field ? labelOfField(field) : where(err.validationContext);
      return { field: field || undefined, message: `${label}（${field || err.validationContext}）：${v.message}` };
    });
    const first = issues[0]!;
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: first.message, ...(first.field ? { field: first.field } : {}), details: issues },
    };
  }
  const e = err as FastifyError & { code?: string; year?: number };
  if (e && typeof e === 'object') {
    // The policy engine refuses to guess a year with no holiday calendar (CalendarYearMissingError).
    if (e.code === 'CALENDAR_YEAR_MISSING' && typeof e.year === 'number') {
      return { status: 422, body: { code: 'CALENDAR_YEAR_MISSING', message: `${e.year} 年的节假日日历尚未录入，无法计算工作日；请管理员在「节假日日历」中按国务院办公厅通知录入 ${e.year} 年` } };
    }
    // Drizzle wraps the driver's error (DrizzleQueryError) and keeps PostgreSQL's SQLSTATE on `cause`.
    const pgCode = [e.code, (e.cause as { code?: unknown } | undefined)?.code].find((c): c is string => typeof c === 'string' && c in PG_ERRORS);
    if (pgCode) {
      const m = PG_ERRORS[pgCode]!;
      return { status: m.code === 'DUPLICATE' || m.code === 'CONFLICT' ? 409 : 400, body: { code: m.code, message: m.message } };
    }
    switch (e.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大' } };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return { status: 400, body: { code: 'BAD_REQUEST', message: '请求内容为空' } };
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return { status: 400, body: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' } };
    }
    if (e instanceof SyntaxError) return { status: 400, body: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' } };
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return { status: e.statusCode, body: { code: 'BAD_REQUEST', message: `请求无效：${e.message}` } };
    }
  }
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } };
}

/**
 * The one error and not-found mapping of the app. With `spaShell`, a GET for a client-side route
 * (anything outside /api/) answers the web app's index.html; API paths keep their JSON 404.
 */
export function registerErrorHandler(app: FastifyInstance, options: { spaShell?: boolean } = {}): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) request.log.error({ err }, 'unhandled error');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spaShell && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}
