import { and, eq, isNull, lt, or, gt, sql, type SQL } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../../platform/db';
import { models } from './eid-sandbox.schema';

/** Models whose instances belong to a grant and disappear with it (oidc-provider's list). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const notExpired = or(isNull(models.expiresAt), gt(models.expiresAt, sql`now()`));

/**
 * oidc-provider's storage adapter over the `eid_sandbox.models` table (PostgreSQL or PGlite):
 * one instance per model kind. Expired rows are invisible to `find*` and purged by `purgeExpired`.
 */
export class DbAdapter implements Adapter {
  constructor(
    private readonly db: Db,
    private readonly kind: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
    const row = {
      payload,
      grantId: GRANTABLE.has(this.kind) ? (payload.grantId ?? null) : null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expiresAt,
      consumedAt: null,
    };
    await this.db
      .insert(models)
      .values({ kind: this.kind, id, ...row })
      .onConflictDoUpdate({ target: [models.kind, models.id], set: row });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(models.id, id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(models.uid, uid));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(models.userCode, userCode));
  }

  async consume(id: string): Promise<void> {
    await this.db
      .update(models)
      .set({ consumedAt: sql`now()` })
      .where(and(eq(models.kind, this.kind), eq(models.id, id)));
  }

  async destroy(id: string): Promise<void> {
    await this.db.delete(models).where(and(eq(models.kind, this.kind), eq(models.id, id)));
  }

  /** Revokes every token of a grant (whatever its kind), as oidc-provider expects of any adapter instance. */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.delete(models).where(eq(models.grantId, grantId));
  }

  private async findWhere(condition: SQL): Promise<AdapterPayload | undefined> {
    const [row] = await this.db
      .select({ payload: models.payload, consumedAt: models.consumedAt })
      .from(models)
      .where(and(eq(models.kind, this.kind), condition, notExpired))
      .limit(1);
    if (!row) return undefined;
    const payload = row.payload as AdapterPayload;
    // oidc-provider detects replays (a code used twice) by a truthy `consumed`: an epoch time.
    return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
  }
}

/** Deletes rows expired for more than a day (kept that long for troubleshooting); returns how many. */
export async function purgeExpired(db: Db): Promise<number> {
  const deleted = await db
    .delete(models)
    .where(lt(models.expiresAt, sql`now() - interval '1 day'`))
    .returning({ id: models.id });
  return deleted.length;
}
