import { and, asc, desc, eq, isNull, lt, lte, or, sql, gte } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import {
  accounts,
  adminEvents,
  appliedDefaultPermissions,
  assignments,
  rolePermissions,
  roles,
} from './identity.schema';
import { DEFAULT_ROLES } from './permissions';

// Sessions and pending sign-ins have their own file; re-exported so that callers keep one import.
export * from './sessions.repository';

export type AccountRow = typeof accounts.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;

/**
 * Inserts the default roles where missing, and each default permission of permissions.ts the
 * first time this database sees it (identity.applied_default_permissions): administrators'
 * additions are kept, and a default they removed is not put back at the next start.
 */
export async function ensureDefaultRoles(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of DEFAULT_ROLES) {
      await tx
        .insert(roles)
        .values({
          code: r.code,
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          staff: r.staff,
          scoped: r.scoped,
          needsSector: r.needsSector ?? false,
        })
        .onConflictDoNothing();
      if (r.actions.length === 0) continue;
      const fresh = await tx
        .insert(appliedDefaultPermissions)
        .values(r.actions.map((action) => ({ roleCode: r.code, action })))
        .onConflictDoNothing()
        .returning({ roleCode: appliedDefaultPermissions.roleCode, action: appliedDefaultPermissions.action });
      if (fresh.length) await tx.insert(rolePermissions).values(fresh).onConflictDoNothing();
    }
  });
}

export async function listRoles(db: Db) {
  return db.select().from(roles).orderBy(asc(roles.code));
}

export async function listRolePermissions(db: Db) {
  return db.select().from(rolePermissions);
}

export type RoleRow = typeof roles.$inferSelect;

export async function findRole(db: Db, code: string): Promise<RoleRow | undefined> {
  return (await db.select().from(roles).where(eq(roles.code, code)).limit(1))[0];
}

export async function insertRole(db: Db, values: typeof roles.$inferInsert): Promise<void> {
  await db.insert(roles).values(values);
}

/** Replaces the actions of a role (caller's transaction). */
export async function replaceRoleActions(db: Db, roleCode: string, actions: readonly string[]): Promise<void> {
  await db.delete(rolePermissions).where(eq(rolePermissions.roleCode, roleCode));
  if (actions.length) await db.insert(rolePermissions).values(actions.map((action) => ({ roleCode, action })));
}

/** Serialises changes of the permission matrix (until the caller's transaction ends); reads go on. */
export async function lockPermissionMatrix(db: Db): Promise<void> {
  await db.execute(sql`lock table identity.role_permissions in share row exclusive mode`);
}

/** Enabled staff accounts' assignments valid today (to count who could still administer). */
export async function listEnabledStaffAssignments(
  db: Db,
  today: string,
): Promise<Array<{ accountId: string; roleCode: string; unitCode: string }>> {
  return db
    .select({ accountId: assignments.accountId, roleCode: assignments.roleCode, unitCode: assignments.unitCode })
    .from(assignments)
    .innerJoin(accounts, eq(accounts.id, assignments.accountId))
    .where(
      and(
        eq(accounts.kind, 'staff'),
        isNull(accounts.disabledAt),
        lte(assignments.validFrom, today),
        or(isNull(assignments.validTo), gte(assignments.validTo, today)),
      ),
    );
}

export type AdminEventRow = typeof adminEvents.$inferSelect;

export async function insertAdminEvent(db: Db, values: typeof adminEvents.$inferInsert): Promise<void> {
  await db.insert(adminEvents).values(values);
}

/** The latest administration events, newest first, with the acting account's name. */
export async function listAdminEvents(
  db: Db,
  limit: number,
): Promise<Array<AdminEventRow & { actorName: string | null }>> {
  return db
    .select({
      id: adminEvents.id,
      at: adminEvents.at,
      actorAccountId: adminEvents.actorAccountId,
      action: adminEvents.action,
      target: adminEvents.target,
      details: adminEvents.details,
      requestId: adminEvents.requestId,
      actorName: accounts.displayName,
    })
    .from(adminEvents)
    .leftJoin(accounts, eq(accounts.id, adminEvents.actorAccountId))
    .orderBy(desc(adminEvents.at))
    .limit(limit);
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return (await db.select().from(accounts).where(eq(accounts.id, id)).limit(1))[0];
}

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return (await db.select().from(accounts).where(eq(accounts.username, username.toLowerCase())).limit(1))[0];
}

export async function findAccountByOidc(db: Db, issuer: string, subject: string): Promise<AccountRow | undefined> {
  return (
    await db
      .select()
      .from(accounts)
      .where(and(eq(accounts.oidcIssuer, issuer), eq(accounts.oidcSubject, subject)))
      .limit(1)
  )[0];
}

export async function insertAccount(db: Db, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  return (await db.insert(accounts).values(values).returning())[0]!;
}

export async function updateAccount(db: Db, id: string, values: Partial<typeof accounts.$inferInsert>): Promise<void> {
  await db.update(accounts).set(values).where(eq(accounts.id, id));
}

/** A successful sign-in: the previous one is kept for the owner's security notice. */
export async function recordLogin(db: Db, id: string): Promise<void> {
  await db.execute(
    sql`update identity.accounts set previous_login_at = last_login_at, last_login_at = now() where id = ${id}`,
  );
}

/**
 * Accepts TOTP time step `step` for an account only if it is later than the last one accepted,
 * in one conditional UPDATE: of two concurrent logins with the same code, the second waits for
 * the first's row lock, re-checks the condition and updates nothing. True when accepted.
 */
export async function consumeTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(and(eq(accounts.id, id), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

export async function listAccounts(db: Db, kind?: 'staff' | 'citizen') {
  return db
    .select()
    .from(accounts)
    .where(kind ? eq(accounts.kind, kind) : undefined)
    .orderBy(asc(accounts.username), asc(accounts.createdAt));
}

/** Assignments valid today. */
export async function listActiveAssignments(db: Db, accountId: string, today: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.accountId, accountId),
        lte(assignments.validFrom, today),
        or(isNull(assignments.validTo), gte(assignments.validTo, today)),
      ),
    );
}

export async function insertAssignment(db: Db, values: typeof assignments.$inferInsert): Promise<AssignmentRow> {
  return (await db.insert(assignments).values(values).returning())[0]!;
}

export async function endAssignment(db: Db, id: string, accountId: string, today: string): Promise<boolean> {
  const rows = await db
    .update(assignments)
    .set({ validTo: today })
    .where(and(eq(assignments.id, id), eq(assignments.accountId, accountId)))
    .returning({ id: assignments.id });
  return rows.length > 0;
}
