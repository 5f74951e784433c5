import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { homeFor, loginPath, useSession } from '../../api/session';
import { PlainShell } from '../../shell/PlainShell';
import { useT } from '../../shell/i18n';
import '../../components/plain.css';
import './procedures.css';

/**
 * The frame of the public citizen pages (catalog, procedure page): they work signed out, so they
 * live outside AppLayout. A bar under the header leads back to the citizen's pages or to sign-in.
 * Plain elements (no antd): a visitor's first load of these pages carries no antd.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useSession();
  const location = useLocation();
  const signedIn = me?.authenticated && me.account;
  const bar = (
    <nav className="public-bar" aria-label={t('procedures.publicNav')}>
      <Link to="/procedures">{t('procedures.catalog.title')}</Link>
      {/* Following a dossier needs no sign-in: the code and the ID number (issue 14 §1). */}
      <Link to="/tra-cuu">{t('procedures.lookup')}</Link>
      {signedIn ? (
        <Link to={homeFor(me)}>{t('procedures.myPages')}</Link>
      ) : (
        <Link to={loginPath(`${location.pathname}${location.search}`)}>{t('procedures.signIn')}</Link>
      )}
    </nav>
  );
  return (
    <PlainShell bar={bar} className="public-content" footer>
      {children}
    </PlainShell>
  );
}
