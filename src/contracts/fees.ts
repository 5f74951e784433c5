import { z } from 'zod';
import { IsoDate, UnitCode } from './common';
import { bilingual } from './messages';
import { ProcedureCode } from './procedures';

/**
 * Contracts of the fee engine (module `fees`): what a dossier owes (lệ phí) under
 * its procedure version, the exemption (miễn lệ phí, Circular 75/2022/TT-BTC Art. 4) and how it
 * was decided, and the administrator-maintained lists the exemptions are checked against
 * (border communes, communes with extremely difficult conditions, poor households).
 * Amounts are integer VND.
 */

/** How the dossier reaches the agency: 'online' and 'assisted' (counter device) pay the online rate, 'paper' the direct rate. */
export const FEE_CHANNELS = ['online', 'assisted', 'paper'] as const;
export const FeeChannel = z.enum(FEE_CHANNELS, {
  error: bilingual('Kênh nộp phải là online, assisted hoặc paper', 'Channel must be online, assisted or paper'),
});
export type FeeChannel = z.infer<typeof FeeChannel>;

/** Persons a fee may be charged for (the applicant and the members on the form); same bounds as a dossier submission. */
export const FEE_PERSONS_LIMITS = { min: 1, max: 50 } as const;

/** States of an exemption: granted by the registry check; pending / confirmed / rejected by an officer (or rejected by the registry check). */
export const EXEMPTION_STATUSES = ['granted', 'pending', 'confirmed', 'rejected'] as const;
export const ExemptionStatus = z.enum(EXEMPTION_STATUSES);
export type ExemptionStatus = z.infer<typeof ExemptionStatus>;

/** One line of the fee: a fee item of the version at the channel's rate, per dossier or per person. */
export const FeeCalculationLine = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  basis: z.enum(['per_dossier', 'per_person']),
  /** The rate of one unit (one dossier or one person), VND. */
  unit: z.number().int(),
  quantity: z.number().int(),
  amount: z.number().int(),
});
export type FeeCalculationLine = z.infer<typeof FeeCalculationLine>;

/** The exemption considered for the dossier and where it stands. */
export const FeeCalculationExemption = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  legalBasis: z.string(),
  /** 'registry': checked against registry data and the lists; 'proof': needs a document an officer checks. */
  check: z.enum(['registry', 'proof']),
  status: ExemptionStatus,
  /** Why: the registry facts and list entry used, or what the officer must check, or the officer's decision. */
  reasonVi: z.string(),
  reasonEn: z.string(),
  /** The document to attach (proof-based reasons), else null. */
  proofVi: z.string().nullable(),
  proofEn: z.string().nullable(),
  /** Granted on a provisional list entry ("danh sách tạm") that still has to be confirmed by the competent decision. */
  provisional: z.boolean(),
});
export type FeeCalculationExemption = z.infer<typeof FeeCalculationExemption>;

/** Whose facts the exemptions are checked on: the person the procedure registers, not necessarily the filer. */
export const FEE_SUBJECT_PARTIES = ['filer', 'registered_person', 'newborn'] as const;
export const FeeCalculationSubject = z.object({
  /** 'filer': the applicant themself; 'registered_person': another person named on the form; 'newborn': a child not yet in the registry. */
  party: z.enum(FEE_SUBJECT_PARTIES),
  labelVi: z.string(),
  labelEn: z.string(),
  /** Where the facts come from: the registry record, the date of birth declared on the form (checked against the papers), or nothing known. */
  facts: z.enum(['registry', 'declared', 'unknown']),
});
export type FeeCalculationSubject = z.infer<typeof FeeCalculationSubject>;

/** A temporary, dated waiver of the fee (e.g. for online filing), with its legal basis and period. */
export const FeeCalculationWaiver = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  legalBasis: z.string(),
  /** First and last day (inclusive) of the waiver. */
  validFrom: z.string(),
  validTo: z.string(),
  conditionsVi: z.string(),
  conditionsEn: z.string(),
  /** False while the official text is not read: the rule follows public copies of it. */
  confirmed: z.boolean(),
});
export type FeeCalculationWaiver = z.infer<typeof FeeCalculationWaiver>;

/**
 * The fee of a dossier, as shown before payment and stored with the dossier.
 * `amount` is what is due now: `base − exempted − waived`, where the exemption waives the whole of a
 * per-dossier line and the registered person's own share (one person) of a per-person line while it is
 * granted, pending or confirmed, and a temporary waiver in force (`waiver`) waives what remains.
 */
export const FeeCalculation = z.object({
  procedureCode: z.string(),
  versionId: z.string(),
  /** The filing date the calculation is made for (ages, list entries). */
  asOf: z.string(),
  channel: FeeChannel,
  /** The rate applied: online for 'online' and 'assisted', direct for 'paper'. */
  rate: z.enum(['online', 'direct']),
  persons: z.number().int(),
  /** Fee item code used ('standard', or e.g. 'list' for temporary residence registered by list). */
  variant: z.string(),
  /** The exemption the citizen claimed, or null (registry-checkable reasons are checked anyway). */
  claim: z.string().nullable(),
  /** Sum of the lines, before exemption. */
  base: z.number().int(),
  lines: z.array(FeeCalculationLine),
  exemption: FeeCalculationExemption.nullable(),
  /** The part of `base` the exemption waives while it stands. */
  exempted: z.number().int(),
  /** Whose facts the exemption was checked on (absent in calculations stored before it was recorded: the filer). */
  subject: FeeCalculationSubject.optional(),
  /** The temporary waiver applied (null or absent: none); it waives `waived` of what the exemption leaves. */
  waiver: FeeCalculationWaiver.nullable().optional(),
  waived: z.number().int().optional(),
  /** base − exempted − waived. */
  amount: z.number().int(),
  explanationVi: z.array(z.string()),
  explanationEn: z.array(z.string()),
});
export type FeeCalculation = z.infer<typeof FeeCalculation>;

/** GET /api/v1/fees/quote: the fee a signed-in citizen would owe if they filed now. */
export const FeeQuoteQuery = z
  .object({
    procedureCode: z
      .string({ error: bilingual('Chọn thủ tục (mã thủ tục)', 'Choose the procedure (procedure code)') })
      .pipe(ProcedureCode),
    channel: FeeChannel.default('online'),
    persons: z.coerce
      .number({ error: bilingual('Số người phải là một số', 'Persons must be a number') })
      .int(bilingual('Số người phải là số nguyên', 'Persons must be a whole number'))
      .min(
        FEE_PERSONS_LIMITS.min,
        bilingual(`Số người ít nhất là ${FEE_PERSONS_LIMITS.min}`, `Persons is at least ${FEE_PERSONS_LIMITS.min}`),
      )
      .max(
        FEE_PERSONS_LIMITS.max,
        bilingual(`Số người tối đa là ${FEE_PERSONS_LIMITS.max}`, `Persons is at most ${FEE_PERSONS_LIMITS.max}`),
      )
      .default(1),
    claim: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, bilingual('Lý do miễn lệ phí không hợp lệ', 'Invalid exemption reason'))
      .optional(),
    variant: z
      .string()
      .regex(/^[a-z][a-z_]{1,29}$/, bilingual('Mức lệ phí không hợp lệ', 'Invalid fee variant'))
      .optional(),
    /** The date of birth typed on the form for a procedure that registers a newborn (exemptions are the child's). */
    subjectBirthDate: IsoDate.optional(),
  })
  .strict();
export type FeeQuoteQuery = z.infer<typeof FeeQuoteQuery>;

/** The answer of the quote: the procedure, the calculation, and whether the registry knew the citizen. */
export const FeeQuote = z.object({
  procedure: z.object({
    code: z.string(),
    versionId: z.string(),
    version: z.number().int(),
    nameVi: z.string(),
    nameEn: z.string(),
  }),
  calculation: FeeCalculation,
  /** False when the citizen has no record in the province's registry: nothing could be checked automatically. */
  registryRecordFound: z.boolean(),
});
export type FeeQuote = z.infer<typeof FeeQuote>;

/** What a list holds: administrative units (communes) or households. */
export const FEE_LIST_KINDS = ['unit', 'household'] as const;
export const FeeListKind = z.enum(FEE_LIST_KINDS, {
  error: bilingual('Loại danh sách phải là unit hoặc household', 'List kind must be unit or household'),
});
export type FeeListKind = z.infer<typeof FeeListKind>;

/** A list code, as named by the exemption criteria of procedure versions (e.g. border_communes). */
export const FeeListCode = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{1,59}$/,
    bilingual(
      'Mã danh sách chỉ gồm chữ thường, số, dấu gạch dưới',
      'A list code has lower-case letters, digits and underscores',
    ),
  );

/** A list and how many members it has on the date asked. */
export const FeeList = z.object({
  code: z.string(),
  kind: FeeListKind,
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  /** Members on `asOf`, and how many of them come from a provisional entry. */
  activeMembers: z.number().int(),
  provisionalMembers: z.number().int(),
  asOf: z.string(),
});
export type FeeList = z.infer<typeof FeeList>;
export const FeeListPage = z.object({ items: z.array(FeeList) });

/** One membership of a unit or household in a list, for a period, with its source. */
export const FeeListMember = z.object({
  id: z.string(),
  listCode: z.string(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  householdId: z.string().nullable(),
  validFrom: z.string(),
  /** Last day of membership (inclusive); null = open. */
  validTo: z.string().nullable(),
  source: z.string(),
  provisional: z.boolean(),
  /** The source of the end (decision taking the unit off the list), when ended. */
  endSource: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  /** Member on the date asked. */
  active: z.boolean(),
});
export type FeeListMember = z.infer<typeof FeeListMember>;
export const FeeListMembers = z.object({ list: FeeList, items: z.array(FeeListMember) });
export type FeeListMembers = z.infer<typeof FeeListMembers>;

export const FeeListParams = z.object({ code: FeeListCode });
export const FeeListMemberParams = z.object({
  code: FeeListCode,
  id: z.uuid(bilingual('Mã dòng danh sách không hợp lệ', 'Invalid list entry id')),
});

export const FeeListMembersQuery = z.object({
  asOf: IsoDate.optional(),
  /** 'active' = members on `asOf`; 'all' = the whole history. */
  show: z
    .enum(['active', 'all'], { error: bilingual('show phải là active hoặc all', 'show must be active or all') })
    .default('active'),
});
export const FeeListsQuery = z.object({ asOf: IsoDate.optional() });

const source = z
  .string({ error: bilingual('Nhập căn cứ (số, ngày quyết định)', 'Enter the source (decision number and date)') })
  .trim()
  .min(3, bilingual('Nhập căn cứ (số, ngày quyết định)', 'Enter the source (decision number and date)'))
  .max(500, bilingual('Căn cứ tối đa 500 ký tự', 'The source has at most 500 characters'));
const label = (vi: string, en: string) =>
  z
    .string({ error: bilingual(`Nhập ${vi}`, `Enter the ${en}`) })
    .trim()
    .min(3, bilingual(`Nhập ${vi}`, `Enter the ${en}`))
    .max(200, bilingual(`${vi} tối đa 200 ký tự`, `The ${en} has at most 200 characters`));

/** Body of POST /lists: a new list (named afterwards by exemption criteria of procedure versions). */
export const NewFeeListBody = z
  .object({
    code: FeeListCode,
    kind: FeeListKind,
    nameVi: label('tên danh sách', 'list name'),
    nameEn: label('tên tiếng Anh', 'English name'),
    descriptionVi: z.string().trim().max(1000).nullable().default(null),
    descriptionEn: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();
export type NewFeeListBody = z.infer<typeof NewFeeListBody>;

/** Body of POST /lists/:code/members: a unit (unit lists) or a household (household lists) joins from a date. */
export const AddFeeListMemberBody = z
  .object({
    unitCode: UnitCode.optional(),
    householdId: z.uuid(bilingual('Mã hộ gia đình không hợp lệ', 'Invalid household id')).optional(),
    validFrom: IsoDate,
    source,
    /** The entry is provisional ("danh sách tạm") until the competent decision is entered. */
    provisional: z.boolean().default(false),
  })
  .strict();
export type AddFeeListMemberBody = z.infer<typeof AddFeeListMemberBody>;

/** Body of POST /lists/:code/members/:id/end: the last day of membership and the decision that ends it. */
export const EndFeeListMemberBody = z.object({ validTo: IsoDate, source }).strict();
export type EndFeeListMemberBody = z.infer<typeof EndFeeListMemberBody>;

const VND_DIGITS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: true }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, useGrouping: true }),
};

/**
 * An amount as Vietnamese and English readers write it: "10.000 đồng" / "10,000 VND" — the
 * thousands grouped by Intl.NumberFormat('vi-VN') (a dot), whole đồng (amounts are integers).
 * Every place that shows money (fee texts, receipts, notes) goes through this.
 */
export function formatVnd(amount: number, lang: 'vi' | 'en'): string {
  const digits = VND_DIGITS[lang].format(Math.abs(Math.trunc(amount)));
  const sign = amount < 0 ? '-' : '';
  return lang === 'vi' ? `${sign}${digits} đồng` : `${sign}${digits} VND`;
}

/**
 * A text written by the system with bare amounts ("Thanh toán trực tuyến: 7000 đồng", as the
 * payment and refund entries of a dossier's history were stored) with each amount of four digits
 * or more before "đồng" grouped the Vietnamese way ("7.000 đồng"); everything else unchanged.
 */
export function groupVndAmounts(text: string): string {
  return text.replace(/(?<![\d.,])(\d{4,})(?= đồng)/g, (digits) => VND_DIGITS.vi.format(Number(digits)));
}
