import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Me } from '../../contracts/identity';
import { apiGet, apiPost, setCsrfToken, setSessionHandlers, type ApiError } from './client';
import { toApiError } from './use-api';
import { forgetPurpose } from './purpose-memory';
import { forgetTabPrivateData } from './tab-private';

/** Why nobody is signed in: never was, signed out on purpose, or the session ended (401). */
export type SignedOutReason = 'none' | 'signedOut' | 'expired';

export interface SessionValue {
  /** The current session; undefined until GET /auth/me first answers. */
  me: Me | undefined;
  /** Failure of the first GET /auth/me (network, server down). */
  error: ApiError | undefined;
  reason: SignedOutReason;
  /** May the signed-in account perform this action (from `me.actions`)? */
  can: (action: string) => boolean;
  /** Reloads the session from the server (e.g. after changing the password). */
  refresh: () => Promise<Me | undefined>;
  /** Takes the answer of a successful login. */
  signedIn: (me: Me) => void;
  /** Ends the session; citizens are sent to the e-ID provider to end theirs too. */
  signOut: () => Promise<void>;
}

const ANONYMOUS: Me = {
  authenticated: false,
  account: null,
  grants: [],
  actions: ['public'],
  actionUnits: {},
  csrfToken: null,
};
const SessionContext = createContext<SessionValue | null>(null);

/** Loads GET /api/v1/auth/me, keeps the CSRF token in the API client and reacts to 401 answers. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me>();
  const [error, setError] = useState<ApiError>();
  const [reason, setReason] = useState<SignedOutReason>('none');
  const meRef = useRef<Me | undefined>(undefined);

  const setMe = useCallback((next: Me) => {
    meRef.current = next;
    setCsrfToken(next.csrfToken);
    setMeState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await apiGet<Me>('/api/v1/auth/me');
      // The page the answer lets through renders in slices (a transition), not in one long task.
      startTransition(() => {
        setMe(next);
        setError(undefined);
      });
      return next;
    } catch (e) {
      setError(toApiError(e));
      return undefined;
    }
  }, [setMe]);

  useEffect(() => {
    setSessionHandlers({
      onUnauthenticated: () => {
        if (meRef.current?.authenticated) setReason('expired');
        setMe(ANONYMOUS);
      },
      refreshCsrf: async () => (await refresh())?.csrfToken ?? null,
    });
    void refresh();
  }, [refresh, setMe]);

  const signedIn = useCallback(
    (next: Me) => {
      setReason('none');
      setMe(next);
    },
    [setMe],
  );

  const signOut = useCallback(async () => {
    forgetPurpose();
    forgetTabPrivateData();
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = (await apiPost<{ endSessionUrl: string | null }>('/api/v1/auth/logout', {})).endSessionUrl;
    } catch {
      // Already signed out on the server (or it is unreachable): sign out here anyway.
    }
    if (endSessionUrl) {
      window.location.assign(endSessionUrl);
      return;
    }
    setReason('signedOut');
    setMe(ANONYMOUS);
  }, [setMe]);

  const value = useMemo<SessionValue>(
    () => ({ me, error, reason, can: (action) => me?.actions.includes(action) ?? false, refresh, signedIn, signOut }),
    [me, error, reason, refresh, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in, what they may do, sign-in and sign-out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

const RETURN_TO = /^\/(?!\/)[^\s\\]*$/;

/** A safe place to go back to after sign-in: a path of this site (never another host, never /login). */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || value.length > 300 || !RETURN_TO.test(value) || value.startsWith('/login')) return null;
  return value;
}

/** The sign-in page, remembering where to come back to. */
export function loginPath(returnTo?: string): string {
  const safe = safeReturnTo(returnTo);
  return safe && safe !== '/' ? `/login?returnTo=${encodeURIComponent(safe)}` : '/login';
}

/** Where an account starts: citizens on their record, staff who must change the password on /account, others on the home page. */
export function homeFor(me: Me): string {
  if (me.account?.kind === 'citizen') return '/me';
  if (me.account?.mustChangePassword) return '/account';
  return '/';
}
