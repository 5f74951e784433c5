import { AppError, invalidField } from '../../platform/errors';
import type { PilotState } from '../../../contracts/pilots';
import type { TransitionCheck } from './lifecycle';

/**
 * Error codes of the `pilots` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_CONFLICT` 409, `_FORBIDDEN` 403, `_TOO_LARGE` 413.
 */
export const PILOTS_ERRORS = {
  MODEL_NOT_FOUND: 'PILOT.MODEL_NOT_FOUND',
  MODEL_INVALID: 'PILOT.MODEL_INVALID',
  FILE_NOT_FOUND: 'PILOT.FILE_NOT_FOUND',
  FILE_INVALID: 'PILOT.FILE_INVALID',
  FILE_TOO_LARGE: 'PILOT.FILE_TOO_LARGE',
  MILESTONE_NOT_FOUND: 'PILOT.MILESTONE_NOT_FOUND',
  MILESTONE_INVALID: 'PILOT.MILESTONE_INVALID',
  REPORT_INVALID: 'PILOT.REPORT_INVALID',
  TRANSITION_CONFLICT: 'PILOT.TRANSITION_CONFLICT',
  STATE_CONFLICT: 'PILOT.STATE_CONFLICT',
  SCOPE_FORBIDDEN: 'PILOT.SCOPE_FORBIDDEN',
  DUE_DATE_INVALID: 'PILOT.DUE_DATE_INVALID',
} as const;

export const STATE_NAMES: Record<PilotState, { vi: string; en: string }> = {
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  planned: { vi: 'Đã có kế hoạch', en: 'Planned' },
  in_progress: { vi: 'Đang triển khai', en: 'In progress' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  evaluated: { vi: 'Đã đánh giá', en: 'Evaluated' },
};

export function fieldInvalid(code: string, field: string, vi: string, en: string): AppError {
  return invalidField(code, field, vi, en);
}

/** A model the caller may not see answers exactly like a missing one. */
export function modelNotFound(): AppError {
  return new AppError(PILOTS_ERRORS.MODEL_NOT_FOUND, 'Không tìm thấy mô hình điểm này', 'Pilot model not found');
}

/** The caller reads the model (or the unit) but may not act for its agency. */
export function scopeForbidden(unitCode: string): AppError {
  return invalidField(
    PILOTS_ERRORS.SCOPE_FORBIDDEN,
    'unitCode',
    `Mô hình của đơn vị ${unitCode} không thuộc cơ quan, đơn vị bạn được giao`,
    `The pilot model of unit ${unitCode} is not one of your agency's`,
  );
}

/** The model's state does not allow this (e.g. a plan upload after evaluation). */
export function stateConflict(field: string, state: PilotState, whatVi: string, whatEn: string): AppError {
  const name = STATE_NAMES[state];
  return invalidField(
    PILOTS_ERRORS.STATE_CONFLICT,
    field,
    `Mô hình đang ở trạng thái "${name.vi}": không thể ${whatVi}`,
    `The pilot model is ${name.en.toLowerCase()}: cannot ${whatEn}`,
  );
}

/** A refused transition, in words of why. */
export function transitionRefused(
  from: PilotState,
  to: PilotState,
  check: Exclude<TransitionCheck, { ok: true }>,
): AppError {
  const [a, b] = [STATE_NAMES[from], STATE_NAMES[to]];
  const why: Record<typeof check.reason, [string, string]> = {
    same_state: [`mô hình đã ở trạng thái "${a.vi}"`, `the model is already ${a.en.toLowerCase()}`],
    not_next: [
      `không chuyển được từ "${a.vi}" sang "${b.vi}"`,
      `cannot move from ${a.en.toLowerCase()} to ${b.en.toLowerCase()}`,
    ],
    needs_plan: [
      'mô hình chuyển sang "Đã có kế hoạch" khi tải lên kế hoạch triển khai',
      'a model becomes planned when its implementation plan is uploaded',
    ],
    needs_evaluation: [
      'mô hình chuyển sang "Đã đánh giá" khi Cơ quan thường trực ghi kết quả đánh giá',
      'a model becomes evaluated when the Standing Agency records its evaluation',
    ],
    final: ['mô hình đã được đánh giá, không chuyển trạng thái nữa', 'an evaluated model changes state no more'],
  };
  const [vi, en] = why[check.reason];
  return invalidField(
    PILOTS_ERRORS.TRANSITION_CONFLICT,
    'to',
    `Không chuyển trạng thái: ${vi}`,
    `Transition refused: ${en}`,
  );
}
