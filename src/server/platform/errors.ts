import type { FieldProblem } from '../../contracts/messages';

/**
 * The one error class services throw. `code` is stable (e.g. `UNIT.NOT_FOUND`);
 * the HTTP layer maps it to a status with `statusForCode`. Services never throw HTTP errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly fields?: FieldProblem[],
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'AppError';
  }
}

/** Status per error-code suffix (after the last '.' or '_'): the suffix names the kind of failure. */
const STATUS_BY_SUFFIX: ReadonlyArray<[RegExp, number]> = [
  [/[._]NOT_FOUND$/, 404],
  [/[._]INVALID$|^VALIDATION\./, 400],
  [/[._]CONFLICT$|[._]ALREADY_EXISTS$/, 409],
  [/[._]FORBIDDEN$/, 403],
  [/[._]UNAUTHENTICATED$/, 401],
  [/[._]TOO_LARGE$/, 413],
  [/[._]RATE_LIMITED$/, 429],
  [/[._]LOCKED$/, 423],
  [/[._]UNAVAILABLE$/, 503],
];

/** Maps an error code to its HTTP status (500 when unknown). */
export function statusForCode(code: string): number {
  return STATUS_BY_SUFFIX.find(([re]) => re.test(code))?.[1] ?? 500;
}

/** Convenience for "X not found" errors. */
export function notFound(code: string, whatVi: string, whatEn: string): AppError {
  return new AppError(code, `Không tìm thấy ${whatVi}`, `${whatEn} not found`);
}

/** A 400 naming one field. */
export function invalidField(code: string, field: string, messageVi: string, messageEn: string): AppError {
  return new AppError(code, messageVi, messageEn, [{ field, code, messageVi, messageEn }]);
}
