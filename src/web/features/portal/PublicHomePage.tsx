import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProcedureField, ProcedureSummary } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PlainCard, PlainSkeleton } from '../../components/plain';
import { FIELD_LABEL, fetchCatalog, PublicShell } from '../procedures/public';
import { fetchPopular } from './portal-api';
import { HelpDesks } from './HelpDesks';
import './portal.css';

const FIELDS: readonly ProcedureField[] = ['residence', 'civil_status', 'interlinked'];
/** How many procedures of a field the home page lists (the catalog has them all). */
const PER_FIELD = 4;

function FieldGroup({ field, items }: { field: ProcedureField; items: ProcedureSummary[] }) {
  const { t, pick } = useI18n();
  const name = t(FIELD_LABEL[field]);
  return (
    <section className="portal-group" aria-labelledby={`portal-group-${field}`}>
      <h3 id={`portal-group-${field}`}>{name}</h3>
      <ul>
        {items.slice(0, PER_FIELD).map((p) => (
          <li key={p.code}>
            <Link to={`/procedures/${encodeURIComponent(p.code)}`}>{pick(p.nameVi, p.nameEn)}</Link>
          </li>
        ))}
      </ul>
      {items.length > PER_FIELD && (
        <Link to={`/procedures?field=${field}`} className="portal-all">
          {t('portal.groups.all', { n: items.length, field: name.toLocaleLowerCase() })}
        </Link>
      )}
    </section>
  );
}

/**
 * `/` for a visitor: the province's public front door — find a procedure (accent-insensitive, as
 * the catalog), the procedures by field, follow a dossier, sign in (citizens with VNeID, staff),
 * where to get help (the desks of the visitor's commune and the province's centre). Phone first; signed-in accounts land on their own pages instead.
 */
export default function PublicHomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const catalog = useApi((signal) => fetchCatalog({}, { signal }), []);
  // The most used first: dossiers filed per procedure in the last 90 days (the catalog's order without it).
  const popular = useApi((signal) => fetchPopular({ signal }).catch(() => null), []);
  const uses = new Map((popular.data?.items ?? []).map((i) => [i.procedureCode, i.count]));
  // Ties as the server orders them (by code), so the order never depends on the catalog's.
  const byUse = (a: ProcedureSummary, b: ProcedureSummary) =>
    (uses.get(b.code) ?? 0) - (uses.get(a.code) ?? 0) || (uses.size ? a.code.localeCompare(b.code) : 0);
  const search = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    void navigate(text ? `/procedures?q=${encodeURIComponent(text)}` : '/procedures');
  };
  return (
    <PublicShell>
      <PageTitle title={t('portal.title')} description={t('portal.intro')} />
      <form role="search" className="portal-search" onSubmit={search}>
        <label htmlFor="portal-q">{t('portal.search.label')}</label>
        <div className="portal-search-row">
          <input
            id="portal-q"
            className="plain-input plain-input-lg"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('portal.search.placeholder')}
            autoComplete="off"
            maxLength={100}
          />
          <button type="submit" className="btn btn-primary btn-lg">
            {t('portal.search.submit')}
          </button>
        </div>
      </form>
      <div className="portal-actions">
        <button type="button" className="btn btn-primary btn-lg portal-big" onClick={() => void navigate('/login')}>
          {t('portal.signIn.citizen')}
        </button>
        <button type="button" className="btn btn-lg portal-big" onClick={() => void navigate('/tra-cuu')}>
          {t('portal.lookup.button')}
        </button>
      </div>
      <PlainCard titleId="portal-procedures" title={t('portal.groups.title')}>
        {catalog.loading && (
          // As tall as the lists it stands for on a phone, so they do not push the boxes below down in sight.
          <div className="portal-loading">
            <PlainSkeleton rows={6} label={t('common.loading')} />
          </div>
        )}
        {catalog.error && <PlainErrorAlert error={catalog.error} onRetry={catalog.reload} />}
        {catalog.data && (
          <div className="portal-groups">
            {FIELDS.map((f) => {
              const items = catalog.data!.items.filter((p) => p.field === f).sort(byUse);
              return items.length ? <FieldGroup key={f} field={f} items={items} /> : null;
            })}
          </div>
        )}
      </PlainCard>
      <PlainCard titleId="portal-lookup" title={t('portal.lookup.title')}>
        <p>{t('portal.lookup.text')}</p>
        <Link to="/tra-cuu">{t('portal.lookup.button')}</Link>
      </PlainCard>
      <PlainCard titleId="portal-help" title={t('portal.help.title')}>
        <HelpDesks />
        <p>{t('portal.help.verify')}</p>
        <Link to="/login">{t('portal.signIn.staff')}</Link>
      </PlainCard>
    </PublicShell>
  );
}
