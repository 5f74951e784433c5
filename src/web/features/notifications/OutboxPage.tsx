import { useState } from 'react';
import { Card, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  NOTIFICATION_CHANNELS,
  OUTBOX_STATUSES,
  type NotificationChannel,
  type OutboxMessage,
  type OutboxStatus,
  type SandboxMail,
} from '../../../contracts/notifications';
import { useApi } from '../../api/use-api';
import { useNotificationsT } from './use-notifications-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../components/format';
import { getOutbox, getSandboxMail } from './notifications-api';

const STATUS_COLOR: Record<OutboxStatus, string> = {
  queued: 'blue',
  sending: 'gold',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

/** /admin/notifications — the outbox (notifications.outbox.read): each message, channel, status, attempts, error. */
export default function OutboxPage() {
  const t = useNotificationsT();
  const [status, setStatus] = useState<OutboxStatus>();
  const [channel, setChannel] = useState<NotificationChannel>();
  const outbox = useApi((signal) => getOutbox({ status, channel }, { signal }), [status, channel]);
  const mail = useApi((signal) => getSandboxMail({ signal }), []);

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
  ];
  const mailColumns: ColumnsType<SandboxMail> = [
    { title: t('notifications.outbox.created'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    { title: t('notifications.outbox.recipient'), dataIndex: 'rcptTo', render: (v: string[]) => v.join(', ') },
    { title: t('notifications.outbox.subject'), dataIndex: 'subject' },
    { title: t('notifications.outbox.duplicates'), dataIndex: 'duplicates', align: 'right' },
  ];

  return (
    <>
      <PageTitle title={t('notifications.outbox.title')} description={t('notifications.outbox.intro')} />
      <Card className="section-card">
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
      {mail.data && mail.data.length > 0 && (
        <Card className="section-card" title={t('notifications.outbox.sandboxMail')}>
          <ScrollRegion label={t('notifications.outbox.sandboxMail')}>
            <Table<SandboxMail>
              rowKey="messageId"
              columns={mailColumns}
              dataSource={mail.data}
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
            />
          </ScrollRegion>
        </Card>
      )}
    </>
  );
}
