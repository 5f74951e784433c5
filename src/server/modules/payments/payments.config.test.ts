import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { configProblems as problems, ownSecrets } from '../../../../test/db';

const production = {
  NODE_ENV: 'production',
  PROVINCE_AGENCY_CODE: '000.00.00.Z01', // a test province's code
  SESSION_SECRET: 'x'.repeat(32),
  AUDIT_PSEUDONYM_KEY: 'y'.repeat(32),
  AUDIT_CHECKPOINT_KEY: ownSecrets().AUDIT_CHECKPOINT_KEY,
  OIDC_CLIENT_SECRET: 'z'.repeat(16),
  OIDC_ISSUER: 'https://eid.example.vn',
  // Signed fee receipts (ADR 0015): only their presence is checked at configuration time.
  RECEIPT_ISSUERS_FILE: 'receipt-issuers.json',
  RECEIPT_SIGNING_P12: 'receipts.p12',
  RECEIPT_SIGNING_P12_PASSPHRASE: 'p'.repeat(16),
};

describe('payment configuration', () => {
  it('points at the built-in sandbox with development secrets outside production', () => {
    const c = loadConfig({ NODE_ENV: 'development', PORT: '4000' });
    expect(c).toMatchObject({
      PAYMENT_SANDBOX: 'on',
      PAYMENT_TMN_CODE: 'DVC06SBX',
      PAYMENT_EXPIRY_MINUTES: 15,
      PAYMENT_GATEWAY_URL: 'http://localhost:4000/pay-sandbox/paymentv2/vpcpay.html',
      PAYMENT_GATEWAY_API_URL: 'http://localhost:4000/pay-sandbox/merchant_webapi/api/transaction',
    });
    expect(c.PAYMENT_HASH_SECRET?.length).toBeGreaterThanOrEqual(32);
  });

  it('requires the merchant code, the secret and the gateway addresses in production, naming each', () => {
    expect(problems(production)).toEqual([
      'PAYMENT_TMN_CODE: is required in production',
      'PAYMENT_HASH_SECRET: is required in production',
      'PAYMENT_GATEWAY_URL: is required when the sandbox payment gateway is off',
      'PAYMENT_GATEWAY_API_URL: is required when the sandbox payment gateway is off',
    ]);
    const ok = loadConfig({
      ...production,
      PAYMENT_TMN_CODE: 'LAICHAU01',
      PAYMENT_HASH_SECRET: 's'.repeat(32),
      PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay',
      PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api',
    });
    expect(ok.PAYMENT_SANDBOX).toBe('off');
  });

  it('refuses a short secret, a bad merchant code and an expiry out of range', () => {
    const p = problems({ PAYMENT_HASH_SECRET: 'short', PAYMENT_TMN_CODE: 'has space', PAYMENT_EXPIRY_MINUTES: '0' });
    expect(p.map((x) => x.split(':')[0])).toEqual([
      'PAYMENT_TMN_CODE',
      'PAYMENT_HASH_SECRET',
      'PAYMENT_EXPIRY_MINUTES',
    ]);
  });
});
