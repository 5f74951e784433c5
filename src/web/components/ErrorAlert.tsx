import type { ApiError } from '../api/client';
import { useI18n } from '../shell/i18n';
import { Notice } from './plain';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

/**
 * Shows an API error in the current language, with the request id for the help desk. Plain
 * elements (components/plain.tsx): the public pages show it too, and load no antd.
 */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t, pick } = useI18n();
  return (
    <Notice
      type="error"
      role="alert"
      title={pick(error.messageVi, error.messageEn)}
      description={error.requestId ? t('error.requestId', { id: error.requestId }) : undefined}
      action={
        onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : undefined
      }
    />
  );
}
