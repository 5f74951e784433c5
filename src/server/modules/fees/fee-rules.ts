import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { IsoDate } from '../../../contracts/common';
import { FEE_CHANNELS, FEE_SUBJECT_PARTIES } from '../../../contracts/fees';

/**
 * The fee rules read at run time from the reference file (never copied into procedure versions,
 * so a waiver ends by itself on its last day in every version, old or new): whose facts the
 * exemptions are checked on, and the temporary dated waivers.
 */
export const FEE_RULES_REFERENCE_FILE = fileURLToPath(
  new URL('../../../../reference/procedures/fee-exemptions.json', import.meta.url),
);

/** Which form fields name the person a version registers (the first rule whose fields all exist applies). */
export const SubjectRule = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  formFields: z.array(z.string().min(1)).min(1),
  party: z.enum(FEE_SUBJECT_PARTIES).exclude(['filer']),
  birthDateField: z.string().min(1),
  nationalIdField: z.string().min(1).nullable(),
  labelVi: z.string().min(3),
  labelEn: z.string().min(3),
  source: z.string().min(3),
  confirmed: z.boolean(),
});
export type SubjectRule = z.infer<typeof SubjectRule>;

/** A temporary waiver of the fee: dated, on some channels, from an e-ID level, for the fees under one legal basis. */
export const WaiverRule = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    labelVi: z.string().min(3),
    labelEn: z.string().min(3),
    legalBasis: z.string().min(3),
    validFrom: IsoDate,
    validTo: IsoDate,
    channels: z.array(z.enum(FEE_CHANNELS)).min(1),
    /** The filer's e-ID level (VNeID) at least this; null: any. */
    minEidLevel: z.number().int().min(1).max(2).nullable(),
    /** The waiver covers a version's fees when their legal basis cites this text (e.g. the residence fee circular). */
    coversFeeLegalBasis: z.string().min(3),
    conditionsVi: z.string().min(3),
    conditionsEn: z.string().min(3),
    source: z.string().min(3),
    confirmed: z.boolean(),
  })
  .refine((w) => w.validFrom <= w.validTo, { message: 'validFrom after validTo', path: ['validTo'] });
export type WaiverRule = z.infer<typeof WaiverRule>;

export const FeeRulesFile = z.object({
  subjects: z.object({ description: z.string(), rules: z.array(SubjectRule) }),
  waivers: z.array(WaiverRule),
});
export interface FeeRules {
  subjects: SubjectRule[];
  waivers: WaiverRule[];
}

let cached: FeeRules | undefined;

/** The reference rules (read and checked once per process; a bad file fails loudly, naming it). */
export function referenceFeeRules(): FeeRules {
  if (!cached) {
    const parsed = FeeRulesFile.safeParse(JSON.parse(readFileSync(FEE_RULES_REFERENCE_FILE, 'utf8')));
    if (!parsed.success) throw new Error(`reference/procedures/fee-exemptions.json: ${parsed.error.message}`);
    cached = { subjects: parsed.data.subjects.rules, waivers: parsed.data.waivers };
  }
  return cached;
}

let notApplied: ReadonlySet<string> = new Set();

/**
 * The waivers the province has decided not to apply (setting FEE_WAIVERS_NOT_APPLIED, read at
 * start): e.g. when its finance department reads the official text of an unconfirmed waiver and
 * finds it does not cover the province's filers. Every code must name a reference waiver; an
 * unknown code stops the start rather than being ignored.
 */
export function setFeeWaiversNotApplied(codes: readonly string[]): void {
  const known = new Set(referenceFeeRules().waivers.map((w) => w.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw new Error(
      `FEE_WAIVERS_NOT_APPLIED names no waiver of reference/procedures/fee-exemptions.json: ${unknown.join(', ')} (known: ${[...known].join(', ') || 'none'})`,
    );
  notApplied = new Set(codes);
}

/** The reference waivers this deployment applies (all but those FEE_WAIVERS_NOT_APPLIED names). */
export function appliedFeeWaivers(): WaiverRule[] {
  return referenceFeeRules().waivers.filter((w) => !notApplied.has(w.code));
}
