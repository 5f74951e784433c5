import type { Db } from '../../platform/db';
import type { WithdrawalHook } from '../dossiers';
import { closeForWithdrawnDossier } from './settlement.repository';

/**
 * A dossier is being withdrawn (ADR 0010 rule 8), in the withdrawal's transaction: its open payments
 * are expired, so the citizen cannot be sent to the gateway again and the expiry job leaves them
 * alone; a success that still arrives (the gateway page was kept open) finds the dossier withdrawn
 * and becomes paid_not_credited, queued for refund. Money the dossier already holds (a credited
 * payment) is queued for refund too. The VNPAY v2.1-style protocol has no "cancel order" call, so
 * the gateway itself is not told: its page stays payable until vnp_ExpireDate.
 */
export const closePaymentsOfWithdrawnDossier: WithdrawalHook = async (tx: Db, dossierId, at, by) => {
  await closeForWithdrawnDossier(tx, dossierId, at, by);
};
