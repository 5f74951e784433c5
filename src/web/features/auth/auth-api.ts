import type { Me } from '../../../contracts/identity';
import { apiPost, ApiError } from '../../api/client';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

/** Staff sign-in with username, password and (when the account has it) the 6-digit code. */
export function login(input: LoginInput): Promise<Me> {
  return apiPost<Me>('/api/v1/auth/login', input);
}

/** The address that starts the e-ID (VNeID) sign-in; a full-page navigation, not a fetch. */
export function eIdLoginUrl(returnTo: string): string {
  return `/api/v1/auth/eid/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * What the login form does with a refusal: ask for the TOTP code (missing, wrong or already
 * used), or show a message. A 429 keeps the server's words (they say how many seconds to
 * wait); one without them (a proxy's) is explained here.
 */
export function loginProblem(error: ApiError): { needTotp: boolean; error: ApiError } {
  if (error.status === 429 && error.code !== 'AUTH.RATE_LIMITED') {
    return {
      needTotp: false,
      error: new ApiError(
        429,
        'AUTH.RATE_LIMITED',
        'Bạn đã thử đăng nhập quá nhiều lần. Hãy chờ 1 phút rồi thử lại.',
        'Too many sign-in attempts. Wait a minute and try again.',
        error.requestId,
      ),
    };
  }
  return {
    needTotp: error.code === 'AUTH.TOTP_UNAUTHENTICATED' || error.code === 'AUTH.TOTP_REPLAYED_UNAUTHENTICATED',
    error,
  };
}
