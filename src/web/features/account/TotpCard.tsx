import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, QRCode, Space, Typography } from 'antd';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { enableTotp, setupTotp } from './account-api';

/** The secret in groups of four, easier to type into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Two-step sign-in: create a secret, add it to an authenticator app (QR code or the secret
 * typed in), confirm with one 6-digit code. From then on the login asks for a code. When it
 * is already on (GET /auth/me `totpEnabled`), the card says so and offers no new setup.
 */
export function TotpCard({ enabled: enabledBefore }: { enabled: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; uri: string }>();
  const [enabled, setEnabled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSetup(await setupTotp());
      setEnabled(false);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await enableTotp(code.trim());
      setEnabled(true);
      setSetup(undefined);
      void message.success(t('account.totp.enabled'));
      await refresh();
    } catch (e) {
      const apiError = toApiError(e);
      const onCode = apiError.fields.find((f) => f.field === 'code');
      if (onCode) form.setFields([{ name: 'code', errors: [pick(onCode.messageVi, onCode.messageEn)] }]);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('account.totp.title')} className="section-card">
      <Typography.Paragraph>{t('account.totp.intro')}</Typography.Paragraph>
      {enabled && <Alert type="success" showIcon className="section-card" title={t('account.totp.enabled')} />}
      {enabledBefore && !enabled && (
        <Alert
          type="success"
          showIcon
          className="section-card"
          title={t('account.totp.on')}
          description={t('account.totp.onText')}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {enabledBefore ? null : !setup ? (
        <Button onClick={() => void start()} loading={busy}>
          {t('account.totp.start')}
        </Button>
      ) : (
        <Space orientation="vertical" size={12} className="full-width">
          <Alert type="warning" showIcon title={t('account.totp.notYet')} />
          <ol className="totp-steps">
            <li>{t('account.totp.step1')}</li>
            <li>
              {t('account.totp.step2')}
              <div className="totp-qr" aria-hidden="true">
                <QRCode value={setup.uri} size={176} bordered={false} />
              </div>
              <div className="totp-secret-label">{t('account.totp.secret')}</div>
              <Typography.Text code copyable={{ text: setup.secret }} className="totp-secret" data-testid="totp-secret">
                {grouped(setup.secret)}
              </Typography.Text>
              <div className="totp-secret-label">{t('account.totp.uri')}</div>
              <Typography.Text code className="totp-uri" data-testid="totp-uri">
                {setup.uri}
              </Typography.Text>
            </li>
            <li>{t('account.totp.step3')}</li>
          </ol>
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void confirm(v)}
            className="narrow-form"
          >
            <Form.Item
              name="code"
              label={t('login.totp')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totpInvalid') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="totp-input" />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('account.totp.confirm')}
              </Button>
              <Button onClick={() => setSetup(undefined)}>{t('account.totp.cancel')}</Button>
            </Space>
          </Form>
        </Space>
      )}
    </Card>
  );
}
