import pino, { type LoggerOptions } from 'pino';

/**
 * Paths redacted from every log line. Personal data never goes into logs
 * (PDP Law 91/2025): identifiers of records are fine, values about people are not.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.nationalId',
  '*.legacyId',
  '*.fullName',
  '*.name',
  '*.phone',
  '*.email',
  '*.address',
  '*.addressLine',
  '*.birthDate',
  '*.password',
  '*.token',
  '*.id_token',
  '*.access_token',
  'body',
  'query',
];

/** Removes the bound values a database error carries (`params: …` lines may hold form data about people). */
export function withoutQueryParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

/** Errors are logged by type, message and stack only — never the query's bound values or a cause's data. */
function serializeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: withoutQueryParams(String(e)) };
  const cause =
    e.cause instanceof Error
      ? { type: e.cause.name, message: withoutQueryParams(e.cause.message), code: (e.cause as { code?: unknown }).code }
      : undefined;
  return {
    type: e.name,
    message: withoutQueryParams(e.message),
    stack: e.stack ? withoutQueryParams(e.stack) : undefined,
    code: (e as { code?: unknown }).code,
    cause,
  };
}

/** Logger options shared by the HTTP server and the CLI. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      err: serializeError,
      // Log the route pattern, never the raw URL: query strings and path params can carry ID numbers.
      req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? '(unmatched)',
        reqId: req.id,
      }),
    },
  };
}

/** A standalone logger for the CLI and start-up. */
export function createLogger(level = 'info') {
  return pino(loggerOptions(level));
}
