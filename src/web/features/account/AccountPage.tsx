import { Alert, Card, Descriptions } from 'antd';
import { useSession } from '../../api/session';
import { useT } from '../../app/i18n';
import { PageTitle } from '../../components/PageTitle';
import { roleLabel, sectorLabel } from '../../components/role-labels';
import { useCurrentUnits } from '../../components/unit-names';
import { ChangePasswordCard } from './ChangePasswordCard';
import { TotpCard } from './TotpCard';

/** /account — a staff member's own account: roles, password, two-step sign-in. */
export default function AccountPage() {
  const t = useT();
  const { me } = useSession();
  const { nameOf } = useCurrentUnits();
  const account = me?.account;
  if (!account) return null;
  return (
    <>
      <PageTitle title={t('account.title')} description={t('account.intro')} />
      {account.mustChangePassword && <Alert type="warning" showIcon role="alert" className="section-card" title={t('account.mustChange')} />}
      <Card title={t('account.roles')} className="section-card">
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'name', label: t('account.name'), children: account.displayName },
            ...(me.grants.length === 0
              ? [{ key: 'none', label: t('account.roles'), children: t('account.noRoles') }]
              : me.grants.map((g, i) => ({
                  key: `g${i}`,
                  label: roleLabel(t, g.role),
                  children: [nameOf(g.unitCode), sectorLabel(t, g.sector)].filter(Boolean).join(' · '),
                }))),
          ]}
        />
      </Card>
      <ChangePasswordCard />
      <TotpCard />
    </>
  );
}
