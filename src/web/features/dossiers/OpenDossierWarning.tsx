import { Link } from 'react-router';
import type { DossierSummary } from '../../../contracts/dossiers';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/plain';
import { useI18n } from '../../shell/i18n';
import { STATE_LABEL } from './dossier-labels';

/**
 * The same procedure still open for this citizen, above the filing form: each dossier with a link,
 * its state and when it was filed. The law allows a second one; the citizen decides (issue 14 §2).
 */
export default function OpenDossierWarning({ dossiers }: { dossiers: readonly DossierSummary[] }) {
  const { t } = useI18n();
  return (
    <Notice
      type="warning"
      role="alert"
      className="section-card open-dossier-warning"
      title={t('dossier.file.openTitle')}
      description={
        <>
          <ul>
            {dossiers.map((d) => (
              <li key={d.id}>
                <Link to={`/me/dossiers/${d.id}`} className="tabular">
                  {d.code ?? t('dossier.noCode')}
                </Link>{' '}
                — {t(STATE_LABEL[d.state])}, {t('dossier.file.openFiled', { at: formatDateTime(d.submittedAt) })}
              </li>
            ))}
          </ul>
          <p>{t('dossier.file.openChoice')}</p>
        </>
      }
    />
  );
}
