import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import { getUnit } from '../units';
import * as repo from './identity.repository';
import { checkPasswordPolicy, hashPassword } from './passwords';
import { SECTORS } from './permissions';
import type { AccessContext } from './access';
import { invalidateMatrix } from './access';
import { forgetLoginThrottle, loginDelayed } from './login-throttle';
import { mayAssignIn, mayManageAccount, visibleStaffScope } from './identity.policy';

/** A staff account as administrators see it (no hashes, no secrets). */
export interface StaffUserView {
  id: string;
  username: string | null;
  displayName: string;
  jobTitle: string | null;
  disabled: boolean;
  locked: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  assignments: Array<{
    id: string;
    role: string;
    unitCode: string;
    sector: string | null;
    validFrom: string;
    validTo: string | null;
  }>;
}

/** A readable temporary password (16 characters) that the user must change at first login. */
export function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

async function view(db: Db, a: repo.AccountRow): Promise<StaffUserView> {
  const assignments = await repo.listActiveAssignments(db, a.id, todayInVietnam());
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    jobTitle: a.jobTitle,
    disabled: a.disabledAt !== null,
    locked: a.username ? await loginDelayed(db, a.username) : false,
    totpEnabled: a.totpEnabled,
    lastLoginAt: a.lastLoginAt ? new Date(a.lastLoginAt).toISOString() : null,
    assignments: assignments.map((s) => ({
      id: s.id,
      role: s.roleCode,
      unitCode: s.unitCode,
      sector: s.sector,
      validFrom: s.validFrom,
      validTo: s.validTo,
    })),
  };
}

/** Staff accounts an administrator may see: those with a role inside the administrator's units (or none yet). */
export async function listStaffUsers(db: Db, access: AccessContext | null): Promise<StaffUserView[]> {
  const all = await Promise.all((await repo.listAccounts(db, 'staff')).map((a) => view(db, a)));
  const scope = visibleStaffScope(access);
  return scope === null
    ? all
    : all.filter((u) => u.assignments.length === 0 || u.assignments.some((s) => scope.has(s.unitCode)));
}

const outOfScope = () =>
  new AppError(
    'USER.SCOPE_FORBIDDEN',
    'Bạn chỉ được phân quyền và quản lý tài khoản trong đơn vị của mình',
    'You may only assign roles and manage accounts within your own unit',
  );

/** The staff account, when the caller may reset, disable or enable it (every current role within their units). */
async function getManagedStaff(db: Db, access: AccessContext | null, id: string): Promise<repo.AccountRow> {
  const account = await getStaff(db, id);
  const assignments = await repo.listActiveAssignments(db, id, todayInVietnam());
  if (
    !mayManageAccount(
      access,
      assignments.map((a) => a.unitCode),
    )
  )
    throw outOfScope();
  return account;
}

async function getStaff(db: Db, id: string): Promise<repo.AccountRow> {
  const a = await repo.findAccountById(db, id);
  if (!a || a.kind !== 'staff') throw notFound('USER.NOT_FOUND', 'tài khoản cán bộ', 'Staff account');
  return a;
}

/** Creates a staff account; returns the temporary password when none was given (shown once). */
export async function createStaffUser(
  db: Db,
  input: { username: string; displayName: string; jobTitle?: string; password?: string },
): Promise<{ user: StaffUserView; temporaryPassword?: string }> {
  const username = input.username.toLowerCase();
  if (await repo.findAccountByUsername(db, username)) {
    throw new AppError(
      'USER.ALREADY_EXISTS',
      `Tên đăng nhập "${username}" đã có`,
      `Username "${username}" already exists`,
      [
        {
          field: 'username',
          code: 'USER.ALREADY_EXISTS',
          messageVi: 'Tên đăng nhập đã có',
          messageEn: 'Username already exists',
        },
      ],
    );
  }
  const temp = input.password ? undefined : temporaryPassword();
  const password = input.password ?? temp!;
  const problems = input.password ? checkPasswordPolicy(password, username) : [];
  if (problems.length)
    throw new AppError(
      'PASSWORD.INVALID',
      problems[0]!.messageVi,
      problems[0]!.messageEn,
      problems.map((p) => ({ field: 'password', ...p })),
    );
  const account = await repo.insertAccount(db, {
    kind: 'staff',
    username,
    displayName: input.displayName,
    jobTitle: input.jobTitle || null,
    passwordHash: await hashPassword(password),
    passwordChangedAt: new Date(),
    mustChangePassword: temp !== undefined,
  });
  return { user: await view(db, account), temporaryPassword: temp };
}

/** Gives a role in a unit (checked against the units valid today and the administrator's own scope). */
export async function assignRole(
  db: Db,
  access: AccessContext | null,
  accountId: string,
  input: { role: string; unitCode: string; sector?: string | null },
): Promise<StaffUserView> {
  const account = await getStaff(db, accountId);
  const role = (await repo.listRoles(db)).find((r) => r.code === input.role && r.staff);
  if (!role)
    throw invalidField('ROLE.INVALID', 'role', `Vai trò "${input.role}" không có`, `Unknown role "${input.role}"`);
  await getUnit(db, input.unitCode, todayInVietnam());
  if (role.needsSector && !(SECTORS as readonly string[]).includes(input.sector ?? '')) {
    throw invalidField(
      'ROLE.SECTOR_INVALID',
      'sector',
      `Vai trò này cần chọn ngành: ${SECTORS.join(', ')}`,
      `This role needs a sector: ${SECTORS.join(', ')}`,
    );
  }
  if (!mayAssignIn(access, input.unitCode)) throw outOfScope();
  await repo.insertAssignment(db, {
    accountId,
    roleCode: role.code,
    unitCode: input.unitCode,
    sector: role.needsSector ? (input.sector ?? null) : null,
  });
  invalidateMatrix(db);
  return view(db, account);
}

/** Ends an assignment today. */
export async function removeAssignment(
  db: Db,
  access: AccessContext | null,
  accountId: string,
  assignmentId: string,
): Promise<StaffUserView> {
  const account = await getStaff(db, accountId);
  const assignment = (await repo.listActiveAssignments(db, accountId, todayInVietnam())).find(
    (a) => a.id === assignmentId,
  );
  if (assignment && !mayAssignIn(access, assignment.unitCode)) throw outOfScope();
  if (!(await repo.endAssignment(db, assignmentId, accountId, todayInVietnam())))
    throw notFound('ASSIGNMENT.NOT_FOUND', 'phân quyền này', 'Assignment');
  return view(db, account);
}

/** Sets a new temporary password, ends the account's sign-in delays, and ends every session of the account. */
export async function resetPassword(
  db: Db,
  access: AccessContext | null,
  accountId: string,
): Promise<{ temporaryPassword: string }> {
  const account = await getManagedStaff(db, access, accountId);
  const temp = temporaryPassword();
  await repo.updateAccount(db, accountId, {
    passwordHash: await hashPassword(temp),
    passwordChangedAt: new Date(),
    mustChangePassword: true,
  });
  if (account.username) await forgetLoginThrottle(db, account.username);
  await repo.revokeAccountSessions(db, accountId);
  return { temporaryPassword: temp };
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setDisabled(
  db: Db,
  access: AccessContext | null,
  accountId: string,
  disabled: boolean,
): Promise<StaffUserView> {
  const account = await getManagedStaff(db, access, accountId);
  await repo.updateAccount(db, accountId, { disabledAt: disabled ? new Date() : null });
  if (disabled) await repo.revokeAccountSessions(db, accountId);
  return view(db, { ...account, disabledAt: disabled ? new Date() : null });
}

/** Sets a password chosen by the user (policy checked). */
export async function changePassword(db: Db, accountId: string, username: string | null, next: string): Promise<void> {
  const problems = checkPasswordPolicy(next, username ?? undefined);
  if (problems.length)
    throw new AppError(
      'PASSWORD.INVALID',
      problems[0]!.messageVi,
      problems[0]!.messageEn,
      problems.map((p) => ({ field: 'newPassword', ...p })),
    );
  await repo.updateAccount(db, accountId, {
    passwordHash: await hashPassword(next),
    passwordChangedAt: new Date(),
    mustChangePassword: false,
  });
}

/**
 * How a staff member signs a slip: their name and their title (null for an unknown account or a
 * citizen's). The receipt slip is signed by the officer who received the dossier, whoever prints it.
 */
export async function staffSignature(
  db: Db,
  accountId: string,
): Promise<{ name: string; title: string | null } | null> {
  const a = await repo.findAccountById(db, accountId);
  return a && a.kind === 'staff' ? { name: a.displayName, title: a.jobTitle } : null;
}
