import type { FeeCalculation } from '../../../contracts/fees';
import { useI18n } from '../../shell/i18n';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, formatVnd } from '../../components/format';
import { Notice, PlainCard } from '../../components/plain';
import { lineDetail, rateKey, statusKey, statusTone } from './fee-labels';
import './fees.css';

export interface FeeSummaryProps {
  calculation: FeeCalculation;
}

/**
 * The fee of a dossier in plain words, before paying: each fee line (rate × quantity), the rate
 * used, whose exemption it is when not the filer's (a newborn, a person filed for), a temporary
 * waiver with its legal basis and period, the exemption and its state with the reason (and the
 * document to attach), the amount due now, and the full explanation of the calculation. Embedded by the filing page; phone-first.
 */
export function FeeSummary({ calculation: calc }: FeeSummaryProps) {
  const { t, pick, lang } = useI18n();
  const money = (n: number) => formatVnd(n, lang);
  const e = calc.exemption;
  const w = calc.waiver ?? null;
  const waived = calc.waived ?? 0;
  const explanation = lang === 'en' ? calc.explanationEn : calc.explanationVi;
  return (
    <PlainCard title={t('fees.summary.title')} level={3} className="fee-summary" testId="fee-summary">
      {calc.base === 0 ? (
        <p>{t('fees.summary.free')}</p>
      ) : (
        <>
          <ul className="fee-lines">
            {calc.lines.map((l) => (
              <li key={l.code}>
                <span className="fee-line-label">{pick(l.labelVi, l.labelEn)}</span>
                <span className="fee-line-detail">{lineDetail(t, lang, l)}</span>
                <strong className="fee-line-amount">{money(l.amount)}</strong>
              </li>
            ))}
          </ul>
          <p className="me-muted">{t(rateKey(calc))}</p>
        </>
      )}
      {calc.subject && calc.subject.party !== 'filer' && calc.base > 0 && (
        <p className="fee-subject" data-testid="fee-subject">
          {t('fees.summary.subject', { who: pick(calc.subject.labelVi, calc.subject.labelEn) })}
          {calc.subject.facts === 'unknown' && !e && ` ${t('fees.summary.subjectWhenFiled')}`}
        </p>
      )}
      {w && (
        <Notice
          className="fee-waiver"
          type="success"
          testId="fee-waiver"
          title={
            <span className="fee-tag-line">
              <StatusTag kind="ok">{t('fees.status.waived')}</StatusTag>
              <span>{pick(w.labelVi, w.labelEn)}</span>
            </span>
          }
          description={
            <>
              <div>
                {t('fees.summary.waiverBasis', {
                  basis: w.legalBasis,
                  from: formatDate(w.validFrom),
                  to: formatDate(w.validTo),
                })}
              </div>
              <div>{pick(w.conditionsVi, w.conditionsEn)}</div>
              {!w.confirmed && <div className="me-muted">{t('fees.summary.waiverUnconfirmed')}</div>}
            </>
          }
        />
      )}
      {e && (
        <Notice
          className="fee-exemption"
          type={e.status === 'rejected' ? 'error' : e.status === 'pending' ? 'warning' : 'success'}
          title={
            <span className="fee-tag-line">
              <StatusTag kind={statusTone(e.status)}>{t(statusKey(e.status))}</StatusTag>
              <span>{pick(e.labelVi, e.labelEn)}</span>
            </span>
          }
          description={
            <>
              <div>{pick(e.reasonVi, e.reasonEn)}</div>
              {e.status === 'pending' && e.proofVi && (
                <div>{t('fees.summary.proof', { proof: pick(e.proofVi, e.proofEn ?? e.proofVi) })}</div>
              )}
              {e.status === 'pending' && <div>{t('fees.summary.dueNow')}</div>}
              {e.provisional && <div className="me-muted">{t('fees.summary.provisional')}</div>}
            </>
          }
        />
      )}
      <dl className="fee-totals">
        {(calc.exempted > 0 || waived > 0) && (
          <>
            <dt>{t('fees.summary.base')}</dt>
            <dd>{money(calc.base)}</dd>
          </>
        )}
        {calc.exempted > 0 && (
          <>
            <dt>{t('fees.summary.exempted')}</dt>
            <dd>−{money(calc.exempted)}</dd>
          </>
        )}
        {waived > 0 && (
          <>
            <dt>{t('fees.summary.waived')}</dt>
            <dd>−{money(waived)}</dd>
          </>
        )}
        <dt className="fee-due-label">{t('fees.summary.due')}</dt>
        <dd className="fee-due" aria-live="polite" data-testid="fee-due">
          {money(calc.amount)}
        </dd>
      </dl>
      {explanation.length > 0 && (
        <details className="fee-explanation">
          <summary>{t('fees.summary.how')}</summary>
          <ul>
            {explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </PlainCard>
  );
}
