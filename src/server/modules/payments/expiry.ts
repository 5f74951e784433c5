import type { Db } from '../../platform/db';
import { startIntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import * as repo from './payments.repository';

/** Payments expired per statement: bounds the transaction's length. */
const EXPIRY_BATCH = 500;

/**
 * Expires every open payment (created / pending) whose vnp_ExpireDate is before `now`; returns how
 * many. Safe in several processes at once (each takes rows the others are not expiring). An expired
 * payment still accepts a late successful IPN (lifecycle.ts), so expiring never loses money.
 */
export async function expirePayments(db: Db, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await repo.expireDue(db, now, EXPIRY_BATCH);
    total += ids.length;
    if (ids.length < EXPIRY_BATCH) return total;
  }
}

export interface PaymentExpiryJob {
  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void>;
}

/**
 * The expiry job of a server process (like the access-log sealer): every `intervalMs` it expires
 * open payments whose time ran out. A failed pass is reported through `onError` and retried at the next tick.
 */
export function startPaymentExpiryJob(
  db: Db,
  options: { intervalMs: number; onError: JobErrorHandler; now?: () => Date },
): PaymentExpiryJob {
  const run = () => expirePayments(db, options.now ? options.now() : new Date());
  return startIntervalJob('payment expiry', options.intervalMs, run, options.onError);
}
