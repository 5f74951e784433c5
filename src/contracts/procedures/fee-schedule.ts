import { z } from 'zod';
import { bilingual } from '../messages';
import { Label } from './label';

/** The fees a procedure version fixes: fee lines and the reasons for exemption. */

/** One fee line of a procedure, in integer VND, per dossier or per person. */
export const FeeItem = z.object({
  code: z.string().regex(/^[a-z][a-z_]{1,29}$/),
  labelVi: Label,
  labelEn: Label,
  basis: z.enum(['per_dossier', 'per_person']),
  direct: z.number().int().min(0).max(100_000_000),
  online: z.number().int().min(0).max(100_000_000),
});
export type FeeItem = z.infer<typeof FeeItem>;

/** A rule the registry can check for an exemption (age on the filing day, commune lists, household lists). */
export const ExemptionCriterion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('age_below'), years: z.number().int().min(1).max(150) }),
  z.object({ kind: z.literal('age_at_least'), years: z.number().int().min(1).max(150) }),
  z.object({ kind: z.literal('ethnic_minority_in_unit_list'), list: z.string().max(60) }),
  z.object({ kind: z.literal('resident_in_unit_list'), list: z.string().max(60) }),
  z.object({ kind: z.literal('household_in_list'), list: z.string().max(60) }),
]);
export type ExemptionCriterion = z.infer<typeof ExemptionCriterion>;

/** A reason for exemption (miễn lệ phí): checked against registry data, or proven by a document. */
export const FeeExemption = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    labelVi: Label,
    labelEn: Label,
    legalBasis: z.string().max(200),
    check: z.enum(['registry', 'proof']),
    criterion: ExemptionCriterion.nullable(),
    proofVi: z.string().max(300).nullable(),
    proofEn: z.string().max(300).nullable(),
  })
  .refine((e) => e.check === 'proof' || e.criterion !== null, {
    message: bilingual('Lý do kiểm tra qua CSDL cần có tiêu chí', 'A registry-checked exemption needs a criterion'),
    path: ['criterion'],
  });
export type FeeExemption = z.infer<typeof FeeExemption>;

/** Fees of a version (no items = free of charge). */
export const Fees = z.object({
  legalBasis: z.string().max(300).nullable(),
  items: z.array(FeeItem).max(10),
  exemptions: z.array(FeeExemption).max(30),
  noteVi: z.string().max(1000).nullable(),
  noteEn: z.string().max(1000).nullable(),
});
export type Fees = z.infer<typeof Fees>;
