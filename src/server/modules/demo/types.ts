/**
 * Public record shapes of the synthetic population generator (re-exported by generator.ts
 * and index.ts). Everything here describes synthetic people only.
 */

/** A current commune or ward of the province, as passed in by the caller. */
export interface CommuneInput {
  code: string;
  name: string;
  /** 'xa' (commune) or 'phuong' (ward); any other value is treated as a commune. */
  type: 'xa' | 'phuong' | (string & Record<never, never>);
}

/** Data-quality defects the generator can inject (codes shared with the data-quality checks). */
export type DefectCode =
  | 'CORRECT.ID_INCONSISTENT'
  | 'COMPLETE.MISSING_ID_CARD'
  | 'CLEAN.DUPLICATE_PERSON'
  | 'CLEAN.HOUSEHOLD_CONFLICT'
  | 'CLEAN.TEXT_NOT_NORMALIZED'
  | 'LIVE.NOT_VERIFIED'
  | 'LIVE.DECEASED_STILL_RESIDENT'
  | 'LIVE.IMPOSSIBLE_AGE';

/** Options of generateProvince(). */
export interface GenerateOptions {
  /** Same seed + same options ⇒ identical output. */
  seed: string;
  /** Target number of people (met to within one household; the manifest reports the actual count). */
  people: number;
  /** The current communes (38 for Lai Châu), passed in rather than read from files. */
  communes: CommuneInput[];
  /** 'YYYY-MM-DD': "today" for ages, verification dates and e-ID activation. */
  referenceDate: string;
  /** Birth-registration code of the province in ID numbers: '012' for Lai Châu. */
  provinceIdCode: string;
  /** Overrides of DEFAULT_DEFECT_RATES (fractions of the eligible records). */
  defectRates?: Partial<Record<DefectCode, number>>;
}

/** A household (hộ) on the residence register. */
export interface HouseholdSeed {
  id: string;
  unitCode: string;
  addressLine: string;
  headPersonId: string;
}

/** A synthetic person. */
export interface PersonSeed {
  id: string;
  nationalId: string | null;
  legacyId: string | null;
  fullName: string;
  /** 'YYYY-MM-DD'; null when only the year is known (some people born before 1960). */
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  ethnicityCode: string;
  /** '00' = none (most common); Decision 1019/QĐ-TCTK codes otherwise. */
  religionCode: string;
  nationality: 'VN';
  birthPlaceProvinceCode: string;
  birthPlaceUnitCode: string | null;
  homeTown: string;
  householdId: string;
  relationToHead: 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'child_in_law' | 'other';
  idCardKind: 'can_cuoc' | 'cccd_chip' | null;
  idCardNumber: string | null;
  idCardIssuedOn: string | null;
  idCardExpiresOn: string | null;
  eIdLevel: 0 | 1 | 2;
  eIdActivatedOn: string | null;
  status: 'alive' | 'deceased';
  deathDate: string | null;
  phone: string | null;
  email: string | null;
  healthInsuranceNo: string | null;
  taxCode: string | null;
  /** 'demo-generator', or 'legacy-import' for injected duplicate records. */
  source: string;
  /** ISO timestamp of the last verification against the national database. */
  lastVerifiedAt: string;
}

/**
 * A residence registration. Permanent ones are open while validTo is null; temporary ones
 * carry the end of their registered term (at most 2 years) and are open until then.
 */
export interface ResidenceSeed {
  id: string;
  personId: string;
  kind: 'permanent' | 'temporary';
  unitCode: string;
  addressLine: string;
  validFrom: string;
  validTo: string | null;
}

/** Ground truth of one injected defect, for testing data-quality checks. */
export interface InjectedDefect {
  code: DefectCode;
  /** The altered record (for duplicates: the extra 'legacy-import' record). */
  personId: string;
  householdId: string;
  /** For duplicates: the original record it copies. */
  originalPersonId?: string;
}

/** A batch of whole households with their people and residences. */
export interface GeneratedBatch {
  households: HouseholdSeed[];
  persons: PersonSeed[];
  residences: ResidenceSeed[];
  /** Ground-truth labels of the defects injected into this batch (not part of the registry data). */
  injected: InjectedDefect[];
}

/** One defect kind in the manifest. */
export interface DefectManifestEntry {
  code: DefectCode;
  /** The rate applied (default or override). */
  rate: number;
  /**
   * Person records a checker should flag: equal to `injected`, except duplicates (both records
   * of each pair) and household conflicts (the members marked head in those households).
   */
  persons: number;
  /** Records altered or added (households, for CLEAN.HOUSEHOLD_CONFLICT) = round(rate × eligible). */
  injected: number;
  /** Size of the base the rate applies to (see DEFECT_RULES). */
  eligible: number;
}

/** What was generated and which defects a checker should find. */
export interface DefectManifest {
  /** Person records generated, including injected duplicate records. */
  people: number;
  households: number;
  defects: DefectManifestEntry[];
}
