import type { RequiredDocument } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useDocumentsT } from './use-documents-text';
import { formatDate } from '../../components/format';
import { getMyDocuments } from './documents-api';
import { reuseOffers } from './reuse-offers';

/**
 * On the filing form (issue 17 §3): where the citizen's store holds a valid document the procedure
 * asks for, "Dùng giấy tờ trong kho dữ liệu" instead of an upload; once chosen, what is used and a
 * way back to uploading. `chosen` maps a document code to the store document's id. Plain HTML (the
 * filing form is drawn without antd, ADR 0023). Nothing is shown when the store holds none.
 */
export function ReuseOffers({
  documents,
  chosen,
  onChange,
}: {
  documents: readonly RequiredDocument[];
  chosen: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const { pick } = useI18n();
  const t = useDocumentsT();
  const store = useApi((signal) => getMyDocuments({ signal }), []);
  const offers = reuseOffers(documents, store.data?.items ?? []);
  const codes = documents.map((d) => d.code).filter((c) => offers[c]);
  if (codes.length === 0) return null;
  return (
    <div className="reuse-offers" data-testid="reuse-offers">
      {codes.map((code) => {
        const doc = offers[code]!;
        const asked = documents.find((d) => d.code === code)!;
        const using = chosen[code] === doc.id;
        return (
          <div key={code} className="attach-doc">
            <div className="attach-doc-name">{pick(asked.nameVi, asked.nameEn)}</div>
            {using ? (
              <>
                <div className="attach-doc-note">
                  {t('documents.reuse.using', {
                    title: pick(doc.titleVi, doc.titleEn),
                    date: formatDate(doc.issuedAt),
                  })}
                </div>
                <button
                  type="button"
                  className="btn btn-text"
                  onClick={() => onChange(Object.fromEntries(Object.entries(chosen).filter(([c]) => c !== code)))}
                >
                  {t('documents.reuse.upload')}
                </button>
              </>
            ) : (
              <button type="button" className="btn" onClick={() => onChange({ ...chosen, [code]: doc.id })}>
                {t('documents.reuse.use')}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
