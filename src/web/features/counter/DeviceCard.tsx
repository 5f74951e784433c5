import { useState } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { fetchCounterDevice, startCounterDevice, stopCounterDevice } from './counter-api';

interface Props {
  /** The counter chosen in the bar above (its unit may be undefined when the officer has one unit). */
  counter: { unitCode?: string; counterLabel: string };
}

/**
 * "Counter device": the officer makes this browser the device where citizens sign in with their
 * own e-ID and file online with the officer's guidance (channel "assisted"). It lasts
 * until the end of the day or until turned off; the dossiers filed on it name the counter and the officer.
 */
export function DeviceCard({ counter }: Props) {
  const { t } = useI18n();
  const state = useApi((signal) => fetchCounterDevice({ signal }), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const label = counter.counterLabel.trim();
  const device = state.data?.device ?? null;

  const run = async (action: () => Promise<{ device: typeof device }>) => {
    setBusy(true);
    setError(undefined);
    try {
      state.setData(await action());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="section-card"
      role="region"
      aria-labelledby="counter-device-title"
      title={<span id="counter-device-title">{t('counter.device.title')}</span>}
    >
      <Typography.Paragraph type="secondary">{t('counter.device.intro')}</Typography.Paragraph>
      {state.error && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {error && <ErrorAlert error={error} />}
      {device ? (
        <Space orientation="vertical" size={12} className="full-width">
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('counter.device.on', {
              counter: device.counterLabel,
              unit: device.unitName,
              officer: device.officerName,
            })}
            description={t('counter.device.onHint', { until: formatDateTime(device.expiresAt) })}
          />
          <Button loading={busy} onClick={() => void run(stopCounterDevice)}>
            {t('counter.device.stop')}
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" size={12} className="full-width">
          {!label && <Alert type="info" showIcon title={t('counter.device.needLabel')} />}
          <Button
            type="primary"
            disabled={!label || state.loading}
            loading={busy}
            onClick={() => void run(() => startCounterDevice({ unitCode: counter.unitCode, counterLabel: label }))}
          >
            {t('counter.device.start')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
