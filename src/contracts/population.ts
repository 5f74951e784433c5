import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, PageQuery, UnitCode, pageOf } from './common';

/** A 12-digit personal identification number (format only; consistency is checked by the ID rules). */
export const NationalId = z
  .string()
  .regex(
    /^\d{12}$/,
    bilingual('Số định danh cá nhân phải gồm đúng 12 chữ số', 'The personal ID number must be exactly 12 digits'),
  );

export const Sex = z.enum(['male', 'female']);

/** Body of POST /population/validate-id. */
export const ValidateIdBody = z
  .object({
    id: z.string().max(64, bilingual('Số định danh quá dài', 'ID number too long')),
    birthDate: IsoDate.optional(),
    sex: Sex.optional(),
  })
  .strict();

export const IdProblem = z.object({
  code: z.string(),
  field: z.string(),
  messageVi: z.string(),
  messageEn: z.string(),
});
export const ValidateIdResult = z.object({
  valid: z.boolean(),
  decoded: z
    .object({ provinceCode: z.string(), provinceName: z.string().nullable(), sex: Sex, birthYear: z.number() })
    .optional(),
  problems: z.array(IdProblem),
});
export type ValidateIdResult = z.infer<typeof ValidateIdResult>;

/** Body of POST /population/persons/search: by ID number (exact) or by name with filters. */
export const PersonSearchBody = PageQuery.extend({
  nationalId: NationalId.optional(),
  name: z
    .string()
    .trim()
    .min(2, bilingual('Nhập ít nhất 2 ký tự của họ tên', 'Enter at least 2 characters of the name'))
    .max(100, bilingual('Họ tên tối đa 100 ký tự', 'Name is at most 100 characters'))
    .optional(),
  birthDate: IsoDate.optional(),
  birthYear: z.coerce
    .number()
    .int()
    .min(1850, bilingual('Năm sinh không hợp lệ', 'Invalid birth year'))
    .max(2100, bilingual('Năm sinh không hợp lệ', 'Invalid birth year'))
    .optional(),
  unitCode: UnitCode.optional(),
  /** Purpose of the search (recorded in the access log with each person found). */
  purpose: z
    .string()
    .regex(/^[a-z_]{2,40}$/, bilingual('Mục đích tra cứu không hợp lệ', 'Invalid purpose code'))
    .optional(),
})
  .strict()
  .refine((b) => b.nationalId || b.name, {
    message: bilingual('Nhập số định danh hoặc họ tên để tìm', 'Enter an ID number or a name to search'),
    path: ['name'],
  });

/** A person in a search result: enough to pick the right one, nothing sensitive. */
export const PersonSummary = z.object({
  id: z.string(),
  nationalId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number(),
  sex: Sex,
  residenceUnitCode: z.string().nullable(),
  residenceUnitName: z.string().nullable(),
  status: z.enum(['alive', 'deceased']),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
/** A page of search results; `fuzzy` = no exact match, these are similar names. */
export const PersonPage = pageOf(PersonSummary).extend({ fuzzy: z.boolean() });
export type PersonPageResult = z.infer<typeof PersonPage>;

export const Residence = z.object({
  kind: z.enum(['permanent', 'temporary']),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  addressLine: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** The dossier whose decision registered it (null: loaded from the national registry). */
  dossierCode: z.string().nullable().optional(),
});

/** A change a decision made to the person's record: a dated history line linked to its dossier. */
export const RegistryChangeLine = z.object({
  kind: z.string(),
  effectiveOn: z.string(),
  dossierCode: z.string(),
  at: z.string(),
  /** The changed fields before and after (e.g. relationToHead, addressLine, ground, absence). */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export type RegistryChangeLine = z.infer<typeof RegistryChangeLine>;

export const QualityFinding = z.object({
  ruleCode: z.string(),
  class: z.enum(['correct', 'complete', 'clean', 'live']),
  severity: z.enum(['error', 'warning']),
  titleVi: z.string(),
  titleEn: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type QualityFinding = z.infer<typeof QualityFinding>;

/** The registry officer's view of one person. */
export const PersonDetail = PersonSummary.extend({
  legacyId: z.string().nullable(),
  ethnicityCode: z.string().nullable(),
  ethnicityName: z.string().nullable(),
  religionCode: z.string().nullable(),
  religionName: z.string().nullable(),
  nationality: z.string(),
  birthPlaceProvinceCode: z.string().nullable(),
  birthPlaceUnitCode: z.string().nullable(),
  homeTown: z.string().nullable(),
  household: z
    .object({
      id: z.string(),
      addressLine: z.string(),
      unitCode: z.string(),
      relationToHead: z.string().nullable(),
      members: z.array(
        z.object({
          id: z.string(),
          fullName: z.string(),
          birthYear: z.number(),
          relationToHead: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  residences: z.array(Residence),
  /** Changes made by decisions on dossiers, newest first. */
  changes: z.array(RegistryChangeLine),
  idCard: z.object({
    kind: z.string().nullable(),
    number: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
  }),
  eId: z.object({ level: z.number().int(), activatedOn: z.string().nullable() }),
  deathDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  healthInsuranceNo: z.string().nullable(),
  taxCode: z.string().nullable(),
  source: z.string(),
  lastVerifiedAt: z.string().nullable(),
  updatedAt: z.string(),
  findings: z.array(QualityFinding),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** Why an officer opens a person's record (PDP Law 91/2025: processing only for a stated purpose). */
export const PurposeQuery = z.object({
  purpose: z
    .string({ error: bilingual('Hãy chọn mục đích tra cứu', 'Choose the purpose of this access') })
    .regex(/^[a-z_]{2,40}$/, bilingual('Mục đích tra cứu không hợp lệ', 'Invalid purpose code')),
});

export const PersonIdParams = z.object({
  id: z.string().uuid(bilingual('Mã hồ sơ công dân không hợp lệ', 'Invalid person record id')),
});

/** Score of one commune (or the province) in a quality run: share of persons with no finding. */
export const QualityScore = z.object({
  unitCode: z.string(),
  unitName: z.string().nullable(),
  persons: z.number().int(),
  personsWithFindings: z.number().int(),
  score: z.number(),
  byClass: z.record(z.string(), z.number()),
});
export type QualityScore = z.infer<typeof QualityScore>;

export const QualityReport = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  finishedAt: z.string().nullable(),
  province: QualityScore,
  communes: z.array(QualityScore),
  rules: z.array(
    z.object({
      code: z.string(),
      class: z.string(),
      severity: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      findings: z.number().int(),
    }),
  ),
});
export type QualityReport = z.infer<typeof QualityReport>;

export const QualityRunBody = z.object({ asOf: IsoDate.optional() }).strict();
export const QualityFindingsQuery = PageQuery.extend({
  unitCode: UnitCode.optional(),
  ruleCode: z.string().max(64).optional(),
});

/**
 * The household head's ID number typed on a residence form, checked against the registry at filing
 * (the officer sees the result instead of an unverified number): `ok` = a living person, head of a
 * household in the commune the form names.
 */
export const HouseholdHeadCheck = z.object({
  nationalId: z.string(),
  result: z.enum(['ok', 'not_found', 'deceased', 'not_head', 'other_commune']),
  /** The registry's name of that person (null when not found), to compare with the name typed. */
  registryName: z.string().nullable(),
  /** The name typed on the form matches the registry's (Vietnamese name rules, DOMAIN.md §9). */
  nameMatches: z.boolean().nullable(),
  /** Commune and address of the person's household in the registry. */
  householdUnitCode: z.string().nullable(),
  householdAddress: z.string().nullable(),
  checkedAt: z.string(),
});
export type HouseholdHeadCheck = z.infer<typeof HouseholdHeadCheck>;

/** GET /api/v1/population/stays: the stays notified (2.001159) covering a day, in the reader's communes. */
export const StaysQuery = z
  .object({
    /** The day (YYYY-MM-DD, Vietnam); default today. */
    on: IsoDate.optional(),
    unitCode: UnitCode.optional(),
  })
  .strict();
export type StaysQuery = z.infer<typeof StaysQuery>;

export const StayLine = z.object({
  dossierCode: z.string(),
  unitCode: z.string(),
  hostName: z.string(),
  address: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  reason: z.string().nullable(),
  guests: z.array(z.object({ fullName: z.string(), nationalId: z.string() })),
  recordedAt: z.string(),
});
export const StayList = z.object({ on: z.string(), items: z.array(StayLine) });
export type StayList = z.infer<typeof StayList>;
