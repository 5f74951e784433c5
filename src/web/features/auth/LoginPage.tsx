import { Navigate, useSearchParams } from 'react-router';
import { homeFor, safeReturnTo, useSession } from '../../api/session';
import { PublicFrame } from '../../shell/PublicFrame';
import { useT } from '../../shell/i18n';
import { Notice } from '../../components/plain';
import { eIdLoginUrl } from './auth-api';
import { StaffLoginForm } from './StaffLoginForm';

/**
 * /login: two clear choices — citizens sign in with VNeID (a full-page trip to the e-ID
 * provider), staff with the account they were given. Afterwards back to `returnTo`. Drawn without
 * antd (components/plain.css): a visitor's first load of the sign-in page carries none of it.
 */
export default function LoginPage() {
  const t = useT();
  const { me, reason, signedIn } = useSession();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const eIdError = params.get('error');

  if (me?.authenticated && me.account) {
    // A citizen goes back to their own pages or to filing a procedure; a staff page would only say "forbidden".
    const citizenOnStaffPage =
      me.account.kind === 'citizen' && returnTo && !/^\/(me|procedures|tra-cuu)(\/|$)/.test(returnTo);
    const target = me.account.mustChangePassword
      ? '/account'
      : citizenOnStaffPage
        ? homeFor(me)
        : (returnTo ?? homeFor(me));
    return <Navigate to={target} replace />;
  }

  return (
    <PublicFrame title={t('login.title')} description={t('login.intro')} className="login-content" footer>
      {reason === 'expired' && <Notice type="info" className="login-notice" title={t('login.expired')} />}
      {reason === 'signedOut' && <Notice type="success" className="login-notice" title={t('login.signedOut')} />}
      {eIdError === 'eid_unavailable' && (
        <Notice type="error" className="login-notice" role="alert" title={t('login.eidUnavailable')} />
      )}
      {eIdError === 'eid_failed' && (
        <Notice type="warning" className="login-notice" role="alert" title={t('login.eidFailed')} />
      )}
      <div className="login-grid">
        <section className="plain-card login-card" aria-labelledby="login-citizen">
          <div className="plain-card-body">
            <h2 id="login-citizen" className="login-card-title">
              {t('login.citizen.title')}
            </h2>
            <p>{t('login.citizen.text')}</p>
            <a className="btn btn-primary btn-lg btn-block vneid-button" href={eIdLoginUrl(returnTo ?? '/me')}>
              {t('login.citizen.button')}
            </a>
            <Notice type="info" className="login-level-note" title={t('login.citizen.level')} />
          </div>
        </section>
        <section className="plain-card login-card" aria-labelledby="login-staff">
          <div className="plain-card-body">
            <h2 id="login-staff" className="login-card-title">
              {t('login.staff.title')}
            </h2>
            <p>{t('login.staff.text')}</p>
            <StaffLoginForm onSignedIn={signedIn} />
          </div>
        </section>
      </div>
    </PublicFrame>
  );
}
