import { Alert, Button, Card } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Attachment, DossierDetail } from '../../../contracts/dossiers';
import { useI18n } from '../../shell/i18n';
import { formatDateTime } from '../../components/format';
import { attachmentUrl } from './dossiers-api';

const KINDS = ['ct03', 'ct07', 'ct08', 'birth_extract'] as const;

/** The kind of result document an attachment key names (`result_ct07` → `ct07`); undefined for a file the citizen gave. */
export const resultKindOf = (documentKey: string) => KINDS.find((k) => documentKey === `result_${k}`);

/** Is this attachment a result document the authority issued, not a file the citizen gave? */
export const isResultDocument = (a: Pick<Attachment, 'documentKey'>): boolean =>
  resultKindOf(a.documentKey) !== undefined;

/** What the decision wrote in the registry that the citizen needs: a newborn's personal ID number. */
export function RegistryOutcomeCard({ outcome }: { outcome: DossierDetail['registryOutcome'] }) {
  const { t } = useI18n();
  if (!outcome?.childNationalId) return null;
  return (
    <Alert
      type="success"
      showIcon
      className="section-card registry-outcome"
      title={t('dossier.outcome.childNumber', { name: outcome.childFullName ?? '' })}
      description={<strong className="tabular registry-outcome-number">{outcome.childNationalId}</strong>}
    />
  );
}

/**
 * The result documents of a dossier (CT03, CT07, CT08, the birth extract), each with its name and a large download
 * button: what the citizen came for, shown above the files they gave. Nothing before the result.
 */
export function ResultDocumentsCard({
  dossierId,
  attachments,
}: {
  dossierId: string;
  attachments: readonly Attachment[];
}) {
  const { t } = useI18n();
  const results = attachments.filter(isResultDocument);
  if (results.length === 0) return null;
  return (
    <Card title={t('dossier.results.title')} className="section-card result-documents">
      <p>{t('dossier.results.intro')}</p>
      <ul className="result-document-list">
        {results.map((a) => {
          const kind = resultKindOf(a.documentKey)!;
          return (
            <li key={a.id}>
              <div className="result-document-name">{t(`dossier.results.${kind}`)}</div>
              <div className="result-document-when">{formatDateTime(a.uploadedAt)}</div>
              <Button
                type="primary"
                size="large"
                icon={<DownloadOutlined />}
                href={attachmentUrl(dossierId, a.id)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('dossier.results.download')}
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
