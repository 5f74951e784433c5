/**
 * Which documents a procedure asks for (its `RequiredDocument` codes) a store document may stand in
 * for, by document type. A CT07 confirmation of residence information states the permanent and
 * temporary residence, the household head and the relation to them (Residence Law 2020, Circular
 * 66/2023/TT-BCA form CT07), so it proves the relation to the household head and the current
 * place of residence. Assumed from the form's content, not from a list in law: unconfirmed (ADR 0036).
 */
export const REUSABLE_FOR: Readonly<Record<string, readonly string[]>> = {
  CT07: ['relationship', 'current_place_proof'],
};

/** The procedure document codes a store document of this type may replace. */
export const documentCodesServedBy = (documentType: string): readonly string[] => REUSABLE_FOR[documentType] ?? [];
