import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configProblems } from '../../../../test/db';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../platform/errors';
import { loadReceiptIssuers } from './receipt-issuers';
import { makePkcs12, signPdf, verifyPdfSignature } from './receipt-signing';

/** The collecting bodies' receipt settings and keys (ADR 0015): required in production, checked at start. */

const dir = mkdtempSync(join(tmpdir(), 'receipt-issuers-'));
writeFileSync(join(dir, 'province.p12'), makePkcs12('UBND tinh thu nghiem', 'correct passphrase'));
const entry = { unitCode: '03445', taxCode: '6200000001', formSymbol: '01BLP0-001', seriesSymbol: 'AB-26E' };
const issuersFile = (bodies: object[]) => {
  const path = join(dir, `issuers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ collectingBodies: bodies }));
  return path;
};
const production = (file: string, passphrase = 'correct passphrase') => ({
  NODE_ENV: 'production' as const,
  DATA_DIR: dir,
  RECEIPT_ISSUERS_FILE: file,
  RECEIPT_SIGNING_P12: join(dir, 'province.p12'),
  RECEIPT_SIGNING_P12_PASSPHRASE: passphrase,
});

describe('receipt issuers', () => {
  it('are required in production: the server refuses to start without the file, the key or its passphrase', () => {
    const problems = configProblems({ NODE_ENV: 'production' });
    for (const key of ['RECEIPT_ISSUERS_FILE', 'RECEIPT_SIGNING_P12', 'RECEIPT_SIGNING_P12_PASSPHRASE'])
      expect(problems).toContain(`${key}: is required in production (signed fee receipts)`);
    expect(configProblems({ NODE_ENV: 'development' }).filter((p) => p.startsWith('RECEIPT_'))).toEqual([]);
  });

  it('sign with the configured PKCS#12 for a listed body and refuse an unlisted one bilingually (503)', async () => {
    const issuers = await loadReceiptIssuers(production(issuersFile([entry])));
    const issuer = issuers.forUnit('03445', '2026-12-07');
    expect(issuer).toMatchObject({
      taxCode: '6200000001',
      formSymbol: '01BLP0-001',
      seriesSymbol: 'AB-26E',
      demo: false,
    });
    const blank = await PDFDocument.create();
    blank.addPage([100, 100]);
    const pdf = await signPdf(Buffer.from(await blank.save()), issuer.identity, {
      reason: 'test',
      name: 'test',
      location: 'Lai Châu',
      contactInfo: 'test',
      signingTime: new Date(),
    });
    const check = verifyPdfSignature(pdf);
    expect(check.valid).toBe(true);
    expect(check.certificate?.subject).toContain('UBND tinh thu nghiem');
    const refused = (() => {
      try {
        issuers.forUnit('99999', '2026-12-07');
      } catch (error) {
        return error;
      }
    })() as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('PAYMENT.RECEIPT_ISSUER_UNAVAILABLE');
    expect(refused.messageVi).toContain('mã số thuế');
  });

  it.each([
    ['a wrong passphrase', () => production(issuersFile([entry]), 'wrong'), /not a PKCS#12 file this passphrase opens/],
    ['a malformed tax code', () => production(issuersFile([{ ...entry, taxCode: '62-0001' }])), /taxCode/],
    ['a unit listed twice', () => production(issuersFile([entry, entry])), /listed twice/],
    [
      'a unit listed twice from the same day',
      () =>
        production(
          issuersFile([
            { ...entry, validFrom: '2027-01-01' },
            { ...entry, validFrom: '2027-01-01' },
          ]),
        ),
      /listed twice from 2027-01-01/,
    ],
    [
      'a first day that is no date',
      () => production(issuersFile([{ ...entry, validFrom: '2027-02-30' }])),
      /validFrom/,
    ],
    ['a missing key file', () => production(issuersFile([{ ...entry, pkcs12: 'absent.p12' }])), /absent\.p12/],
  ])('stop the start with %s', async (_name, config, message) => {
    await expect(loadReceiptIssuers(config())).rejects.toThrow(message);
  });

  it('give the tax code and symbols in force on the receipt date: a new series from 1 January, none before the first entry', async () => {
    const issuers = await loadReceiptIssuers(
      production(
        issuersFile([
          { ...entry, validFrom: '2026-07-01', seriesSymbol: 'AB-26E' },
          { ...entry, validFrom: '2027-01-01', seriesSymbol: 'AB-27E', taxCode: '6200000002' },
        ]),
      ),
    );
    expect(issuers.forUnit('03445', '2026-12-31')).toMatchObject({ seriesSymbol: 'AB-26E', taxCode: '6200000001' });
    expect(issuers.forUnit('03445', '2027-01-01')).toMatchObject({
      validFrom: '2027-01-01',
      seriesSymbol: 'AB-27E',
      taxCode: '6200000002',
    });
    expect(() => issuers.forUnit('03445', '2026-06-30')).toThrow(
      expect.objectContaining({ code: 'PAYMENT.RECEIPT_ISSUER_UNAVAILABLE' }),
    );
  });
});
