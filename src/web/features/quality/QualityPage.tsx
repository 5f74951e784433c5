import { useState } from 'react';
import { App, Button, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import type { QualityReport } from '../../../contracts/population';
import { useApi, toApiError } from '../../api/use-api';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../shell/i18n';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../components/format';
import { fetchQualityReport, runQualityCheck } from './quality-api';
import { QualityMap } from './QualityMap';
import { CommuneScoresTable, RulesTable } from './QualityTables';

/** Data quality of the registry ("đúng, đủ, sạch, sống"): province score, map, communes, rules. */
export default function QualityPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const report = useApi((signal) => fetchQualityReport({ signal }), []);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiError>();
  // No run yet is an answer (null), not an error: the scheduled run makes the first one when the server starts.
  const noRunYet = report.data === null;
  // A leader reads the report; only the Standing Agency's officers (population.quality.run) may run the engine.
  const mayRun = can('population.quality.run');

  const run = async () => {
    setRunning(true);
    setRunError(undefined);
    try {
      report.setData(await runQualityCheck());
      void message.success(t('quality.run.done'));
    } catch (e) {
      const error = toApiError(e);
      setRunError(error);
      void message.error(pick(error.messageVi, error.messageEn));
    } finally {
      setRunning(false);
    }
  };

  const runButton = mayRun && (
    <Button type="primary" size="large" loading={running} onClick={() => void run()}>
      {running ? t('quality.run.running') : t('quality.run.button')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('quality.title')} description={t('quality.description')} extra={runButton} />
      {runError && <ErrorAlert error={runError} />}
      {report.loading && !report.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {report.error && <ErrorAlert error={report.error} onRetry={report.reload} />}
      {noRunYet && (
        <Card className="section-card">
          <Empty description={t('quality.empty')}>{runButton}</Empty>
        </Card>
      )}
      {report.data && <ReportView report={report.data} lang={lang} />}
    </>
  );
}

function ReportView({ report, lang }: { report: QualityReport; lang: 'vi' | 'en' }) {
  const { t } = useI18n();
  const { province } = report;
  const communes = report.communes.filter((c) => c.unitName !== null);
  const unplaced = report.communes.filter((c) => c.unitName === null).reduce((n, c) => n + c.persons, 0);
  return (
    <>
      <Card className="section-card">
        <Row gutter={[24, 16]}>
          <Col xs={24} sm={12} lg={6}>
            <Statistic title={t('quality.stat.score')} value={formatPercent(province.score, lang)} />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Statistic title={t('quality.stat.persons')} value={formatNumber(province.persons, lang)} />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Statistic
              title={t('quality.stat.withFindings')}
              value={formatNumber(province.personsWithFindings, lang)}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Statistic title={t('quality.stat.asOf')} value={formatDate(report.asOf)} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="run-info">
          {t('quality.runInfo', { run: report.runId, at: formatDateTime(report.finishedAt) })}
          {unplaced > 0 && ` ${t('quality.unplaced', { count: formatNumber(unplaced, lang) })}`}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={t('quality.map.title')} className="section-card">
            <QualityMap communes={communes} />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title={t('quality.table.title', { count: communes.length })} className="section-card">
            <CommuneScoresTable communes={communes} />
          </Card>
        </Col>
      </Row>
      <Card title={t('quality.rules.heading')} className="section-card">
        <RulesTable rules={report.rules} />
      </Card>
    </>
  );
}
