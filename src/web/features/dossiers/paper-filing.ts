import type { FieldProblem } from '../../../contracts/messages';
import type { FeeItem, RequiredDocument } from '../../../contracts/procedures';
import type { Unit } from '../../../contracts/units';

/** What the officer chooses before typing the form (step 1 of the paper filing page). */
export interface PaperIntake {
  procedureCode: string;
  unitCode: string;
  nationalId: string;
}

/** A personal ID number as the server takes it: exactly 12 digits. */
export const NATIONAL_ID_PATTERN = /^\d{12}$/;

/** The ID number as typed from the card, with the spaces officers put between groups of digits removed. */
export function normalizeNationalId(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '') : '';
}

/**
 * The communes where the signed-in officer may receive a paper filing: the units where the
 * session allows `dossiers.enter` (`Me.actionUnits`, computed by the server per grant) that are
 * communes today (the server takes only a commune, and checks the right there again).
 */
export function receivingUnits(
  allowed: readonly string[],
  units: readonly Pick<Unit, 'code' | 'level' | 'fullName'>[],
): Array<{ code: string; name: string }> {
  const granted = new Set(allowed);
  return units
    .filter((u) => u.level === 'commune' && granted.has(u.code))
    .map((u) => ({ code: u.code, name: u.fullName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The documents of a paper filing. The form document itself (e.g. `ct01` for form CT01) is what
 * the officer types in, so the server never requires its file; the signed paper may still be
 * scanned and attached, described by `formNote` instead of the online filing's note.
 */
export function paperDocuments(
  documents: readonly RequiredDocument[],
  formCode: string | null,
  formNote: string,
): RequiredDocument[] {
  const formDoc = formCode ? formCode.toLowerCase().replace(/-/g, '_') : null;
  return documents.map((d) => (d.code === formDoc ? { ...d, required: false, noteVi: formNote, noteEn: formNote } : d));
}

/** The fee items charged at the counter (the direct rate; exemptions are applied by the server on filing). */
export function counterFeeItems(
  items: readonly FeeItem[],
): Array<Pick<FeeItem, 'code' | 'labelVi' | 'labelEn' | 'basis'> & { amount: number }> {
  return items
    .filter((f) => f.direct > 0)
    .map((f) => ({ code: f.code, labelVi: f.labelVi, labelEn: f.labelEn, basis: f.basis, amount: f.direct }));
}

/** The step-1 input an API field of the submission is about (the applicant, the unit, the procedure). */
const INTAKE_FIELD: Record<string, keyof PaperIntake> = {
  applicantNationalId: 'nationalId',
  unitCode: 'unitCode',
  procedureCode: 'procedureCode',
  procedureVersionId: 'procedureCode',
};

/** The problems of step 1 among those the form and the documents did not take, each with its input. */
export function intakeProblems(problems: readonly FieldProblem[]): Array<FieldProblem & { input: keyof PaperIntake }> {
  return problems.flatMap((p) => {
    const input = INTAKE_FIELD[p.field];
    return input ? [{ ...p, input }] : [];
  });
}
