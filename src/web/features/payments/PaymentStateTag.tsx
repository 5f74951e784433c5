import type { PaymentState } from '../../../contracts/payments';
import { useT } from '../../shell/i18n';
import { StatusTag } from '../../components/StatusTag';
import { PAYMENT_STATE_KIND, PAYMENT_STATE_LABEL } from './payment-labels';

/** A payment's state as a coloured tag. */
export function PaymentStateTag({ state }: { state: PaymentState }) {
  const t = useT();
  return (
    <StatusTag kind={PAYMENT_STATE_KIND[state]} className="payment-state-tag">
      {t(PAYMENT_STATE_LABEL[state])}
    </StatusTag>
  );
}
