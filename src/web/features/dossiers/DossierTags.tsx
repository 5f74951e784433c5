import type { DeadlineFlag, DossierState, DossierSummary } from '../../../contracts/dossiers';
import { useI18n, useT } from '../../shell/i18n';
import { formatNumber } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { FEE_STATUS_LABEL, FLAG_KIND, FLAG_LABEL, STATE_KIND, STATE_LABEL } from './dossier-labels';

/** The dossier's state as a coloured tag. */
export function StateTag({ state }: { state: DossierState }) {
  const t = useT();
  return (
    <StatusTag kind={STATE_KIND[state]} className="dossier-state-tag">
      {t(STATE_LABEL[state])}
    </StatusTag>
  );
}

/** The deadline flag (on time green, due soon orange, overdue red, paused grey); nothing when the dossier has no deadline yet. */
export function DeadlineTag({ flag }: { flag: DeadlineFlag }) {
  const t = useT();
  if (flag === 'none') return null;
  return (
    <StatusTag kind={FLAG_KIND[flag]} className={`deadline-tag deadline-${flag}`}>
      {t(FLAG_LABEL[flag])}
    </StatusTag>
  );
}

/** The fee: amount and state ("7.000 đồng – chưa nộp"), or "no fee". */
export function FeeText({ d }: { d: Pick<DossierSummary, 'feeStatus' | 'feeAmount'> & { feePaidAmount?: number } }) {
  const { t, lang } = useI18n();
  if (d.feeStatus === 'none') return <>{t(FEE_STATUS_LABEL.none)}</>;
  const amount = Math.max(d.feeAmount, d.feePaidAmount ?? 0);
  const status = t(FEE_STATUS_LABEL[d.feeStatus]);
  if (amount === 0) return <>{status.charAt(0).toLocaleUpperCase(lang) + status.slice(1)}</>;
  return <>{`${t('dossier.fee.amount', { amount: formatNumber(amount, lang) })} – ${status}`}</>;
}
