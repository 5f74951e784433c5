import { useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  IMPORT_MAX_BYTES,
  type ImportReplacement,
  type ImportSummary,
  type MonthlyFigures,
} from '../../../contracts/cashless';
import type { FieldProblem } from '../../../contracts/messages';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime, formatNumber, todayInVietnam } from '../../components/format';
import { fetchImports, templateUrl, uploadFigures, type ImportResult } from './cashless-api';
import { defaultPeriod, monthLabel } from './cashless-labels';
import './cashless.css';

/** /cashless/import — the monthly figures of schools and health facilities: template, check (dry run), import, history. */
export default function CashlessImportPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(() => defaultPeriod(todayInVietnam()).to);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<ApiError>();
  const [page, setPage] = useState(1);
  const history = useApi((signal) => fetchImports(page, { signal }), [page]);
  const n = (v: number) => formatNumber(v, lang);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    try {
      const answer = await uploadFigures(file, dryRun);
      setResult(answer);
      if (!dryRun) {
        void message.success(t('cashless.import.done'));
        setFile(undefined);
        history.reload();
      }
    } catch (e) {
      setResult(undefined);
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const figures = (f: MonthlyFigures) =>
    t('cashless.months.figures', { cashless: n(f.cashlessCount), cash: n(f.cashCount) });
  const replacementColumns: TableColumnsType<ImportReplacement> = [
    { title: t('cashless.import.line'), dataIndex: 'line', width: 80 },
    { title: t('cashless.facility.code'), dataIndex: 'facilityCode', render: (c: string) => <code>{c}</code> },
    { title: t('cashless.col.month'), dataIndex: 'month', render: monthLabel },
    {
      title: t('cashless.import.previous'),
      key: 'previous',
      render: (_: unknown, r) => <span className="cashless-figures cashless-history">{figures(r.previous)}</span>,
    },
    {
      title: t('cashless.import.next'),
      key: 'next',
      render: (_: unknown, r) => <span className="cashless-figures">{figures(r.next)}</span>,
    },
  ];
  const problemColumns: TableColumnsType<FieldProblem> = [
    { title: t('cashless.import.problem'), key: 'message', render: (_: unknown, p) => pick(p.messageVi, p.messageEn) },
  ];
  const historyColumns: TableColumnsType<ImportSummary> = [
    { title: t('cashless.import.at'), dataIndex: 'importedAt', render: (v: string) => formatDateTime(v) },
    { title: t('cashless.import.by'), dataIndex: 'importedBy', render: (v: string | null) => v ?? '—' },
    { title: t('cashless.import.file'), dataIndex: 'fileName' },
    {
      title: t('cashless.import.counts'),
      key: 'counts',
      render: (_: unknown, i) =>
        t('cashless.import.countsText', { created: n(i.created), replaced: n(i.replaced), unchanged: n(i.unchanged) }),
    },
  ];

  return (
    <>
      <PageTitle title={t('cashless.import.title')} description={t('cashless.import.intro')} />
      <Card className="section-card" title={t('cashless.import.templateTitle')}>
        <Space wrap align="end">
          <label className="cashless-field">
            <span className="field-label">{t('cashless.col.month')}</span>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
            />
          </label>
          <Button href={templateUrl(month)} download>
            {t('cashless.import.download')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('cashless.import.templateHint')}
        </Typography.Paragraph>
      </Card>
      <Card className="section-card" title={t('cashless.import.uploadTitle')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              if (f.size > IMPORT_MAX_BYTES)
                void message.error(t('cashless.import.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 }));
              else {
                setFile(f);
                setResult(undefined);
                setError(undefined);
              }
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>{t('cashless.import.choose')}</Button>
          </Upload>
          <Space wrap>
            <Button disabled={!file} loading={busy === 'check'} onClick={() => void send(true)}>
              {t('cashless.import.check')}
            </Button>
            <Button type="primary" disabled={!file} loading={busy === 'import'} onClick={() => void send(false)}>
              {t('cashless.import.submit')}
            </Button>
          </Space>
          {error && <ErrorAlert error={error} />}
          {error && error.fields.some((f) => f.field.startsWith('line.')) && (
            <ScrollRegion label={t('cashless.import.problems')} maxHeight={360}>
              <Table<FieldProblem>
                rowKey={(p) => `${p.field}-${p.messageEn}`}
                columns={problemColumns}
                dataSource={error.fields}
                pagination={false}
                size="small"
              />
            </ScrollRegion>
          )}
          {result && (
            <div className="cashless-upload-result" data-testid="import-result">
              <Alert
                type={result.dryRun ? 'info' : 'success'}
                showIcon
                title={result.dryRun ? t('cashless.import.preview') : t('cashless.import.done')}
                description={t('cashless.import.summary', {
                  rows: n(result.rows),
                  facilities: n(result.facilities),
                  months: result.months.map(monthLabel).join(', '),
                })}
              />
              <Row gutter={16} style={{ marginTop: 12 }}>
                <Col xs={12} md={6}>
                  <Statistic title={t('cashless.import.created')} value={result.created} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('cashless.import.replaced')} value={result.replaced} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('cashless.import.unchanged')} value={result.unchanged} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('cashless.import.skipped')} value={result.skipped} />
                </Col>
              </Row>
              {result.replacements.length > 0 && (
                <>
                  <Typography.Title level={3} className="cashless-kind-title" style={{ marginTop: 16 }}>
                    {t('cashless.import.replacementsTitle')}
                  </Typography.Title>
                  <ScrollRegion label={t('cashless.import.replacementsTitle')} maxHeight={360}>
                    <Table<ImportReplacement>
                      rowKey={(r) => `${r.line}`}
                      columns={replacementColumns}
                      dataSource={result.replacements}
                      pagination={false}
                      size="small"
                    />
                  </ScrollRegion>
                </>
              )}
            </div>
          )}
        </Space>
      </Card>
      <Card className="section-card" title={t('cashless.import.historyTitle')}>
        {history.error && <ErrorAlert error={history.error} onRetry={history.reload} />}
        <Table<ImportSummary>
          rowKey="id"
          columns={historyColumns}
          dataSource={history.data?.items ?? []}
          loading={history.loading}
          size="small"
          pagination={{
            current: page,
            pageSize: 10,
            total: history.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      </Card>
    </>
  );
}
