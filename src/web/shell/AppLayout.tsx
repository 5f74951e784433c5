import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation, useMatches } from 'react-router';
import { loginPath, useSession } from '../api/session';
import { AntdScope } from './AntdScope';
import { CitizenFrame } from './CitizenFrame';

/** The signed-in frame (menu, drawer, sider) and antd: loaded only for a signed-in session. */
const loadFrame = () => import('./SignedInFrame');
const SignedInFrame = lazy(loadFrame);

/**
 * The pages behind sign-in: a visitor (signed out) at `/` sees the public front door and at an
 * unknown address "not found", elsewhere is sent to /login; citizens at `/` go to their record,
 * staff who must change their password to /account; any other signed-in page is shown in the
 * signed-in frame (SignedInFrame.tsx, which also answers 403 for a page the session may not use),
 * with antd (AntdScope) — but a citizen's page whose route is marked `handle.plainFrame` (drawn
 * without antd) is shown in the light CitizenFrame. A visitor's front door and "not found" need neither.
 */
export function AppLayout({
  visitorHome,
  visitorNotFound,
}: {
  /** What a visitor (signed out) sees at `/`: the public front door (the router gives it). */
  visitorHome?: ReactNode;
  /** What a visitor sees at an address the app does not know (instead of the sign-in page). */
  visitorNotFound?: ReactNode;
} = {}) {
  const { me, reason } = useSession();
  const location = useLocation();
  // The router marks its catch-all route (an address it does not know) and the citizen pages drawn without antd.
  const handles = useMatches().map((m) => m.handle as { notFound?: boolean; plainFrame?: boolean } | undefined);
  const notFound = handles.some((h) => h?.notFound);
  const plainFrame = handles.some((h) => h?.plainFrame);

  if (!me) return null; // SessionGate shows the spinner until /auth/me answers
  if (!me.authenticated || !me.account) {
    // Just signed out: the sign-in page says so (and offers to sign in again); a visitor's `/` is the front door.
    if (location.pathname === '/' && visitorHome && reason !== 'signedOut') return visitorHome;
    if (notFound && visitorNotFound) return visitorNotFound;
    const returnTo = reason === 'signedOut' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to={loginPath(returnTo)} replace />;
  }
  if (me.account.kind === 'citizen' && location.pathname === '/') return <Navigate to="/me" replace />;
  if (me.account.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;

  // A citizen's page drawn without antd (the filing form): the light frame, no antd at all (ADR 0023).
  if (plainFrame && me.account.kind === 'citizen') return <CitizenFrame />;

  // Asked for now, with antd's providers, rather than after them (AntdScope renders its content then).
  void loadFrame();
  return (
    <AntdScope>
      <SignedInFrame />
    </AntdScope>
  );
}
