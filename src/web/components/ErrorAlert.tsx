import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client';
import { useI18n } from '../shell/i18n';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

/**
 * Shows an API error in the current language, with the request id for the help desk (antd's Alert:
 * the signed-in pages). The public pages use PlainErrorAlert, the same without antd.
 */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={pick(error.messageVi, error.messageEn)}
      description={error.requestId ? t('error.requestId', { id: error.requestId }) : undefined}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
