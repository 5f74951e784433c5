import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { loadWorkingCalendar, type WorkingCalendar } from '../calendar';
import { deadlineAtReceipt } from './deadline';
import * as repo from './dossiers.repository';
import { dossiers, transitions } from './dossiers.schema';
import type { WithdrawalHook } from './use-cases/deps';

/**
 * A dossier with a fee waits for its payment before it goes to an officer (issue 14 §3). It does
 * not wait for ever: two working days after it started waiting (the filing, or the rejection of a
 * claimed exemption), counted as a deadline is (a Saturday filing waits until Tuesday 17:00), the
 * system withdraws it — the citizen was told the time on the success page and on the dossier's
 * page, and sees the reason on its timeline. Its open payments are closed in the same transaction
 * as a citizen's withdrawal closes them (a late gateway callback is refunded, ADR 0010 rule 8).
 * Each dossier is withdrawn in its own transaction, payments locked before the dossier (the order of
 * a withdrawal and of a payment callback, so neither waits on the other crosswise), and only if it
 * is still at the version read: two server processes never withdraw one dossier twice.
 */

export const UNPAID_WINDOW_WORKING_DAYS = 2;
export const UNPAID_EXPIRY_REASON =
  'Quá 2 ngày làm việc chưa nộp phí, lệ phí: hồ sơ tự hủy, chưa chuyển đến cơ quan giải quyết. Có thể nộp lại hồ sơ mới.';

/** When a dossier that started waiting for its payment at `since` is withdrawn if still unpaid. */
export function paymentDueAt(cal: WorkingCalendar, since: Date): Date {
  return deadlineAtReceipt(cal, since, UNPAID_WINDOW_WORKING_DAYS).dueAt;
}

/** Withdraws the dossiers whose payment time ended before `now`; returns how many. */
export async function expireUnpaidDossiers(
  db: Db,
  options: { now?: Date; batch?: number; onWithdraw?: WithdrawalHook; onFailure?: (error: unknown) => void } = {},
): Promise<number> {
  const { now = new Date(), batch = 500, onWithdraw, onFailure = () => {} } = options;
  const cal = await loadWorkingCalendar(db);
  // Candidates are read without locks: each is withdrawn in its own transaction below.
  const waiting = await queryRows<{ id: string; version: number; since: Date | string | null }>(
    db,
    sql`select d.id, d.version,
          (select max(t.at) from ${transitions} t where t.dossier_id = d.id and t.to_state = 'awaiting_payment') as since
        from ${dossiers} d
        where d.state = 'awaiting_payment'
        order by 3 nulls last -- the longest waiting first: those due come before those not yet due
        limit ${batch}`,
  );
  let expired = 0;
  for (const d of waiting) {
    if (!d.since || now <= paymentDueAt(cal, new Date(d.since))) continue;
    // The lock order of a withdrawal (run-command.ts) and of a payment callback: the dossier's
    // payments first (the hook), then the dossier (the compare-and-set). A dossier paid, withdrawn
    // or expired by another process meanwhile fails the compare-and-set: everything rolls back.
    const done = await db
      .transaction(async (tx) => {
        await onWithdraw?.(tx, d.id, now, 'job');
        const updated = await repo.updateDossierIf(tx, d.id, 'awaiting_payment', d.version, { state: 'withdrawn' });
        if (!updated) throw new StaleCandidate();
        await repo.insertTransition(tx, {
          dossierId: d.id,
          command: 'expire_unpaid',
          fromState: 'awaiting_payment',
          toState: 'withdrawn',
          actorAccountId: null,
          actorRole: 'system',
          actorUnit: null,
          at: now,
          reason: UNPAID_EXPIRY_REASON,
          dueAt: null,
        });
        return true;
      })
      .catch((error: unknown) => {
        if (!(error instanceof StaleCandidate)) onFailure(error);
        return false;
      });
    if (done) expired++;
  }
  return expired;
}

/** The dossier changed since it was read (paid, withdrawn, expired elsewhere): nothing is done. */
class StaleCandidate extends Error {}

/**
 * One pass of the job (run by the server's job queue every 10 minutes): expires every unpaid dossier
 * due; a dossier that could not be expired goes to `onFailure` and waits for the next pass.
 */
export async function unpaidExpiryPass(
  db: Db,
  options: { onWithdraw?: WithdrawalHook; onFailure: (error: unknown) => void },
): Promise<void> {
  while ((await expireUnpaidDossiers(db, options)) > 0);
}
