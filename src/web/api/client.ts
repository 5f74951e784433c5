import type { ApiErrorBody, FieldProblem } from '../../contracts/messages';

/**
 * An API failure in both languages. Every 4xx/5xx body of the DVC06 API has the shape
 * `{ error: { code, messageVi, messageEn, requestId, fields? } }`; network failures and
 * unexpected bodies are turned into the same shape so the UI has one way to show errors.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly requestId?: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.messageVi === 'string';
}

/** Options of one request; later issues add headers here (e.g. the purpose of opening a record). */
export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

async function request<T>(method: 'GET' | 'POST', path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal: options.signal,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', 'Cannot reach the server. Check the network and try again.');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const e = parsed.error;
      throw new ApiError(response.status, e.code, e.messageVi, e.messageEn, e.requestId, e.fields ?? []);
    }
    throw new ApiError(response.status, 'HTTP', `Máy chủ trả lỗi ${response.status}. Vui lòng thử lại sau.`, `The server answered ${response.status}. Please try again later.`);
  }
  if (parsed === undefined) {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'Máy chủ trả dữ liệu không đọc được.', 'The server returned unreadable data.');
  }
  return parsed as T;
}

/** GET a JSON resource under /api. */
export function apiGet<T>(path: string, options?: RequestOptions): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

/** POST a JSON body and read a JSON answer. */
export function apiPost<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return request<T>('POST', path, body, options);
}

/** Builds a query string, skipping empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
