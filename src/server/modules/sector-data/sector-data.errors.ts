import { AppError } from '../../platform/errors';

/**
 * Error codes of the `sector-data` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_CONFLICT` 409, `_FORBIDDEN` 403, `_TOO_LARGE` 413.
 */
export const SECTOR_ERRORS = {
  FILE_INVALID: 'SECTOR.FILE_INVALID',
  FILE_TOO_LARGE: 'SECTOR.FILE_TOO_LARGE',
  HEADER_INVALID: 'SECTOR.HEADER_INVALID',
  TYPE_INVALID: 'SECTOR.TYPE_INVALID',
  UNIT_INVALID: 'SECTOR.UNIT_INVALID',
  MAPPING_INVALID: 'SECTOR.MAPPING_INVALID',
  MAPPING_NOT_FOUND: 'SECTOR.MAPPING_NOT_FOUND',
  BATCH_NOT_FOUND: 'SECTOR.BATCH_NOT_FOUND',
  BATCH_CONFLICT: 'SECTOR.BATCH_CONFLICT',
  SCOPE_FORBIDDEN: 'SECTOR.SCOPE_FORBIDDEN',
  CANCELLED_CONFLICT: 'SECTOR.CANCELLED_CONFLICT',
} as const;

/** A 400 (or the code's status) naming one field, bilingual. */
export function sectorError(code: string, field: string, vi: string, en: string): AppError {
  return new AppError(code, vi, en, [{ field, code, messageVi: vi, messageEn: en }]);
}

/** The file as a whole cannot be imported (empty, wrong type, encoding, zip bomb…). */
export function fileInvalid(vi: string, en: string): AppError {
  return sectorError(SECTOR_ERRORS.FILE_INVALID, 'file', vi, en);
}

export function typeNotFound(code: string): AppError {
  return sectorError(
    SECTOR_ERRORS.TYPE_INVALID,
    'datasetType',
    `Không có loại dữ liệu "${code}"`,
    `There is no dataset type "${code}"`,
  );
}

export function batchNotFound(): AppError {
  return new AppError(SECTOR_ERRORS.BATCH_NOT_FOUND, 'Không tìm thấy lượt nhập này', 'Import batch not found');
}

/** The caller may not import this sector's lists for this unit. */
export function scopeForbidden(unitCode: string): AppError {
  return sectorError(
    SECTOR_ERRORS.SCOPE_FORBIDDEN,
    'unitCode',
    `Bạn không được nhập danh sách của ngành này cho đơn vị ${unitCode}`,
    `You may not import this sector's lists for unit ${unitCode}`,
  );
}

/** The import was cancelled while it ran: nothing was kept. */
export function importCancelled(): AppError {
  return new AppError(
    SECTOR_ERRORS.CANCELLED_CONFLICT,
    'Lượt nhập đã bị huỷ; không có dòng nào được lưu',
    'The import was cancelled; no row was kept',
  );
}
