import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import { formatVnd } from '../../../contracts/fees';
import { useApi } from '../../api/use-api';
import { PublicFrame } from '../../shell/PublicFrame';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EMPTY, formatDateTime } from '../../components/format';
import { fetchReceiptVerification } from './payments-api';
import './payments.css';

/**
 * /bien-lai/:token — the public check of an electronic fee receipt (ADR 0015), opened from the link
 * and QR code printed on it: its symbols and number, the collecting body and its tax code, what was
 * collected, and whether the collecting body's digital signature on the stored file is valid.
 * Works signed out; shows no payer data.
 */
export default function ReceiptVerificationPage() {
  const { t, lang } = useI18n();
  const { token = '' } = useParams();
  const receipt = useApi((signal) => fetchReceiptVerification(token, { signal }), [token]);
  const r = receipt.data;
  return (
    <PublicFrame title={t('pay.receipt.title')} description={t('pay.receipt.intro')} className="lookup-content">
      {receipt.loading && <Skeleton active />}
      {receipt.error && <ErrorAlert error={receipt.error} />}
      {r && (
        <Card className="section-card" role="region" aria-label={t('pay.receipt.title')}>
          <Alert
            showIcon
            type={r.signature.valid ? 'success' : 'error'}
            title={r.signature.valid ? t('pay.receipt.valid') : t('pay.receipt.invalid')}
            description={
              r.signature.valid
                ? t('pay.receipt.validText', { body: r.collectingBodyName })
                : t('pay.receipt.invalidText')
            }
          />
          {r.demo && <Alert showIcon type="warning" title={t('pay.receipt.demo')} className="receipt-demo" />}
          <Descriptions
            column={1}
            size="small"
            className="receipt-fields"
            items={[
              { key: 'form', label: t('pay.receipt.formSymbol'), children: r.formSymbol },
              { key: 'series', label: t('pay.receipt.seriesSymbol'), children: r.seriesSymbol },
              {
                key: 'number',
                label: t('pay.receipt.number'),
                children: <strong className="tabular">{r.number}</strong>,
              },
              { key: 'body', label: t('pay.receipt.body'), children: r.collectingBodyName },
              { key: 'tax', label: t('pay.receipt.taxCode'), children: <span className="tabular">{r.taxCode}</span> },
              { key: 'issued', label: t('pay.receipt.issuedAt'), children: formatDateTime(r.issuedAt) },
              { key: 'content', label: t('pay.receipt.content'), children: r.procedureName },
              { key: 'amount', label: t('pay.receipt.amount'), children: formatVnd(r.amount, lang) },
              ...(r.refundedAmount > 0
                ? [{ key: 'refunded', label: t('pay.receipt.refunded'), children: formatVnd(r.refundedAmount, lang) }]
                : []),
              { key: 'signer', label: t('pay.receipt.signer'), children: r.signature.signer ?? EMPTY },
              { key: 'signedAt', label: t('pay.receipt.signedAt'), children: formatDateTime(r.signature.signedAt) },
              {
                key: 'hash',
                label: t('pay.receipt.fileHash'),
                children: (
                  <>
                    <Typography.Text code copyable className="receipt-hash">
                      {r.pdfSha256}
                    </Typography.Text>
                    <div className="receipt-hash-hint">{t('pay.receipt.fileHashHint')}</div>
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
