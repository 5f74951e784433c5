import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { PAYMENT_STATES, type Payment, type PaymentMethod, type PaymentState } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { withChanges } from '../../components/search-params';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime, formatNumber } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { PAYMENT_METHOD_LABEL, PAYMENT_STATE_LABEL, REFUND_DUE_LABEL } from './payment-labels';
import { fetchPayments } from './payments-api';
import { PaymentStateTag } from './PaymentStateTag';
import { useProcedureName } from './procedure-names';
import './payments.css';

const PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function asState(v: string | null): PaymentState | undefined {
  return (PAYMENT_STATES as readonly string[]).includes(v ?? '') ? (v as PaymentState) : undefined;
}
const asDay = (v: string | null) => (v && DAY.test(v) ? v : undefined);

/** /fees/payments — the online fee payments of the officer's units, filtered by state, creation day and reference. */
export default function PaymentsPage() {
  const { t, lang } = useI18n();
  const procedureName = useProcedureName();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = asState(params.get('state'));
  const from = asDay(params.get('from'));
  const to = asDay(params.get('to'));
  const reference = params.get('reference')?.trim() || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const list = useApi(
    (signal) => fetchPayments({ state, from, to, reference, page, pageSize: PAGE_SIZE }, { signal }),
    [state, from, to, reference, page],
  );

  const update = (changes: Record<string, string | undefined>) => setParams(withChanges(params, changes));

  const columns: TableColumnsType<Payment> = [
    {
      title: t('pay.field.reference'),
      dataIndex: 'reference',
      render: (v: string, p) => (
        <Link to={`/fees/payments/${p.id}`} onClick={(e) => e.stopPropagation()} className="tabular">
          {v}
        </Link>
      ),
    },
    {
      title: t('pay.field.dossier'),
      dataIndex: 'dossierCode',
      render: (v: string | null) => <span className="tabular">{v ?? EMPTY}</span>,
    },
    {
      title: t('pay.field.procedure'),
      dataIndex: 'procedureNameVi',
      responsive: ['lg'],
      render: (v: string, p) => procedureName(p.procedureCode, v),
    },
    {
      title: t('pay.field.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: number) => <span className="tabular">{formatVnd(v, lang)}</span>,
    },
    {
      title: t('pay.field.state'),
      dataIndex: 'state',
      render: (s: PaymentState, p) => (
        <>
          <PaymentStateTag state={s} />
          {p.refundDue && (
            <StatusTag kind="danger" className="pay-refund-due">
              {t(REFUND_DUE_LABEL[p.refundDue])}
            </StatusTag>
          )}
        </>
      ),
    },
    {
      title: t('pay.field.method'),
      dataIndex: 'method',
      responsive: ['xl'],
      render: (m: PaymentMethod) => t(PAYMENT_METHOD_LABEL[m]),
    },
    {
      title: t('pay.field.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t('pay.field.paidAt'),
      dataIndex: 'paidAt',
      responsive: ['md'],
      render: (v: string | null) => <span className="tabular">{formatDateTime(v)}</span>,
    },
  ];

  const data = list.data;
  return (
    <>
      <PageTitle title={t('pay.list.title')} description={t('pay.list.intro')} />
      <Card className="section-card">
        <Form layout="inline" className="pay-filters">
          <Form.Item label={t('pay.field.state')} htmlFor="pay-filter-state">
            <Select
              id="pay-filter-state"
              allowClear
              placeholder={t('pay.list.filter.state')}
              value={state}
              onChange={(v?: string) => update({ state: v })}
              options={PAYMENT_STATES.map((s) => ({ value: s, label: t(PAYMENT_STATE_LABEL[s]) }))}
              className="pay-filter-state"
            />
          </Form.Item>
          <Form.Item label={t('pay.list.filter.dates')} htmlFor="pay-filter-from">
            <DatePicker.RangePicker
              id={{ start: 'pay-filter-from', end: 'pay-filter-to' }}
              format="DD/MM/YYYY"
              placeholder={[t('pay.list.filter.from'), t('pay.list.filter.to')]}
              value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
              allowEmpty={[true, true]}
              onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            />
          </Form.Item>
          <Form.Item label={t('pay.field.reference')} htmlFor="pay-filter-reference">
            <Input.Search
              id="pay-filter-reference"
              allowClear
              placeholder={t('pay.list.filter.reference')}
              defaultValue={reference}
              onSearch={(v) => update({ reference: v.trim().toUpperCase() || undefined })}
              className="pay-filter-reference"
            />
          </Form.Item>
        </Form>
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<Payment>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.loading}
          size="middle"
          scroll={{ x: true }}
          rowClassName="clickable-row"
          onRow={(p) => ({ onClick: () => void navigate(`/fees/payments/${p.id}`) })}
          locale={{ emptyText: t('pay.list.empty') }}
          pagination={{
            current: data?.page ?? page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('pay.list.total', { total: formatNumber(total, lang) }),
            onChange: (p) => update({ page: String(p) }),
          }}
        />
      </Card>
    </>
  );
}
