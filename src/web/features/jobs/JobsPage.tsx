import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { JobQueueSummary } from '../../../contracts/jobs';
import { useApi, toApiError } from '../../api/use-api';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../components/format';
import { fetchJobsOverview, retryFailedJob, type FailedJob } from './jobs-api';
import { useJobsT } from './use-jobs-text';

/** The data of a failed job as one line: `key: value`, identifiers only (the server hides the rest as "…"). */
const dataLine = (data: FailedJob['data']) =>
  Object.entries(data)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');

/** /admin/jobs — the job queue (jobs.manage): queues with their jobs by state, failed jobs and their retry. */
export default function JobsPage() {
  const t = useJobsT();
  const { message } = App.useApp();
  const overview = useApi((signal) => fetchJobsOverview({ signal }), []);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const retry = async (job: FailedJob) => {
    setBusy(job.id);
    setError(undefined);
    try {
      const done = await retryFailedJob(job.id);
      void message.success(t('jobs.retried', { id: done.id.slice(0, 8), queue: done.queue }));
      overview.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const count = (n: number, danger = false) =>
    n > 0 && danger ? <Typography.Text type="danger">{n}</Typography.Text> : n;
  const queueColumns: TableColumnsType<JobQueueSummary> = [
    { title: t('jobs.queue'), dataIndex: 'name', render: (name: string) => <code>{name}</code> },
    { title: t('jobs.ready'), dataIndex: 'ready', align: 'right' },
    { title: t('jobs.deferred'), dataIndex: 'deferred', align: 'right', responsive: ['md'] },
    { title: t('jobs.active'), dataIndex: 'active', align: 'right' },
    { title: t('jobs.failed'), dataIndex: 'failed', align: 'right', render: (n: number) => count(n, true) },
    { title: t('jobs.deadLetters'), dataIndex: 'deadLetters', align: 'right', render: (n: number) => count(n, true) },
    {
      title: t('jobs.schedule'),
      dataIndex: 'schedule',
      responsive: ['md'],
      render: (cron: string | null) => (cron ? <code>{cron}</code> : t('jobs.noSchedule')),
    },
  ];
  const failedColumns: TableColumnsType<FailedJob> = [
    { title: t('jobs.queue'), dataIndex: 'queue', render: (name: string) => <code>{name}</code> },
    { title: t('jobs.data'), key: 'data', render: (_: unknown, job) => dataLine(job.data) },
    { title: t('jobs.error'), dataIndex: 'error' },
    { title: t('jobs.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('jobs.enqueuedAt'),
      dataIndex: 'enqueuedAt',
      responsive: ['lg'],
      render: (at: string | null) => formatDateTime(at),
    },
    { title: t('jobs.failedAt'), dataIndex: 'failedAt', render: (at: string) => formatDateTime(at) },
    {
      title: '',
      key: 'retry',
      render: (_: unknown, job) => (
        <Button size="small" loading={busy === job.id} disabled={!!busy} onClick={() => void retry(job)}>
          {t('jobs.retry')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('jobs.title')} description={t('jobs.intro')} />
      {overview.error && <ErrorAlert error={overview.error} />}
      {error && <ErrorAlert error={error} />}
      <Card
        className="section-card"
        title={t('jobs.queues')}
        extra={
          <Button size="small" onClick={overview.reload}>
            {t('jobs.refresh')}
          </Button>
        }
      >
        <ScrollRegion label={t('jobs.queues')}>
          <Table<JobQueueSummary>
            rowKey="name"
            size="small"
            pagination={false}
            loading={overview.loading}
            columns={queueColumns}
            dataSource={overview.data?.queues ?? []}
          />
        </ScrollRegion>
      </Card>
      <Card className="section-card" title={t('jobs.failedJobs')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('jobs.failedIntro')}</Typography.Paragraph>
          {overview.data && overview.data.failed.length === 0 ? (
            <Alert type="success" showIcon message={t('jobs.noFailed')} />
          ) : (
            <ScrollRegion label={t('jobs.failedJobs')}>
              <Table<FailedJob>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                loading={overview.loading}
                columns={failedColumns}
                dataSource={overview.data?.failed ?? []}
              />
            </ScrollRegion>
          )}
        </Space>
      </Card>
    </>
  );
}
