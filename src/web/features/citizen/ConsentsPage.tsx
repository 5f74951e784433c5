import { Card, Empty, Skeleton } from 'antd';
import { CONSENT_OFFERS } from '../../../contracts/consent-texts';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { fetchConsents } from './citizen-api';
import { ConsentOfferCard } from './ConsentOfferCard';

/** /me/consents — what the citizen agreed to (e.g. SMS notifications): give, see, withdraw. */
export default function ConsentsPage() {
  const { t, lang } = useI18n();
  const consents = useApi((signal) => fetchConsents({ signal }), []);
  const items = consents.data?.items ?? [];
  const titleOf = (code: string) => {
    const offer = CONSENT_OFFERS.find((o) => o.purposeCode === code);
    return offer ? (lang === 'en' ? offer.titleEn : offer.titleVi) : code;
  };

  return (
    <div className="citizen-page">
      <PageTitle title={t('consents.title')} description={t('consents.intro')} />
      {consents.error && <ErrorAlert error={consents.error} onRetry={consents.reload} />}
      {!consents.data && consents.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {consents.data &&
        CONSENT_OFFERS.map((offer) => (
          <ConsentOfferCard
            key={offer.purposeCode}
            offer={offer}
            active={items.find((c) => c.purposeCode === offer.purposeCode && c.active)}
            onChanged={consents.reload}
          />
        ))}
      {consents.data && (
        <Card title={t('consents.history')} className="section-card">
          {items.length === 0 ? (
            <Empty description={t('consents.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul className="plain-list me-list">
              {items.map((c) => (
                <li key={c.id} className="consent-history">
                  <strong>{titleOf(c.purposeCode)}</strong>{' '}
                  <StatusTag kind={c.active ? 'ok' : 'neutral'}>
                    {c.active ? t('consents.status.active') : t('consents.status.withdrawn')}
                  </StatusTag>
                  <div className="me-muted">
                    {t('consents.grantedAt', { at: formatDateTime(c.grantedAt) })}
                    {c.withdrawnAt ? ` · ${t('consents.withdrawnAt', { at: formatDateTime(c.withdrawnAt) })}` : ''}
                  </div>
                  <div className="me-muted">{t('consents.version', { version: c.textVersion })}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
