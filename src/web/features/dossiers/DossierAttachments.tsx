import { Empty } from 'antd';
import type { Attachment } from '../../../contracts/dossiers';
import type { RequiredDocument } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { formatDateTime } from '../../components/format';
import { formatBytes } from './attachments';
import { attachmentUrl } from './dossiers-api';
import { resultKindOf } from './ResultDocumentsCard';

interface Props {
  dossierId: string;
  attachments: readonly Attachment[];
  documents: readonly RequiredDocument[] | undefined;
}

/** The files of a dossier by document, each a link that opens it in a new tab; supplements are marked by round. */
export function DossierAttachments({ dossierId, attachments, documents }: Props) {
  const { t, pick, lang } = useI18n();
  if (attachments.length === 0)
    return <Empty description={t('dossier.attachments.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const nameOf = (key: string) => {
    const doc = documents?.find((d) => d.code === key);
    if (doc) return pick(doc.nameVi, doc.nameEn);
    const result = resultKindOf(key);
    return result ? t(`dossier.results.${result}`) : key;
  };
  const keys = [...new Set(attachments.map((a) => a.documentKey))];
  return (
    <div className="dossier-attachments">
      {keys.map((key) => (
        <div key={key} className="attach-group">
          <div className="attach-doc-name">{nameOf(key)}</div>
          <ul className="attach-files">
            {attachments
              .filter((a) => a.documentKey === key)
              .map((a) => (
                <li key={a.id}>
                  <a
                    href={attachmentUrl(dossierId, a.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="attach-file-name"
                  >
                    {a.fileName}
                  </a>
                  <span className="attach-file-size">
                    {formatBytes(a.size, lang)} · {formatDateTime(a.uploadedAt)}
                    {a.round > 0 ? ` · ${t('dossier.attachments.round', { round: a.round })}` : ''}
                    {a.reused ? ` · ${t('dossiers.attachment.fromStore')}` : ''}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
