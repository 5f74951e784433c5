import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { PaymentMethod } from '../../../contracts/payments';
import { FeeCalculation, formatVnd } from '../../../contracts/fees';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { FeeSummary } from '../fees';
import { isOpen, isRetryable, PAYMENT_STATE_LABEL } from './payment-labels';
import { fetchDossierPayments } from './payments-api';
import { useStartPayment } from './use-start-payment';
import './payments.css';

/** The last payment attempt of the dossier in plain words: failed (pay again) or still open (continue). */
function LastAttempt({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const payments = useApi((signal) => fetchDossierPayments(dossierId, { signal }), [dossierId]);
  const last = payments.data?.items[0];
  if (!last) return null;
  if (isRetryable(last.state))
    return (
      <Alert
        type="warning"
        showIcon
        title={t('pay.card.previousFailed', { state: t(PAYMENT_STATE_LABEL[last.state]).toLocaleLowerCase('vi') })}
      />
    );
  if (isOpen(last.state) && new Date(last.expiresAt).getTime() > Date.now()) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('pay.card.open', { time: formatDateTime(last.expiresAt) })}
        description={<Link to={`/payments/${last.id}/result`}>{t('pay.card.openResult')}</Link>}
      />
    );
  }
  return null;
}

/**
 * "Thanh toán lệ phí" on the citizen's dossier page while the dossier awaits its fee: the fee
 * and how it was calculated, the way to pay, and the button that creates the payment and opens
 * the gateway's page. Phone-first: one column, large button.
 */
export function PayFeeCard({ dossier: d }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const { start, busy, error } = useStartPayment(d.id);
  const [method, setMethod] = useState<PaymentMethod>('gateway');
  const calc = FeeCalculation.safeParse(d.fee);
  return (
    <Card
      title={<span id="pay-card-title">{t('pay.card.title')}</span>}
      className="section-card pay-card"
      role="region"
      aria-labelledby="pay-card-title"
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Paragraph className="pay-intro">{t('pay.card.intro')}</Typography.Paragraph>
        {calc.success ? (
          <FeeSummary calculation={calc.data} />
        ) : (
          <div>
            <Typography.Text strong>{t('pay.card.due')}: </Typography.Text>
            <span className="pay-amount">{formatVnd(d.feeAmount, lang)}</span>
          </div>
        )}
        <fieldset className="pay-method">
          <legend>
            <Typography.Text strong>{t('pay.card.method')}</Typography.Text>
          </legend>
          <Radio.Group
            value={method}
            onChange={(e) => setMethod(e.target.value as PaymentMethod)}
            className="pay-method"
          >
            <Radio value="gateway">{t('pay.card.gateway')}</Radio>
            <Radio value="vietqr">{t('pay.card.vietqr')}</Radio>
          </Radio.Group>
          <Typography.Text type="secondary">
            {t(method === 'vietqr' ? 'pay.card.vietqrHint' : 'pay.card.gatewayHint')}
          </Typography.Text>
        </fieldset>
        <LastAttempt dossierId={d.id} />
        {error && <ErrorAlert error={error} />}
        <Button
          type="primary"
          size="large"
          block
          className="pay-button"
          loading={busy}
          onClick={() => void start(method)}
        >
          {method === 'vietqr' ? t('pay.card.showQr') : busy ? t('pay.card.redirecting') : t('pay.card.button')}
        </Button>
      </Space>
    </Card>
  );
}
