import { z } from 'zod';
import { IsoDate, UnitCode } from './common';

/** An administrative unit as the API shows it. */
export const Unit = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  type: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

/** A unit with the names its predecessors had before they merged into it (list with `withFormerNames=true`). */
export const UnitWithFormerNames = Unit.extend({ formerNames: z.array(z.string()).optional() });
export type UnitWithFormerNames = z.infer<typeof UnitWithFormerNames>;

/** A unit with its children, as of one date. */
export type UnitNode = Unit & { children: UnitNode[] };
export const UnitNode: z.ZodType<UnitNode> = Unit.extend({ children: z.lazy(() => z.array(UnitNode)) }).meta({
  id: 'UnitNode',
});

export const AsOfQuery = z.object({ asOf: IsoDate.optional() });

export const UnitListQuery = z.object({
  asOf: IsoDate.optional(),
  level: z.enum(['province', 'district', 'commune']).optional(),
  parentCode: UnitCode.optional(),
  q: z.string().max(100).optional(),
  /** Add each unit's predecessors' names before the 2025 merger (`formerNames`), to find a commune by its old name. */
  withFormerNames: z.enum(['true', 'false']).optional(),
});

export const UnitCodeParams = z.object({ code: UnitCode });

/** A link of the 2025 reorganisation: an old unit merged (wholly or partly) into a new one. */
export const UnitLink = z.object({ unit: Unit, type: z.enum(['full', 'partial']), effectiveOn: z.string() });
export type UnitLink = z.infer<typeof UnitLink>;
