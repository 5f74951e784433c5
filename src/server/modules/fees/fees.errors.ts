import { AppError } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';

/**
 * Error codes of the `fees` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_CONFLICT` / `_ALREADY_EXISTS` 409, `_FORBIDDEN` 403.
 */
export const FEE_ERRORS = {
  INPUT_INVALID: 'FEE.INPUT_INVALID',
  PROCEDURE_INVALID: 'FEE.PROCEDURE_INVALID',
  CLAIM_INVALID: 'FEE.CLAIM_INVALID',
  DECISION_INVALID: 'FEE.DECISION_INVALID',
  DECISION_CONFLICT: 'FEE.DECISION_CONFLICT',
  LIST_NOT_FOUND: 'FEE.LIST_NOT_FOUND',
  LIST_ALREADY_EXISTS: 'FEE.LIST_ALREADY_EXISTS',
  MEMBER_INVALID: 'FEE.MEMBER_INVALID',
  MEMBER_NOT_FOUND: 'FEE.MEMBER_NOT_FOUND',
  MEMBER_CONFLICT: 'FEE.MEMBER_CONFLICT',
  SCOPE_FORBIDDEN: 'FEE.SCOPE_FORBIDDEN',
} as const;

function fieldError(code: string, field: string, vi: string, en: string): AppError {
  return new AppError(code, vi, en, [{ field, code, messageVi: vi, messageEn: en }]);
}

/** A wrong input of a calculation (channel, persons, filing date, fee variant), naming the field. */
export function inputInvalid(field: string, vi: string, en: string): AppError {
  return fieldError(FEE_ERRORS.INPUT_INVALID, field, vi, en);
}

/** The procedure of a quote is not in the catalog on the date (a 400 of the query, not a missing page). */
export function procedureInvalid(code: string, asOf: string): AppError {
  return fieldError(
    FEE_ERRORS.PROCEDURE_INVALID,
    'procedureCode',
    `Không có thủ tục mã ${code} có hiệu lực vào ngày ${formatDateVi(asOf)}`,
    `No procedure ${code} is in force on ${asOf}`,
  );
}

/** The claimed exemption is not one of the procedure version's reasons. */
export function claimInvalid(claim: string, known: readonly string[]): AppError {
  const list = known.length > 0 ? known.join(', ') : '—';
  return fieldError(
    FEE_ERRORS.CLAIM_INVALID,
    'claim',
    `Thủ tục này không có lý do miễn lệ phí "${claim}" (các lý do: ${list})`,
    `This procedure has no exemption reason "${claim}" (reasons: ${list})`,
  );
}

export function decisionInvalid(field: string, vi: string, en: string): AppError {
  return fieldError(FEE_ERRORS.DECISION_INVALID, field, vi, en);
}

/** Only a pending exemption can be confirmed or rejected. */
export function decisionConflict(status: string | null): AppError {
  const what = status === null ? 'không có lý do miễn nào đang chờ xét' : `lý do miễn đang ở trạng thái "${status}"`;
  const whatEn = status === null ? 'there is no exemption waiting for a decision' : `the exemption is "${status}"`;
  return new AppError(
    FEE_ERRORS.DECISION_CONFLICT,
    `Không thể xác nhận hay từ chối: ${what}`,
    `Cannot confirm or reject: ${whatEn}`,
  );
}

export function listNotFound(code: string): AppError {
  return new AppError(FEE_ERRORS.LIST_NOT_FOUND, `Không có danh sách "${code}"`, `No list "${code}"`);
}

export function listAlreadyExists(code: string): AppError {
  return fieldError(
    FEE_ERRORS.LIST_ALREADY_EXISTS,
    'code',
    `Đã có danh sách mã "${code}"`,
    `A list "${code}" already exists`,
  );
}

export function memberInvalid(field: string, vi: string, en: string): AppError {
  return fieldError(FEE_ERRORS.MEMBER_INVALID, field, vi, en);
}

export function memberNotFound(): AppError {
  return new AppError(
    FEE_ERRORS.MEMBER_NOT_FOUND,
    'Không tìm thấy dòng này trong danh sách',
    'No such entry in the list',
  );
}

/** A new membership would overlap one already recorded for the same unit or household. */
export function memberConflict(field: string, existingFrom: string, existingTo: string | null): AppError {
  const until = existingTo ? `đến ${formatDateVi(existingTo)}` : 'đến nay';
  return fieldError(
    FEE_ERRORS.MEMBER_CONFLICT,
    field,
    `Đã có trong danh sách từ ${formatDateVi(existingFrom)} ${until}; hãy kết thúc dòng cũ trước`,
    `Already in the list from ${existingFrom} to ${existingTo ?? 'now'}; end that entry first`,
  );
}

/** Lists apply to the whole province: only a province-wide administrator edits them. */
export function scopeForbidden(): AppError {
  return new AppError(
    FEE_ERRORS.SCOPE_FORBIDDEN,
    'Danh sách miễn lệ phí áp dụng cho cả tỉnh: chỉ quản trị viên cấp tỉnh được sửa',
    'Fee exemption lists apply to the whole province: only a province-wide administrator may edit them',
  );
}
