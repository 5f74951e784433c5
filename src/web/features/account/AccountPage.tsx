import { Alert, Card, Descriptions } from 'antd';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import { PageTitle } from '../../components/PageTitle';
import { sectorLabel } from '../../components/role-labels';
import { StatusTag } from '../../components/StatusTag';
import { ChangePasswordCard } from './ChangePasswordCard';
import { TotpCard } from './TotpCard';
import { SecurityNoticeAlert } from './SecurityNoticeAlert';

/** /account — a staff member's own account: roles (with unit names from GET /auth/me), TOTP state, failed sign-ins since the previous one, password, two-step sign-in. */
export default function AccountPage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const account = me?.account;
  if (!account) return null;
  const unitName = (a: (typeof account.assignments)[number]) =>
    a.unitNameVi ? `${pick(a.unitNameVi, a.unitNameEn ?? a.unitNameVi)} (${a.unitCode})` : (a.unitCode ?? '');
  return (
    <>
      <PageTitle title={t('account.title')} description={t('account.intro')} />
      <SecurityNoticeAlert notice={account.securityNotice} />
      {account.mustChangePassword && (
        <Alert type="warning" showIcon role="alert" className="section-card" title={t('account.mustChange')} />
      )}
      <Card title={t('account.roles')} className="section-card">
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'name', label: t('account.name'), children: account.displayName },
            ...(account.assignments.length === 0
              ? [{ key: 'none', label: t('account.roles'), children: t('account.noRoles') }]
              : account.assignments.map((a, i) => ({
                  key: `a${i}`,
                  label: pick(a.roleNameVi, a.roleNameEn),
                  children: [unitName(a), sectorLabel(t, a.sector)].filter(Boolean).join(' · '),
                }))),
            {
              key: 'totp',
              label: t('account.totp.status'),
              children: (
                <span data-testid="totp-status">
                  {account.totpEnabled ? (
                    <StatusTag kind="ok">{t('account.totp.on')}</StatusTag>
                  ) : (
                    <StatusTag kind="neutral">{t('account.totp.off')}</StatusTag>
                  )}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <ChangePasswordCard />
      <TotpCard enabled={account.totpEnabled} />
    </>
  );
}
