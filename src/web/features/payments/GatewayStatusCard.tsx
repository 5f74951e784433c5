import { Alert, Descriptions } from 'antd';
import type { GatewayStatus } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import type { MessageKey } from '../../shell/dictionary';
import { useI18n } from '../../shell/i18n';
import { EMPTY, formatDateTime } from '../../components/format';
import { PaymentStateTag } from './PaymentStateTag';

const STATUS_WORDS: Record<string, MessageKey> = {
  '00': 'pay.gw.status.00',
  '01': 'pay.gw.status.01',
  '02': 'pay.gw.status.02',
};

/** The gateway's answer to a query (querydr) beside our own state, flagging a mismatch for the reconciliation. */
export function GatewayStatusCard({ status: s }: { status: GatewayStatus }) {
  const { t, lang } = useI18n();
  const code = s.transactionStatus;
  const words = code ? (STATUS_WORDS[code] ? t(STATUS_WORDS[code]) : t('pay.gw.status.other', { code })) : EMPTY;
  return (
    <div className="pay-gateway-status" data-testid="gateway-status">
      <Alert
        type={s.mismatch ? 'warning' : 'success'}
        showIcon
        title={s.found ? t('pay.gw.found') : t('pay.gw.notFound')}
        description={s.mismatch ? t('pay.gw.mismatch') : t('pay.gw.match')}
      />
      {s.found && (
        <Descriptions
          column={1}
          size="small"
          className="pay-facts"
          items={[
            { key: 'status', label: t('pay.gw.status'), children: words },
            { key: 'ours', label: t('pay.gw.ours'), children: <PaymentStateTag state={s.ourState} /> },
            {
              key: 'amount',
              label: t('pay.field.amount'),
              children: s.amount === null ? EMPTY : formatVnd(s.amount, lang),
            },
            { key: 'txn', label: t('pay.field.transaction'), children: s.gatewayTransactionId ?? EMPTY },
            { key: 'paid', label: t('pay.field.paidAt'), children: formatDateTime(s.payDate) },
            { key: 'code', label: t('pay.field.responseCode'), children: s.responseCode },
          ]}
        />
      )}
    </div>
  );
}
