import { Badge, Button, Card, Empty, Skeleton } from 'antd';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { theme } from '../../shell/theme';
import { useNotificationsT } from './use-notifications-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { ChannelsCard } from './ChannelsCard';
import { getInbox, markRead } from './notifications-api';

/** /me/thong-bao — the citizen's in-app messages about their dossiers, and how else they are told. */
export default function InboxPage() {
  const { lang } = useI18n();
  const t = useNotificationsT();
  const inbox = useApi((signal) => getInbox({ signal }), []);

  const read = async (id: string) => {
    await markRead(id);
    inbox.reload();
  };

  return (
    <div className="citizen-page">
      <PageTitle title={t('notifications.inbox.title')} description={t('notifications.inbox.intro')} />
      {inbox.error && <ErrorAlert error={inbox.error} onRetry={inbox.reload} />}
      {!inbox.data && inbox.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {inbox.data && (
        <Card
          className="section-card"
          title={
            <span>
              {t('notifications.inbox.title')}{' '}
              {inbox.data.unread > 0 && (
                // The theme's primary blue: white on antd's preset "blue" (#1677ff) is 4.1:1, below WCAG AA.
                <Badge
                  count={t('notifications.inbox.unread', { n: inbox.data.unread })}
                  color={theme.token?.colorPrimary}
                />
              )}
            </span>
          }
        >
          {inbox.data.items.length === 0 ? (
            <Empty description={t('notifications.inbox.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul className="plain-list me-list" aria-label={t('notifications.inbox.title')}>
              {inbox.data.items.map((m) => (
                <li key={m.id} className="notification-item" data-unread={m.readAt ? undefined : 'true'}>
                  <div>
                    {m.readAt ? (
                      <span>{lang === 'en' ? m.subjectEn : m.subjectVi}</span>
                    ) : (
                      <strong>{lang === 'en' ? m.subjectEn : m.subjectVi}</strong>
                    )}{' '}
                    <StatusTag kind="neutral">{t(`notifications.event.${m.event}`)}</StatusTag>
                  </div>
                  <div className="me-muted">{formatDateTime(m.createdAt)}</div>
                  <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {lang === 'en' ? m.bodyEn : m.bodyVi}
                  </p>
                  {m.readAt ? (
                    <span className="me-muted">{t('notifications.inbox.read')}</span>
                  ) : (
                    <Button size="small" onClick={() => void read(m.id)}>
                      {t('notifications.inbox.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <ChannelsCard />
    </div>
  );
}
