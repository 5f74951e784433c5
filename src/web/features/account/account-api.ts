import { apiPost } from '../../api/client';

export function changePassword(currentPassword: string, newPassword: string): Promise<{ ok: boolean }> {
  return apiPost('/api/v1/auth/password', { currentPassword, newPassword });
}

/** Starts authenticator (TOTP) setup: a new secret, not active until a code is confirmed. */
export function setupTotp(): Promise<{ secret: string; uri: string }> {
  return apiPost('/api/v1/auth/totp/setup', {});
}

export function enableTotp(code: string): Promise<{ ok: boolean }> {
  return apiPost('/api/v1/auth/totp/enable', { code });
}
