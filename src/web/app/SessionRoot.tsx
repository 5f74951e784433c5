import { Suspense } from 'react';
import { Outlet, useMatches } from 'react-router';
import { SessionProvider, useSession } from '../api/session';
import { PlainErrorAlert } from '../components/PlainErrorAlert';
import { PlainSpinner } from '../components/plain';
import { useT } from '../shell/i18n';

/**
 * Waits for GET /auth/me before showing a page (so no page flashes before the redirect to /login),
 * but for the public pages marked `handle.early` in the router (catalog, a procedure, status lookup,
 * sign-in): they show at once and read the session when it comes, one round trip sooner on a slow
 * link (issue 14 §6).
 */
function SessionGate() {
  const t = useT();
  const { me, error, refresh } = useSession();
  const early = useMatches().some((m) => (m.handle as { early?: boolean } | undefined)?.early);
  // Plain (no antd): it shows before every page, the public ones included.
  const spinner = <PlainSpinner label={t('common.loading')} />;
  if (me || early) {
    return (
      <Suspense fallback={spinner}>
        <Outlet />
      </Suspense>
    );
  }
  if (error) {
    return (
      <main className="session-error">
        <PlainErrorAlert error={error} onRetry={() => void refresh()} />
      </main>
    );
  }
  return spinner;
}

/** The root of every route: the session, then the page. */
export function SessionRoot() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}
