import { AppError } from '../../platform/errors';

/** Error codes of the kpi module (the suffix gives the HTTP status). */
export const KPI_ERRORS = {
  PERIOD_INVALID: 'KPI.PERIOD_INVALID',
  INDICATOR_NOT_FOUND: 'KPI.INDICATOR_NOT_FOUND',
  VERSION_INVALID: 'KPI.VERSION_INVALID',
  VERSION_CONFLICT: 'KPI.VERSION_CONFLICT',
  RUN_CONFLICT: 'KPI.RUN_CONFLICT',
  RUN_NOT_FOUND: 'KPI.RUN_NOT_FOUND',
  SOURCE_INVALID: 'KPI.SOURCE_INVALID',
} as const;

function oneField(code: string, field: string, vi: string, en: string): AppError {
  return new AppError(code, vi, en, [{ field, code, messageVi: vi, messageEn: en }]);
}

export const periodInvalid = (vi: string, en: string): AppError =>
  oneField(KPI_ERRORS.PERIOD_INVALID, 'period', vi, en);

export const indicatorNotFound = (): AppError =>
  new AppError(KPI_ERRORS.INDICATOR_NOT_FOUND, 'Không có chỉ tiêu này', 'No such indicator');

export const versionInvalid = (field: string, vi: string, en: string): AppError =>
  oneField(KPI_ERRORS.VERSION_INVALID, field, vi, en);

export const versionConflict = (vi: string, en: string): AppError =>
  oneField(KPI_ERRORS.VERSION_CONFLICT, 'validFrom', vi, en);

export const runConflict = (): AppError =>
  new AppError(
    KPI_ERRORS.RUN_CONFLICT,
    'Một lần tính chỉ tiêu khác đang chạy; thử lại sau ít phút',
    'Another computation of the indicators is running; try again in a few minutes',
  );

/** Recomputing or changing the province's indicators needs the grant at the province. */
export const provinceForbidden = (): AppError =>
  new AppError(
    'KPI.PROVINCE_FORBIDDEN',
    'Chỉ cán bộ được giao quyền ở cấp tỉnh mới làm được việc này',
    'Only staff granted this at the province level may do this',
  );

/** Figures of a unit outside the session's grant. */
export const unitForbidden = (): AppError =>
  oneField(
    'KPI.UNIT_FORBIDDEN',
    'unitCode',
    'Bạn không được giao xem số liệu của đơn vị này',
    'You are not granted the figures of this unit',
  );

export const runNotFound = (): AppError =>
  new AppError(KPI_ERRORS.RUN_NOT_FOUND, 'Không có lần tính này của kỳ đã chọn', 'No such run of this period');

export const listNotAvailable = (): AppError =>
  oneField(
    'KPI.LIST_NOT_FOUND',
    'indicator',
    'Chỉ tiêu này chưa có danh sách chi tiết (nguồn số liệu không cung cấp)',
    'This indicator has no list behind it (its source gives none)',
  );

export const listForbidden = (): AppError =>
  new AppError(
    'KPI.LIST_FORBIDDEN',
    'Bạn không có quyền xem danh sách chi tiết của đơn vị này',
    'You may not read the list behind this unit’s figure',
  );

export const listTooLarge = (max: number): AppError =>
  new AppError(
    'KPI.LIST_TOO_LARGE',
    `Danh sách quá ${max.toLocaleString('vi-VN')} dòng; hãy xem theo trang`,
    `The list has more than ${max} rows; read it page by page`,
  );
