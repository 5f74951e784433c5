import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import {
  clearFailures,
  currentDelayMs,
  forgetKeys,
  forgiveAttempt,
  recentSuccess,
  takeAttempt,
  type BackoffPolicy,
} from './rate-limits';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Staff sign-in throttling (NIST SP 800-63B §5.2.2; ADR 0004 "Sign-in throttling"): growing
 * delays, never a lock, per key —
 * - account × address: 5 free failures, then 1 s, 2 s, 4 s … up to 15 minutes: one guesser on one account;
 * - account (any address): 10 free failures, then the same delays: guessers spread over many
 *   addresses. An address the account has signed in from in the last 90 days is exempt, so an
 *   outsider slows the account down for everyone but its owner;
 * - address (any account): 50 free failures (a commune office behind one NAT address), then the same.
 * Keys use the username as typed (lower case), so unknown usernames are throttled exactly like
 * real ones. A day (an hour for an address) without failures starts a key again from zero.
 */
export const LOGIN_POLICIES = {
  accountAddress: { free: 5, maxDelayMs: 15 * MINUTE, quietResetMs: 24 * HOUR },
  account: { free: 10, maxDelayMs: 15 * MINUTE, quietResetMs: 24 * HOUR },
  address: { free: 50, maxDelayMs: 15 * MINUTE, quietResetMs: HOUR },
} as const satisfies Record<string, BackoffPolicy>;

const keys = (username: string, address: string) => ({
  accountAddress: `login:account-address:${username}|${address}`,
  account: `login:account:${username}`,
  address: `login:address:${address}`,
});

/**
 * Takes one sign-in attempt for (username, address): 0 when taken, else how long to wait (ms),
 * the same for every username. The attempt counts as failed until `loginSucceeded`.
 */
export async function takeLoginAttempt(db: Db, username: string, address: string): Promise<number> {
  const k = keys(username, address);
  const knownAddress = await recentSuccess(db, k.accountAddress);
  const taken = await takeAttempt(db, [
    { key: k.accountAddress, policy: LOGIN_POLICIES.accountAddress },
    ...(knownAddress ? [] : [{ key: k.account, policy: LOGIN_POLICIES.account }]),
    { key: k.address, policy: LOGIN_POLICIES.address },
  ]);
  if (!taken.allowed) return Math.max(1, taken.retryAfterMs);
  if (Math.random() < 0.005) await pruneSignInFailures(db);
  return 0;
}

/**
 * A failed attempt (wrong password or code) of `username`: recorded for the owner's security
 * notice when the username is a staff account's. One statement whether or not it is, so an unknown
 * username costs the same round trips as a known one.
 */
export async function loginFailed(db: Db, username: string, address: string): Promise<void> {
  await db.execute(sql`insert into identity.sign_in_failures (account_id, address)
    select id, ${address} from identity.accounts where username = ${username} and kind = 'staff'`);
}

/** A successful sign-in: the account's delays end, the address is remembered as the owner's. */
export async function loginSucceeded(db: Db, username: string, address: string): Promise<void> {
  const k = keys(username, address);
  await clearFailures(db, [k.accountAddress, k.account]);
  await forgiveAttempt(db, k.address, LOGIN_POLICIES.address);
}

/** Sign-in of the account from a new address is being delayed now (the administrators' list shows it). */
export async function loginDelayed(db: Db, username: string): Promise<boolean> {
  return (await currentDelayMs(db, keys(username, '').account)) > 0;
}

/** An administrator reset the password: every delay of the account ends. */
export async function forgetLoginThrottle(db: Db, username: string): Promise<void> {
  await forgetKeys(db, keys(username, '').account);
  await forgetKeys(db, `login:account-address:${username}|`);
}

/** Failed sign-ins shown to the owner: this many at least since the previous sign-in. */
export const NOTICE_MIN_FAILURES = 3;

/** Failed sign-ins of an account after `since` (all if null): how many, and from which addresses (at most 5). */
export async function failuresSince(
  db: Db,
  accountId: string,
  since: Date | string | null,
): Promise<{ count: number; addresses: string[] }> {
  const after = since ? new Date(since) : new Date(0);
  const [row] = await queryRows<{ n: string | number; addresses: string[] | null }>(
    db,
    sql`select count(*) as n, (array_agg(distinct address))[1:5] as addresses
    from identity.sign_in_failures where account_id = ${accountId} and at > ${after.toISOString()}`,
  );
  return { count: Number(row?.n ?? 0), addresses: row?.addresses ?? [] };
}

/** Deletes failures older than 90 days. */
export async function pruneSignInFailures(db: Db): Promise<void> {
  await db.execute(sql`delete from identity.sign_in_failures where at < now() - interval '90 days'`);
}
