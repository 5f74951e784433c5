import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';

/**
 * Rate limits kept in the database (identity.rate_limits), so every process on it shares them:
 * N processes no longer multiply a limit by N, and a restart does not reset it (ADR 0004,
 * "Sign-in throttling"). Each change is one atomic upsert on the key's row.
 */

/** A fixed window: at most `max` requests per `windowMs` under one key. */
export interface WindowPolicy {
  max: number;
  windowMs: number;
}

/**
 * Growing delays (NIST SP 800-63B §5.2.2): the first `free` failures cost nothing; after the
 * n-th failure (n ≥ free) no attempt is taken for 2^(n − free) seconds, at most `maxDelayMs`.
 * A key quiet for `quietResetMs` starts again from zero.
 */
export interface BackoffPolicy {
  free: number;
  maxDelayMs: number;
  quietResetMs: number;
}

/** Rows untouched for a day (and not remembering a recent success) are deleted now and then. */
const PRUNE_AFTER_MS = 24 * 3600_000;
/** An address an account signed in from is remembered this long (login throttling). */
export const KNOWN_ADDRESS_MS = 90 * 24 * 3600_000;
const PRUNE_PROBABILITY = 0.005;

const ms = (value: number): SQL => sql`make_interval(secs => ${value / 1000})`;
const num = (v: unknown) => Number(v ?? 0);

/** The client's address as keyed: IPv4 as is, IPv6 reduced to its /64 (one subscriber's network). */
export function clientAddress(request: FastifyRequest): string {
  return normalizeIP(request.ip, 64);
}

/** The 429 of every rate limit, with the wait in seconds (Vietnamese first). */
export function rateLimited(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    'AUTH.RATE_LIMITED',
    `Bạn thử quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
    `Too many attempts. Please try again in ${seconds} seconds.`,
  );
}

/** Counts one request under `key`; `retryAfterMs` > 0 when it is over the window's limit. */
export async function countHit(
  db: Db,
  key: string,
  policy: WindowPolicy,
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const expired = sql`r.window_start <= now() - ${ms(policy.windowMs)}`;
  const rows = await queryRows(
    db,
    sql`
    insert into identity.rate_limits as r (key, hits, window_start, updated_at) values (${key}, 1, now(), now())
    on conflict (key) do update set
      hits = case when ${expired} then 1 else r.hits + 1 end,
      window_start = case when ${expired} then now() else r.window_start end,
      updated_at = now()
    returning hits, greatest(0, extract(epoch from (window_start + ${ms(policy.windowMs)} - now())) * 1000) as retry_ms`,
  );
  await maybePrune(db);
  const hits = num(rows[0]?.hits);
  return hits > policy.max
    ? { allowed: false, retryAfterMs: num(rows[0]?.retry_ms) }
    : { allowed: true, retryAfterMs: 0 };
}

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('refused');
  }
}

/**
 * Takes one attempt under every key, counted as a failure until `clearFailures` says otherwise
 * (so parallel guesses cannot slip in before the first is judged). All or nothing: when any key
 * is still in its delay the attempt is refused, nothing is counted, and the longest wait is
 * returned. Keys are locked in sorted order (no deadlock between concurrent attempts).
 */
export async function takeAttempt(
  db: Db,
  keys: ReadonlyArray<{ key: string; policy: BackoffPolicy }>,
): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    await db.transaction(async (tx) => {
      const refusals: number[] = [];
      for (const { key, policy } of sorted) {
        const row = (await queryRows(tx, attemptSql(key, policy)))[0];
        if (row?.refused) refusals.push(num(row.retry_ms));
      }
      if (refusals.length) throw new Refused(Math.max(...refusals));
    });
  } catch (error) {
    if (error instanceof Refused) return { allowed: false, retryAfterMs: error.retryAfterMs };
    throw error;
  }
  await maybePrune(db);
  return { allowed: true };
}

function attemptSql(key: string, p: BackoffPolicy): SQL {
  const waiting = sql`(r.blocked_until is not null and r.blocked_until > now())`;
  const failures = sql`(case when r.updated_at < now() - ${ms(p.quietResetMs)} then 1 else r.failures + 1 end)`;
  return sql`
    insert into identity.rate_limits as r (key, failures, blocked_until, refused, updated_at)
    values (${key}, 1, ${delayAfter(sql`1`, p)}, false, now())
    on conflict (key) do update set
      refused = ${waiting},
      failures = case when ${waiting} then r.failures else ${failures} end,
      blocked_until = case when ${waiting} then r.blocked_until else ${delayAfter(failures, p)} end,
      updated_at = case when ${waiting} then r.updated_at else now() end
    returning refused, greatest(0, extract(epoch from (blocked_until - now())) * 1000) as retry_ms`;
}

/** The end of the delay after `n` failures: none before `free`, then 1 s, 2 s, 4 s … up to the cap. */
function delayAfter(n: SQL, p: BackoffPolicy): SQL {
  return sql`case when ${n} < ${p.free} then null
    else now() + make_interval(secs => least(${p.maxDelayMs / 1000}::float8, power(2::float8, least(${n} - ${p.free}, 30)))) end`;
}

/** A success: the keys' failures and delays are cleared, and the success remembered. */
export async function clearFailures(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.execute(sql`update identity.rate_limits set failures = 0, blocked_until = null, succeeded_at = now(), updated_at = now()
    where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`);
}

/** A success under a shared key (an office's address): the attempt taken is not counted as a failure. */
export async function forgiveAttempt(db: Db, key: string, policy: BackoffPolicy): Promise<void> {
  await db.execute(sql`update identity.rate_limits set failures = greatest(failures - 1, 0),
    blocked_until = case when failures - 1 < ${policy.free} then null else blocked_until end where key = ${key}`);
}

/** When `key` last succeeded (within KNOWN_ADDRESS_MS), if it did. */
export async function recentSuccess(db: Db, key: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 as ok from identity.rate_limits where key = ${key} and succeeded_at > now() - ${ms(KNOWN_ADDRESS_MS)}`,
  );
  return rows.length > 0;
}

/** How long attempts under `key` must still wait (0 when they need not). */
export async function currentDelayMs(db: Db, key: string): Promise<number> {
  const rows = await queryRows(
    db,
    sql`select greatest(0, extract(epoch from (blocked_until - now())) * 1000) as retry_ms from identity.rate_limits where key = ${key}`,
  );
  return num(rows[0]?.retry_ms);
}

/** Forgets every key starting with `prefix` (an administrator's password reset). */
export async function forgetKeys(db: Db, prefix: string): Promise<void> {
  await db.execute(sql`delete from identity.rate_limits where starts_with(key, ${prefix})`);
}

/** Deletes rows quiet for a day, unless they are in a delay or remember a recent success. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from identity.rate_limits where updated_at < now() - ${ms(PRUNE_AFTER_MS)}
    and (blocked_until is null or blocked_until < now()) and (succeeded_at is null or succeeded_at < now() - ${ms(KNOWN_ADDRESS_MS)})`);
}

async function maybePrune(db: Db): Promise<void> {
  if (Math.random() < PRUNE_PROBABILITY) await pruneRateLimits(db);
}

/** The preHandlers made by `addressRateLimit`: the API document gives their routes a 429 answer. */
const throttles = new WeakSet<object>();

/**
 * A preHandler limiting each client address to `policy` for one route (`name` keys it): a 429
 * with Retry-After beyond the limit, counted in the database for every process.
 */
export function addressRateLimit(
  db: Db,
  name: string,
  policy: WindowPolicy,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const limit = async (request: FastifyRequest, reply: FastifyReply) => {
    const { allowed, retryAfterMs } = await countHit(db, `${name}:address:${clientAddress(request)}`, policy);
    if (allowed) return;
    void reply.header('retry-after', Math.max(1, Math.ceil(retryAfterMs / 1000)));
    throw rateLimited(retryAfterMs);
  };
  throttles.add(limit);
  return limit;
}

/** True for a preHandler made by `addressRateLimit`. */
export function isThrottled(handler: unknown): boolean {
  return typeof handler === 'function' && throttles.has(handler);
}
