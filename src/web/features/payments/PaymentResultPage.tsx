import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space } from 'antd';
import { REFUND_WITHIN_WORKING_DAYS, type Payment } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime } from '../../components/format';
import { isOpen, isRetryable, uncreditedVerdict } from './payment-labels';
import { fetchPayment, receiptUrl } from './payments-api';
import { VietqrPanel } from './VietqrPanel';
import { useStartPayment } from './use-start-payment';
import './payments.css';
import { useProcedureName } from './procedure-names';

/** How often the page asks for the payment while the gateway's IPN has not arrived, and for how long. */
const POLL_MS = 2_000;
const POLL_FOR_MS = 90_000;

/** The payment, polled until it leaves created/pending (or the polling time runs out). */
function usePolledPayment(id: string) {
  const [tick, setTick] = useState(0);
  const [since, setSince] = useState(() => Date.now());
  const payment = useApi((signal) => fetchPayment(id, { signal }), [id, tick]);
  // A VietQR transfer is confirmed by the bank statement import, hours later: no automatic polling.
  const open = payment.data ? isOpen(payment.data.state) && payment.data.method === 'gateway' : false;
  const slow = open && Date.now() - since > POLL_FOR_MS;
  useEffect(() => {
    if (!open || slow) return;
    const timer = window.setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [open, slow, payment.data]);
  const again = () => {
    setSince(Date.now());
    setTick((n) => n + 1);
  };
  return { payment, slow, again };
}

function Facts({ p }: { p: Payment }) {
  const { t, lang } = useI18n();
  const procedureName = useProcedureName();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      className="pay-facts"
      items={[
        { key: 'amount', label: t('pay.field.amount'), children: formatVnd(p.amount, lang) },
        {
          key: 'dossier',
          label: t('pay.field.dossier'),
          children: <span className="tabular">{p.dossierCode ?? EMPTY}</span>,
        },
        {
          key: 'procedure',
          label: t('pay.field.procedure'),
          children: procedureName(p.procedureCode, p.procedureNameVi),
        },
        {
          key: 'reference',
          label: t('pay.field.reference'),
          children: (
            <span className="tabular" data-testid="pay-reference">
              {p.reference}
            </span>
          ),
        },
        ...(p.paidAt ? [{ key: 'paid', label: t('pay.field.paidAt'), children: formatDateTime(p.paidAt) }] : []),
        ...(p.gatewayTransactionId
          ? [
              {
                key: 'txn',
                label: t('pay.field.transaction'),
                children: <span className="tabular">{p.gatewayTransactionId}</span>,
              },
            ]
          : []),
        ...(p.bankCode ? [{ key: 'bank', label: t('pay.field.bank'), children: p.bankCode }] : []),
      ]}
    />
  );
}

/** The verdict in plain words, with the next step: see the dossier, or pay again. */
function Verdict({ p, slow, onCheck }: { p: Payment; slow: boolean; onCheck: () => void }) {
  const { t, lang } = useI18n();
  const { start, busy, error } = useStartPayment(p.dossierId);
  const navigate = useNavigate();
  const toDossier = (
    <Button
      key="dossier"
      size="large"
      type={p.state === 'succeeded' ? 'primary' : 'default'}
      className="pay-button"
      onClick={() => void navigate(`/me/dossiers/${p.dossierId}`)}
    >
      {t('pay.result.toDossier')}
    </Button>
  );
  const retry = (
    <Button key="retry" type="primary" size="large" className="pay-button" loading={busy} onClick={() => void start()}>
      {t('pay.result.retry')}
    </Button>
  );
  const amount = formatVnd(p.amount, lang);
  if (isOpen(p.state) && p.method === 'vietqr') {
    return (
      <Space orientation="vertical" size="middle" className="full-width">
        <VietqrPanel paymentId={p.id} />
        <Space wrap>
          <Button size="large" onClick={onCheck}>
            {t('pay.result.check')}
          </Button>
          {toDossier}
        </Space>
      </Space>
    );
  }
  if (isOpen(p.state)) {
    return slow ? (
      <Result
        status="warning"
        title={t('pay.result.slow')}
        subTitle={t('pay.result.slowText')}
        extra={[
          <Button key="check" size="large" onClick={onCheck}>
            {t('pay.result.check')}
          </Button>,
          toDossier,
        ]}
      />
    ) : (
      <Result
        status="info"
        icon={<Skeleton.Avatar active size="large" />}
        title={t('pay.result.waiting')}
        subTitle={t('pay.result.waitingText')}
      />
    );
  }
  // Money in the refund queue (the dossier was withdrawn, closed or already paid): say so, never "sent to the officer".
  const uncredited = uncreditedVerdict(p);
  if (uncredited) {
    return (
      <Result
        status="warning"
        title={t(uncredited.title)}
        subTitle={t(uncredited.text, {
          amount,
          code: p.dossierCode ?? EMPTY,
          days: String(REFUND_WITHIN_WORKING_DAYS),
        })}
        extra={[toDossier]}
      />
    );
  }
  if (p.state === 'succeeded') {
    const receipt = (
      <Button
        key="receipt"
        size="large"
        className="pay-button"
        href={receiptUrl(p.id)}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t('pay.result.receipt')}
      </Button>
    );
    return (
      <Result
        status="success"
        title={t('pay.result.succeeded')}
        subTitle={t('pay.result.succeededText', { amount, code: p.dossierCode ?? EMPTY })}
        extra={[toDossier, receipt]}
      />
    );
  }
  if (p.state === 'partially_refunded' || p.state === 'refunded' || p.state === 'paid_not_credited') {
    return (
      <Result
        status="info"
        title={t('pay.result.refunded')}
        subTitle={t('pay.result.refundedText', { refunded: formatVnd(p.refundedAmount, lang), amount })}
        extra={[toDossier]}
      />
    );
  }
  const words = {
    failed: ['pay.result.failed', 'pay.result.failedText'],
    cancelled: ['pay.result.cancelled', 'pay.result.cancelledText'],
    expired: ['pay.result.expired', 'pay.result.expiredText'],
  } as const;
  const [title, text] = isRetryable(p.state) ? words[p.state as keyof typeof words] : words.failed;
  return (
    <>
      <Result
        status={p.state === 'failed' ? 'error' : 'warning'}
        title={t(title)}
        subTitle={t(text)}
        extra={[retry, toDossier]}
      />
      {error && <ErrorAlert error={error} />}
    </>
  );
}

/**
 * /payments/:id/result — where the gateway sends the citizen back (through the server's return
 * URL, display only). The payment's state comes from the gateway's IPN, so the page asks again
 * every two seconds until it is settled, then says what happened and what to do next.
 */
export default function PaymentResultPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const problem = params.get('error');
  const known = /^[0-9a-f-]{36}$/i.test(id);
  return (
    <div className="citizen-page pay-result">
      <PageTitle title={t('pay.result.title')} />
      {problem === 'signature' && (
        <Alert type="warning" showIcon className="section-card" title={t('pay.result.signature')} />
      )}
      {known ? (
        <Polled id={id} />
      ) : (
        <Card className="section-card">
          <Result
            status="warning"
            title={t('pay.result.notFound')}
            extra={<Link to="/me/dossiers">{t('pay.result.myDossiers')}</Link>}
          />
        </Card>
      )}
    </div>
  );
}

function Polled({ id }: { id: string }) {
  const { payment, slow, again } = usePolledPayment(id);
  const p = payment.data;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      {payment.error && !p && <ErrorAlert error={payment.error} onRetry={payment.reload} />}
      {!p && !payment.error && <Skeleton active paragraph={{ rows: 6 }} />}
      {p && (
        <Card className="section-card" aria-live="polite">
          <Verdict p={p} slow={slow} onCheck={again} />
          <Facts p={p} />
        </Card>
      )}
    </Space>
  );
}
