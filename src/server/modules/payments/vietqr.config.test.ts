import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import type { AccessContext } from '../identity';
import { ownSecrets } from '../../../../test/db';
import { createVietqrPayment } from './vietqr.service';

const production = {
  NODE_ENV: 'production',
  PROVINCE_AGENCY_CODE: '000.00.00.Z01', // a test province's code
  SESSION_SECRET: 's'.repeat(32),
  AUDIT_PSEUDONYM_KEY: 'a'.repeat(32),
  AUDIT_CHECKPOINT_KEY: ownSecrets().AUDIT_CHECKPOINT_KEY,
  OIDC_CLIENT_SECRET: 'o'.repeat(16),
  OIDC_ISSUER: 'https://eid.example.vn',
  PAYMENT_TMN_CODE: 'DVC06',
  PAYMENT_HASH_SECRET: 'h'.repeat(32),
  PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay',
  PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api',
  // Signed fee receipts (ADR 0015): only their presence is checked at configuration time.
  RECEIPT_ISSUERS_FILE: 'receipt-issuers.json',
  RECEIPT_SIGNING_P12: 'receipts.p12',
  RECEIPT_SIGNING_P12_PASSPHRASE: 'p'.repeat(16),
};

describe('VietQR configuration', () => {
  it('has synthetic development defaults and none in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({
      VIETQR_BANK_BIN: '970436',
      VIETQR_ACCOUNT_NO: '0000012345678',
      VIETQR_EXPIRY_HOURS: 72,
    });
    expect(loadConfig(production)).toMatchObject({
      VIETQR_BANK_BIN: undefined,
      VIETQR_ACCOUNT_NO: undefined,
      VIETQR_ACCOUNT_NAME: undefined,
    });
  });

  it('refuses a malformed BIN or account name, listing the variable', () => {
    expect(() => loadConfig({ VIETQR_BANK_BIN: '97043', VIETQR_ACCOUNT_NAME: 'kho bạc' })).toThrow(
      /VIETQR_BANK_BIN[\s\S]*VIETQR_ACCOUNT_NAME/,
    );
  });

  it('answers 503 PAYMENT.VIETQR_UNAVAILABLE when production has no receiving account', async () => {
    const access = {
      actor: { kind: 'citizen', accountId: '00000000-0000-0000-0000-000000000001' },
    } as unknown as AccessContext;
    await expect(
      createVietqrPayment(
        { db: undefined as never, config: loadConfig(production) },
        access,
        '00000000-0000-0000-0000-000000000002',
        null,
      ),
    ).rejects.toMatchObject({ code: 'PAYMENT.VIETQR_UNAVAILABLE' });
  });
});
