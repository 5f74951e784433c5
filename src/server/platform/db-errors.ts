import { AppError } from './errors';

/**
 * Telling "the database is down or not answering" apart from every other database error
 * (ADR 0014). An outage is answered 503 with Retry-After (the client may retry the same request);
 * anything else stays a 500 (a bug). Errors are matched on what node-postgres, pg-pool and PGlite
 * actually throw, looking through Drizzle's wrapper (`cause`) and Node's AggregateError.
 */

/** Seconds a client is asked to wait (`Retry-After`) when the database is unavailable. */
export const DB_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of an unavailable database: class 08 (connection exception), 57P01–57P05 (operator
 * intervention: admin/crash shutdown, cannot connect now, database dropped, idle session timeout),
 * 57014 (query cancelled: statement_timeout), 25P03 (idle-in-transaction timeout), 53300 (too many connections).
 */
function unavailableSqlState(code: string): boolean {
  return (
    /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code) || code === '57014' || code === '25P03' || code === '53300'
  );
}

/** Socket errors (errno codes) meaning the database host cannot be reached or dropped the connection. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/** Messages of node-postgres, pg-pool and PGlite errors that carry no code (pg 8, pg-pool 3, PGlite 0.5). */
const UNAVAILABLE_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^timeout exceeded when trying to connect$/, 'pool acquisition timeout'],
  [/^Connection terminated due to connection timeout$/, 'connection timeout'],
  [/^timeout expired$/, 'connection timeout'],
  [/^Query read timeout$/, 'query timeout'],
  [/^Connection terminated( unexpectedly)?$/, 'connection terminated'],
  [/^Client has encountered a connection error and is not queryable$/, 'connection lost'],
  [/^Cannot use a pool after calling end on the pool$/, 'pool closed'],
  [/^PGlite is closed$/, 'database closed'],
];

/**
 * Why `error` means the database is unavailable ("SQLSTATE 57P01", "ECONNREFUSED", "query
 * timeout", …), or undefined when it is some other error. Safe to log: no query text, no values.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5 || error instanceof AppError) return undefined;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code) && unavailableSqlState(code)) return `SQLSTATE ${code}`;
    if (UNAVAILABLE_ERRNO.has(code)) return code;
  }
  if (typeof message === 'string') {
    const known = UNAVAILABLE_MESSAGES.find(([re]) => re.test(message));
    if (known) return known[1];
  }
  const inners: unknown[] = Array.isArray(errors) ? [cause, ...(errors as unknown[])] : [cause];
  for (const inner of inners) {
    const reason = databaseUnavailableReason(inner, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}

/** True when `error` means the database is down, unreachable or not answering in time. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined;
}

/** The bilingual 503 a client gets while the database is unavailable (sent with Retry-After). */
export function databaseUnavailable(): AppError {
  return new AppError(
    'DATABASE.UNAVAILABLE',
    'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
    'The database is temporarily unavailable. Please try again in a few minutes.',
  );
}

type Warn = (fields: Record<string, unknown>, message: string) => void;

/**
 * Reports database outages without flooding the log: the first failure of an outage is logged at
 * once, then at most one summary per `intervalMs` with how many failures it stands for. Returns
 * false (and logs nothing) for an error that is not an outage, so the caller logs it as before.
 */
export function createOutageReporter(
  warn: Warn,
  options: { intervalMs?: number; now?: () => number } = {},
): (error: unknown, source: string) => boolean {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let lastLoggedAt = -Infinity;
  let held = 0;
  return (error, source) => {
    const reason = databaseUnavailableReason(error);
    if (!reason) return false;
    held += 1;
    if (now() - lastLoggedAt >= intervalMs) {
      warn({ reason, source, failures: held }, 'database unavailable');
      lastLoggedAt = now();
      held = 0;
    }
    return true;
  };
}
