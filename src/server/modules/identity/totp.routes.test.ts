import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../../../test/app';
import { currentTotp, totpStep } from './totp';

let t: TestApp;
let address = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A login from its own injected client address (the rate limit stays out of the way). */
const login = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: `10.60.0.${++address}` });
type ErrorBody = { error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> } };

/** A staff account with TOTP on; returns its username, secret and the step of the confirming code. */
async function withTotp(session: Session): Promise<{ username: string; secret: string; enabledStep: number }> {
  const { secret } = (await session.inject({ method: 'POST', url: '/api/v1/auth/totp/setup' })).json<{
    secret: string;
  }>();
  const now = Date.now();
  const enable = await session.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    payload: { code: currentTotp(secret, now) },
  });
  expect(enable.statusCode, enable.body).toBe(200);
  const username = (
    await t.database.rows<{ username: string }>(
      sql`select username from identity.accounts where id = ${session.accountId}`,
    )
  )[0]!.username;
  return { username, secret, enabledStep: Math.floor(now / 30_000) };
}

describe('TOTP codes work once', () => {
  it('maps a code to its time step, one step of drift either way, and refuses others', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const at = 1_800_000_000_000;
    const step = Math.floor(at / 30_000);
    expect(totpStep(secret, currentTotp(secret, at), at)).toBe(step);
    expect(totpStep(secret, currentTotp(secret, at - 30_000), at)).toBe(step - 1);
    expect(totpStep(secret, currentTotp(secret, at + 30_000), at)).toBe(step + 1);
    expect(totpStep(secret, currentTotp(secret, at + 90_000), at)).toBeNull();
    expect(totpStep(secret, 'abcdef', at)).toBeNull();
  });

  it('refuses the same code a second time with a bilingual message, and counts it as a failure', async () => {
    const { username, secret } = await withTotp(await t.staff('leader', '12'));
    const code = currentTotp(secret, Date.now() + 30_000);
    const first = await login({ username, password: TEST_PASSWORD, totp: code });
    expect(first.statusCode, first.body).toBe(200);
    const second = await login({ username, password: TEST_PASSWORD, totp: code });
    expect(second.statusCode).toBe(401);
    const { error } = second.json<ErrorBody>();
    expect(error.code).toBe('AUTH.TOTP_REPLAYED_UNAUTHENTICATED');
    expect(error.messageVi).toContain('đã được dùng');
    expect(error.messageEn).toContain('already been used');
    expect(error.fields?.[0]?.field).toBe('totp');
    const failed = await t.database.rows<{ n: number | string }>(
      sql`select count(*) as n from identity.sign_in_failures f join identity.accounts a on a.id = f.account_id where a.username = ${username}`,
    );
    expect(Number(failed[0]!.n)).toBe(1);
  });

  it('refuses an older code once a newer one was accepted', async () => {
    const { username, secret } = await withTotp(await t.staff('leader', '12'));
    expect(
      (await login({ username, password: TEST_PASSWORD, totp: currentTotp(secret, Date.now() + 30_000) })).statusCode,
    ).toBe(200);
    const older = await login({ username, password: TEST_PASSWORD, totp: currentTotp(secret, Date.now()) });
    expect(older.json<ErrorBody>().error.code).toBe('AUTH.TOTP_REPLAYED_UNAUTHENTICATED');
  });

  it('uses up the code that turned the second factor on', async () => {
    const session = await t.staff('leader', '12');
    const { secret } = (await session.inject({ method: 'POST', url: '/api/v1/auth/totp/setup' })).json<{
      secret: string;
    }>();
    const code = currentTotp(secret);
    expect(
      (await session.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code } })).statusCode,
    ).toBe(200);
    const username = (
      await t.database.rows<{ username: string }>(
        sql`select username from identity.accounts where id = ${session.accountId}`,
      )
    )[0]!.username;
    const replay = await login({ username, password: TEST_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<ErrorBody>().error.code).toBe('AUTH.TOTP_REPLAYED_UNAUTHENTICATED');
  });

  it('lets only one of two concurrent logins with the same code through', async () => {
    const { username, secret } = await withTotp(await t.staff('leader', '12'));
    const code = currentTotp(secret, Date.now() + 30_000);
    const results = await Promise.all([1, 2, 3].map(() => login({ username, password: TEST_PASSWORD, totp: code })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 401, 401]);
    expect(results.filter((r) => r.statusCode === 401).map((r) => r.json<ErrorBody>().error.code)).toEqual([
      'AUTH.TOTP_REPLAYED_UNAUTHENTICATED',
      'AUTH.TOTP_REPLAYED_UNAUTHENTICATED',
    ]);
    const sessions = await t.database.rows<{ n: string | number }>(
      sql`select count(*) as n from identity.sessions s join identity.accounts a on a.id = s.account_id where a.username = ${username}`,
    );
    expect(Number(sessions[0]!.n)).toBe(2); // the test's own session + the one login that passed
  });
});
