import type { ApiError } from '../api/client';
import { useI18n } from '../shell/i18n';
import { Notice } from './plain';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

/**
 * ErrorAlert without antd (components/plain.tsx), for the public pages and the session's first
 * load: an API error in the current language, with the request id for the help desk.
 */
export function PlainErrorAlert({ error, onRetry }: Props) {
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
