import { Button, Card, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { KpiRun } from '../../../contracts/kpi';
import { kpiReportUrl } from './kpi-api';
import { useKpiText } from './kpi-text';
import { periodLabel } from './KpiParts';

/**
 * The periodic Project 06 report of the run shown (issue 15 §5), as PDF and XLSX: plain downloads with
 * the session cookie, of that run's snapshot (the same run gives the same file). For readers of the
 * province's figures, whom the page knows by the province's values in the answer; the server checks.
 * The report is on the run's structure (on the former one, with a sheet of districts): the card says which.
 */
export function KpiReport({ run }: { run: KpiRun }) {
  const t = useKpiText();
  const url = (format: 'pdf' | 'xlsx') => kpiReportUrl({ period: run.period, runId: run.id, format });
  return (
    <Card
      className="section-card kpi-report"
      data-testid="kpi-report"
      title={<h2 className="kpi-target-title">{t('kpi.report.title')}</h2>}
    >
      <Typography.Paragraph>
        {t('kpi.report.text', {
          period: periodLabel(t, run.period),
          run: run.id,
          structure: t(`kpi.report.structure.${run.structure}`),
        })}
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" href={url('pdf')} download icon={<FilePdfOutlined aria-hidden />}>
          {t('kpi.report.pdf')}
        </Button>
        <Button href={url('xlsx')} download icon={<FileExcelOutlined aria-hidden />}>
          {t('kpi.report.xlsx')}
        </Button>
      </Space>
    </Card>
  );
}
