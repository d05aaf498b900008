import type { ErrorBody } from '@duikou/contracts';

export type ErrorDetail = NonNullable<ErrorBody['details']>[number];

/** An error answered by the API: `{ code, message, field?, details? }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: ErrorDetail[];

  constructor(status: number, body: { code: string; message: string; field?: string; details?: ErrorDetail[] }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details ?? [];
  }
}

/** A Chinese sentence for any error (API errors carry their own message). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (error instanceof Error && error.message) return error.message;
  return '发生未知错误，请稍后重试';
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x`, leaving out empty values. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Requests whose 401 means something else than "the session has ended". */
const NO_REDIRECT_ON_401 = ['/api/auth/login', '/api/auth/me', '/api/auth/logout'];

function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body === 'object' && 'message' in body && typeof (body as { message: unknown }).message === 'string') {
    const b = body as { code?: unknown; message: string; field?: unknown; details?: unknown };
    return new ApiError(response.status, {
      code: typeof b.code === 'string' ? b.code : `HTTP_${response.status}`,
      message: b.message,
      field: typeof b.field === 'string' ? b.field : undefined,
      details: Array.isArray(b.details) ? (b.details as ErrorDetail[]) : undefined,
    });
  }
  const fallback: Record<number, string> = {
    401: '登录已失效，请重新登录',
    403: '没有权限执行此操作',
    404: '请求的记录不存在',
    413: '上传的文件过大',
    500: '服务器内部错误，请稍后重试',
    502: '服务器暂时不可用，请稍后重试',
    503: '服务器暂时不可用，请稍后重试',
    504: '服务器响应超时，请稍后重试',
  };
  return new ApiError(response.status, { code: `HTTP_${response.status}`, message: fallback[response.status] ?? `请求失败（HTTP ${response.status}）` });
}

function handleUnauthorised(path: string, status: number): void {
  if (status === 401 && !NO_REDIRECT_ON_401.some((p) => path.startsWith(p))) redirectToLogin();
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** fetch wrapper: same-origin cookies, JSON in and out, ApiError on any non-2xx answer. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: options.signal };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path + toQueryString(options.query), init);
  if (!response.ok) {
    handleUnauthorised(path, response.status);
    throw await parseError(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Multipart upload with progress (XMLHttpRequest: fetch cannot report upload progress).
 * Resolves with the JSON answer; rejects with an ApiError on a non-2xx answer.
 */
export function upload<T>(path: string, query: QueryParams, file: File, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path + toQueryString(query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      handleUnauthorised(path, xhr.status);
      void parseError(response).then(reject, reject);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file answer (e.g. .xlsx) through fetch, so errors can be shown instead of a broken file. */
export async function download(path: string, query: QueryParams, fallbackName: string): Promise<string> {
  const response = await fetch(path + toQueryString(query), { credentials: 'same-origin' });
  if (!response.ok) {
    handleUnauthorised(path, response.status);
    throw await parseError(response);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
