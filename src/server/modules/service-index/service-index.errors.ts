import { AppError } from '../../platform/errors';

/**
 * Error codes of the `service-index` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_CONFLICT` / `_ALREADY_EXISTS` 409, `_FORBIDDEN` 403.
 */
export const SERVICE_INDEX_ERRORS = {
  DOSSIER_NOT_FOUND: 'RATING.DOSSIER_NOT_FOUND',
  BEFORE_RESULT_CONFLICT: 'RATING.BEFORE_RESULT_CONFLICT',
  ALREADY_EXISTS: 'RATING.ALREADY_EXISTS',
  LINK_INVALID: 'RATING.LINK_INVALID',
  PERIOD_INVALID: 'SERVICE_INDEX.PERIOD_INVALID',
  UNIT_INVALID: 'SERVICE_INDEX.UNIT_INVALID',
  STRUCTURE_INVALID: 'SERVICE_INDEX.STRUCTURE_INVALID',
  SCOPE_FORBIDDEN: 'SERVICE_INDEX.SCOPE_FORBIDDEN',
} as const;

/** An error naming one field, in both languages. */
export function fieldError(code: string, field: string, vi: string, en: string): AppError {
  return new AppError(code, vi, en, [{ field, code, messageVi: vi, messageEn: en }]);
}

/**
 * A dossier that is not there, or not the caller's: answered alike (someone else's dossier is not
 * confirmed to exist).
 */
export const dossierNotFound = (): AppError =>
  fieldError(
    SERVICE_INDEX_ERRORS.DOSSIER_NOT_FOUND,
    'dossierId',
    'Không tìm thấy hồ sơ này trong các hồ sơ của bạn',
    'This dossier is not among your dossiers',
  );

/** A dossier outside the officer's units answers like a missing one. */
export const dossierNotInScope = (): AppError =>
  fieldError(SERVICE_INDEX_ERRORS.DOSSIER_NOT_FOUND, 'dossierId', 'Không tìm thấy hồ sơ này', 'Dossier not found');

export const beforeResult = (): AppError =>
  fieldError(
    SERVICE_INDEX_ERRORS.BEFORE_RESULT_CONFLICT,
    'dossierId',
    'Hồ sơ chưa trả kết quả: chỉ đánh giá được sau khi đã nhận kết quả',
    'The dossier’s result has not been returned yet: the service is rated after the result',
  );

export const alreadyRated = (): AppError =>
  fieldError(
    SERVICE_INDEX_ERRORS.ALREADY_EXISTS,
    'dossierId',
    'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần',
    'This dossier has already been rated; each dossier is rated once',
  );

export const linkInvalid = (expired: boolean): AppError =>
  expired
    ? fieldError(
        SERVICE_INDEX_ERRORS.LINK_INVALID,
        'linkToken',
        'Đường dẫn đánh giá đã hết hạn; bạn vẫn đánh giá được trên trang hồ sơ của mình',
        'The rating link has expired; you can still rate on your dossier’s page',
      )
    : fieldError(
        SERVICE_INDEX_ERRORS.LINK_INVALID,
        'linkToken',
        'Đường dẫn đánh giá không đúng hoặc không dành cho hồ sơ này',
        'The rating link is not valid or not for this dossier',
      );
