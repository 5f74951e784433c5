import { AppError, invalidField } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';

/** Error codes of help desks (the suffix gives the HTTP status, platform/errors.ts). */
export const HELP_DESK_ERRORS = {
  NOT_FOUND: 'HELP_DESK.NOT_FOUND',
  UNIT_INVALID: 'HELP_DESK.UNIT_INVALID',
  KIND_INVALID: 'HELP_DESK.KIND_INVALID',
  DATE_INVALID: 'HELP_DESK.DATE_INVALID',
  CONFLICT: 'HELP_DESK.CONFLICT',
  CLOSED_CONFLICT: 'HELP_DESK.CLOSED_CONFLICT',
  FORBIDDEN: 'HELP_DESK.FORBIDDEN',
} as const;

/** Vietnamese and English name of each kind of desk, for messages. */
export const KIND_NAMES: Record<string, [string, string]> = {
  one_stop_counter: ['Bộ phận Một cửa', 'one-stop counter'],
  police: ['Công an', 'police'],
  service_centre: ['Trung tâm Phục vụ hành chính công', 'Public Administration Service Centre'],
};

/** No desk with this id (or one outside the caller's units: the same answer). */
export function helpDeskNotFound(id: string): AppError {
  return new AppError(HELP_DESK_ERRORS.NOT_FOUND, `Không tìm thấy nơi hỗ trợ ${id}`, `Help desk ${id} not found`);
}

/** Another row of the same unit and kind holds on some of these days. */
export function helpDeskOverlaps(other: { name: string; validFrom: string; validTo: string | null }): AppError {
  const toVi = other.validTo ? `đến ${formatDateVi(other.validTo)}` : 'đến nay';
  return new AppError(
    HELP_DESK_ERRORS.CONFLICT,
    `Đã có "${other.name}" (từ ${formatDateVi(other.validFrom)} ${toVi}) cho đơn vị và loại này: hãy thay thế hoặc đóng bản ghi đó`,
    `"${other.name}" (${other.validFrom} → ${other.validTo ?? 'now'}) already holds for this unit and kind: replace or close it`,
    [
      {
        field: 'validFrom',
        code: HELP_DESK_ERRORS.CONFLICT,
        messageVi: `Trùng thời gian với "${other.name}"`,
        messageEn: `Overlaps "${other.name}"`,
      },
    ],
  );
}

/** Only an open row may be closed or replaced. */
export function helpDeskClosed(validTo: string): AppError {
  return new AppError(
    HELP_DESK_ERRORS.CLOSED_CONFLICT,
    `Bản ghi này đã đóng (hiệu lực đến ${formatDateVi(validTo)}); bản ghi cũ được giữ nguyên để tra cứu lịch sử`,
    `This row is already closed (valid until ${validTo}); old rows are kept as history`,
  );
}

/** A date field before the first day it may take. */
export function helpDeskDateTooEarly(field: string, earliest: string): AppError {
  return invalidField(
    HELP_DESK_ERRORS.DATE_INVALID,
    field,
    `Ngày phải từ ${formatDateVi(earliest)} trở đi`,
    `The date must be ${earliest} or later`,
  );
}

/** The caller may not manage the desks of this unit (outside their units). */
export function helpDeskUnitForbidden(unitCode: string): AppError {
  return new AppError(
    HELP_DESK_ERRORS.FORBIDDEN,
    `Bạn không được giao quản lý đơn vị ${unitCode}`,
    `You do not manage unit ${unitCode}`,
  );
}
