import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { GatewayStatus, PaymentRefund } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime } from '../../components/format';
import { roleLabel } from '../../components/role-labels';
import { StatusTag } from '../../components/StatusTag';
import { PAYMENT_METHOD_LABEL, refundable } from './payment-labels';
import { fetchGatewayStatus, fetchPayment, retryRefund } from './payments-api';
import { PaymentStateTag } from './PaymentStateTag';
import { GatewayStatusCard } from './GatewayStatusCard';
import { RefundModal } from './RefundModal';
import { useProcedureName } from './procedure-names';
import './payments.css';

const REFUND_KIND = { requested: 'info', succeeded: 'ok', failed: 'danger' } as const;

/** /fees/payments/:id — one payment for an officer: the facts, its refunds, the gateway's view and the refund. */
export default function PaymentDetailPage() {
  const { t, lang, pick } = useI18n();
  const procedureName = useProcedureName();
  const { message } = App.useApp();
  const { me } = useSession();
  const { id = '' } = useParams();
  const payment = useApi((signal) => fetchPayment(id, { signal }), [id]);
  const [gateway, setGateway] = useState<GatewayStatus>();
  const [busy, setBusy] = useState<string | null>(null); // 'query' or the id of the refund being sent again
  const [refunding, setRefunding] = useState(false);
  const p = payment.data;
  // Refund and query need `payments.refund` in the payment's unit (payments.routes.ts); the server decides per unit.
  const mayProcess = !!me?.actions.includes('payments.refund');

  const query = async () => {
    setBusy('query');
    try {
      setGateway(await fetchGatewayStatus(id));
    } catch (e) {
      const err = toApiError(e);
      void message.error(pick(err.messageVi, err.messageEn));
    } finally {
      setBusy(null);
    }
  };
  const retry = async (refundId: string) => {
    setBusy(refundId);
    try {
      payment.setData(await retryRefund(id, refundId));
    } catch (e) {
      const err = toApiError(e);
      void message.error(pick(err.messageVi, err.messageEn));
    } finally {
      setBusy(null);
    }
  };

  const refundColumns: TableColumnsType<PaymentRefund> = [
    {
      title: t('pay.refund.col.time'),
      dataIndex: 'requestedAt',
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t('pay.refund.col.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: number) => <span className="tabular">{formatVnd(v, lang)}</span>,
    },
    { title: t('pay.refund.col.reason'), dataIndex: 'reason' },
    {
      title: t('pay.refund.col.by'),
      dataIndex: 'actorRole',
      responsive: ['md'],
      render: (v: string, r) => `${roleLabel(t, v)}${r.actorUnit ? ` (${r.actorUnit})` : ''}`,
    },
    {
      title: t('pay.refund.col.state'),
      dataIndex: 'state',
      render: (s: PaymentRefund['state'], r) => (
        <Space size={4} wrap>
          <StatusTag kind={REFUND_KIND[s]}>{t(`pay.refund.state.${s}`)}</StatusTag>
          {s === 'requested' && mayProcess && (
            <Button size="small" loading={busy === r.id} onClick={() => void retry(r.id)}>
              {t('pay.detail.refundRetry')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Link to="/fees/payments" className="back-link-plain">
        ← {t('pay.detail.back')}
      </Link>
      {payment.error && <ErrorAlert error={payment.error} onRetry={payment.reload} />}
      {!p && !payment.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {p && (
        <>
          <PageTitle
            title={t('pay.detail.title', { reference: p.reference })}
            description={<PaymentStateTag state={p.state} />}
          />
          <Card className="section-card">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              bordered
              className="pay-facts"
              items={[
                { key: 'amount', label: t('pay.field.amount'), children: formatVnd(p.amount, lang) },
                { key: 'refunded', label: t('pay.field.refunded'), children: formatVnd(p.refundedAmount, lang) },
                {
                  key: 'dossier',
                  label: t('pay.field.dossier'),
                  children: p.dossierCode ? <Link to={`/dossiers/${p.dossierId}`}>{p.dossierCode}</Link> : EMPTY,
                },
                {
                  key: 'procedure',
                  label: t('pay.field.procedure'),
                  children: `${p.procedureCode} – ${procedureName(p.procedureCode, p.procedureNameVi)}`,
                },
                { key: 'unit', label: t('pay.field.unit'), children: p.unitCode },
                { key: 'method', label: t('pay.field.method'), children: t(PAYMENT_METHOD_LABEL[p.method]) },
                { key: 'created', label: t('pay.field.createdAt'), children: formatDateTime(p.createdAt) },
                { key: 'expires', label: t('pay.field.expiresAt'), children: formatDateTime(p.expiresAt) },
                { key: 'paid', label: t('pay.field.paidAt'), children: formatDateTime(p.paidAt) },
                { key: 'txn', label: t('pay.field.transaction'), children: p.gatewayTransactionId ?? EMPTY },
                { key: 'bank', label: t('pay.field.bank'), children: p.bankCode ?? EMPTY },
                { key: 'code', label: t('pay.field.responseCode'), children: p.gatewayResponseCode ?? EMPTY },
              ]}
            />
          </Card>
          {mayProcess && (
            <Card
              className="section-card"
              role="region"
              aria-labelledby="pay-actions-title"
              title={<span id="pay-actions-title">{t('pay.detail.actions')}</span>}
            >
              <Space wrap>
                {p.method === 'gateway' && (
                  <Button onClick={() => void query()} loading={busy === 'query'}>
                    {t('pay.detail.query')}
                  </Button>
                )}
                {refundable(p) > 0 && (
                  <Button danger onClick={() => setRefunding(true)}>
                    {t('pay.detail.refund')}
                  </Button>
                )}
              </Space>
              {refundable(p) === 0 && (
                <Typography.Paragraph type="secondary" className="pay-no-actions">
                  {t('pay.detail.noActions')}
                </Typography.Paragraph>
              )}
              {gateway && <GatewayStatusCard status={gateway} />}
            </Card>
          )}
          <Card className="section-card" title={t('pay.detail.refunds')}>
            <Table<PaymentRefund>
              rowKey="id"
              size="small"
              columns={refundColumns}
              dataSource={p.refunds}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: t('pay.detail.noRefunds') }}
            />
          </Card>
          <RefundModal
            payment={p}
            open={refunding}
            onClose={() => setRefunding(false)}
            onDone={(next) => {
              payment.setData(next);
              setRefunding(false);
              setGateway(undefined);
            }}
          />
        </>
      )}
    </>
  );
}
