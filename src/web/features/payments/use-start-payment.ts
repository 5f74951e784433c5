import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import type { PaymentMethod } from '../../../contracts/payments';
import { createPayment, createVietqr, newIdempotencyKey } from './payments-api';

/**
 * Starts (or continues) paying a dossier's fee: sends the browser to the gateway, or (VietQR) to
 * the payment's page with the QR code. One
 * Idempotency-Key per attempt: pressing twice, or a network retry, gets the same payment back;
 * `fresh()` forgets it after a failed payment so the retry creates a new one.
 */
export function useStartPayment(dossierId: string | undefined) {
  const { lang } = useI18n();
  const key = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const start = useCallback(
    async (method: PaymentMethod = 'gateway') => {
      if (!dossierId) return;
      key.current ??= newIdempotencyKey();
      setBusy(true);
      setError(undefined);
      try {
        if (method === 'vietqr') {
          const transfer = await createVietqr(dossierId, key.current);
          window.location.assign(`/payments/${encodeURIComponent(transfer.payment.id)}/result`);
          return;
        }
        const result = await createPayment(dossierId, key.current, lang === 'en' ? 'en' : 'vn');
        if (result.redirectUrl) {
          window.location.assign(result.redirectUrl);
          return; // stays busy while the browser leaves
        }
        // The payment is no longer open (e.g. it was just settled): show its result.
        window.location.assign(`/payments/${encodeURIComponent(result.payment.id)}/result`);
      } catch (e) {
        key.current = null;
        setError(toApiError(e));
        setBusy(false);
      }
    },
    [dossierId, lang],
  );

  const fresh = useCallback(() => {
    key.current = null;
  }, []);

  return { start, busy, error, fresh };
}
