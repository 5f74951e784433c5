import type { DeadlineFlag, DossierState } from '../../../contracts/dossiers';
import { useT } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';
import { FLAG_KIND, FLAG_LABEL, STATE_KIND, STATE_LABEL } from './dossier-labels';

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
