import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Spin } from 'antd';
import { SessionProvider, useSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../shell/i18n';

/** Waits for GET /auth/me before showing any page (so no page flashes before the redirect to /login). */
function SessionGate() {
  const t = useT();
  const { me, error, refresh } = useSession();
  const spinner = <Spin size="large" className="page-spinner" description={t('common.loading')} />;
  if (me) {
    return (
      <Suspense fallback={spinner}>
        <Outlet />
      </Suspense>
    );
  }
  if (error) {
    return (
      <main className="session-error">
        <ErrorAlert error={error} onRetry={() => void refresh()} />
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
