import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db';
import * as repo from './payments.repository';

/** Kinds of security event: forged or tampered gateway calls, kept for the security officer. */
export type SecurityEventKind =
  /** The HMAC-SHA512 signature did not match: forged or corrupted. */
  | 'bad_signature'
  /** Signed, but the amount differs from the payment's: nothing credited. */
  | 'wrong_amount'
  /** Signed, but a field is malformed or names another merchant. */
  | 'malformed'
  /** Signed, for a reference we never issued. */
  | 'unknown_order'
  /** The gateway confirmed a payment that could not be credited (the dossier was no longer payable): for the reconciliation to refund. */
  | 'paid_not_credited'
  /** A confirmed gateway transaction number already belongs to another payment. */
  | 'transaction_reused';

export interface SecurityEvent {
  kind: SecurityEventKind;
  channel: 'ipn' | 'return';
  reference: string | null;
  /** The sender's address, for IPNs only (a browser's address is personal data). */
  sourceIp: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/** Minimal logger shape (Fastify's request.log or pino). */
export type WarnLogger = Pick<FastifyBaseLogger, 'warn'>;

/**
 * Records a security event in `payments.security_events` and logs it at warn — kind, channel,
 * reference and codes only, never personal data. Runs outside the business transaction, so it
 * stays recorded whatever the request does next.
 */
export async function recordSecurityEvent(db: Db, log: WarnLogger | undefined, event: SecurityEvent): Promise<void> {
  const reference = event.reference && /^[A-Za-z0-9]{1,40}$/.test(event.reference) ? event.reference : null;
  await repo.insertSecurityEvent(db, {
    kind: event.kind,
    channel: event.channel,
    paymentReference: reference,
    sourceIp: event.channel === 'ipn' ? event.sourceIp : null,
    detail: event.detail ?? null,
  });
  log?.warn(
    { paymentSecurityEvent: event.kind, channel: event.channel, reference, ...(event.detail ?? {}) },
    'payment gateway security event',
  );
}
