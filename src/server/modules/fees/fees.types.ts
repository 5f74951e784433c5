import type { FeeChannel } from '../../../contracts/fees';

/**
 * What the registry says about the applicant, as the fee engine needs it. The dossiers module
 * builds it from the applicant's record; `feeQuote` from the signed-in citizen's own record.
 */
export interface ApplicantFacts {
  personId: string | null;
  /** YYYY-MM-DD; null when the registry holds no full birth date (age reasons cannot be checked). */
  birthDate: string | null;
  /** Ethnic group code of Decision 121-TCTK/PPCĐ ('01' = Kinh, '02'–'54' minorities); null when unknown. */
  ethnicityCode: string | null;
  /** The commune of permanent residence (thường trú) on the filing date. */
  residenceUnitCode: string | null;
  householdId: string | null;
  /** 'declared': the date of birth was declared on the form (a person the registry does not hold yet); default 'registry'. */
  source?: 'registry' | 'declared';
}

/**
 * The person a fee exemption is checked on: the person being registered (Circular 75/2022/TT-BTC
 * Art. 4), who may be another than the filer — a newborn, a person filed for by someone else.
 */
export interface FeeSubject {
  party: 'filer' | 'registered_person' | 'newborn';
  labelVi: string;
  labelEn: string;
  /** Where the facts come from: the registry, the form (declared date of birth), or nothing known. */
  source: 'registry' | 'declared' | 'unknown';
  facts: ApplicantFacts;
}

/** Inputs of one calculation besides the procedure version. */
export interface FeeInput {
  channel: FeeChannel;
  /** The applicant and the members listed on the form, 1–50. */
  persons: number;
  /** The filer's registry facts; the exemptions are checked on them unless `subject` names the person registered. */
  applicant: ApplicantFacts;
  /** The person being registered, when known (fee-subject.ts); absent: the filer. */
  subject?: FeeSubject;
  /** The filer's e-ID level on this filing (1 or 2), or null (paper, unknown): some waivers need level 2. */
  eidLevel?: number | null;
  /** Exemption code the citizen claims, or null: every registry-checkable reason is checked automatically either way. */
  claim: string | null;
  /** The filing date, YYYY-MM-DD (ages and list entries are taken on this day). */
  asOf: string;
  /** Fee item code; default 'standard' (e.g. 'list' for temporary residence registered by list, per person). */
  variant?: string;
}

/** A list entry found for the applicant's unit or household on the filing date. */
export interface ListHit {
  listNameVi: string;
  listNameEn: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  provisional: boolean;
}

/**
 * The lists as of the filing date, restricted to what the applicant's facts can match
 * (built from the database by `loadListLookup`, or by hand in tests).
 */
export interface ListLookup {
  /** Name of a defined list, or undefined when no list with that code exists (it then counts as empty). */
  list(listCode: string): { nameVi: string; nameEn: string } | undefined;
  unit(listCode: string, unitCode: string): ListHit | undefined;
  household(listCode: string, householdId: string): ListHit | undefined;
  /** Full name of a unit on the filing date ("Xã Mù Cả"), or the code when unknown. */
  unitName(unitCode: string): string;
}
