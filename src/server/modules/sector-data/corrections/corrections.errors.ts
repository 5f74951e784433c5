import { AppError } from '../../../platform/errors';

/** Error codes of change requests; the suffix picks the HTTP status (platform/errors.ts). */
export const CORRECTION_ERRORS = {
  NOT_FOUND: 'SECTOR.CHANGE_REQUEST_NOT_FOUND',
  LINK_NOT_FOUND: 'SECTOR.LINK_NOT_FOUND',
  CONFLICT: 'SECTOR.CHANGE_REQUEST_CONFLICT',
  INVALID: 'SECTOR.CHANGE_REQUEST_INVALID',
  FORBIDDEN: 'SECTOR.SCOPE_FORBIDDEN',
  SELF_DECISION: 'SECTOR.CHANGE_REQUEST_SELF_DECISION_FORBIDDEN',
} as const;

/** A 400 naming one field of the body, bilingual. */
export function correctionInvalid(field: string, vi: string, en: string): AppError {
  return new AppError(CORRECTION_ERRORS.INVALID, vi, en, [
    { field, code: CORRECTION_ERRORS.INVALID, messageVi: vi, messageEn: en },
  ]);
}

export function correctionConflict(vi: string, en: string): AppError {
  return new AppError(CORRECTION_ERRORS.CONFLICT, vi, en);
}

export function changeRequestNotFound(): AppError {
  return new AppError(CORRECTION_ERRORS.NOT_FOUND, 'Không tìm thấy yêu cầu điều chỉnh này', 'Change request not found');
}

export function linkNotFound(): AppError {
  return new AppError(CORRECTION_ERRORS.LINK_NOT_FOUND, 'Không tìm thấy liên kết này', 'Link not found', [
    {
      field: 'linkId',
      code: CORRECTION_ERRORS.LINK_NOT_FOUND,
      messageVi: 'Không tìm thấy liên kết này',
      messageEn: 'Link not found',
    },
  ]);
}

export function proposeForbidden(unitCode: string): AppError {
  return new AppError(
    CORRECTION_ERRORS.FORBIDDEN,
    `Bạn không được đề xuất điều chỉnh từ danh sách của ngành này cho đơn vị ${unitCode}`,
    `You may not propose corrections from this sector's lists for unit ${unitCode}`,
  );
}

/** The caller holds neither the deciding action nor any sector list: the same answer as the route check. */
export function notAllowed(): AppError {
  return new AppError(
    'AUTH.FORBIDDEN',
    'Tài khoản của bạn không có quyền thực hiện việc này',
    'Your account is not allowed to do this',
  );
}

const STATE_VI: Record<string, string> = {
  accepted: 'đã được chấp nhận',
  rejected: 'đã bị từ chối',
  withdrawn: 'đã được rút lại',
};

/** The request was already decided (or withdrawn). */
export function alreadyDecided(reference: string, state: string): AppError {
  return correctionConflict(
    `Yêu cầu điều chỉnh ${reference} ${STATE_VI[state] ?? state}; không thay đổi gì`,
    `Change request ${reference} was already ${state}; nothing changed`,
  );
}

/** Whoever proposed a request does not decide it (separation of duties, as kpi's SELF_APPROVAL_FORBIDDEN). */
export function selfDecision(reference: string): AppError {
  return new AppError(
    CORRECTION_ERRORS.SELF_DECISION,
    `Người đề xuất yêu cầu điều chỉnh ${reference} không tự chấp nhận hay từ chối yêu cầu đó`,
    `Whoever proposed change request ${reference} does not accept or reject it`,
  );
}
