import { useState } from 'react';
import type { HelpDesk } from '../../../contracts/help-desks';
import { formatPhone } from '../../../contracts/contact-formats';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PlainSkeleton } from '../../components/plain';
import { fetchCommunes, fetchHelpDesks } from './portal-api';

/** Where the visitor's commune is remembered on this device (a commune code, nothing personal). */
const STORAGE_KEY = 'dvc06.portal.commune';

const KIND_LABEL: Record<HelpDesk['kind'], MessageKey> = {
  one_stop_counter: 'portal.desk.kind.one_stop_counter',
  police: 'portal.desk.kind.police',
  service_centre: 'portal.desk.kind.service_centre',
};

function remembered(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage refused (private mode): nothing remembered
  }
}

function remember(code: string): void {
  try {
    if (code) window.localStorage.setItem(STORAGE_KEY, code);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage refused: the choice holds for this visit only
  }
}

/** One desk: its name, kind and unit, address, phone and e-mail as links, opening hours. */
function DeskCard({ desk }: { desk: HelpDesk }) {
  const { t } = useI18n();
  return (
    <article className="portal-desk" aria-labelledby={`desk-${desk.id}`}>
      <h3 id={`desk-${desk.id}`}>{desk.name}</h3>
      <p className="portal-desk-kind">
        {t(KIND_LABEL[desk.kind])} · {desk.unitName}
      </p>
      <dl className="plain-facts">
        <dt>{t('portal.desk.address')}</dt>
        <dd>{desk.address}</dd>
        {desk.phone && (
          <>
            <dt>{t('portal.desk.phone')}</dt>
            <dd>
              <a href={`tel:${desk.phone}`}>{formatPhone(desk.phone)}</a>
            </dd>
          </>
        )}
        {desk.email && (
          <>
            <dt>{t('portal.desk.email')}</dt>
            <dd>
              <a href={`mailto:${desk.email}`}>{desk.email}</a>
            </dd>
          </>
        )}
        {desk.openingHours && (
          <>
            <dt>{t('portal.desk.hours')}</dt>
            <dd>{desk.openingHours}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

/**
 * The front door's "need help?" box: the visitor picks their commune (a native select, no antd) and
 * sees its desks and the province's centre, as recorded with their dates; where nothing is recorded
 * for the commune, the general advice stays. No number is ever made up here (ADR 0024).
 */
export function HelpDesks() {
  const { t, lang } = useI18n();
  const [unit, setUnit] = useState(remembered);
  const communes = useApi((signal) => fetchCommunes({ signal }), []);
  // A remembered code no commune carries any more (a reorganisation) is forgotten.
  const known = !unit || !communes.data || communes.data.some((c) => c.code === unit);
  const code = known ? unit : '';
  const desks = useApi((signal) => fetchHelpDesks(code || null, { signal }), [code]);
  const sorted = [...(communes.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang));
  // While another commune's desks load, the previous commune's are not shown as if they were its.
  const current = desks.loading ? undefined : desks.data;
  const items = current?.items ?? [];
  const own = code ? items.filter((d) => d.unitCode === code) : [];
  const above = items.filter((d) => d.unitCode !== code);
  const commune = sorted.find((c) => c.code === code);
  const choose = (next: string) => {
    setUnit(next);
    remember(next);
  };
  return (
    <>
      <div className="plain-field portal-commune">
        <label htmlFor="portal-commune">{t('portal.help.commune')}</label>
        <select
          id="portal-commune"
          className="plain-input plain-input-lg"
          value={code}
          onChange={(e) => choose(e.target.value)}
          disabled={!communes.data}
        >
          <option value="">{t('portal.help.commune.none')}</option>
          {sorted.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
      </div>
      {communes.error && <PlainErrorAlert error={communes.error} onRetry={communes.reload} />}
      {desks.error && <PlainErrorAlert error={desks.error} onRetry={desks.reload} />}
      {desks.loading && <PlainSkeleton rows={3} label={t('common.loading')} />}
      {own.length > 0 ? (
        own.map((d) => <DeskCard key={d.id} desk={d} />)
      ) : (
        <>
          {commune && current && (
            <p className="portal-desk-none">{t('portal.help.none', { name: commune.fullName })}</p>
          )}
          <p>{t('portal.help.text')}</p>
        </>
      )}
      {above.map((d) => (
        <DeskCard key={d.id} desk={d} />
      ))}
    </>
  );
}
