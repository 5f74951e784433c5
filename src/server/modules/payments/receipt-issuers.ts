import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';
import { IsoDate } from '../../../contracts/common';
import { developmentIdentity, loadPkcs12, type SigningIdentity } from './receipt-signing';

/**
 * Who issues a unit's fee receipts (ADR 0015): the collecting body's name, tax code (mã số thuế),
 * form and series symbols (ký hiệu mẫu số, ký hiệu biên lai) and the key that signs for it.
 * Production reads RECEIPT_ISSUERS_FILE and opens every PKCS#12 at start (a bad file or passphrase
 * stops the server); elsewhere every unit gets the demonstration issuer below.
 */

/**
 * One collecting body in RECEIPT_ISSUERS_FILE, in force from `validFrom`. A body whose tax code or
 * symbols change (a new series each 1 January, a merger) gets a new entry with its first day; the
 * entries of a unit are never edited in place, so a receipt of any day finds the values of that day.
 */
const IssuerEntry = z.object({
  /** The unit (commune/ward) that receives the dossiers and collects their fees. */
  unitCode: z.string().regex(/^\d{5}$/, 'must be a 5-digit unit code'),
  /** First day (Vietnam date, YYYY-MM-DD) the entry applies to fees collected; absent: from the start. */
  validFrom: IsoDate.optional(),
  /** Printed name; default "Ủy ban nhân dân <unit name>" from the units module. */
  name: z.string().min(3).max(200).optional(),
  /** 10 digits, or 10 digits + "-" + 3 for a dependent unit (unconfirmed which applies, ADR 0015). */
  taxCode: z.string().regex(/^\d{10}(-\d{3})?$/, 'must be a tax code of 10 digits (or 10-3)'),
  formSymbol: z.string().regex(/^[0-9A-Z/.-]{1,20}$/, 'must be 1-20 upper-case letters, digits, / . -'),
  seriesSymbol: z.string().regex(/^[0-9A-Z/.-]{1,20}$/, 'must be 1-20 upper-case letters, digits, / . -'),
  /** This body's own PKCS#12 (relative to the file), opened with RECEIPT_SIGNING_P12_PASSPHRASE; default RECEIPT_SIGNING_P12. */
  pkcs12: z.string().min(1).optional(),
});
const IssuersFile = z.object({ collectingBodies: z.array(IssuerEntry).min(1) });

export interface ReceiptIssuer {
  /** First day the values apply (Vietnam date); null: from the start. */
  validFrom: string | null;
  /** Null: take "Ủy ban nhân dân <unit name>". */
  name: string | null;
  taxCode: string;
  formSymbol: string;
  seriesSymbol: string;
  identity: SigningIdentity;
  /** SHA-256 (hex) of the signing certificate (DER), recorded on each receipt it signs. */
  certificateSha256: string;
  /** A demonstration issuer: fake tax code and symbols, development key; the receipt says so. */
  demo: boolean;
}

export interface ReceiptIssuers {
  /**
   * The issuer of `unitCode`'s receipts for fees collected on `on` (Vietnam date: the receipt's
   * date, whenever it is first downloaded) — the entry with the latest `validFrom` not after it;
   * PAYMENT.RECEIPT_ISSUER_UNAVAILABLE (503) when none is configured for that day.
   */
  forUnit(unitCode: string, on: string): ReceiptIssuer;
}

/**
 * The demonstration values, obviously not real: tax code 0000000000 (no taxpayer has it) and
 * symbols reading DEMO. Printed with a line saying the receipt has no legal value.
 */
export const DEMO_ISSUER = { taxCode: '0000000000', formSymbol: 'DEMO-BLP', seriesSymbol: 'DEMO' } as const;

const certificateHash = (identity: SigningIdentity) =>
  createHash('sha256').update(identity.certificates[0]!).digest('hex');

function missingIssuer(unitCode: string, on: string): AppError {
  return new AppError(
    'PAYMENT.RECEIPT_ISSUER_UNAVAILABLE',
    `Chưa cấu hình đơn vị thu (mã số thuế, ký hiệu biên lai, chữ ký số) của đơn vị ${unitCode} áp dụng ngày ${on.split('-').reverse().join('/')}: chưa thể lập biên lai.`,
    `The collecting body of unit ${unitCode} (tax code, receipt symbols, signing key) in force on ${on} is not configured: no receipt can be issued yet.`,
  );
}

type IssuerConfig = Pick<
  Config,
  'NODE_ENV' | 'DATA_DIR' | 'RECEIPT_ISSUERS_FILE' | 'RECEIPT_SIGNING_P12' | 'RECEIPT_SIGNING_P12_PASSPHRASE'
>;

/** Reads the configured issuers (every PKCS#12 opened now), or the demonstration issuer outside production. */
export async function loadReceiptIssuers(config: IssuerConfig): Promise<ReceiptIssuers> {
  if (!config.RECEIPT_ISSUERS_FILE) {
    if (config.NODE_ENV === 'production') throw new Error('RECEIPT_ISSUERS_FILE is required in production');
    const identity = await developmentIdentity(config.DATA_DIR);
    const demo: ReceiptIssuer = {
      validFrom: null,
      name: null,
      ...DEMO_ISSUER,
      identity,
      certificateSha256: certificateHash(identity),
      demo: true,
    };
    return { forUnit: () => demo };
  }
  const path = resolve(config.RECEIPT_ISSUERS_FILE);
  const parsed = IssuersFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const passphrase = config.RECEIPT_SIGNING_P12_PASSPHRASE ?? '';
  const identities = new Map<string, SigningIdentity>();
  const open = async (p12: string) => {
    const full = resolve(dirname(path), p12);
    if (!identities.has(full)) identities.set(full, await loadPkcs12(full, passphrase));
    return identities.get(full)!;
  };
  const byUnit = new Map<string, ReceiptIssuer[]>();
  for (const entry of parsed.data.collectingBodies) {
    const validFrom = entry.validFrom ?? null;
    const entries = byUnit.get(entry.unitCode) ?? [];
    if (entries.some((e) => e.validFrom === validFrom))
      throw new Error(
        `${path}: unit ${entry.unitCode} is listed twice${validFrom ? ` from ${validFrom}` : ''} (one entry per first day)`,
      );
    const p12 = entry.pkcs12 ?? config.RECEIPT_SIGNING_P12;
    if (!p12) throw new Error(`${path}: unit ${entry.unitCode} names no PKCS#12 and RECEIPT_SIGNING_P12 is unset`);
    const identity = await open(p12);
    entries.push({
      validFrom,
      name: entry.name ?? null,
      taxCode: entry.taxCode,
      formSymbol: entry.formSymbol,
      seriesSymbol: entry.seriesSymbol,
      identity,
      certificateSha256: certificateHash(identity),
      demo: false,
    });
    byUnit.set(entry.unitCode, entries);
  }
  // Latest first: the first entry not starting after the day is the one in force.
  for (const entries of byUnit.values()) entries.sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
  return {
    forUnit(unitCode, on) {
      const issuer = byUnit.get(unitCode)?.find((e) => e.validFrom === null || e.validFrom <= on);
      if (!issuer) throw missingIssuer(unitCode, on);
      return issuer;
    },
  };
}
