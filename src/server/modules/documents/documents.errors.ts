import { AppError } from '../../platform/errors';

/**
 * Error codes of the `documents` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404.
 */
export const DOCUMENTS_ERRORS = {
  NOT_FOUND: 'DOCUMENT.NOT_FOUND',
  REUSE_INVALID: 'DOCUMENT.REUSE_INVALID',
} as const;

function fieldError(code: string, field: string, vi: string, en: string): AppError {
  return new AppError(code, vi, en, [{ field, code, messageVi: vi, messageEn: en }]);
}

/** A document that is not there, or not in the caller's store: answered alike (its existence is not confirmed). */
export const documentNotFound = (): AppError =>
  fieldError(
    DOCUMENTS_ERRORS.NOT_FOUND,
    'id',
    'Không tìm thấy giấy tờ này trong kho dữ liệu của bạn',
    'This document is not in your document store',
  );
