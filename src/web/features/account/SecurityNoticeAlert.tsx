import { Alert } from 'antd';
import type { SecurityNotice } from '../../../contracts/identity';
import { useI18n } from '../../shell/i18n';
import { formatDateTime } from '../../components/format';

/**
 * The owner's notice of failed sign-ins since the previous sign-in (GET /auth/me `securityNotice`,
 * NIST SP 800-63B §5.2.2): how many, from which addresses, and what to do if it was not them.
 */
export function SecurityNoticeAlert({ notice }: { notice: SecurityNotice | null }) {
  const { t } = useI18n();
  if (!notice) return null;
  const since = notice.since
    ? t('account.notice.since', { at: formatDateTime(notice.since) })
    : t('account.notice.sinceCreated');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="section-card"
      data-testid="security-notice"
      title={t('account.notice.title', { count: notice.failedSignIns, since })}
      description={`${t('account.notice.addresses', { addresses: notice.addresses.join(', ') })} ${t('account.notice.advice')}`}
    />
  );
}
