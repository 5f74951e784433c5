import { Alert, Card, Descriptions } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import { useI18n } from '../../shell/i18n';
import { formatDateTime } from '../../components/format';
import { useCurrentUnits } from '../../components/unit-names';

/**
 * What the registry said at filing about the household head's ID number typed on the form
 * (exists, alive, head of a household in the commune named): the officer decides with it
 * instead of an unverified number.
 */
export function RegistryChecksCard({ checks }: { checks: DossierDetail['registryChecks'] }) {
  const { t } = useI18n();
  const units = useCurrentUnits();
  const head = checks?.householdHead;
  if (!head) return null;
  const ok = head.result === 'ok' && head.nameMatches !== false;
  return (
    <Card title={t('dossier.checks.title')} className="section-card registry-checks">
      <Alert
        type={ok ? 'success' : 'warning'}
        showIcon
        title={t(`dossier.checks.head.${head.result}`)}
        description={head.nameMatches === false ? t('dossier.checks.head.nameDiffers') : undefined}
      />
      <Descriptions
        size="small"
        column={1}
        className="registry-checks-facts"
        items={[
          {
            key: 'id',
            label: t('dossier.checks.head.id'),
            children: <span className="tabular">{head.nationalId}</span>,
          },
          ...(head.registryName
            ? [{ key: 'name', label: t('dossier.checks.head.registryName'), children: head.registryName }]
            : []),
          ...(head.householdUnitCode
            ? [
                {
                  key: 'household',
                  label: t('dossier.checks.head.household'),
                  children: [head.householdAddress, units.nameOf(head.householdUnitCode)].filter(Boolean).join(', '),
                },
              ]
            : []),
          { key: 'at', label: t('dossier.checks.at'), children: formatDateTime(head.checkedAt) },
        ]}
      />
    </Card>
  );
}
