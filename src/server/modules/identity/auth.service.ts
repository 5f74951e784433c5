import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import * as repo from './identity.repository';
import { decoyHash, verifyPassword } from './passwords';
import { openSecret, totpStep } from './totp';
import { loginFailed, loginSucceeded } from './login-throttle';
import type { EidIdentity } from './oidc-client';

/**
 * A TOTP code that was already used: at sign-in a 401 (code field `totp`), when turning the
 * second factor on a 400 (field `code`, the user is signed in).
 */
export function totpReplayed(at: 'login' | 'enable' = 'login'): AppError {
  const field = at === 'login' ? 'totp' : 'code';
  return new AppError(
    at === 'login' ? 'AUTH.TOTP_REPLAYED_UNAUTHENTICATED' : 'AUTH.TOTP_REPLAYED_INVALID',
    'Mã xác thực này đã được dùng. Hãy chờ mã mới trên ứng dụng (đổi sau mỗi 30 giây) rồi nhập lại.',
    'This authentication code has already been used. Wait for the next code in your app (it changes every 30 seconds) and enter it.',
    [
      {
        field,
        code: 'AUTH.TOTP_REPLAYED',
        messageVi: 'Mã này đã được dùng, hãy nhập mã mới',
        messageEn: 'This code was already used; enter the next one',
      },
    ],
  );
}

const invalid = () =>
  new AppError('AUTH.LOGIN_UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password');

/**
 * Checks a staff login from `address`: password (argon2id), then the TOTP code when the account
 * has one. An unknown username takes the same path as a wrong password — a hash, the same
 * statements, the same 401 — so neither the answer nor its time tells which usernames exist.
 * There is no lock: the caller has taken the attempt (takeLoginAttempt, growing delays), and a
 * success clears the account's delays. Failures are recorded for the owner's security notice.
 */
export async function verifyStaffLogin(
  db: Db,
  config: Config,
  input: { username: string; password: string; totp?: string },
  address: string,
): Promise<repo.AccountRow> {
  const username = input.username.toLowerCase();
  const failed = async (error: AppError) => {
    await loginFailed(db, username, address);
    return error;
  };
  const found = await repo.findAccountByUsername(db, username);
  const account = found?.kind === 'staff' && found.passwordHash ? found : undefined;
  if (!(await verifyPassword(account?.passwordHash ?? (await decoyHash()), input.password)) || !account)
    throw await failed(invalid());
  if (account.disabledAt)
    throw new AppError('AUTH.ACCOUNT_FORBIDDEN', 'Tài khoản đã bị vô hiệu hoá', 'This account is disabled');
  if (account.totpEnabled && account.totpSecret) {
    if (!input.totp)
      throw new AppError(
        'AUTH.TOTP_UNAUTHENTICATED',
        'Nhập mã xác thực 6 số từ ứng dụng',
        'Enter the 6-digit code from your authenticator app',
      );
    const step = totpStep(openSecret(account.totpSecret, config.SESSION_SECRET!), input.totp);
    if (step === null)
      throw await failed(
        new AppError(
          'AUTH.TOTP_UNAUTHENTICATED',
          'Mã xác thực không đúng hoặc đã hết hạn',
          'Wrong or expired authentication code',
        ),
      );
    // A code works once: whoever saw it (over a shoulder, a phishing page) cannot sign in with it again.
    if (!(await repo.consumeTotpStep(db, account.id, step))) throw await failed(totpReplayed());
  }
  await loginSucceeded(db, username, address);
  await repo.recordLogin(db, account.id);
  return account;
}

/** The citizen account of an e-ID identity: found by (issuer, subject) or created at first login. */
export async function citizenAccountFor(db: Db, issuer: string, identity: EidIdentity): Promise<repo.AccountRow> {
  const existing = await repo.findAccountByOidc(db, issuer, identity.subject);
  if (existing) {
    await repo.updateAccount(db, existing.id, {
      lastLoginAt: new Date(),
      displayName: identity.name || existing.displayName,
      nationalId: identity.nationalId ?? existing.nationalId,
    });
    return { ...existing, nationalId: identity.nationalId ?? existing.nationalId };
  }
  return repo.insertAccount(db, {
    kind: 'citizen',
    displayName: identity.name || 'Công dân',
    oidcIssuer: issuer,
    oidcSubject: identity.subject,
    nationalId: identity.nationalId,
    lastLoginAt: new Date(),
  });
}
