import { useState } from 'react';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import type { Consent } from '../../../contracts/audit';
import type { ConsentOffer } from '../../../contracts/consent-texts';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { grantConsent, withdrawConsent } from './citizen-api';

interface Props {
  offer: ConsentOffer;
  /** The active consent for this purpose, if any. */
  active: Consent | undefined;
  onChanged: () => void;
}

/**
 * One consent: the full text in the reader's language, an unticked "I agree" box, and a
 * button that works only once the box is ticked; when given, the date and "Rút lại".
 */
export function ConsentOfferCard({ offer, active, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const title = lang === 'en' ? offer.titleEn : offer.titleVi;
  const text = lang === 'en' ? offer.textEn : offer.textVi;
  const version = lang === 'en' ? offer.versionEn : offer.versionVi;
  const headingId = `consent-${offer.purposeCode}`;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setAgreed(false);
      void message.success(done);
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const give = () =>
    run(
      () => grantConsent({ purposeCode: offer.purposeCode, textVersion: version, text, agreed: true }),
      t('consents.given'),
    );
  const withdraw = () =>
    modal.confirm({
      title: t('consents.withdrawConfirm'),
      content: t('consents.withdrawExplain'),
      okText: t('consents.withdraw'),
      cancelText: t('consents.keep'),
      onOk: () => run(() => withdrawConsent(offer.purposeCode), t('consents.withdrawn')),
    });

  return (
    <Card className="section-card consent-card" role="region" aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} className="consent-title">
        {title}
      </Typography.Title>
      {active && (
        <StatusTag kind="ok" className="consent-status">
          {t('consents.activeSince', { at: formatDateTime(active.grantedAt) })}
        </StatusTag>
      )}
      <div className="consent-text" data-testid="consent-text">
        {text.split('\n\n').map((paragraph) => (
          <p key={paragraph.slice(0, 40)}>{paragraph}</p>
        ))}
      </div>
      <Typography.Paragraph type="secondary" className="consent-version">
        {t('consents.version', { version })}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      {active ? (
        <Button size="large" danger loading={busy} onClick={withdraw}>
          {t('consents.withdraw')}
        </Button>
      ) : (
        <Space orientation="vertical" size={12} className="full-width">
          <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} className="consent-checkbox">
            {t('consents.agreeBox')}
          </Checkbox>
          <Button type="primary" size="large" disabled={!agreed} loading={busy} onClick={() => void give()}>
            {t('consents.give')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
