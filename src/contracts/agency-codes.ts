/**
 * Agency identification codes of QCVN 102:2016/BTTTT ("mã định danh" of agencies in the exchange of
 * electronic documents), the first part of a dossier code `<agency code>-YYMMDD-XXXX`. Four groups,
 * most specific first: `LLL.KK.MM.Gnn`, where `Gnn` (a letter and two digits) is the level-1 body —
 * a province's People's Committee is `000.00.00.Hnn` — and `MM`, `KK`, `LLL` number the levels 2, 3
 * and 4 below it ("000" and "00" where a level is not used).
 */
import { z } from 'zod';

/** An agency code of the QCVN 102:2016 form. */
export const AGENCY_CODE_FORM = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** The code of a level-1 body itself (a province's People's Committee): `000.00.00.Gnn`. */
export const LEVEL1_AGENCY_CODE_FORM = /^000\.00\.00\.[A-Z]\d{2}$/;

/**
 * The province code of the demo and of development machines. No province has the level-1 group
 * `X99` (provinces are `H01`–`H63` before 2025): a dossier code carrying it can never be mistaken
 * for a real province's. Refused in production.
 */
export const DEMO_PROVINCE_AGENCY_CODE = '000.00.00.X99';

/** The level-1 group (`Hnn`) of a code of the QCVN 102:2016 form. */
export function level1Group(agencyCode: string): string {
  return agencyCode.slice(-3);
}

/** The code of a level-2 body (`000.00.MM.Gnn`) under a level-1 body. */
export function level2AgencyCode(level1AgencyCode: string, level2: string): string {
  return `000.00.${level2}.${level1Group(level1AgencyCode)}`;
}

/** One commune-level receiving agency of `reference/admin-units/<province>-agency-codes.json`. */
export const CommuneAgency = z
  .object({
    /** The commune (current two-tier structure) whose one-stop shop receives dossiers. */
    unitCode: z.string().regex(/^\d{5}$/),
    /** The agency's name, for people reading the file. */
    name: z.string().min(1),
    /** The level-2 number under the province (`MM`), when the code is built from the province's. */
    level2: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    /** The whole official code, once the province's official list is loaded. */
    agencyCode: z.string().regex(AGENCY_CODE_FORM).optional(),
    /** True only for a code read from the official list. */
    confirmed: z.boolean(),
  })
  .refine((a) => (a.level2 === undefined) !== (a.agencyCode === undefined), {
    message: 'give either level2 or agencyCode',
  })
  .refine((a) => !a.confirmed || a.agencyCode !== undefined, {
    message: 'a confirmed entry gives the official agencyCode',
  });
export type CommuneAgency = z.infer<typeof CommuneAgency>;

/** A receiving agency's code, and whether it was read from the province's official list. */
export interface ReceivingAgency {
  code: string;
  /** False while the code is a placeholder, not read from the province's official list. */
  confirmed: boolean;
}

/** The code of one listed agency under a province whose own code is `provinceAgencyCode`: the official code, else the placeholder. */
export function agencyCodeOfEntry(entry: CommuneAgency, provinceAgencyCode: string): ReceivingAgency {
  return entry.agencyCode
    ? { code: entry.agencyCode, confirmed: entry.confirmed }
    : { code: level2AgencyCode(provinceAgencyCode, entry.level2!), confirmed: false };
}

/** Schema of `reference/admin-units/<province>-agency-codes.json`. */
export const AgencyCodesFile = z.object({
  description: z.string().min(1),
  source: z.string().min(1),
  provinceCode: z.string().regex(/^\d{2}$/),
  agencies: z.array(CommuneAgency).superRefine((agencies, ctx) => {
    const units = new Set<string>();
    const numbers = new Set<string>();
    for (const a of agencies) {
      if (units.has(a.unitCode)) ctx.addIssue({ code: 'custom', message: `unit ${a.unitCode} is listed twice` });
      units.add(a.unitCode);
      const number = a.agencyCode ?? a.level2!;
      if (numbers.has(number)) ctx.addIssue({ code: 'custom', message: `code ${number} is given twice` });
      numbers.add(number);
    }
  }),
});
export type AgencyCodesFile = z.infer<typeof AgencyCodesFile>;
