import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, Input, Segmented, Skeleton, Tag } from 'antd';
import type { ProcedureField, ProcedureSummary } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { FIELD_LABEL, feeSummary, timeLimitText } from './procedure-labels';
import { fetchCatalog } from './procedures-api';
import { PublicShell } from './PublicShell';

type FieldFilter = ProcedureField | 'all';

function ProcedureCard({ p }: { p: ProcedureSummary }) {
  const { t, lang, pick } = useI18n();
  return (
    <li>
      <Link to={`/procedures/${encodeURIComponent(p.code)}`} className="procedure-card">
        <span className="procedure-card-name">{pick(p.nameVi, p.nameEn)}</span>
        <span className="procedure-card-meta">
          <Tag>{t(FIELD_LABEL[p.field])}</Tag>
          {p.onlineLevel === 'full' && <Tag color="green">{t('procedures.online.full.short')}</Tag>}
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

/** /procedures — the catalog of procedures in force, searchable without diacritics, by field. Public. */
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
        <Input.Search
          size="large"
          allowClear
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('procedures.catalog.searchPlaceholder')}
          aria-label={t('procedures.catalog.search')}
          className="catalog-search"
        />
        <Segmented<FieldFilter>
          block
          size="large"
          className="catalog-fields"
          value={field}
          onChange={setField}
          options={[
            { value: 'all', label: t('procedures.field.all') },
            { value: 'residence', label: t('procedures.field.residence') },
            { value: 'civil_status', label: t('procedures.field.civil_status') },
            { value: 'interlinked', label: t('procedures.field.interlinked') },
          ]}
        />
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        {list.loading && !list.data && <Skeleton active paragraph={{ rows: 6 }} />}
        {list.data && (
          <>
            <p className="catalog-count" aria-live="polite">
              {t('procedures.catalog.count', { n: list.data.total })}
            </p>
            {list.data.items.length === 0 ? (
              <Empty description={t('procedures.catalog.none')} />
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
