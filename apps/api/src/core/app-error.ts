/** Machine codes of every error the API answers with; the HTTP status follows from the code. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  RULE_VIOLATION: 422,
  CALENDAR_YEAR_MISSING: 422,
  POLICY_INVALID: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail { row?: number; column?: string; field?: string; message: string }

/** The one error type of the API: a code, a Chinese message, optionally the field and per-cell details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; details?: ErrorDetail[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '没有权限执行此操作'): AppError => new AppError('FORBIDDEN', message);
export const invalidField = (field: string, message: string): AppError => new AppError('VALIDATION_FAILED', message, { field });
