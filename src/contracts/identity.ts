import { z } from 'zod';
import { bilingual } from './messages';
import { UnitCode } from './common';

export const LoginBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, bilingual('Nhập tên đăng nhập', 'Enter your username'))
      .max(64, bilingual('Tên đăng nhập quá dài', 'Username too long')),
    password: z
      .string()
      .min(1, bilingual('Nhập mật khẩu', 'Enter your password'))
      .max(128, bilingual('Mật khẩu quá dài', 'Password too long')),
    totp: z
      .string()
      .regex(/^\d{6}$/, bilingual('Mã xác thực gồm 6 chữ số', 'The code has 6 digits'))
      .optional(),
  })
  .strict();

export const Grant = z.object({ role: z.string(), unitCode: z.string().nullable(), sector: z.string().nullable() });

/** One role the signed-in account holds, with the role's and the unit's names (unit valid today). */
export const MeAssignment = z.object({
  role: z.string(),
  roleNameVi: z.string(),
  roleNameEn: z.string(),
  unitCode: z.string().nullable(),
  unitNameVi: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  sector: z.string().nullable(),
});
export type MeAssignment = z.infer<typeof MeAssignment>;

/**
 * Failed sign-ins of the account (wrong password or code) since its previous sign-in (`since`;
 * null: since the account was created), with up to 5 of the client addresses they came from.
 */
export const SecurityNotice = z.object({
  failedSignIns: z.number().int(),
  addresses: z.array(z.string()),
  since: z.string().nullable(),
});
export type SecurityNotice = z.infer<typeof SecurityNotice>;

/** Who is signed in, what they may do, and the CSRF token the web app sends back on changes. */
export const Me = z.object({
  authenticated: z.boolean(),
  account: z
    .object({
      id: z.string(),
      kind: z.enum(['staff', 'citizen']),
      displayName: z.string(),
      mustChangePassword: z.boolean(),
      eIdLevel: z.number().int().nullable(),
      /** Staff: the authenticator (TOTP) second factor is on. */
      totpEnabled: z.boolean(),
      /** The roles held today, with names: staff assignments (unit-scoped) or the citizen role (no unit). */
      assignments: z.array(MeAssignment),
      /** Staff: failed sign-ins of the account since its previous sign-in (null below the notice threshold). */
      securityNotice: SecurityNotice.nullable(),
    })
    .nullable(),
  grants: z.array(Grant),
  actions: z.array(z.string()),
  /**
   * For each action the account may take in some unit, the units of its grants where it may
   * (e.g. the communes where an officer may enter a paper filing); actions without a unit are absent.
   */
  actionUnits: z.record(z.string(), z.array(z.string())),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const ReturnToQuery = z.object({
  returnTo: z
    .string()
    .max(300)
    .regex(/^\/(?!\/)[^\s\\]*$/, bilingual('Địa chỉ quay lại không hợp lệ', 'Invalid return address'))
    .optional(),
});

export const LogoutResult = z.object({ endSessionUrl: z.string().nullable() });

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9._-]{3,40}$/,
    bilingual(
      'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch',
      'Username: 3–40 of a–z, 0–9, dot, dash, underscore',
    ),
  );

export const CreateUserBody = z
  .object({
    username: Username,
    displayName: z
      .string()
      .trim()
      .min(2, bilingual('Nhập họ tên', 'Enter the name'))
      .max(100, bilingual('Họ tên quá dài', 'Name too long')),
    /** The officer's title as it is printed under their signature on slips (e.g. "Cán bộ tiếp nhận"). */
    jobTitle: z
      .string()
      .trim()
      .max(120, bilingual('Chức danh tối đa 120 ký tự', 'The title is at most 120 characters'))
      .optional(),
    password: z.string().max(128).optional(),
  })
  .strict();

export const AssignBody = z
  .object({ role: z.string().max(64), unitCode: UnitCode, sector: z.string().max(40).nullable().optional() })
  .strict();

export const UserIdParams = z.object({
  id: z.string().uuid(bilingual('Mã tài khoản không hợp lệ', 'Invalid account id')),
});
export const AssignmentParams = UserIdParams.extend({
  assignmentId: z.string().uuid(bilingual('Mã phân quyền không hợp lệ', 'Invalid assignment id')),
});

export const StaffUser = z.object({
  id: z.string(),
  username: z.string().nullable(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  assignments: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      unitCode: z.string(),
      sector: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
  .strict();

export const TotpEnableBody = z
  .object({ code: z.string().regex(/^\d{6}$/, bilingual('Mã xác thực gồm 6 chữ số', 'The code has 6 digits')) })
  .strict();

/** A role with the actions it allows (the permission matrix, one row). */
export const RoleView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  staff: z.boolean(),
  scoped: z.boolean(),
  needsSector: z.boolean(),
  actions: z.array(z.string()),
});
export type RoleView = z.infer<typeof RoleView>;

/** GET /identity/roles: every role, and every action a role may be given (the matrix's columns). */
export const RoleList = z.object({ items: z.array(RoleView), actions: z.array(z.string()) });
export type RoleList = z.infer<typeof RoleList>;

const ActionList = z
  .array(z.string().max(100, bilingual('Tên quyền quá dài', 'Action name too long')))
  .max(200, bilingual('Quá nhiều quyền', 'Too many actions'));

export const RoleCode = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{2,39}$/,
    bilingual(
      'Mã vai trò 3–40 ký tự: chữ thường không dấu, số, gạch dưới; bắt đầu bằng chữ',
      'Role code: 3–40 of a–z, 0–9, underscore, starting with a letter',
    ),
  );

/** A new staff role (always unit-scoped, like every staff assignment). */
export const CreateRoleBody = z
  .object({
    code: RoleCode,
    nameVi: z
      .string()
      .trim()
      .min(2, bilingual('Nhập tên vai trò (tiếng Việt)', 'Enter the Vietnamese name'))
      .max(120, bilingual('Tên quá dài', 'Name too long')),
    nameEn: z
      .string()
      .trim()
      .min(2, bilingual('Nhập tên vai trò (tiếng Anh)', 'Enter the English name'))
      .max(120, bilingual('Tên quá dài', 'Name too long')),
    needsSector: z.boolean().optional(),
    actions: ActionList.optional(),
  })
  .strict();

export const RoleActionsBody = z.object({ actions: ActionList }).strict();
export const RoleCodeParams = z.object({
  code: z.string().max(40, bilingual('Mã vai trò quá dài', 'Role code too long')),
});

/** One change of roles or the permission matrix, as administrators see it. */
export const RoleEvent = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type RoleEvent = z.infer<typeof RoleEvent>;
