import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { DailyReport, ReconciliationMismatch, StatementImportReport } from '../../../contracts/payments-reports';
import type { PaymentMethod, PaymentState } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime, formatNumber, todayInVietnam } from '../../components/format';
import { PAYMENT_METHOD_LABEL } from './payment-labels';
import { dailyReportXlsxUrl, fetchDailyReport, uploadSettlementFile, uploadStatement } from './payments-api';
import { PaymentStateTag } from './PaymentStateTag';
import './payments.css';

type Row = DailyReport['byMethodAndState'][number];

/** One CSV upload button with its busy state and error. */
function CsvUpload({ label, onFile }: { label: string; onFile: (file: File) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  return (
    <Space orientation="vertical" className="full-width">
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          setBusy(true);
          setError(undefined);
          onFile(file)
            .catch((e: unknown) => setError(toApiError(e)))
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button loading={busy}>{label}</Button>
      </Upload>
      {error && <ErrorAlert error={error} />}
    </Space>
  );
}

/** The bank statement import's outcome: how many lines in each list. */
function StatementSummary({ report: r }: { report: StatementImportReport }) {
  const { t } = useI18n();
  const parts = [
    t('pay.rec.stmt.matched', { n: r.matched.length }),
    t('pay.rec.stmt.already', { n: r.alreadyCredited.length }),
    t('pay.rec.stmt.wrongAmount', { n: r.wrongAmount.length }),
    t('pay.rec.stmt.unknown', { n: r.unknownReference.length }),
    t('pay.rec.stmt.duplicates', { n: r.duplicates.length }),
  ];
  const attention = r.alreadyCredited.length + r.wrongAmount.length + r.unknownReference.length > 0;
  return (
    <Alert
      className="pay-upload-result"
      type={attention ? 'warning' : 'success'}
      showIcon
      title={t('pay.rec.stmt.done', { file: r.fileName, lines: r.lines })}
      description={parts.join(' · ')}
    />
  );
}

/**
 * /fees/reconciliation — the daily reconciliation (đối soát) of a unit's online fee payments:
 * payments per method and state, totals, mismatches against the gateway's settlement file;
 * Excel export; import of the gateway's settlement file and of the bank statement (VietQR).
 */
export default function ReconciliationPage() {
  const { t, lang } = useI18n();
  const [day, setDay] = useState(todayInVietnam());
  const report = useApi((signal) => fetchDailyReport(day, { signal }), [day]);
  const [settled, setSettled] = useState<string>();
  const [statement, setStatement] = useState<StatementImportReport>();
  const r = report.data;
  const money = (n: number | null) => (n === null ? EMPTY : formatVnd(n, lang));

  const rowColumns: TableColumnsType<Row> = [
    { title: t('pay.field.method'), dataIndex: 'method', render: (m: PaymentMethod) => t(PAYMENT_METHOD_LABEL[m]) },
    { title: t('pay.field.state'), dataIndex: 'state', render: (s: PaymentState) => <PaymentStateTag state={s} /> },
    { title: t('pay.rec.count'), dataIndex: 'count', align: 'right', render: (n: number) => formatNumber(n, lang) },
    { title: t('pay.field.amount'), dataIndex: 'amount', align: 'right', render: money },
  ];
  const mismatchColumns: TableColumnsType<ReconciliationMismatch> = [
    {
      title: t('pay.rec.kind'),
      dataIndex: 'kind',
      render: (k: ReconciliationMismatch['kind']) => t(`pay.rec.kind.${k}`),
    },
    {
      title: t('pay.field.reference'),
      dataIndex: 'reference',
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    { title: t('pay.field.dossier'), dataIndex: 'dossierCode', render: (v: string | null) => v ?? EMPTY },
    { title: t('pay.rec.fileAmount'), dataIndex: 'fileAmount', align: 'right', render: money },
    { title: t('pay.rec.ourAmount'), dataIndex: 'ourAmount', align: 'right', render: money },
    {
      title: t('pay.gw.ours'),
      dataIndex: 'ourState',
      render: (s: PaymentState | null) => (s ? <PaymentStateTag state={s} /> : EMPTY),
    },
  ];

  return (
    <>
      <PageTitle title={t('pay.rec.title')} description={t('pay.rec.intro')} />
      <Card className="section-card">
        <Form layout="inline">
          <Form.Item label={t('pay.rec.day')} htmlFor="rec-day">
            <DatePicker
              id="rec-day"
              format="DD/MM/YYYY"
              allowClear={false}
              value={dayjs(day)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()}
              onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
            />
          </Form.Item>
          <Form.Item>
            <Button href={dailyReportXlsxUrl(day)} download>
              {t('pay.rec.xlsx')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {report.error && <ErrorAlert error={report.error} onRetry={report.reload} />}
      {r && (
        <Card
          className="section-card"
          title={t('pay.rec.report', { day: dayjs(r.day).format('DD/MM/YYYY') })}
          loading={report.loading}
          data-testid="reconciliation-report"
        >
          <Row gutter={[16, 16]} className="pay-report-totals">
            <Col xs={12} md={6}>
              <Statistic
                title={t('pay.rec.created')}
                value={r.totals.created}
                formatter={(v) => formatNumber(Number(v), lang)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('pay.rec.paid')}
                value={r.totals.paid}
                formatter={(v) => formatNumber(Number(v), lang)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('pay.rec.paidAmount')}
                value={r.totals.paidAmount}
                formatter={(v) => formatVnd(Number(v), lang)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('pay.rec.refundedAmount')}
                value={r.totals.refundedAmount}
                formatter={(v) => formatVnd(Number(v), lang)}
              />
            </Col>
          </Row>
          <Table<Row>
            rowKey={(x) => `${x.method}|${x.state}`}
            size="small"
            columns={rowColumns}
            dataSource={r.byMethodAndState}
            pagination={false}
            locale={{ emptyText: t('pay.rec.none') }}
          />
          <Typography.Title level={2} className="pay-rec-subtitle">
            {t('pay.rec.mismatches')}
          </Typography.Title>
          {r.settlementFile ? (
            <>
              <Typography.Paragraph>
                {t('pay.rec.fileImported', {
                  at: formatDateTime(r.settlementFile.importedAt),
                  payments: r.settlementFile.payments,
                  refunds: r.settlementFile.refunds,
                })}
              </Typography.Paragraph>
              {r.mismatches.length === 0 ? (
                <Alert type="success" showIcon title={t('pay.rec.noMismatch')} />
              ) : (
                <Table<ReconciliationMismatch>
                  rowKey={(m) => `${m.kind}|${m.reference}`}
                  size="small"
                  columns={mismatchColumns}
                  dataSource={r.mismatches}
                  pagination={false}
                  scroll={{ x: true }}
                />
              )}
            </>
          ) : (
            <Alert type="info" showIcon title={t('pay.rec.noFile')} />
          )}
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card className="section-card" title={t('pay.rec.settlementTitle')}>
            <Typography.Paragraph>
              {t('pay.rec.settlementHint', { day: dayjs(day).format('DD/MM/YYYY') })}
            </Typography.Paragraph>
            <CsvUpload
              label={t('pay.rec.settlementUpload')}
              onFile={async (file) => {
                const result = await uploadSettlementFile(day, file);
                setSettled(t('pay.rec.settlementDone', { payments: result.payments, refunds: result.refunds }));
                report.reload();
              }}
            />
            {settled && <Alert className="pay-upload-result" type="success" showIcon title={settled} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card className="section-card" title={t('pay.rec.statementTitle')}>
            <Typography.Paragraph>{t('pay.rec.statementHint')}</Typography.Paragraph>
            <CsvUpload
              label={t('pay.rec.statementUpload')}
              onFile={async (file) => {
                setStatement(await uploadStatement(file));
                report.reload();
              }}
            />
            {statement && <StatementSummary report={statement} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
