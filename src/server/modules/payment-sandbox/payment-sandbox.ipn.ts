import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db';
import { formatVnpDate, hmacSha512, signedData, signedQuery, toVnpAmount, type VnpParams } from '../payment-protocol';
import * as repo from './payment-sandbox.repository';
import type { IpnOptions } from './payment-sandbox.schema';

/** How an IPN is sent: as it should be, or with one of the faults the test mode injects. */
export type IpnVariant = 'correct' | 'wrong_amount' | 'wrong_signature';

export interface Merchant {
  tmnCode: string;
  hashSecret: string;
  /** The merchant's IPN address registered at the gateway. */
  ipnUrl: string;
}

/** The signed result of a completed order: the same parameters for the return URL and the IPN. */
export function resultParams(
  txn: repo.SandboxTransaction,
  merchant: Merchant,
  variant: IpnVariant = 'correct',
): string {
  const params: VnpParams = {
    vnp_TmnCode: txn.tmnCode,
    vnp_Amount: toVnpAmount(variant === 'wrong_amount' ? txn.amount + 1_000 : txn.amount),
    vnp_BankCode: txn.bankCode ?? 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: txn.orderInfo,
    vnp_PayDate: formatVnpDate(txn.payDate ?? new Date()),
    vnp_ResponseCode: txn.responseCode ?? '99',
    vnp_TransactionNo: txn.state === 'paid' ? String(txn.id) : '0',
    vnp_TransactionStatus: txn.transactionStatus,
    vnp_TxnRef: txn.txnRef,
  };
  if (txn.state === 'paid') params.vnp_BankTranNo = `VNP${txn.id}`;
  if (variant === 'wrong_signature')
    return `${signedData(params)}&vnp_SecureHash=${hmacSha512('not-the-merchant-secret', signedData(params))}`;
  return signedQuery(merchant.hashSecret, params);
}

export interface Delivery {
  httpStatus: number | null;
  rspCode: string | null;
  error: string | null;
}

/** Sends one IPN (GET, server to server), records it, and returns what the merchant answered. */
export async function sendIpn(
  db: Db,
  merchant: Merchant,
  txn: repo.SandboxTransaction,
  variant: IpnVariant,
  attempt: number,
): Promise<Delivery> {
  let out: Delivery;
  try {
    const res = await fetch(`${merchant.ipnUrl}?${resultParams(txn, merchant, variant)}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => null)) as { RspCode?: unknown } | null;
    out = { httpStatus: res.status, rspCode: typeof body?.RspCode === 'string' ? body.RspCode : null, error: null };
  } catch (error) {
    out = { httpStatus: null, rspCode: null, error: error instanceof Error ? error.name : 'error' };
  }
  await repo.recordDelivery(db, { transactionId: txn.id, variant, attempt, ...out });
  return out;
}

/** Delays between retries of an IPN the merchant did not acknowledge (00 or 02). */
export const RETRY_DELAYS_MS = [2_000, 5_000, 15_000] as const;

/**
 * Timers of IPNs still to send (delayed, or retried), so they can be cancelled when the app
 * closes. The sandbox keeps them in memory: after a restart they are gone, as after a real
 * gateway's outage — the merchant's expiry and query cover that case.
 */
export class IpnScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly merchant: Merchant,
    private readonly log: Pick<FastifyBaseLogger, 'warn'>,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Sends now; a `correct` IPN not acknowledged with 00/02 is retried later (a faulty one is not: the fault is the test). */
  async send(txn: repo.SandboxTransaction, variant: IpnVariant, attempt = 1): Promise<Delivery> {
    const task = sendIpn(this.db, this.merchant, txn, variant, attempt);
    this.running.add(task);
    try {
      const delivery = await task;
      const acknowledged = delivery.rspCode === '00' || delivery.rspCode === '02';
      const delay = this.retryDelaysMs[attempt - 1];
      if (variant === 'correct' && !acknowledged && delay !== undefined)
        this.later(delay, () => this.send(txn, variant, attempt + 1));
      return delivery;
    } finally {
      this.running.delete(task);
    }
  }

  /** Runs `fn` after `ms`, unless the scheduler is closed first. */
  later(ms: number, fn: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn().catch((error: unknown) =>
        this.log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'payment sandbox: IPN task failed',
        ),
      );
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** The IPN(s) of a completed order as its test options ask: now or later, once or twice, faulty or not. */
  async dispatch(txn: repo.SandboxTransaction, options: IpnOptions): Promise<void> {
    if (options.manual) return;
    const variant: IpnVariant = options.wrongSignature
      ? 'wrong_signature'
      : options.wrongAmount
        ? 'wrong_amount'
        : 'correct';
    const deliver = async () => {
      await (options.twice ? Promise.all([this.send(txn, variant), this.send(txn, variant)]) : this.send(txn, variant));
    };
    const delayMs = options.delaySeconds * 1000 || (options.afterReturn ? 1_000 : 0);
    if (delayMs > 0) this.later(delayMs, deliver);
    else await deliver();
  }

  /** Cancels what is scheduled and waits for IPNs in flight. */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
