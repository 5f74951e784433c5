import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { PlanDueDate, PlanDueDateInput } from '../../../contracts/pilots';
import type { AccessContext } from '../identity';
import { dueDateInForce } from './overdue';
import { canSetDueDate } from './pilots.policy';
import { PILOTS_ERRORS, fieldInvalid } from './pilots.errors';
import { actorOf } from './models.service';
import * as repo from './pilots.repository';
import { AppError } from '../../platform/errors';

/** Every plan due date set, newest effective first, the one in force today marked. */
export async function listDueDates(db: Db): Promise<PlanDueDate[]> {
  const rows = await repo.listDueDates(db);
  const settings = rows.map((r) => ({ ...r, setAt: r.setAt.toISOString() }));
  const current = dueDateInForce(settings, todayInVietnam());
  return settings.map((r) => ({
    id: r.id,
    dueOn: r.dueOn,
    effectiveFrom: r.effectiveFrom,
    note: r.note,
    setAt: r.setAt,
    setByName: r.setByName,
    inForce: r.id === current?.id,
  }));
}

/**
 * Sets a new plan due date from `effectiveFrom` on (a new row; earlier ones stay as history).
 * Province-wide only; the due date cannot be before the day it takes effect.
 */
export async function setDueDate(db: Db, access: AccessContext, input: PlanDueDateInput): Promise<PlanDueDate[]> {
  if (!canSetDueDate(access))
    throw new AppError(
      PILOTS_ERRORS.SCOPE_FORBIDDEN,
      'Chỉ cấp tỉnh được đặt hạn gửi kế hoạch mô hình điểm',
      'Only a province-wide grant sets the plan due date',
    );
  if (input.dueOn < input.effectiveFrom)
    throw fieldInvalid(
      PILOTS_ERRORS.DUE_DATE_INVALID,
      'dueOn',
      'Hạn gửi kế hoạch không được trước ngày bắt đầu áp dụng',
      'The due date cannot be before the day it takes effect',
    );
  const actor = actorOf(access);
  await repo.insertDueDate(db, { ...input, setBy: actor.id, setByName: actor.name });
  return listDueDates(db);
}
