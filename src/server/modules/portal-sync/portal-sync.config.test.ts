import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { createTestApp, type TestApp } from '../../../../test/app';
import { configProblems as problems, ownSecrets } from '../../../../test/db';

describe('national portal sync configuration', () => {
  it('points at the built-in sandbox with a development key outside production', () => {
    const c = loadConfig({ NODE_ENV: 'development', PORT: '4000' });
    expect(c).toMatchObject({
      PORTAL_SANDBOX: 'on',
      PORTAL_SYNC_URL: 'http://localhost:4000/portal-sandbox/api/dossier-sync',
      PORTAL_SYNC_TIMEOUT_MS: 15_000,
    });
    expect(c.PORTAL_SYNC_KEY?.length).toBeGreaterThanOrEqual(16);
  });

  it('has no sandbox, endpoint or key in production unless configured (pushes then wait)', () => {
    const production = {
      NODE_ENV: 'production',
      PROVINCE_AGENCY_CODE: '000.00.00.Z01', // a test province's code
      SESSION_SECRET: 'x'.repeat(32),
      AUDIT_PSEUDONYM_KEY: 'y'.repeat(32),
      AUDIT_CHECKPOINT_KEY: ownSecrets().AUDIT_CHECKPOINT_KEY,
      OIDC_CLIENT_SECRET: 'z'.repeat(16),
      OIDC_ISSUER: 'https://eid.example.vn',
      RECEIPT_ISSUERS_FILE: 'receipt-issuers.json',
      RECEIPT_SIGNING_P12: 'receipts.p12',
      RECEIPT_SIGNING_P12_PASSPHRASE: 'p'.repeat(16),
      PAYMENT_TMN_CODE: 'LAICHAU01',
      PAYMENT_HASH_SECRET: 's'.repeat(32),
      PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay',
      PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api',
    };
    expect(problems(production)).toEqual([]);
    expect(loadConfig(production)).toMatchObject({
      PORTAL_SANDBOX: 'off',
      PORTAL_SYNC_URL: undefined,
      PORTAL_SYNC_KEY: undefined,
    });
    const set = loadConfig({
      ...production,
      PORTAL_SYNC_URL: 'https://sync.dichvucong.example.vn/dossiers',
      PORTAL_SYNC_KEY: 'k'.repeat(24),
    });
    expect(set).toMatchObject({
      PORTAL_SANDBOX: 'off',
      PORTAL_SYNC_URL: 'https://sync.dichvucong.example.vn/dossiers',
    });
  });

  it('refuses a key shorter than 16 characters and a timeout out of range, naming each', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'development', PORTAL_SYNC_KEY: 'short', PORTAL_SYNC_TIMEOUT_MS: '5' }),
    ).toThrow(/PORTAL_SYNC_KEY[\s\S]*PORTAL_SYNC_TIMEOUT_MS|PORTAL_SYNC_TIMEOUT_MS[\s\S]*PORTAL_SYNC_KEY/);
  });
});

describe('with the sandbox off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error', PORTAL_SANDBOX: 'off' });
  });
  afterAll(async () => t?.close());

  it('serves no /portal-sandbox, and its settings answer 404 in both languages', async () => {
    const push = await t.app.inject({ method: 'POST', url: '/portal-sandbox/api/dossier-sync', payload: {} });
    expect(push.statusCode).toBe(404);
    expect((await t.app.inject('/portal-sandbox')).statusCode).toBe(404);
    const admin = await t.staff('admin', '12');
    const res = await admin.inject('/api/v1/portal-sync/sandbox');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string; messageVi: string } }>().error).toMatchObject({
      code: 'PORTAL_SYNC.SANDBOX_NOT_FOUND',
    });
    expect((await admin.inject('/api/v1/portal-sync/pushes')).statusCode).toBe(200);
  });
});
