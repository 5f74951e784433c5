import { AppError } from '../../platform/errors';
import type { VisitProblem } from '../../../contracts/counter';

/** Error codes of the counter module (the suffix gives the HTTP status). */
export const COUNTER_ERRORS = {
  VISIT_NOT_FOUND: 'COUNTER.VISIT_NOT_FOUND',
  PERSON_NOT_FOUND: 'COUNTER.PERSON_NOT_FOUND',
  PERSON_DECEASED: 'COUNTER.PERSON_DECEASED_INVALID',
  PROCEDURE_NOT_FOUND: 'COUNTER.PROCEDURE_NOT_FOUND',
  UNIT_INVALID: 'COUNTER.UNIT_INVALID',
  UNIT_FORBIDDEN: 'COUNTER.UNIT_FORBIDDEN',
  RULES_INVALID: 'COUNTER.VISIT_INVALID',
  VISITED_AT_INVALID: 'COUNTER.VISITED_AT_INVALID',
  NOT_OWN_FORBIDDEN: 'COUNTER.CORRECTION_NOT_OWN_FORBIDDEN',
  DAY_CLOSED_FORBIDDEN: 'COUNTER.CORRECTION_DAY_CLOSED_FORBIDDEN',
  REVISION_CONFLICT: 'COUNTER.REVISION_CONFLICT',
} as const;

function oneField(code: string, field: string, messageVi: string, messageEn: string): AppError {
  return new AppError(code, messageVi, messageEn, [{ field, code, messageVi, messageEn }]);
}

/** The visit does not exist, or lies outside the reader's units (the same answer, so ids cannot be probed). */
export const visitNotFound = (): AppError =>
  new AppError(COUNTER_ERRORS.VISIT_NOT_FOUND, 'Không tìm thấy lượt tiếp công dân này', 'Counter visit not found');

/** No registry record with this ID number (the number itself is not echoed). */
export const personNotFound = (): AppError =>
  oneField(
    COUNTER_ERRORS.PERSON_NOT_FOUND,
    'nationalId',
    'Không tìm thấy công dân có số định danh này trong cơ sở dữ liệu dân cư của tỉnh. Kiểm tra lại 12 số trên thẻ căn cước.',
    'No person with this ID number in the province registry. Check the 12 digits on the ID card.',
  );

export const personDeceased = (): AppError =>
  oneField(
    COUNTER_ERRORS.PERSON_DECEASED,
    'nationalId',
    'Số định danh này thuộc người đã mất. Hãy ghi số định danh của người đến quầy (người đi khai).',
    'This ID number belongs to a deceased person. Record the ID number of the visitor (the declarant).',
  );

export const procedureNotFound = (code: string): AppError =>
  oneField(
    COUNTER_ERRORS.PROCEDURE_NOT_FOUND,
    'procedureCode',
    `Không có thủ tục hành chính mã ${code} trong danh mục (đang có hiệu lực)`,
    `No procedure with code ${code} in the catalog (in force)`,
  );

export const unitRequired = (): AppError =>
  oneField(
    COUNTER_ERRORS.UNIT_INVALID,
    'unitCode',
    'Chọn đơn vị của quầy (bạn được phân công ở nhiều nơi)',
    'Choose the counter’s unit (you are assigned to several)',
  );

export const unitUnknown = (code: string): AppError =>
  oneField(
    COUNTER_ERRORS.UNIT_INVALID,
    'unitCode',
    `Không có đơn vị hành chính mã ${code} vào hôm nay`,
    `No administrative unit ${code} today`,
  );

export const unitForbidden = (code: string): AppError =>
  oneField(
    COUNTER_ERRORS.UNIT_FORBIDDEN,
    'unitCode',
    `Bạn không được phân công tại đơn vị ${code}`,
    `You are not assigned to unit ${code}`,
  );

/** Counter actions are staff work (a citizen's role never holds them; this guards a changed matrix). */
export const staffOnly = (): AppError =>
  new AppError(
    'COUNTER.STAFF_ONLY_FORBIDDEN',
    'Chỉ cán bộ tại quầy mới ghi và xem sổ tiếp công dân',
    'Only counter staff record and read the counter log',
  );

export const visitedAtInvalid = (): AppError =>
  oneField(
    COUNTER_ERRORS.VISITED_AT_INVALID,
    'visitedAt',
    'Thời điểm tiếp phải trong ngày hôm nay và không ở tương lai',
    'The visit time must be today and not in the future',
  );

/** Broken cross-field rules (visitProblems), each naming its field. */
export function rulesInvalid(problems: VisitProblem[]): AppError {
  const first = problems[0]!;
  return new AppError(
    COUNTER_ERRORS.RULES_INVALID,
    first.messageVi,
    first.messageEn,
    problems.map((p) => ({ field: p.field, code: p.code, messageVi: p.messageVi, messageEn: p.messageEn })),
  );
}

export const notOwnVisit = (): AppError =>
  new AppError(
    COUNTER_ERRORS.NOT_OWN_FORBIDDEN,
    'Chỉ cán bộ đã ghi lượt tiếp này mới được sửa',
    'Only the officer who recorded this visit may correct it',
  );

export const dayClosed = (): AppError =>
  new AppError(
    COUNTER_ERRORS.DAY_CLOSED_FORBIDDEN,
    'Chỉ được sửa lượt tiếp trong ngày. Lượt tiếp của ngày trước đã chốt; hãy báo lãnh đạo nếu cần điều chỉnh.',
    'A visit can be corrected only on its day. Earlier days are closed; tell your leader if it needs adjusting.',
  );

export const revisionConflict = (current: number): AppError =>
  oneField(
    COUNTER_ERRORS.REVISION_CONFLICT,
    'revision',
    `Lượt tiếp vừa được sửa (lần ${current}). Tải lại rồi sửa tiếp.`,
    `The visit was just corrected (revision ${current}). Reload and try again.`,
  );
