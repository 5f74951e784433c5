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
]);
export type RegistryEffect = z.infer<typeof RegistryEffect>;
