import { and, asc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { PortalSyncPayload } from './payload';
import { pushes, streams } from './portal-sync.schema';

/** How a push reaches the national endpoint: resolves when accepted, throws (with a short message) otherwise. */
export interface PortalTransport {
  send(payload: PortalSyncPayload): Promise<void>;
}

/** What is kept of a failed attempt: the message only, bounded (no personal data is in a payload, nor in the message). */
const MAX_ERROR_LENGTH = 500;

/** A sender holds a dossier's stream this long per push (well above the transport's timeout). */
export const LEASE_MS = 2 * 60_000;

export type SendOutcome =
  /** Every push of the dossier is sent (or there was none). */
  | { kind: 'done'; sent: number }
  /** Another sender holds the stream: try again shortly. */
  | { kind: 'busy' }
  /** The earliest unsent push is dead: nothing later is sent until an administrator retries it. */
  | { kind: 'blocked'; sent: number }
  /** An attempt failed (`dead`: it was the last one). */
  | { kind: 'failed'; sent: number; error: string; dead: boolean };

const message = (error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
};

/**
 * Sends one dossier's unsent pushes in sequence order, stopping at the first failure, so the
 * national endpoint receives a dossier's changes in order (ADR 0035). The dossier's stream is held
 * by a lease (an update, not an open transaction: the sandbox answering on the same embedded
 * database must not wait for it). A push failing its `maxAttempts`-th attempt (counted on the push,
 * whichever job made them) is dead. Never throws for a refused push; a database error propagates.
 */
export async function sendDossierPushes(
  db: Db,
  transport: PortalTransport,
  dossierId: string,
  options: { maxAttempts: number; leaseMs?: number },
): Promise<SendOutcome> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const leased = await takeLease(db, dossierId, leaseMs);
  if (!leased) return { kind: 'busy' };
  let sent = 0;
  try {
    for (;;) {
      const [next] = await db
        .select()
        .from(pushes)
        .where(and(eq(pushes.dossierId, dossierId), ne(pushes.state, 'sent')))
        .orderBy(asc(pushes.seq))
        .limit(1);
      if (!next) return { kind: 'done', sent };
      if (next.state === 'dead') return { kind: 'blocked', sent };
      const [{ attempts }] = (await db
        .update(pushes)
        .set({ attempts: sql`${pushes.attempts} + 1`, lastAttemptAt: new Date() })
        .where(eq(pushes.id, next.id))
        .returning({ attempts: pushes.attempts })) as [{ attempts: number }];
      try {
        await transport.send(next.payload);
      } catch (error) {
        const text = message(error);
        const dead = attempts >= options.maxAttempts;
        await db
          .update(pushes)
          .set({ lastError: text, state: dead ? 'dead' : 'pending' })
          .where(eq(pushes.id, next.id));
        return { kind: 'failed', sent, error: text, dead };
      }
      await db.update(pushes).set({ state: 'sent', sentAt: new Date(), lastError: null }).where(eq(pushes.id, next.id));
      sent++;
      await db
        .update(streams)
        .set({ leaseUntil: new Date(Date.now() + leaseMs) })
        .where(eq(streams.dossierId, dossierId));
    }
  } finally {
    await db.update(streams).set({ leaseUntil: null }).where(eq(streams.dossierId, dossierId));
  }
}

async function takeLease(db: Db, dossierId: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .update(streams)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(streams.dossierId, dossierId), or(isNull(streams.leaseUntil), lt(streams.leaseUntil, now))))
    .returning({ dossierId: streams.dossierId });
  return rows.length > 0;
}

/**
 * The HTTP transport: POST the payload as JSON to `url` with the bearer key and an Idempotency-Key
 * of `<dossier code>:<seq>`; any 2xx is accepted (a duplicate too), anything else or no answer
 * within `timeoutMs` is a failure. The authentication scheme is assumed (ADR 0035, unconfirmed).
 */
export function httpPortalTransport(options: { url: string; key: string; timeoutMs: number }): PortalTransport {
  return {
    async send(payload) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.key}`,
            'idempotency-key': `${payload.MaHoSo}:${payload.SoThuTuDongBo}`,
          },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new Error(`no answer from the national endpoint: ${message(error)}${cause ? ` (${cause})` : ''}`);
      }
      const text = (await response.text().catch(() => '')).slice(0, 200);
      if (!response.ok) throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ''}`);
    },
  };
}
