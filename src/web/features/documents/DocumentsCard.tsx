import { Button, Card, Empty, Skeleton } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { StoredDocument } from '../../../contracts/documents';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useDocumentsT } from './use-documents-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { documentFileUrl, getMyDocuments } from './documents-api';
import './documents.css';

/** "Còn giá trị đến hết ngày …", "Không thời hạn" or "Đã hết hạn": what the citizen needs before reusing it. */
function Validity({ doc }: { doc: StoredDocument }) {
  const t = useDocumentsT();
  if (!doc.validUntil) return <StatusTag kind="neutral">{t('documents.store.noLimit')}</StatusTag>;
  const date = formatDate(doc.validUntil);
  return doc.valid ? (
    <StatusTag kind="ok">{t('documents.store.validUntil', { date })}</StatusTag>
  ) : (
    <StatusTag kind="warn">{t('documents.store.expired', { date })}</StatusTag>
  );
}

/**
 * The citizen's document store on their page (issue 17 §3): each document's name, who issued it,
 * when, from which dossier and until when it is valid, with a large download button. One column,
 * read on a phone first.
 */
export function DocumentsCard() {
  const { pick } = useI18n();
  const t = useDocumentsT();
  const docs = useApi((signal) => getMyDocuments({ signal }), []);
  return (
    <Card title={t('documents.store.title')} className="section-card" data-testid="document-store">
      <p>{t('documents.store.intro')}</p>
      {docs.error && <ErrorAlert error={docs.error} onRetry={docs.reload} />}
      {docs.loading && <Skeleton active paragraph={{ rows: 3 }} />}
      {docs.data && docs.data.items.length === 0 && (
        <Empty description={t('documents.store.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {docs.data && docs.data.items.length > 0 && (
        <ul className="document-store-list">
          {docs.data.items.map((d) => (
            <li key={d.id} className="document-store-item">
              <strong>{pick(d.titleVi, d.titleEn)}</strong>
              <div>
                <Validity doc={d} />
              </div>
              <dl className="document-store-facts">
                {d.issuingUnit && (
                  <>
                    <dt>{t('documents.store.issuedBy')}</dt>
                    <dd>{d.issuingUnit}</dd>
                  </>
                )}
                <dt>{t('documents.store.issuedOn')}</dt>
                <dd>{formatDate(d.issuedAt)}</dd>
                {d.dossierCode && (
                  <>
                    <dt>{t('documents.store.dossier')}</dt>
                    <dd className="tabular">{d.dossierCode}</dd>
                  </>
                )}
              </dl>
              <Button icon={<DownloadOutlined />} href={documentFileUrl(d.id)} block size="large">
                {t('documents.store.download')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
