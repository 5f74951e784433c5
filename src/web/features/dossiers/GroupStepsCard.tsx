import { Card } from 'antd';
import type { DossierDetail, DossierStep } from '../../../contracts/dossiers';
import { useI18n } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { formatDate, formatDateTime, formatNumber } from '../../components/format';
import { StatusTag, type StatusKind } from '../../components/StatusTag';

const STATE_LABEL: Record<DossierStep['state'], MessageKey> = {
  planned: 'dossier.step.state.planned',
  waiting: 'dossier.step.state.waiting',
  in_processing: 'dossier.step.state.in_processing',
  done: 'dossier.step.state.done',
  refused: 'dossier.step.state.refused',
  stopped: 'dossier.step.state.stopped',
};
const STATE_KIND: Record<DossierStep['state'], StatusKind> = {
  planned: 'neutral',
  waiting: 'neutral',
  in_processing: 'info',
  done: 'ok',
  refused: 'danger',
  stopped: 'neutral',
};

/** What a step produced, labelled (dates and amounts written out); unknown keys are shown as they are. */
const OUTCOME_LABEL: Record<string, MessageKey> = {
  childNationalId: 'dossier.step.out.childNationalId',
  childFullName: 'dossier.step.out.childFullName',
  deceasedNationalId: 'dossier.step.out.deceasedNationalId',
  cardNumber: 'dossier.step.out.cardNumber',
  validFrom: 'dossier.step.out.validFrom',
  identityCardNumber: 'dossier.step.out.identityCardNumber',
  issuedOn: 'dossier.step.out.issuedOn',
  decisionNumber: 'dossier.step.out.decisionNumber',
  amount: 'dossier.step.out.amount',
};

/** The known values in the order above (the database keeps no key order), then any other. */
function ordered(outcome: Record<string, string>): Array<[string, string]> {
  const known = Object.keys(OUTCOME_LABEL);
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  return Object.entries(outcome).sort(([a], [b]) => rank(a) - rank(b));
}

function OutcomeLines({ outcome }: { outcome: Record<string, string> }) {
  const { t, lang } = useI18n();
  const value = (k: string, v: string) =>
    k === 'validFrom' || k === 'issuedOn'
      ? formatDate(v)
      : k === 'amount'
        ? `${formatNumber(Number(v), lang)} ${t('dossier.step.dong')}`
        : v;
  return (
    <dl className="step-outcome">
      {ordered(outcome).map(([k, v]) => (
        <div key={k}>
          <dt>{OUTCOME_LABEL[k] ? t(OUTCOME_LABEL[k]) : k}</dt>
          <dd className="tabular">{value(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The steps of an interlinked group, in order: which agency does each, its state, when it started
 * and ended, its deadline and what it produced (the child's ID number, the card number). The
 * citizen sees the whole group here; staff see where the dossier is.
 */
export function GroupStepsCard({ steps }: { steps: DossierDetail['steps'] }) {
  const { t, pick } = useI18n();
  if (steps.length === 0) return null;
  return (
    <Card title={t('dossier.section.steps')} className="section-card">
      <ol className="group-steps">
        {steps.map((s) => (
          <li
            key={s.seq}
            className={`group-step group-step-${s.state}`}
            aria-current={s.state === 'in_processing' ? 'step' : undefined}
          >
            <div className="group-step-head">
              <strong>{pick(s.nameVi, s.nameEn)}</strong>{' '}
              <StatusTag kind={STATE_KIND[s.state]}>{t(STATE_LABEL[s.state])}</StatusTag>
            </div>
            <div className="group-step-agency">
              {pick(s.agencyVi, s.agencyEn)}
              {s.unitName ? ` – ${s.unitName}` : ''}
            </div>
            {s.startedAt && (
              <div>
                {t('dossier.step.started')}: <span className="tabular">{formatDateTime(s.startedAt)}</span>
              </div>
            )}
            {s.dueAt && s.state === 'in_processing' && (
              <div>
                {t('dossier.step.due')}: <span className="tabular">{formatDateTime(s.dueAt)}</span>
              </div>
            )}
            {s.endedAt && (
              <div>
                {t(s.state === 'refused' ? 'dossier.step.refusedAt' : 'dossier.step.ended')}:{' '}
                <span className="tabular">{formatDateTime(s.endedAt)}</span>
                {s.late && <StatusTag kind="warn">{t('dossier.step.late')}</StatusTag>}
              </div>
            )}
            {s.state !== 'done' && s.producesVi && (
              <div className="group-step-produces">
                {t('dossier.step.produces')}: {pick(s.producesVi, s.producesEn ?? s.producesVi)}
              </div>
            )}
            {s.outcome && <OutcomeLines outcome={s.outcome} />}
          </li>
        ))}
      </ol>
    </Card>
  );
}
