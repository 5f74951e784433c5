import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { accounts, assignments, loginTransactions, sessions } from './identity.schema';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/** A live session: not revoked and not past its absolute expiry (idle timeout is checked by the caller). */
export async function findLiveSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return (
    await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
      .limit(1)
  )[0];
}

export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function updateSession(
  db: Db,
  tokenHash: string,
  values: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await db.update(sessions).set(values).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeAccountSessions(db: Db, accountId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}

export async function insertLoginTransaction(db: Db, values: typeof loginTransactions.$inferInsert): Promise<void> {
  await db.insert(loginTransactions).values(values);
}

/** Takes (deletes and returns) a pending login by state, at most `maxAgeMinutes` old: a state works once. */
export async function takeLoginTransaction(db: Db, state: string, maxAgeMinutes: number) {
  const rows = await db
    .delete(loginTransactions)
    .where(
      and(
        eq(loginTransactions.state, state),
        gt(loginTransactions.createdAt, sql`now() - make_interval(mins => ${maxAgeMinutes})`),
      ),
    )
    .returning();
  return rows[0];
}

/** A live session with its account and today's role assignments, in one round trip (runs on every request). */
export interface SessionActorRow {
  token_hash: string;
  csrf_token: string;
  acr: number | null;
  last_seen_at: Date | string;
  account_id: string;
  kind: 'staff' | 'citizen';
  display_name: string;
  disabled_at: Date | string | null;
  national_id: string | null;
  person_id: string | null;
  grants: Array<{ role: string; unitCode: string; sector: string | null }> | string;
}

function prepareSessionActor(db: Db) {
  const today = sql.placeholder('today');
  return db
    .select({
      token_hash: sessions.tokenHash,
      csrf_token: sessions.csrfToken,
      acr: sessions.acr,
      last_seen_at: sessions.lastSeenAt,
      account_id: accounts.id,
      kind: accounts.kind,
      display_name: accounts.displayName,
      disabled_at: accounts.disabledAt,
      national_id: accounts.nationalId,
      person_id: accounts.personId,
      grants: sql<
        SessionActorRow['grants']
      >`coalesce(json_agg(json_build_object('role', ${assignments.roleCode}, 'unitCode', ${assignments.unitCode}, 'sector', ${assignments.sector})) filter (where ${assignments.id} is not null), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(
      assignments,
      and(
        eq(assignments.accountId, accounts.id),
        sql`${assignments.validFrom} <= ${today}::date`,
        sql`(${assignments.validTo} is null or ${assignments.validTo} >= ${today}::date)`,
      ),
    )
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .groupBy(sessions.tokenHash, accounts.id)
    .prepare('identity_session_actor');
}

const preparedSessionActor = new WeakMap<Db, ReturnType<typeof prepareSessionActor>>();

/** Runs on every request, so it is a prepared statement (planned once per connection: planning the join cost ~1 ms). */
export async function findSessionActor(db: Db, tokenHash: string, today: string): Promise<SessionActorRow | undefined> {
  let prepared = preparedSessionActor.get(db);
  if (!prepared) {
    prepared = prepareSessionActor(db);
    preparedSessionActor.set(db, prepared);
  }
  return (await prepared.execute({ hash: tokenHash, today }))[0];
}
