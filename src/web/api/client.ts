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
  return (
    typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.messageVi === 'string'
  );
}

/** Options of one request. */
export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Session hooks set by the session provider (api/session.tsx): the CSRF token of the
 * signed-in session, sent back as `x-csrf-token` on state-changing calls; what to do when
 * the server answers "not signed in"; and how to fetch a fresh token after a CSRF refusal.
 */
interface SessionHooks {
  csrfToken: string | null;
  onUnauthenticated: (error: ApiError) => void;
  refreshCsrf: () => Promise<string | null>;
}

const hooks: SessionHooks = { csrfToken: null, onUnauthenticated: () => {}, refreshCsrf: async () => null };

/** Sets the CSRF token (from GET /api/v1/auth/me or the login answer). */
export function setCsrfToken(token: string | null): void {
  hooks.csrfToken = token;
}

/** Registers the session's reactions to 401 answers and CSRF refusals. */
export function setSessionHandlers(handlers: Pick<SessionHooks, 'onUnauthenticated' | 'refreshCsrf'>): void {
  hooks.onUnauthenticated = handlers.onUnauthenticated;
  hooks.refreshCsrf = handlers.refreshCsrf;
}

/** True for "you are not signed in (any more)": not a wrong password or a missing TOTP code at login. */
export function isSignedOutError(error: ApiError): boolean {
  return error.status === 401 && !/^AUTH\.(LOGIN|TOTP)_/.test(error.code);
}

/**
 * GET answers asked for ahead by `primeGets`: a first page's data requested beside GET /auth/me
 * rather than after it (a round trip less on a phone's slow link, issue 14 §6, ADR 0023). Each is
 * used once, by the first GET of the same path within PRIMED_FOR_MS, and read only then: a 401
 * for a visitor who is sent to sign in is never acted on.
 */
const primed = new Map<string, { at: number; response: Promise<Response> }>();
const PRIMED_FOR_MS = 15_000;
let priming = false;

/**
 * Runs `start`, whose GET calls (the page's own API functions, so the paths are theirs) only send
 * their request and keep the answer for the page's first GET of that path; the promises they
 * return never settle.
 */
export function primeGets(start: () => void): void {
  priming = true;
  try {
    start();
  } finally {
    priming = false;
  }
}

/** The answer kept for this GET, if one was asked for ahead and is fresh (taken: used once). */
function takePrimed(path: string): Promise<Response> | undefined {
  const ahead = primed.get(path);
  primed.delete(path);
  return ahead && Date.now() - ahead.at < PRIMED_FOR_MS ? ahead.response : undefined;
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const ahead = method === 'GET' ? takePrimed(path) : undefined;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const multipart = body instanceof FormData;
  // A FormData body sets its own multipart content type (with the boundary).
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && hooks.csrfToken) headers['x-csrf-token'] = hooks.csrfToken;
  try {
    if (ahead) return await ahead;
    return await fetch(path, {
      method,
      signal: options.signal,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK',
      'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
      'Cannot reach the server. Check the network and try again.',
    );
  }
}

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions = {},
  retried = false,
): Promise<T> {
  if (priming && method === 'GET') {
    const kept = primed.get(path);
    if (!kept || Date.now() - kept.at >= PRIMED_FOR_MS) {
      const response = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      response.catch(() => undefined); // a failure shows when the page asks again
      primed.set(path, { at: Date.now(), response });
    }
    return new Promise<T>(() => undefined);
  }
  const response = await send(method, path, body, options);
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
    const error = isErrorBody(parsed)
      ? new ApiError(
          response.status,
          parsed.error.code,
          parsed.error.messageVi,
          parsed.error.messageEn,
          parsed.error.requestId,
          parsed.error.fields ?? [],
        )
      : new ApiError(
          response.status,
          'HTTP',
          `Máy chủ trả lỗi ${response.status}. Vui lòng thử lại sau.`,
          `The server answered ${response.status}. Please try again later.`,
        );
    // The session changed in another tab (new token): fetch the current token and try once more.
    if (error.code === 'AUTH.CSRF_FORBIDDEN' && !retried && (await hooks.refreshCsrf())) {
      return request<T>(method, path, body, options, true);
    }
    if (isSignedOutError(error)) hooks.onUnauthenticated(error);
    throw error;
  }
  if (parsed === undefined) {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      'Máy chủ trả dữ liệu không đọc được.',
      'The server returned unreadable data.',
    );
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

/** POST a multipart/form-data body (files with their JSON part) and read a JSON answer. */
export function apiPostForm<T>(path: string, form: FormData, options?: RequestOptions): Promise<T> {
  return request<T>('POST', path, form, options);
}

/** PUT a whole resource as a JSON body (create or replace) and read the JSON answer. */
export function apiPut<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return request<T>('PUT', path, body, options);
}

/** PATCH a resource with a JSON body of the fields to change and read the JSON answer. */
export function apiPatch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return request<T>('PATCH', path, body, options);
}

/** DELETE a resource and read the JSON answer. */
export function apiDelete<T>(path: string, options?: RequestOptions): Promise<T> {
  return request<T>('DELETE', path, undefined, options);
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
