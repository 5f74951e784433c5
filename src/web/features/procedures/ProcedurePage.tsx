import { Link, useParams } from 'react-router';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Notice, PlainCard, PlainSkeleton } from '../../components/plain';
import { formatDate } from '../../components/format';
import { FIELD_LABEL, moneyText, timeLimitText } from './procedure-labels';
import { fetchPrefillStats, fetchProcedure } from './procedures-api';
import { PublicShell } from './PublicShell';

/** Names of facts that may be marked "not checked against the gazette". */
const UNCONFIRMED: Record<string, MessageKey> = {
  code: 'procedures.unconfirmed.code',
  timeLimit: 'procedures.timeLimit',
  requiredEidLevel: 'procedures.eidLevel',
  fees: 'procedures.fee',
};

function FeesCard({ v }: { v: ProcedureVersion }) {
  const { t, lang, pick } = useI18n();
  if (v.fees.items.length === 0) {
    return (
      <PlainCard title={t('procedures.fee')} titleId="procedure-fees">
        <p className="big-fact">{t('procedures.fee.free')}</p>
        {v.fees.noteVi && <p className="muted">{pick(v.fees.noteVi, v.fees.noteEn ?? v.fees.noteVi)}</p>}
      </PlainCard>
    );
  }
  return (
    <PlainCard title={t('procedures.fee')} titleId="procedure-fees">
      <div className="plain-table-scroll">
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('procedures.fee.item')}</th>
              <th scope="col">{t('procedures.fee.online')}</th>
              <th scope="col">{t('procedures.fee.direct')}</th>
            </tr>
          </thead>
          <tbody>
            {v.fees.items.map((i) => (
              <tr key={i.code}>
                <td>
                  {pick(i.labelVi, i.labelEn)}
                  <div className="muted">
                    {t(i.basis === 'per_person' ? 'procedures.fee.perPerson' : 'procedures.fee.perDossier')}
                  </div>
                </td>
                <td>
                  <strong>{moneyText(t, lang, i.online)}</strong>
                </td>
                <td>{moneyText(t, lang, i.direct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.fees.noteVi && <p className="muted">{pick(v.fees.noteVi, v.fees.noteEn ?? v.fees.noteVi)}</p>}
      {v.fees.exemptions.length > 0 && (
        <>
          <h3 className="procedures-subheading">{t('procedures.exemptions')}</h3>
          <ul className="exemption-list">
            {v.fees.exemptions.map((e) => (
              <li key={e.code}>
                {pick(e.labelVi, e.labelEn)}{' '}
                {e.check === 'registry' ? (
                  <span className="plain-tag plain-tag-info">{t('procedures.exemption.registry')}</span>
                ) : (
                  <div className="muted">
                    {t('procedures.exemption.proof', { proof: pick(e.proofVi ?? '', e.proofEn ?? '') })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </PlainCard>
  );
}

function DocumentsCard({ v }: { v: ProcedureVersion }) {
  const { t, pick } = useI18n();
  return (
    <PlainCard title={t('procedures.documents')} titleId="procedure-documents">
      {v.documents.length === 0 ? (
        <p>{t('procedures.documents.none')}</p>
      ) : (
        <ol className="document-list">
          {v.documents.map((d) => (
            <li key={d.code}>
              <strong>{pick(d.nameVi, d.nameEn)}</strong>{' '}
              {!d.required && <span className="plain-tag">{t('procedures.documents.ifApplicable')}</span>}
              {d.replaceableByRegistry && (
                <span className="plain-tag plain-tag-ok">{t('procedures.documents.replaceable')}</span>
              )}
              {d.noteVi && <div className="muted">{pick(d.noteVi, d.noteEn ?? d.noteVi)}</div>}
            </li>
          ))}
        </ol>
      )}
    </PlainCard>
  );
}

function FactsCard({ v, typed }: { v: ProcedureVersion; typed?: { before: number; after: number } }) {
  const { t, lang, pick } = useI18n();
  return (
    <PlainCard>
      <dl className="plain-facts">
        <dt>{t('procedures.timeLimit')}</dt>
        <dd>
          <span className="big-fact">{timeLimitText(t, lang, v.timeLimitWorkingDays, v.sameDayCutoff)}</span>
          {v.timeLimitNote && (
            <div className="muted">{pick(v.timeLimitNote, v.timeLimitNoteEn ?? v.timeLimitNote)}</div>
          )}
        </dd>
        <dt>{t('procedures.onlineLevel')}</dt>
        <dd>{t(v.onlineLevel === 'full' ? 'procedures.online.full' : 'procedures.online.partial')}</dd>
        <dt>{t('procedures.eidLevel')}</dt>
        <dd>{t('procedures.eidLevel.value', { level: v.requiredEidLevel })}</dd>
        <dt>{t('procedures.agency')}</dt>
        <dd>{t(v.handledByRole === 'commune_police' ? 'procedures.agency.police' : 'procedures.agency.committee')}</dd>
        {typed && (
          <>
            <dt>{t('procedures.prefill')}</dt>
            <dd>{t('procedures.prefill.value', { after: typed.after, before: typed.before })}</dd>
          </>
        )}
        <dt>{t('procedures.effective')}</dt>
        <dd>
          {`${formatDate(v.effectiveFrom)}${v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ''} · ${t('procedures.versionN', { n: v.version })}`}
        </dd>
      </dl>
    </PlainCard>
  );
}

/**
 * /procedures/:code — what a procedure needs: documents, fee, time limit, levels; "Nộp trực tuyến".
 * Public, drawn without antd (components/plain.css): a visitor's first load carries none of it.
 */
export default function ProcedurePage() {
  const { code = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { me } = useSession();
  const version = useApi((signal) => fetchProcedure(code, { signal }), [code]);
  const stats = useApi((signal) => fetchPrefillStats(code, { signal }), [code]);
  const v = version.data;
  const citizenLevel = me?.account?.kind === 'citizen' ? (me.account.eIdLevel ?? 0) : null;
  return (
    <PublicShell>
      <div className="citizen-page">
        {version.error && <PlainErrorAlert error={version.error} onRetry={version.reload} />}
        {version.loading && !v && <PlainSkeleton rows={10} label={t('common.loading')} />}
        {v && (
          <>
            <PageTitle
              title={pick(v.nameVi, v.nameEn)}
              description={
                <>
                  <span className="plain-tag">{t(FIELD_LABEL[v.field])}</span>{' '}
                  {t('procedures.code', { code: v.nationalCode ?? v.code })}
                </>
              }
            />
            {citizenLevel !== null && citizenLevel < v.requiredEidLevel && (
              <Notice
                type="warning"
                className="section-alert"
                title={t('procedures.eidTooLow', { level: v.requiredEidLevel })}
              />
            )}
            <Link to={`/procedures/${encodeURIComponent(v.code)}/file`} className="file-link">
              {t('procedures.fileOnline')}
            </Link>
            <FactsCard
              v={v}
              typed={stats.data ? { before: stats.data.typedBefore, after: stats.data.typedAfter } : undefined}
            />
            <DocumentsCard v={v} />
            <FeesCard v={v} />
            {v.components.length > 0 && (
              <PlainCard title={t('procedures.components')} titleId="procedure-components">
                <ol className="document-list">
                  {v.components.map((c, i) => (
                    <li key={`${c.code ?? 'x'}-${i}`}>
                      <strong>{pick(c.nameVi, c.nameEn)}</strong>
                      <div className="muted">{pick(c.agencyVi, c.agencyEn)}</div>
                      {c.producesVi && (
                        <div>
                          {t('procedures.step.produces', { what: pick(c.producesVi, c.producesEn ?? c.producesVi) })}
                        </div>
                      )}
                      {c.timeLimitWorkingDays != null && (
                        <div>
                          {t('procedures.timeLimit')}: {timeLimitText(t, lang, c.timeLimitWorkingDays, c.sameDayCutoff)}
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
              </PlainCard>
            )}
            <PlainCard title={t('procedures.legalBasis')} titleId="procedure-legal-basis">
              <ul className="plain-list muted">
                {v.legalBasis.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
              {v.unconfirmed.length > 0 && (
                <Notice
                  type="info"
                  title={t('procedures.unconfirmed', {
                    what: v.unconfirmed.map((u) => (u in UNCONFIRMED ? t(UNCONFIRMED[u]!) : u)).join(', '),
                  })}
                />
              )}
            </PlainCard>
          </>
        )}
      </div>
    </PublicShell>
  );
}
