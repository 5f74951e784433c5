import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { RoleEvent, RoleList, RoleView } from '../../../contracts/identity';
import { getUnitHierarchy } from '../units';
import { ACTIONS, isAction, type Action } from './permissions';
import { invalidateMatrix, type AccessContext } from './access';
import * as repo from './identity.repository';
import { IDENTITY_ROUTE_ACTIONS, mayChangeRoles } from './identity.policy';

/** The action that lets an account administer accounts, roles and the matrix. */
const MANAGE: Action = IDENTITY_ROUTE_ACTIONS.manageAccounts;
/** Pseudo-actions of routes (anyone / any account): never granted through a role. */
const PSEUDO = new Set<string>(['public', 'authenticated']);

/** The actions a role may be given: the matrix's columns. */
export const ASSIGNABLE_ACTIONS: readonly Action[] = ACTIONS.filter((a) => !PSEUDO.has(a));

/**
 * Self-service actions work on the signed-in citizen's own record and dossiers. A citizen
 * (non-staff) role holds only these; a staff role holds none of them (staff accounts have no
 * own record here), so the citizen role can never be turned into a staff role by editing it.
 */
export function isSelfServiceAction(action: string): boolean {
  return action.startsWith('citizen.') || action.startsWith('dossiers.own.') || action.startsWith('ratings.own.');
}

function actionsProblem(code: string, vi: string, en: string, actions: string[]): AppError {
  const list = actions.join(', ');
  return invalidField(code, 'actions', `${vi}: ${list}`, `${en}: ${list}`);
}

/** Checks a role's new action list; returns it de-duplicated and sorted. */
export function checkRoleActions(role: { staff: boolean }, actions: readonly string[]): Action[] {
  const unique = [...new Set(actions)].sort();
  const unknown = unique.filter((a) => !isAction(a) || PSEUDO.has(a));
  if (unknown.length)
    throw actionsProblem('ROLE.ACTION_INVALID', 'Quyền không có trong hệ thống', 'Unknown actions', unknown);
  if (!role.staff) {
    const staffOnly = unique.filter((a) => !isSelfServiceAction(a));
    if (staffOnly.length) {
      throw actionsProblem(
        'ROLE.CITIZEN_ACTION_INVALID',
        'Vai trò công dân chỉ có quyền tự phục vụ (dữ liệu, hồ sơ của chính mình), không được giao quyền của cán bộ',
        'The citizen role may only hold self-service actions (their own data and dossiers), not staff actions',
        staffOnly,
      );
    }
  } else {
    const selfService = unique.filter(isSelfServiceAction);
    if (selfService.length) {
      throw actionsProblem(
        'ROLE.STAFF_ACTION_INVALID',
        'Quyền tự phục vụ của công dân không giao cho vai trò cán bộ',
        'Citizen self-service actions cannot be given to a staff role',
        selfService,
      );
    }
  }
  return unique as Action[];
}

/** Refuses a change of roles by an administrator who is not province-wide (identity.policy.ts). */
function assertProvinceWide(access: AccessContext): void {
  if (!mayChangeRoles(access)) {
    throw new AppError(
      'ROLE.SCOPE_FORBIDDEN',
      'Chỉ quản trị cấp tỉnh được sửa vai trò và bảng phân quyền (áp dụng cho cả tỉnh)',
      'Only a province-wide administrator may change roles and the permission matrix (it applies to the whole province)',
    );
  }
}

/**
 * Refuses a matrix in which no enabled staff account keeps `identity.users.manage` through a
 * province-wide assignment valid today: nobody could then repair accounts or roles.
 */
async function assertAdministrable(tx: Db, matrix: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const today = todayInVietnam();
  const hierarchy = await getUnitHierarchy(tx, today);
  const admins = (await repo.listEnabledStaffAssignments(tx, today)).filter(
    (a) => matrix.get(a.roleCode)?.has(MANAGE) && hierarchy.ancestry(a.unitCode).length === 1,
  );
  if (admins.length === 0) {
    throw new AppError(
      'ROLE.LAST_ADMIN_CONFLICT',
      'Không thể bỏ quyền quản trị tài khoản: sau thay đổi này sẽ không còn tài khoản cấp tỉnh nào đang hoạt động quản trị được người dùng và vai trò',
      'Cannot remove the account-administration action: no enabled province-wide account would be left to administer users and roles',
    );
  }
}

async function matrixOf(db: Db): Promise<Map<string, Set<string>>> {
  const matrix = new Map<string, Set<string>>();
  for (const p of await repo.listRolePermissions(db))
    matrix.set(p.roleCode, (matrix.get(p.roleCode) ?? new Set()).add(p.action));
  return matrix;
}

/** Every role with its actions, and the actions a role may be given. */
export async function listRolesWithActions(db: Db): Promise<RoleList> {
  const matrix = await matrixOf(db);
  const items: RoleView[] = (await repo.listRoles(db)).map((r) => ({
    ...r,
    actions: [...(matrix.get(r.code) ?? [])].sort(),
  }));
  return { items, actions: [...ASSIGNABLE_ACTIONS] };
}

async function roleView(db: Db, code: string): Promise<RoleView> {
  const role = (await listRolesWithActions(db)).items.find((r) => r.code === code);
  if (!role) throw notFound('ROLE.NOT_FOUND', `vai trò "${code}"`, `Role "${code}"`);
  return role;
}

/** Creates a staff role (unit-scoped) with its actions; recorded in identity.admin_events. */
export async function createRole(
  db: Db,
  access: AccessContext,
  input: { code: string; nameVi: string; nameEn: string; needsSector?: boolean; actions?: string[] },
): Promise<RoleView> {
  assertProvinceWide(access);
  const actions = checkRoleActions({ staff: true }, input.actions ?? []);
  await db.transaction(async (tx) => {
    await repo.lockPermissionMatrix(tx);
    if (await repo.findRole(tx, input.code)) {
      throw new AppError(
        'ROLE.ALREADY_EXISTS',
        `Mã vai trò "${input.code}" đã có`,
        `Role code "${input.code}" already exists`,
        [
          {
            field: 'code',
            code: 'ROLE.ALREADY_EXISTS',
            messageVi: 'Mã vai trò đã có',
            messageEn: 'Role code already exists',
          },
        ],
      );
    }
    await repo.insertRole(tx, {
      code: input.code,
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      staff: true,
      scoped: true,
      needsSector: input.needsSector ?? false,
    });
    await repo.replaceRoleActions(tx, input.code, actions);
    await repo.insertAdminEvent(tx, {
      actorAccountId: access.actor?.accountId ?? null,
      action: 'role.create',
      target: input.code,
      details: { added: actions, removed: [] },
      requestId: access.requestId,
    });
  });
  invalidateMatrix(db);
  return roleView(db, input.code);
}

/**
 * Sets the actions of a role (the whole list). Takes effect on the next request of every
 * account holding the role (the in-process matrix cache is dropped). Recorded in identity.admin_events.
 */
export async function setRoleActions(
  db: Db,
  access: AccessContext,
  code: string,
  requested: string[],
): Promise<RoleView> {
  assertProvinceWide(access);
  await db.transaction(async (tx) => {
    await repo.lockPermissionMatrix(tx);
    const role = await repo.findRole(tx, code);
    if (!role) throw notFound('ROLE.NOT_FOUND', `vai trò "${code}"`, `Role "${code}"`);
    const actions = checkRoleActions(role, requested);
    const matrix = await matrixOf(tx);
    const before = matrix.get(code) ?? new Set<string>();
    const added = actions.filter((a) => !before.has(a));
    const removed = [...before].filter((a) => !actions.includes(a as Action)).sort();
    if (added.length === 0 && removed.length === 0) return;
    matrix.set(code, new Set(actions));
    if (removed.includes(MANAGE)) await assertAdministrable(tx, matrix);
    await repo.replaceRoleActions(tx, code, actions);
    await repo.insertAdminEvent(tx, {
      actorAccountId: access.actor?.accountId ?? null,
      action: 'role.actions.update',
      target: code,
      details: { added, removed },
      requestId: access.requestId,
    });
  });
  invalidateMatrix(db);
  return roleView(db, code);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The latest changes of roles and the matrix (newest first). */
export async function listRoleEvents(db: Db, limit = 50): Promise<RoleEvent[]> {
  return (await repo.listAdminEvents(db, limit)).map((e) => ({
    at: new Date(e.at).toISOString(),
    actorName: e.actorName,
    action: e.action,
    target: e.target,
    added: strings(e.details?.added),
    removed: strings(e.details?.removed),
  }));
}
