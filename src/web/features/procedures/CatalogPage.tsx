import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ProcedureField, ProcedureSummary } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PlainSkeleton } from '../../components/plain';
import { FIELD_LABEL, feeSummary, timeLimitText } from './procedure-labels';
import { fetchCatalog } from './procedures-api';
import { PublicShell } from './PublicShell';

type FieldFilter = ProcedureField | 'all';

const FIELD_FILTERS: FieldFilter[] = ['all', 'residence', 'civil_status', 'interlinked'];
const FILTER_LABEL = {
  all: 'procedures.field.all',
  residence: 'procedures.field.residence',
  civil_status: 'procedures.field.civil_status',
  interlinked: 'procedures.field.interlinked',
} as const satisfies Record<FieldFilter, MessageKey>;

function ProcedureCard({ p }: { p: ProcedureSummary }) {
  const { t, lang, pick } = useI18n();
  return (
    <li>
      <Link to={`/procedures/${encodeURIComponent(p.code)}`} className="procedure-card">
        <span className="procedure-card-name">{pick(p.nameVi, p.nameEn)}</span>
        <span className="procedure-card-meta">
          <span className="plain-tag">{t(FIELD_LABEL[p.field])}</span>
          {p.onlineLevel === 'full' && (
            <span className="plain-tag plain-tag-ok">{t('procedures.online.full.short')}</span>
          )}
        </span>
        <span className="procedure-card-facts">
          <span>
            {t('procedures.timeLimit')}: {timeLimitText(t, lang, p.timeLimitWorkingDays, p.sameDayCutoff)}
          </span>
          <span>
            {t('procedures.fee')}: {feeSummary(t, lang, p)}
          </span>
        </span>
      </Link>
    </li>
  );
}

/**
 * /procedures — the catalog of procedures in force, searchable without diacritics, by field. Public,
 * drawn without antd (components/plain.css): a visitor's first load carries none of it.
 */
export default function CatalogPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDeferredValue(text.trim());
  const fieldParam = params.get('field');
  const field: FieldFilter =
    fieldParam === 'residence' || fieldParam === 'civil_status' || fieldParam === 'interlinked' ? fieldParam : 'all';
  const list = useApi(
    (signal) => fetchCatalog({ q: q || undefined, field: field === 'all' ? undefined : field }, { signal }),
    [q, field],
  );

  const setField = (next: FieldFilter) => {
    const p = new URLSearchParams(params);
    if (next === 'all') p.delete('field');
    else p.set('field', next);
    setParams(p, { replace: true });
  };

  return (
    <PublicShell>
      <div className="citizen-page">
        <PageTitle title={t('procedures.catalog.title')} description={t('procedures.catalog.intro')} />
        <input
          type="search"
          className="plain-input plain-input-lg catalog-search"
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('procedures.catalog.searchPlaceholder')}
          aria-label={t('procedures.catalog.search')}
        />
        {/* The fields as antd's Segmented drew them (radio buttons); the row scrolls sideways on a narrow phone. */}
        <div className="catalog-fields">
          <div className="segmented segmented-lg segmented-block" role="radiogroup">
            {FIELD_FILTERS.map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="catalog-field"
                  value={value}
                  checked={field === value}
                  onChange={() => setField(value)}
                />
                <span className="segmented-item-label">{t(FILTER_LABEL[value])}</span>
              </label>
            ))}
          </div>
        </div>
        {list.error && <PlainErrorAlert error={list.error} onRetry={list.reload} />}
        {list.loading && !list.data && <PlainSkeleton rows={6} label={t('common.loading')} />}
        {list.data && (
          <>
            <p className="catalog-count" aria-live="polite">
              {t('procedures.catalog.count', { n: list.data.total })}
            </p>
            {list.data.items.length === 0 ? (
              <p className="catalog-empty">{t('procedures.catalog.none')}</p>
            ) : (
              <ul className="plain-list procedure-list">
                {list.data.items.map((p) => (
                  <ProcedureCard key={p.id} p={p} />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </PublicShell>
  );
}
