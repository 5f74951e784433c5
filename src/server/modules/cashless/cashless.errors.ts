import { AppError } from '../../platform/errors';
import type { FieldProblem } from '../../../contracts/messages';

/**
 * Error codes of the `cashless` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_ALREADY_EXISTS` / `_CONFLICT` 409, `_FORBIDDEN` 403, `_TOO_LARGE` 413.
 */
export const CASHLESS_ERRORS = {
  FACILITY_NOT_FOUND: 'CASHLESS.FACILITY_NOT_FOUND',
  FACILITY_ALREADY_EXISTS: 'CASHLESS.FACILITY_ALREADY_EXISTS',
  FACILITY_INVALID: 'CASHLESS.FACILITY_INVALID',
  TYPE_NOT_FOUND: 'CASHLESS.TYPE_NOT_FOUND',
  TYPE_ALREADY_EXISTS: 'CASHLESS.TYPE_ALREADY_EXISTS',
  SCOPE_FORBIDDEN: 'CASHLESS.SCOPE_FORBIDDEN',
  FILE_INVALID: 'CASHLESS.FILE_INVALID',
  FILE_TOO_LARGE: 'CASHLESS.FILE_TOO_LARGE',
  IMPORT_INVALID: 'CASHLESS.IMPORT_INVALID',
  IMPORT_CONFLICT: 'CASHLESS.IMPORT_CONFLICT',
  STATS_INVALID: 'CASHLESS.STATS_INVALID',
} as const;

/** A 400 naming one field. */
export function fieldInvalid(code: string, field: string, messageVi: string, messageEn: string): AppError {
  return new AppError(code, messageVi, messageEn, [{ field, code, messageVi, messageEn }]);
}

export function facilityNotFound(): AppError {
  return new AppError(CASHLESS_ERRORS.FACILITY_NOT_FOUND, 'Không tìm thấy cơ sở này', 'Facility not found');
}

/** The caller's assignment does not cover the unit (a commune officer editing another commune). */
export function scopeForbidden(unitCode: string): AppError {
  return new AppError(
    CASHLESS_ERRORS.SCOPE_FORBIDDEN,
    `Đơn vị ${unitCode} nằm ngoài phạm vi bạn được giao`,
    `Unit ${unitCode} is outside your assignment`,
    [
      {
        field: 'unitCode',
        code: CASHLESS_ERRORS.SCOPE_FORBIDDEN,
        messageVi: `Ngoài phạm vi được giao: ${unitCode}`,
        messageEn: `Outside your assignment: ${unitCode}`,
      },
    ],
  );
}

/** The uploaded file as a whole cannot be read (format, encoding, header). */
export function fileInvalid(messageVi: string, messageEn: string, field = 'file'): AppError {
  return fieldInvalid(CASHLESS_ERRORS.FILE_INVALID, field, messageVi, messageEn);
}

/** Every problem of an import file's rows, by line; nothing was imported. */
export function importInvalid(problems: readonly FieldProblem[], total: number): AppError {
  const vi = `Tệp có ${total} lỗi, chưa nhập dòng nào. Sửa các dòng được nêu rồi tải lên lại.`;
  const en = `The file has ${total} problem${total === 1 ? '' : 's'}; nothing was imported. Fix the lines listed and upload again.`;
  return new AppError(CASHLESS_ERRORS.IMPORT_INVALID, vi, en, [...problems]);
}
