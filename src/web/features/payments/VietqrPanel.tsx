import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import { formatVnd } from '../../../contracts/fees';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { fetchVietqr } from './payments-api';

/**
 * The VietQR transfer order of an open payment: the QR to scan in a banking app, and the same
 * facts to type by hand (account, amount, the reference to keep in the description). The fee is
 * confirmed when the unit imports the bank statement, not at once.
 */
export function VietqrPanel({ paymentId }: { paymentId: string }) {
  const { t, lang } = useI18n();
  const transfer = useApi((signal) => fetchVietqr(paymentId, { signal }), [paymentId]);
  const v = transfer.data;
  if (transfer.error) return <ErrorAlert error={transfer.error} onRetry={transfer.reload} />;
  if (!v) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <div className="vietqr-panel" data-testid="vietqr-panel">
      <Typography.Title level={2} className="vietqr-title">
        {t('pay.qr.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('pay.qr.scan')}</Typography.Paragraph>
      <img
        src={v.qrPngDataUrl}
        alt={t('pay.qr.alt', { amount: formatVnd(v.amount, lang), reference: v.reference })}
        className="vietqr-image"
        width={240}
        height={240}
      />
      <Descriptions
        column={1}
        size="small"
        bordered
        className="pay-facts"
        items={[
          { key: 'amount', label: t('pay.field.amount'), children: <strong>{formatVnd(v.amount, lang)}</strong> },
          {
            key: 'reference',
            label: t('pay.qr.description'),
            children: (
              <strong className="tabular" data-testid="vietqr-reference">
                {v.reference}
              </strong>
            ),
          },
          {
            key: 'account',
            label: t('pay.qr.account'),
            children: <span className="tabular">{v.account.accountNo}</span>,
          },
          { key: 'name', label: t('pay.qr.accountName'), children: v.account.accountName },
          { key: 'bank', label: t('pay.qr.bank'), children: v.account.bankBin },
          { key: 'expires', label: t('pay.field.expiresAt'), children: formatDateTime(v.expiresAt) },
        ]}
      />
      <Alert
        type="info"
        showIcon
        className="vietqr-note"
        title={t('pay.qr.keepReference')}
        description={t('pay.qr.confirmLater')}
      />
    </div>
  );
}
