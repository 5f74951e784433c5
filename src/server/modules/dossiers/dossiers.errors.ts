import { AppError } from '../../platform/errors';
import type { FieldProblem } from '../../../contracts/messages';

/** Error codes of the `dossiers` module (the suffix gives the HTTP status, platform/errors.ts). */
export const DOSSIER_ERRORS = {
  NOT_FOUND: 'DOSSIER.NOT_FOUND',
  RESULT_NOT_FOUND: 'DOSSIER.RESULT_NOT_FOUND',
  FORM_INVALID: 'DOSSIER.FORM_INVALID',
  ATTACHMENT_INVALID: 'DOSSIER.ATTACHMENT_INVALID',
  ATTACHMENT_TOO_LARGE: 'DOSSIER.ATTACHMENT_TOO_LARGE',
  REQUEST_INVALID: 'DOSSIER.REQUEST_INVALID',
  STATE_CONFLICT: 'DOSSIER.STATE_CONFLICT',
  VERSION_CONFLICT: 'DOSSIER.VERSION_CONFLICT',
  PROCEDURE_VERSION_CONFLICT: 'DOSSIER.PROCEDURE_VERSION_CONFLICT',
  COMMAND_FORBIDDEN: 'DOSSIER.COMMAND_FORBIDDEN',
  EID_LEVEL_FORBIDDEN: 'DOSSIER.EID_LEVEL_FORBIDDEN',
  UNIT_FORBIDDEN: 'DOSSIER.UNIT_FORBIDDEN',
  FIELD_INVALID: 'DOSSIER.FIELD_INVALID',
  REGISTRY_EFFECT_CONFLICT: 'DOSSIER.REGISTRY_EFFECT_CONFLICT',
  WORKQUEUE_FORBIDDEN: 'DOSSIER.WORKQUEUE_FORBIDDEN',
} as const;

const field = (
  name: string,
  messageVi: string,
  messageEn: string,
  code: string = DOSSIER_ERRORS.FIELD_INVALID,
): FieldProblem => ({ field: name, code, messageVi, messageEn });

/** Not found — also what an officer of another commune or another citizen gets (no existence leak). */
export function dossierNotFound(): AppError {
  return new AppError(DOSSIER_ERRORS.NOT_FOUND, 'Không tìm thấy hồ sơ', 'Dossier not found');
}

/** No result document was issued with this verification code. */
export function resultNotFound(): AppError {
  return new AppError(
    DOSSIER_ERRORS.RESULT_NOT_FOUND,
    'Không tìm thấy giấy tờ kết quả với mã kiểm tra này: giấy tờ không do hệ thống cấp hoặc mã bị sai',
    'No result document was issued with this verification code: it was not issued here, or the code is wrong',
  );
}

export function formInvalid(problems: Array<{ field: string; vi: string; en: string }>): AppError {
  const first = problems[0];
  return new AppError(
    DOSSIER_ERRORS.FORM_INVALID,
    first ? `Tờ khai chưa hợp lệ: ${first.vi}` : 'Tờ khai chưa hợp lệ',
    first ? `The form is not valid: ${first.en}` : 'The form is not valid',
    problems.map((p) => field(`form.${p.field}`, p.vi, p.en, DOSSIER_ERRORS.FORM_INVALID)),
  );
}

export function attachmentInvalid(fieldName: string, vi: string, en: string): AppError {
  return new AppError(DOSSIER_ERRORS.ATTACHMENT_INVALID, vi, en, [
    field(fieldName, vi, en, DOSSIER_ERRORS.ATTACHMENT_INVALID),
  ]);
}

export function attachmentTooLarge(fieldName: string, maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  const vi = `Tệp đính kèm vượt quá ${mb} MB`;
  const en = `The attachment is larger than ${mb} MB`;
  return new AppError(DOSSIER_ERRORS.ATTACHMENT_TOO_LARGE, vi, en, [
    field(fieldName, vi, en, DOSSIER_ERRORS.ATTACHMENT_TOO_LARGE),
  ]);
}

export function requestInvalid(fieldName: string, vi: string, en: string): AppError {
  return new AppError(DOSSIER_ERRORS.REQUEST_INVALID, vi, en, [
    field(fieldName, vi, en, DOSSIER_ERRORS.REQUEST_INVALID),
  ]);
}

/** The command does not apply in the dossier's current state (409: someone else moved it, or a wrong step). */
export function stateConflict(state: string, command: string): AppError {
  return new AppError(
    DOSSIER_ERRORS.STATE_CONFLICT,
    `Không thể thực hiện "${command}" khi hồ sơ đang ở trạng thái "${state}"`,
    `"${command}" cannot be done while the dossier is "${state}"`,
  );
}

/** A draft saved after it was filed (another tab or device filed it). */
export function notADraft(): AppError {
  return new AppError(
    DOSSIER_ERRORS.STATE_CONFLICT,
    'Hồ sơ đã được nộp, không còn là bản nháp: mở hồ sơ trong "Hồ sơ của tôi"',
    'The dossier was filed and is no longer a draft: open it from "My dossiers"',
  );
}

export function versionConflict(): AppError {
  return new AppError(
    DOSSIER_ERRORS.VERSION_CONFLICT,
    'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang và thử lại.',
    'The dossier was just changed by someone else. Please reload and try again.',
    [
      field(
        'expectedVersion',
        'Phiên bản hồ sơ đã cũ',
        'The dossier version is stale',
        DOSSIER_ERRORS.VERSION_CONFLICT,
      ),
    ],
  );
}

export function procedureVersionConflict(): AppError {
  return new AppError(
    DOSSIER_ERRORS.PROCEDURE_VERSION_CONFLICT,
    'Thủ tục đã có quy định mới. Vui lòng tải lại tờ khai theo quy định hiện hành.',
    'The procedure has changed. Please reload the form under the rules now in force.',
    [
      field(
        'procedureVersionId',
        'Phiên bản thủ tục không còn hiệu lực',
        'This procedure version is no longer in force',
        DOSSIER_ERRORS.PROCEDURE_VERSION_CONFLICT,
      ),
    ],
  );
}

export function commandForbidden(command: string): AppError {
  return new AppError(
    DOSSIER_ERRORS.COMMAND_FORBIDDEN,
    `Bạn không có quyền thực hiện "${command}" với hồ sơ này`,
    `You may not "${command}" this dossier`,
  );
}

/** A level-1 e-ID citizen filing a procedure that needs level 2: why, and what to do. */
export function eidLevelForbidden(required: number): AppError {
  return new AppError(
    DOSSIER_ERRORS.EID_LEVEL_FORBIDDEN,
    `Thủ tục này yêu cầu tài khoản định danh điện tử mức độ ${required}. Tài khoản của bạn chưa đạt mức này. Bạn hãy đến Công an cấp xã nơi cư trú (mang theo thẻ Căn cước) để kích hoạt tài khoản mức độ 2, sau đó đăng nhập lại.`,
    `This procedure requires an e-ID account of level ${required}. Yours is not at that level yet. Go to the commune police of your residence (bring your ID card) to activate level 2, then sign in again.`,
  );
}

export function missingField(name: string): AppError {
  const labels: Record<string, [string, string]> = {
    reason: ['Vui lòng nêu rõ lý do', 'Please give the reason'],
    legalBasis: [
      'Phải viện dẫn căn cứ pháp lý (điều, khoản, văn bản)',
      'Cite the legal provision (article, clause, text)',
    ],
    items: ['Nêu ít nhất một giấy tờ cần bổ sung', 'List at least one item to supplement'],
    newDueAt: ['Chọn thời hạn trả kết quả mới', 'Choose the new due time'],
  };
  const [vi, en] = labels[name] ?? ['Thiếu thông tin bắt buộc', 'A required field is missing'];
  return requestInvalid(name, vi, en);
}

/** The reader does not read dossiers in this unit (its field names the unit). */
export function unitForbidden(unitCode: string): AppError {
  const vi = `Bạn không được xem hồ sơ của đơn vị ${unitCode}`;
  const en = `You may not read the dossiers of unit ${unitCode}`;
  return new AppError(DOSSIER_ERRORS.UNIT_FORBIDDEN, vi, en, [
    { field: 'unitCode', code: DOSSIER_ERRORS.UNIT_FORBIDDEN, messageVi: vi, messageEn: en },
  ]);
}

/**
 * The approval's registry effect cannot apply with what the dossier holds (a member without an ID
 * number in the registry, no address…): 409, nothing applied, the field named.
 */
export function effectInvalid(fieldName: string, vi: string, en: string): AppError {
  return new AppError(
    DOSSIER_ERRORS.REGISTRY_EFFECT_CONFLICT,
    `Chưa áp dụng quyết định: ${vi}`,
    `The decision was not applied: ${en}`,
    [field(fieldName, vi, en, DOSSIER_ERRORS.REGISTRY_EFFECT_CONFLICT)],
  );
}

/** An interlinked group's dossier is approved step by step (`complete_step`), never at once. */
export function groupStepsRequired(): AppError {
  return new AppError(
    DOSSIER_ERRORS.STATE_CONFLICT,
    'Hồ sơ liên thông được giải quyết theo từng bước: hoàn thành bước đang xử lý',
    'An interlinked dossier is decided step by step: complete the running step',
  );
}

/** The workqueue is for staff who read dossiers or perform steps of interlinked groups. */
export function workqueueForbidden(): AppError {
  return new AppError(
    DOSSIER_ERRORS.WORKQUEUE_FORBIDDEN,
    'Tài khoản của bạn không có hàng đợi hồ sơ',
    'Your account has no dossier workqueue',
  );
}
