import type { FieldProblem } from '../../../contracts/messages';

/**
 * A problem of one row, kept with the row: field `line.<n>` or `line.<n>.<column>`, the message
 * prefixed with where it is ("Dòng 4, cột "Mã cơ sở": …" / "Line 4, column facility_code: …").
 */
export function rowProblem(
  code: string,
  line: number,
  column: { key: string; labelVi: string } | null,
  vi: string,
  en: string,
): FieldProblem {
  const where = column
    ? { vi: `Dòng ${line}, cột "${column.labelVi}"`, en: `Line ${line}, column ${column.key}` }
    : { vi: `Dòng ${line}`, en: `Line ${line}` };
  return {
    field: column ? `line.${line}.${column.key}` : `line.${line}`,
    code,
    messageVi: `${where.vi}: ${vi}`,
    messageEn: `${where.en}: ${en}`,
  };
}
