import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { DossierDetail } from '../../../contracts/dossiers';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import { AntdScope } from '../../shell/AntdScope';
import { formatDateTime } from '../../components/format';
import { Notice, PlainCard, PlainSpinner } from '../../components/plain';
import { DossierCode } from './FilingParts';

/**
 * The payment card (antd, with the payments feature) is loaded once a dossier with a fee is
 * filed: the form itself stays free of antd on a phone's first visit (ADR 0023).
 */
const PayFeeCard = lazy(() => import('../payments').then((m) => ({ default: m.PayFeeCard })));

/** Filed on a shared counter PC: sign out before the next citizen sits down. */
function SharedDeviceSignOut() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  return (
    <Notice
      type="warning"
      title={t('dossier.file.done.sharedDevice')}
      action={
        <button
          type="button"
          className="btn btn-lg btn-danger-solid"
          disabled={leaving}
          aria-busy={leaving || undefined}
          onClick={() => {
            setLeaving(true);
            void signOut().finally(() => setLeaving(false));
          }}
        >
          {t('dossier.file.done.signOut')}
        </button>
      }
    />
  );
}

/**
 * A dossier filed with a fee to pay: payment comes first — the dossier is not sent to the officer
 * until it is paid, and is withdrawn if still unpaid at `paymentDueAt` (issue 14 §3).
 */
function AwaitingPayment({ dossier }: { dossier: DossierDetail }) {
  const { t, pick } = useI18n();
  return (
    <>
      <Notice
        type="warning"
        role="status"
        className="section-card pay-first"
        title={<h2 className="card-heading">{t('dossier.file.pay.title')}</h2>}
        description={
          <>
            <p>{pick(dossier.procedureNameVi, dossier.procedureNameEn)}</p>
            <p>
              {t('dossier.file.done.code')}{' '}
              <strong className="filing-done-code tabular" data-testid="filed-code">
                {dossier.code ? <DossierCode code={dossier.code} /> : t('dossier.noCode')}
              </strong>
            </p>
            <p>{t('dossier.file.pay.notSent')}</p>
            {dossier.paymentDueAt && (
              <p>
                <strong>{t('dossier.file.pay.dueBy', { at: formatDateTime(dossier.paymentDueAt) })}</strong>
              </p>
            )}
          </>
        }
      />
      <Suspense fallback={<PlainSpinner label={t('common.loading')} />}>
        <AntdScope>
          <PayFeeCard dossier={dossier} />
        </AntdScope>
      </Suspense>
      <p className="pay-later">
        <Link to={`/me/dossiers/${dossier.id}`}>{t('dossier.file.pay.later')}</Link>
      </p>
      {dossier.assistedBy && <SharedDeviceSignOut />}
    </>
  );
}

/**
 * After a successful submission: the dossier code, large, and where to follow it; with a fee to pay,
 * the pay-first page. A chunk of its own, asked for when the citizen submits (FilingPage).
 */
export default function FiledResult({ dossier }: { dossier: DossierDetail }) {
  const { t, pick } = useI18n();
  const unpaid = dossier.state === 'awaiting_payment' && dossier.feeStatus === 'unpaid';
  if (unpaid) return <AwaitingPayment dossier={dossier} />;
  return (
    <PlainCard className="section-card filing-done">
      <div className="filing-done-mark" aria-hidden="true">
        <svg viewBox="0 0 20 20" width="72" height="72" focusable="false">
          <path
            fill="currentColor"
            fillRule="evenodd"
            d="M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1.2 13L4.5 9.7l1.4-1.4 2.9 2.9 5.3-5.3 1.4 1.4-6.7 6.7Z"
          />
        </svg>
      </div>
      <h2 className="card-heading">{t('dossier.file.done.title')}</h2>
      <p className="filing-done-procedure">{pick(dossier.procedureNameVi, dossier.procedureNameEn)}</p>
      <div role="status">
        {t('dossier.file.done.code')}
        <strong className="filing-done-code tabular" data-testid="filed-code">
          {dossier.code ? <DossierCode code={dossier.code} /> : t('dossier.noCode')}
        </strong>
      </div>
      <p>{t('dossier.file.done.text')}</p>
      {dossier.assistedBy && <SharedDeviceSignOut />}
      <div className="filing-done-actions">
        <Link to={`/me/dossiers/${dossier.id}`} className="btn btn-primary btn-lg" role="button">
          {t('dossier.file.done.open')}
        </Link>
        <Link to="/me/dossiers">{t('dossier.file.done.mine')}</Link>
      </div>
    </PlainCard>
  );
}
