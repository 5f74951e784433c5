import { AppError } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';
import type { FieldProblem } from '../../../contracts/messages';

/** Error codes of the `procedures` module (the suffix gives the HTTP status, platform/errors.ts). */
export const PROCEDURE_ERRORS = {
  NOT_FOUND: 'PROCEDURE.NOT_FOUND',
  VERSION_NOT_FOUND: 'PROCEDURE.VERSION_NOT_FOUND',
  DEFINITION_INVALID: 'PROCEDURE.DEFINITION_INVALID',
  EFFECTIVE_FROM_INVALID: 'PROCEDURE.EFFECTIVE_FROM_INVALID',
  VERSION_CONFLICT: 'PROCEDURE.VERSION_CONFLICT',
  FEE_INVALID: 'PROCEDURE.FEE_INVALID',
  PREFILL_FORBIDDEN: 'PROCEDURE.PREFILL_FORBIDDEN',
} as const;

/** No version of `code` is in force on `asOf`. */
export function procedureNotFound(code: string, asOf: string): AppError {
  return new AppError(
    PROCEDURE_ERRORS.NOT_FOUND,
    `Không tìm thấy thủ tục mã ${code} có hiệu lực vào ngày ${formatDateVi(asOf)}`,
    `No procedure ${code} in force on ${asOf}`,
    [
      {
        field: 'code',
        code: PROCEDURE_ERRORS.NOT_FOUND,
        messageVi: `Không có thủ tục mã ${code} vào ngày ${formatDateVi(asOf)}`,
        messageEn: `No procedure ${code} on ${asOf}`,
      },
    ],
  );
}

/** A definition that fails the checks of the catalog (schema, field sources, fees). */
export function definitionInvalid(fields: FieldProblem[]): AppError {
  const first = fields[0];
  return new AppError(
    PROCEDURE_ERRORS.DEFINITION_INVALID,
    first ? `Định nghĩa thủ tục chưa hợp lệ: ${first.messageVi}` : 'Định nghĩa thủ tục chưa hợp lệ',
    first ? `Invalid procedure definition: ${first.messageEn}` : 'Invalid procedure definition',
    fields,
  );
}

/** One field problem of a definition. */
export function problem(field: string, messageVi: string, messageEn: string): FieldProblem {
  return { field, code: PROCEDURE_ERRORS.DEFINITION_INVALID, messageVi, messageEn };
}
