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

/** Logger options shared by the HTTP server and the CLI. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
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
