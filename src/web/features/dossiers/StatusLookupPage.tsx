import { Fragment, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { StatusLookupResult } from '../../../contracts/dossiers';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { PublicFrame } from '../../shell/PublicFrame';
import { useI18n } from '../../shell/i18n';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PlainCard } from '../../components/plain';
import { EMPTY, formatDateTime } from '../../components/format';
import { deadlineStartItem, STATE_LABEL } from './dossier-labels';
import { lookupStatus } from './dossiers-api';
import { DeadlineTag, StateTag } from './DossierTags';
import './dossiers.css';
import './dossiers-office.css';

interface Values {
  code: string;
  nationalId: string;
}

const FIELDS = new Set<keyof Values>(['code', 'nationalId']);

function LookupResult({ r }: { r: StatusLookupResult }) {
  const { t, pick } = useI18n();
  return (
    <PlainCard
      className="lookup-result"
      titleId="lookup-result-title"
      title={pick(r.procedureNameVi, r.procedureNameEn)}
    >
      <dl className="plain-facts">
        <dt>{t('dossier.code')}</dt>
        <dd>
          <strong className="tabular">{r.code}</strong>
        </dd>
        <dt>{t('dossier.state')}</dt>
        <dd>
          <StateTag state={r.state} />
        </dd>
        <dt>{t('dossier.unit')}</dt>
        <dd>{r.unitName ?? EMPTY}</dd>
        <dt>{t('dossier.receivedAt')}</dt>
        <dd>{formatDateTime(r.receivedAt)}</dd>
        {deadlineStartItem(r, t).map((item) => (
          <Fragment key={item.key}>
            <dt>{item.label}</dt>
            <dd>{item.children}</dd>
          </Fragment>
        ))}
        <dt>{t('dossier.dueAt')}</dt>
        <dd>
          {r.dueAt ? (
            <span className="due-line">
              <span className="tabular">{formatDateTime(r.dueAt)}</span> <DeadlineTag flag={r.flag} />
            </span>
          ) : (
            EMPTY
          )}
        </dd>
      </dl>
      <h3 className="lookup-subheading">{t('dossier.section.timeline')}</h3>
      <ol className="plain-timeline">
        {r.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <div className="timeline-entry">
              <div className="timeline-when">{formatDateTime(e.at)}</div>
              <div className="timeline-what">{t(STATE_LABEL[e.toState])}</div>
            </div>
          </li>
        ))}
      </ol>
      <p className="lookup-signin">
        {t('dossier.lookup.moreWhenSignedIn')} <Link to="/me/dossiers">{t('dossier.lookup.openMine')}</Link>
      </p>
    </PlainCard>
  );
}

/**
 * /tra-cuu — public status lookup with the dossier code (printed on the receipt, whose QR code
 * opens /tra-cuu?ma=<code>) and the applicant's personal ID number. Works signed out; drawn without
 * antd (components/plain.css), so a visitor's first load carries none of it.
 */
export default function StatusLookupPage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>(() => ({
    code: (params.get('ma') ?? '').trim().slice(0, 40),
    nationalId: '',
  }));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [result, setResult] = useState<StatusLookupResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const check = (v: Values): Partial<Record<keyof Values, string>> => ({
    ...(v.code.trim() ? {} : { code: t('dossier.lookup.codeRequired') }),
    ...(/^\d{12}$/.test(v.nationalId.replace(/\s/g, '')) ? {} : { nationalId: t('dossier.lookup.nationalIdInvalid') }),
  });
  const change = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = check(values);
    setFieldErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      // The number as printed on a card is often typed in groups ("0121 9000 0101"): spaces are dropped.
      setResult(await lookupStatus(values.code.trim(), values.nationalId.replace(/\s/g, '')));
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => FIELDS.has(f.field as keyof Values));
      setFieldErrors(Object.fromEntries(onFields.map((f) => [f.field, pick(f.messageVi, f.messageEn)])));
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values, label: string, hint: string, input: Record<string, unknown>) => {
    const id = `lookup-${name}`;
    const problem = fieldErrors[name];
    return (
      <div className="plain-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          className="plain-input plain-input-lg"
          value={values[name]}
          onChange={(e) => change(name, e.target.value)}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          {...input}
        />
        {problem && (
          <div id={`${id}-error`} className="plain-field-error" role="alert">
            {problem}
          </div>
        )}
        <div id={`${id}-hint`} className="plain-field-hint">
          {hint}
        </div>
      </div>
    );
  };

  return (
    <PublicFrame title={t('dossier.lookup.title')} description={t('dossier.lookup.intro')} className="lookup-content">
      <PlainCard>
        <form className="lookup-form" noValidate onSubmit={(e) => void submit(e)}>
          {field('code', t('dossier.lookup.code'), t('dossier.lookup.codeHint'), {
            autoCapitalize: 'characters',
            spellCheck: false,
            maxLength: 40,
          })}
          {field('nationalId', t('dossier.lookup.nationalId'), t('dossier.lookup.nationalIdHint'), {
            inputMode: 'numeric',
            maxLength: 20,
          })}
          <button
            type="submit"
            className="btn btn-primary btn-lg btn-block big-button"
            disabled={busy}
            aria-busy={busy}
          >
            {t('dossier.lookup.submit')}
          </button>
        </form>
      </PlainCard>
      {error && <PlainErrorAlert error={error} />}
      {result && <LookupResult r={result} />}
    </PublicFrame>
  );
}
