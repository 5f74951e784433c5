import { z } from 'zod';

/**
 * What the approval of a dossier does to the population registry, as data on the procedure
 * version (issue 13 §2): the kind of change (each kind is one named, tested function of the
 * `dossiers` module calling one command of `population`) and which form fields hold its inputs.
 * A version without an effect changes nothing in the registry.
 */
const FieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);

/** Where a new residence's address is on the form: a commune field, the village, the house and street. */
const AddressFields = z.object({ commune: FieldName, village: FieldName, street: FieldName.optional() });

export const RegistryEffect = z.discriminatedUnion('kind', [
  /**
   * 1.004222: the applicant (and the members named on the form) get the new permanent residence
   * from the decision date, the old one ending the day before; they join the household of the head
   * named (relation from the form), or a new household is created with the applicant as head.
   */
  z.object({
    kind: z.literal('register_permanent_residence'),
    address: AddressFields,
    headNationalId: FieldName,
    relationToHead: FieldName,
    members: FieldName.optional(),
  }),
  /** 1.004194: a temporary residence from the decision date until the end date on the form (at most the legal limit). */
  z.object({
    kind: z.literal('register_temporary_residence'),
    address: AddressFields,
    /** The form field with the end date asked for; absent: the legal limit. */
    until: FieldName.optional(),
    /** The longest temporary residence one registration gives, in years (Residence Law 2020 Art. 27(3): 2). */
    maxYears: z.number().int().min(1).max(5),
  }),
  /**
   * 1.002755: the temporary residence in force gets a new last day, the date asked, at most `maxYears`
   * from the decision (Residence Law 2020 Art. 27(3): 2 years, extendable again).
   */
  z.object({
    kind: z.literal('extend_temporary_residence'),
    until: FieldName,
    maxYears: z.number().int().min(1).max(5),
  }),
  /**
   * 1.003197 / 1.010028: the applicant's (and the members named on the form) permanent or temporary
   * residence in force ends on the decision date, with the legal ground chosen on the form (a select
   * whose options are the grounds of Residence Law 2020 Art. 24(1) / 29(1)).
   */
  z.object({
    kind: z.literal('end_residence'),
    residence: z.enum(['permanent', 'temporary']),
    ground: FieldName,
    members: FieldName.optional(),
  }),
  /** 1.003677: a period of temporary absence recorded on the applicant, with where they go. */
  z.object({
    kind: z.literal('record_temporary_absence'),
    from: FieldName,
    until: FieldName,
    destination: FieldName,
    reason: FieldName.optional(),
  }),
  /**
   * 1.010038: the applicant and the members named on the form leave their household for a new one at
   * the same dwelling and commune, headed by the person whose ID number is in `headNationalId`.
   */
  z.object({
    kind: z.literal('split_household'),
    headNationalId: FieldName,
    /** The applicant's relation to the new head. */
    relationToHead: FieldName,
    members: FieldName,
  }),
  /**
   * 1.010039: a change of residence data with before / after kept — a new household head (Residence
   * Law 2020 Art. 26(1)(a), with the members' relations to the new head from the members table), or a
   * new address line of the dwelling (Art. 26(1)(c), e.g. renumbered house or renamed street).
   */
  z.object({
    kind: z.literal('adjust_residence_data'),
    /** The select saying what changes: its values are `household_head` and `address_line`. */
    what: FieldName,
    headNationalId: FieldName,
    addressLine: FieldName,
    members: FieldName.optional(),
  }),
  /**
   * 1.001193 (civil status): the newborn becomes a person of the registry with a new personal ID
   * number (the outcome the dossier shows), in the commune where the birth is registered.
   */
  z.object({
    kind: z.literal('register_birth'),
    fullName: FieldName,
    birthDate: FieldName,
    sex: FieldName,
    ethnicity: FieldName.optional(),
    nationality: FieldName.optional(),
  }),
  /**
   * 1.000656 (civil status): the person whose ID number is on the form is recorded as deceased from
   * the date of death, after the name and birth date typed are checked against the registry.
   */
  z.object({
    kind: z.literal('record_death'),
    nationalId: FieldName,
    fullName: FieldName,
    birthDate: FieldName,
    deathDate: FieldName,
  }),
  /**
   * 2.001159: a stay notification is recorded when it is filed — no officer decision — with the
   * host (the applicant), the address, the period and the guests; the dossier is complete at once and
   * the commune police see the stay. The guests' registry records are untouched.
   */
  z.object({
    kind: z.literal('record_stay'),
    address: FieldName,
    arrival: FieldName,
    departure: FieldName,
    reason: FieldName.optional(),
    guests: FieldName,
  }),
  /**
   * Interlinked group 1, the residence step: the child registered by the birth step (its record from
   * the group's outcome) gets permanent residence in the household whose head's ID number is on the
   * form, at that household's address, with the relation typed.
   */
  z.object({
    kind: z.literal('register_newborn_residence'),
    headNationalId: FieldName,
    relationToHead: FieldName,
  }),
  /**
   * Interlinked group 2, the residence step: the permanent residence of the person the death step
   * recorded as deceased ends on the decision date (Residence Law 2020 Art. 24(1)(a)).
   */
  z.object({ kind: z.literal('end_residence_of_deceased'), nationalId: FieldName }),
  /**
   * 1.000894 (civil status): the marriage of the applicant and the other party named on the form (by
   * ID number when in the registry — then linked — or passport), checked for age and an existing marriage.
   */
  z.object({
    kind: z.literal('record_marriage'),
    partnerNationalId: FieldName,
    partnerFullName: FieldName,
    partnerBirthDate: FieldName,
  }),
]);

/** What a decision's registry effect produced, kept on the dossier and shown to the citizen (e.g. a newborn's number). */
export const RegistryOutcome = z.object({
  /** Birth registration: the newborn's record and new personal ID number. */
  childPersonId: z.string().optional(),
  childNationalId: z.string().optional(),
  childFullName: z.string().optional(),
  /** Death registration: the ID number of the person now recorded as deceased. */
  deceasedNationalId: z.string().optional(),
  /** Interlinked birth group: where the child's permanent residence was registered (the household's address). */
  childResidence: z.object({ unitCode: z.string(), addressLine: z.string() }).optional(),
  /** Interlinked death group: whether a permanent residence in force was deleted (false: none in the registry). */
  deceasedResidenceEnded: z.boolean().optional(),
});
export type RegistryOutcome = z.infer<typeof RegistryOutcome>;
export type RegistryEffect = z.infer<typeof RegistryEffect>;
