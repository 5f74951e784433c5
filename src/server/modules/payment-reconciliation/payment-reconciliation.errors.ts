import { AppError } from '../../platform/errors';
import type { FieldProblem } from '../../../contracts/messages';

/**
 * Error codes of the statement, settlement-file, reconciliation and statistics use cases (suffix →
 * HTTP status). They keep the `PAYMENT.` prefix the web app and API clients already know.
 */
export const RECONCILIATION_ERRORS = {
  FILE_INVALID: 'PAYMENT.FILE_INVALID',
  FILE_TOO_LARGE: 'PAYMENT.FILE_TOO_LARGE',
  PERIOD_INVALID: 'PAYMENT.PERIOD_INVALID',
} as const;

/** Most problems listed in one refusal (the total is always given). */
export const MAX_PROBLEMS = 50;

/** A file refused as a whole: the message, and the problems by line and column. */
export function fileInvalid(
  messageVi: string,
  messageEn: string,
  problems: FieldProblem[] = [{ field: 'file', code: RECONCILIATION_ERRORS.FILE_INVALID, messageVi, messageEn }],
): AppError {
  return new AppError(RECONCILIATION_ERRORS.FILE_INVALID, messageVi, messageEn, problems.slice(0, MAX_PROBLEMS));
}

export function fileTooLarge(maxBytes: number): AppError {
  const mb = maxBytes / 1024 / 1024;
  return new AppError(
    RECONCILIATION_ERRORS.FILE_TOO_LARGE,
    `Tệp lớn hơn ${mb} MB. Hãy chia thành nhiều tệp.`,
    `The file is larger than ${mb} MB. Split it into several files.`,
    [
      {
        field: 'file',
        code: RECONCILIATION_ERRORS.FILE_TOO_LARGE,
        messageVi: `Tối đa ${mb} MB`,
        messageEn: `At most ${mb} MB`,
      },
    ],
  );
}

export function periodInvalid(messageVi: string, messageEn: string): AppError {
  return new AppError(RECONCILIATION_ERRORS.PERIOD_INVALID, messageVi, messageEn, [
    { field: 'from', code: RECONCILIATION_ERRORS.PERIOD_INVALID, messageVi, messageEn },
  ]);
}
