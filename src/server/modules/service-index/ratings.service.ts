import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { DossierRating, Rating, RatingInput, RatingLinkTarget } from '../../../contracts/service-index';
import { findDossierForRating, type RatableDossier } from '../dossiers';
import type { AccessContext } from '../identity';
import { ratings } from './service-index.schema';
import { alreadyRated, beforeResult, dossierNotFound, dossierNotInScope, linkInvalid } from './service-index.errors';
import { readRatingLinkToken } from './rating-link';
import { RATING_ACTIONS } from './service-index.policy';

/** The state in which a dossier's result has been returned to the citizen: the service may be rated. */
export const RATABLE_STATE = 'returned';

type RatingRow = typeof ratings.$inferSelect;

function present(row: RatingRow): Rating {
  return {
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    value: row.value as Rating['value'],
    comment: row.comment,
    via: row.via as Rating['via'],
    ratedAt: row.ratedAt.toISOString(),
  };
}

async function findRating(db: Db, dossierId: string): Promise<RatingRow | undefined> {
  return (await db.select().from(ratings).where(eq(ratings.dossierId, dossierId)).limit(1))[0];
}

/** The caller's own dossier, or the same 404 as a missing one. */
async function ownDossier(db: Db, access: AccessContext, dossierId: string): Promise<RatableDossier> {
  const dossier = await findDossierForRating(db, dossierId);
  if (!dossier || !access.actor || dossier.ownerAccountId !== access.actor.accountId) throw dossierNotFound();
  return dossier;
}

/** The owner's view of their dossier's rating: given, or whether it can be given now. */
export async function myRating(db: Db, access: AccessContext, dossierId: string): Promise<DossierRating> {
  const dossier = await ownDossier(db, access, dossierId);
  const row = await findRating(db, dossierId);
  return { dossierId, canRate: !row && dossier.state === RATABLE_STATE, rating: row ? present(row) : null };
}

/** An officer's view of a dossier's rating (on the dossier's page): the dossier's unit must be in scope. */
export async function dossierRating(db: Db, access: AccessContext, dossierId: string): Promise<DossierRating> {
  const dossier = await findDossierForRating(db, dossierId);
  if (!dossier || !access.canInUnit(RATING_ACTIONS.read, dossier.unitCode)) throw dossierNotInScope();
  const row = await findRating(db, dossierId);
  return { dossierId, canRate: false, rating: row ? present(row) : null };
}

/**
 * The owner rates the service of their dossier, once, after its result was returned. From the
 * dossier page (`web`) or the result message's link (`link`: its token must name this dossier and
 * not have expired). The primary key keeps a second rating out, even two at once.
 */
export async function rateDossier(
  db: Db,
  access: AccessContext,
  dossierId: string,
  input: RatingInput,
  secret: string | undefined,
  now = new Date(),
): Promise<DossierRating> {
  const dossier = await ownDossier(db, access, dossierId);
  if (input.linkToken !== undefined) {
    const link = secret ? readRatingLinkToken(secret, input.linkToken, now) : { ok: false as const, expired: false };
    if (!link.ok) throw linkInvalid(link.expired);
    if (link.dossierId !== dossierId) throw linkInvalid(false);
  }
  if (dossier.state !== RATABLE_STATE) throw beforeResult();
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  const [row] = await db
    .insert(ratings)
    .values({
      dossierId,
      dossierCode: dossier.code,
      accountId: access.actor!.accountId,
      unitCode: dossier.unitCode,
      procedureCode: dossier.procedureCode,
      value: input.value,
      comment,
      via: input.linkToken !== undefined ? 'link' : 'web',
      ratedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw alreadyRated();
  return { dossierId, canRate: false, rating: present(row) };
}

/** Where a rating link leads, for its owner once signed in (anyone else: the same 404 as a missing dossier). */
export async function followRatingLink(
  db: Db,
  access: AccessContext,
  token: string,
  secret: string | undefined,
  now = new Date(),
): Promise<RatingLinkTarget> {
  const link = secret ? readRatingLinkToken(secret, token, now) : { ok: false as const, expired: false };
  if (!link.ok) throw linkInvalid(link.expired);
  const dossier = await ownDossier(db, access, link.dossierId);
  return { dossierId: dossier.id, dossierCode: dossier.code };
}

/** Ratings given in a window, per unit as recorded on the dossier, optionally of one procedure. */
export async function ratingCounts(
  db: Db,
  f: { from: string; to: string; unitCodes: readonly string[] | null; procedureCode: string | null },
): Promise<Array<{ unitCode: string; satisfied: number; neutral: number; dissatisfied: number }>> {
  const conditions = [
    sql`${ratings.ratedAt} >= ${f.from}::timestamptz`,
    sql`${ratings.ratedAt} < ${f.to}::timestamptz`,
  ];
  if (f.unitCodes !== null)
    conditions.push(
      f.unitCodes.length
        ? sql`${ratings.unitCode} in (${sql.join(
            f.unitCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.procedureCode !== null) conditions.push(eq(ratings.procedureCode, f.procedureCode));
  const rows = await db
    .select({
      unitCode: ratings.unitCode,
      satisfied: sql<string>`count(*) filter (where ${ratings.value} = 'satisfied')`,
      neutral: sql<string>`count(*) filter (where ${ratings.value} = 'neutral')`,
      dissatisfied: sql<string>`count(*) filter (where ${ratings.value} = 'dissatisfied')`,
    })
    .from(ratings)
    .where(and(...conditions))
    .groupBy(ratings.unitCode);
  return rows.map((r) => ({
    unitCode: r.unitCode,
    satisfied: Number(r.satisfied),
    neutral: Number(r.neutral),
    dissatisfied: Number(r.dissatisfied),
  }));
}
