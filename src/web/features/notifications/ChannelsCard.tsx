import { useEffect, useState } from 'react';
import { App, Alert, Button, Card, Checkbox, Form, Input, Skeleton, Switch } from 'antd';
import { SMS_NOTIFICATIONS } from '../../../contracts/consent-texts';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useNotificationsT } from './use-notifications-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getPreferences, savePreferences } from './notifications-api';

/**
 * The citizen's channels (issue 17 §2): e-mail and SMS on or off, the addresses prefilled from the
 * registry and editable; turning SMS on shows the consent text with an unticked box. The server's
 * refusals show under their fields.
 */
export function ChannelsCard() {
  const { lang } = useI18n();
  const t = useNotificationsT();
  const { message } = App.useApp();
  const prefs = useApi((signal) => getPreferences({ signal }), []);
  const [emailEnabled, setEmailEnabled] = useState(false);
  const [email, setEmail] = useState('');
  const [smsEnabled, setSmsEnabled] = useState(false);
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!prefs.data) return;
    setEmailEnabled(prefs.data.emailEnabled);
    setEmail(prefs.data.email ?? prefs.data.registryEmail ?? '');
    setSmsEnabled(prefs.data.smsEnabled);
    setPhone(prefs.data.phone ?? prefs.data.registryPhone ?? '');
  }, [prefs.data]);

  const fieldError = (field: string) => {
    const f = error?.fields.find((p) => p.field === field);
    return f ? (lang === 'en' ? f.messageEn : f.messageVi) : undefined;
  };
  const askConsent = smsEnabled && !prefs.data?.smsEnabled;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await savePreferences({
        emailEnabled,
        email: email.trim() || null,
        smsEnabled,
        phone: phone.trim() || null,
        consent,
        lang,
      });
      prefs.setData(saved);
      setConsent(false);
      void message.success(t('notifications.channels.saved'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="section-card" title={t('notifications.channels.title')}>
      <p>{t('notifications.channels.intro')}</p>
      {prefs.error && <ErrorAlert error={prefs.error} onRetry={prefs.reload} />}
      {!prefs.data && prefs.loading && <Skeleton active />}
      {prefs.data && (
        <Form layout="vertical" onFinish={() => void save()}>
          {!prefs.data.chosen && <Alert type="info" showIcon title={t('notifications.channels.defaults')} />}
          <ChannelFields
            id="notify-email"
            type="email"
            label={t('notifications.channels.email')}
            addressLabel={t('notifications.channels.emailAddress')}
            enabled={emailEnabled}
            onEnabled={setEmailEnabled}
            value={email}
            onChange={setEmail}
            error={fieldError('email')}
            registryValue={prefs.data.registryEmail}
          />
          <ChannelFields
            id="notify-phone"
            type="tel"
            label={t('notifications.channels.sms')}
            addressLabel={t('notifications.channels.phone')}
            enabled={smsEnabled}
            onEnabled={setSmsEnabled}
            value={phone}
            onChange={setPhone}
            error={fieldError('phone')}
            registryValue={prefs.data.registryPhone}
          />
          {askConsent && (
            <Form.Item
              validateStatus={fieldError('consent') ? 'error' : undefined}
              help={fieldError('consent')}
              data-testid="sms-consent"
            >
              <div className="consent-text">
                {(lang === 'en' ? SMS_NOTIFICATIONS.textEn : SMS_NOTIFICATIONS.textVi).split('\n\n').map((p) => (
                  <p key={p.slice(0, 40)}>{p}</p>
                ))}
              </div>
              <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
                {t('notifications.channels.consent')}
              </Checkbox>
            </Form.Item>
          )}
          {error && !error.fields.length && <ErrorAlert error={error} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('notifications.channels.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** One channel: its switch, and its address with the server's refusal or the registry's value under it. */
function ChannelFields(props: {
  id: string;
  type: 'email' | 'tel';
  label: string;
  addressLabel: string;
  enabled: boolean;
  onEnabled: (on: boolean) => void;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  registryValue: string | null | undefined;
}) {
  const t = useNotificationsT();
  return (
    <>
      <Form.Item label={props.label}>
        <Switch checked={props.enabled} onChange={props.onEnabled} aria-label={props.label} />
      </Form.Item>
      <Form.Item
        label={props.addressLabel}
        htmlFor={props.id}
        validateStatus={props.error ? 'error' : undefined}
        help={
          props.error ??
          (props.registryValue ? t('notifications.channels.registry', { value: props.registryValue }) : undefined)
        }
      >
        <Input
          id={props.id}
          type={props.type}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          autoComplete={props.type}
        />
      </Form.Item>
    </>
  );
}
