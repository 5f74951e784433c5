import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  NOTIFICATION_CHANNELS,
  OUTBOX_STATUSES,
  type NotificationChannel,
  type OutboxMessage,
  type OutboxStatus,
  type SandboxMail,
  type SandboxSms,
} from '../../../contracts/notifications';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useNotificationsT } from './use-notifications-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../components/format';
import { getOutbox, getSandboxMail, getSandboxSms, retryMessage } from './notifications-api';

const STATUS_COLOR: Record<OutboxStatus, string> = {
  queued: 'blue',
  sending: 'gold',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

const SMS_PAGE_SIZE = 20;

/**
 * /admin/notifications — the outbox (notifications.outbox.read): each message, channel, status, attempts,
 * error; a message that failed for good is retried after a confirmation (notifications.outbox.retry). Tabs
 * for what the development sandboxes received: the SMS gateway (paged) and the local SMTP server.
 */
export default function OutboxPage() {
  const t = useNotificationsT();
  return (
    <>
      <PageTitle title={t('notifications.outbox.title')} description={t('notifications.outbox.intro')} />
      <Tabs
        items={[
          { key: 'outbox', label: t('notifications.outbox.tabOutbox'), children: <OutboxCard /> },
          { key: 'sms', label: t('notifications.outbox.tabSms'), children: <SandboxSmsCard /> },
          { key: 'mail', label: t('notifications.outbox.tabMail'), children: <SandboxMailCard /> },
        ]}
      />
    </>
  );
}

function OutboxCard() {
  const t = useNotificationsT();
  const { message } = App.useApp();
  const { can } = useSession();
  const [status, setStatus] = useState<OutboxStatus>();
  const [channel, setChannel] = useState<NotificationChannel>();
  const outbox = useApi((signal) => getOutbox({ status, channel }, { signal }), [status, channel]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const mayRetry = can('notifications.outbox.retry');

  const retry = async (m: OutboxMessage) => {
    setBusy(m.id);
    setError(undefined);
    try {
      await retryMessage(m.id);
      void message.success(t('notifications.outbox.retried', { code: m.dossierCode ?? '' }));
      outbox.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: ColumnsType<OutboxMessage> = [
    { title: t('notifications.outbox.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('notifications.outbox.event'),
      dataIndex: 'event',
      render: (v: OutboxMessage['event']) => t(`notifications.event.${v}`),
    },
    {
      title: t('notifications.outbox.channel'),
      dataIndex: 'channel',
      render: (v: NotificationChannel) => t(`notifications.channel.${v}`),
    },
    {
      title: t('notifications.outbox.status'),
      dataIndex: 'status',
      render: (v: OutboxStatus) => <Tag color={STATUS_COLOR[v]}>{t(`notifications.status.${v}`)}</Tag>,
    },
    { title: t('notifications.outbox.dossier'), dataIndex: 'dossierCode' },
    { title: t('notifications.outbox.recipient'), dataIndex: 'recipient' },
    { title: t('notifications.outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('notifications.outbox.error'),
      key: 'error',
      render: (_v, r) => r.lastError ?? r.skipReason ?? '',
    },
    {
      title: t('notifications.outbox.sent'),
      dataIndex: 'sentAt',
      render: (v: string | null) => (v ? formatDateTime(v) : ''),
    },
    ...(mayRetry
      ? [
          {
            title: '',
            key: 'retry',
            render: (_: unknown, m: OutboxMessage) =>
              m.status === 'failed' ? (
                <Popconfirm
                  title={t('notifications.outbox.retryConfirm')}
                  description={t('notifications.outbox.retryConfirmDetail')}
                  okText={t('notifications.outbox.retryOk')}
                  cancelText={t('notifications.outbox.retryCancel')}
                  onConfirm={() => retry(m)}
                >
                  <Button size="small" loading={busy === m.id} disabled={!!busy}>
                    {t('notifications.outbox.retry')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      className="section-card"
      extra={
        <Button size="small" onClick={outbox.reload}>
          {t('notifications.outbox.refresh')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<OutboxStatus | ''>
          aria-label={t('notifications.outbox.status')}
          style={{ minWidth: 180 }}
          value={status ?? ''}
          onChange={(v) => setStatus(v || undefined)}
          options={[
            { value: '', label: t('notifications.outbox.allStatuses') },
            ...OUTBOX_STATUSES.map((s) => ({
              value: s,
              label: `${t(`notifications.status.${s}`)} (${outbox.data?.counts[s] ?? 0})`,
            })),
          ]}
        />
        <Select<NotificationChannel | ''>
          aria-label={t('notifications.outbox.channel')}
          style={{ minWidth: 160 }}
          value={channel ?? ''}
          onChange={(v) => setChannel(v || undefined)}
          options={[
            { value: '', label: t('notifications.outbox.allChannels') },
            ...NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) })),
          ]}
        />
      </Space>
      {outbox.error && <ErrorAlert error={outbox.error} onRetry={outbox.reload} />}
      {error && <ErrorAlert error={error} />}
      <ScrollRegion label={t('notifications.outbox.title')}>
        <Table<OutboxMessage>
          rowKey="id"
          columns={columns}
          dataSource={outbox.data?.items ?? []}
          loading={outbox.loading}
          size="middle"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="outbox-table"
        />
      </ScrollRegion>
    </Card>
  );
}

/** What the SMS sandbox received (development): numbers masked to their last 3 digits, newest first, paged by the server. */
function SandboxSmsCard() {
  const t = useNotificationsT();
  const [page, setPage] = useState(1);
  const sms = useApi((signal) => getSandboxSms({ page, pageSize: SMS_PAGE_SIZE }, { signal }), [page]);
  if (sms.error?.status === 404)
    return (
      <Card className="section-card" title={t('notifications.sms.title')}>
        <Typography.Text type="secondary">{t('notifications.sms.off')}</Typography.Text>
      </Card>
    );
  const columns: ColumnsType<SandboxSms> = [
    { title: t('notifications.sms.received'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    { title: t('notifications.sms.phone'), dataIndex: 'phone', render: (v: string) => <code>{v}</code> },
    { title: t('notifications.sms.text'), dataIndex: 'text' },
    { title: t('notifications.outbox.duplicates'), dataIndex: 'duplicates', align: 'right' },
  ];
  return (
    <Card
      className="section-card"
      title={t('notifications.sms.title')}
      extra={
        <Button size="small" onClick={sms.reload}>
          {t('notifications.outbox.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('notifications.sms.intro')}</Typography.Paragraph>
      {sms.error && <ErrorAlert error={sms.error} onRetry={sms.reload} />}
      {sms.data && sms.data.total === 0 ? (
        <Alert type="info" showIcon message={t('notifications.sms.none')} />
      ) : (
        <ScrollRegion label={t('notifications.outbox.tabSms')}>
          <Table<SandboxSms>
            rowKey="id"
            columns={columns}
            dataSource={sms.data?.items ?? []}
            loading={sms.loading}
            size="small"
            data-testid="sandbox-sms-table"
            pagination={{
              current: page,
              pageSize: SMS_PAGE_SIZE,
              total: sms.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (n) => t('notifications.sms.total', { n }),
              onChange: setPage,
            }}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}

/** What the local SMTP server received (development). */
function SandboxMailCard() {
  const t = useNotificationsT();
  const mail = useApi((signal) => getSandboxMail({ signal }), []);
  const mailColumns: ColumnsType<SandboxMail> = [
    { title: t('notifications.outbox.created'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    { title: t('notifications.outbox.recipient'), dataIndex: 'rcptTo', render: (v: string[]) => v.join(', ') },
    { title: t('notifications.outbox.subject'), dataIndex: 'subject' },
    { title: t('notifications.outbox.duplicates'), dataIndex: 'duplicates', align: 'right' },
  ];
  return (
    <Card className="section-card" title={t('notifications.outbox.sandboxMail')}>
      {mail.error && <ErrorAlert error={mail.error} onRetry={mail.reload} />}
      <ScrollRegion label={t('notifications.outbox.sandboxMail')}>
        <Table<SandboxMail>
          rowKey="messageId"
          columns={mailColumns}
          dataSource={mail.data ?? []}
          loading={mail.loading}
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </ScrollRegion>
    </Card>
  );
}
