import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { Me, SecurityNotice } from '../../../contracts/identity';
import { getUnit } from '../units';
import { ACTIONS } from './permissions';
import * as repo from './identity.repository';
import { failuresSince, NOTICE_MIN_FAILURES } from './login-throttle';

type Assignment = NonNullable<Me['account']>['assignments'][number];

/** Unit names (Vietnamese full name, English name) valid today; null for a code no longer valid. */
async function unitNames(db: Db, codes: string[]): Promise<Map<string, { vi: string; en: string } | null>> {
  const today = todayInVietnam();
  const entries = await Promise.all(
    [...new Set(codes)].map(async (code) => {
      const unit = await getUnit(db, code, today).catch(() => null);
      return [code, unit ? { vi: unit.fullName, en: unit.nameEn } : null] as const;
    }),
  );
  return new Map(entries);
}

/** The roles an actor holds, with role and unit names, for GET /auth/me (the account page shows them). */
async function assignmentsOf(
  db: Db,
  grants: Array<{ role: string; unitCode: string | null; sector: string | null }>,
): Promise<Assignment[]> {
  if (grants.length === 0) return [];
  const roles = new Map((await repo.listRoles(db)).map((r) => [r.code, r]));
  const units = await unitNames(
    db,
    grants.flatMap((g) => (g.unitCode ? [g.unitCode] : [])),
  );
  return grants.map((g) => {
    const role = roles.get(g.role);
    const unit = g.unitCode ? units.get(g.unitCode) : null;
    return {
      role: g.role,
      roleNameVi: role?.nameVi ?? g.role,
      roleNameEn: role?.nameEn ?? g.role,
      unitCode: g.unitCode,
      unitNameVi: unit?.vi ?? null,
      unitNameEn: unit?.en ?? null,
      sector: g.sector,
    };
  });
}

/** Failed sign-ins since the previous sign-in, when there were at least NOTICE_MIN_FAILURES (the owner is told: NIST SP 800-63B §5.2.2). */
async function securityNoticeOf(db: Db, account: repo.AccountRow): Promise<SecurityNotice | null> {
  const since = account.previousLoginAt ? new Date(account.previousLoginAt) : null;
  const { count, addresses } = await failuresSince(db, account.id, since);
  return count >= NOTICE_MIN_FAILURES ? { failedSignIns: count, addresses, since: since?.toISOString() ?? null } : null;
}

/** Per action, the units of the actor's grants where the action is allowed (by any grant covering the unit). */
function actionUnitsOf(request: FastifyRequest): Me['actionUnits'] {
  const units = [...new Set((request.access.actor?.grants ?? []).flatMap((g) => (g.unitCode ? [g.unitCode] : [])))];
  const entries = ACTIONS.map((a) => [a, units.filter((u) => request.access.canInUnit(a, u))] as const);
  return Object.fromEntries(entries.filter(([, allowed]) => allowed.length > 0));
}

/** Who is signed in (GET /auth/me and the answer of a login): account, roles, allowed actions, CSRF token. */
export async function presentMe(db: Db, request: FastifyRequest): Promise<Me> {
  const actor = request.access.actor;
  const account = actor ? await repo.findAccountById(db, actor.accountId) : undefined;
  return {
    authenticated: actor !== null,
    account:
      actor && account
        ? {
            id: actor.accountId,
            kind: actor.kind,
            displayName: actor.displayName,
            mustChangePassword: account.mustChangePassword,
            eIdLevel: actor.acr,
            totpEnabled: account.totpEnabled,
            assignments: await assignmentsOf(db, actor.grants),
            securityNotice: actor.kind === 'staff' ? await securityNoticeOf(db, account) : null,
          }
        : null,
    grants: actor?.grants ?? [],
    actions: ACTIONS.filter((a) => request.access.can(a)),
    actionUnits: actionUnitsOf(request),
    csrfToken: request.csrfToken,
  };
}
