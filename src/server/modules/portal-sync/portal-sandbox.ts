import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Database, Db } from '../../platform/db';
import { sandboxReceived, sandboxSettings } from './portal-sync.schema';
import { sandboxPage } from './portal-sandbox.page';

/** Where the sandbox of the national portal's sync endpoint lives in our app. */
export const PORTAL_SANDBOX_PREFIX = '/portal-sandbox';

/** What the sandbox checks of a push (the rest is kept as received). */
const Push = z
  .object({
    MaHoSo: z.string().min(1).max(60),
    SoThuTuDongBo: z.number().int().min(1),
    TrangThaiHoSo: z.string().min(1).max(4),
  })
  .passthrough();

const sameKey = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The sandbox's behaviour: answer 500 to every push, or wait `delayMs` before answering. */
export interface SandboxSettings {
  failing: boolean;
  delayMs: number;
}

/** The sandbox's current settings (defaults when never set). */
export async function readSandboxSettings(db: Db): Promise<SandboxSettings> {
  const [row] = await db.select().from(sandboxSettings).where(eq(sandboxSettings.id, 1)).limit(1);
  return { failing: row?.failing ?? false, delayMs: row?.delayMs ?? 0 };
}

/** Sets the sandbox's behaviour (the administrator's control, tests). */
export async function setSandboxSettings(db: Db, settings: SandboxSettings): Promise<SandboxSettings> {
  await db
    .insert(sandboxSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: sandboxSettings.id, set: { ...settings, updatedAt: new Date() } });
  return settings;
}

/**
 * Keeps one push: the first (dossier code, seq) is stored, marked out of order when the dossier's
 * previous sequence has not arrived; a repeat is counted as a duplicate and stored nowhere.
 */
export async function receivePush(
  db: Db,
  push: z.infer<typeof Push>,
): Promise<{ duplicate: boolean; outOfOrder: boolean }> {
  return db.transaction(async (tx) => {
    const previous =
      push.SoThuTuDongBo === 1
        ? [{ one: 1 }]
        : await tx
            .select({ one: sql<number>`1` })
            .from(sandboxReceived)
            .where(and(eq(sandboxReceived.dossierCode, push.MaHoSo), eq(sandboxReceived.seq, push.SoThuTuDongBo - 1)))
            .limit(1);
    const outOfOrder = previous.length === 0;
    const [row] = await tx
      .insert(sandboxReceived)
      .values({
        dossierCode: push.MaHoSo,
        seq: push.SoThuTuDongBo,
        status: push.TrangThaiHoSo,
        payload: push,
        outOfOrder,
      })
      .onConflictDoUpdate({
        target: [sandboxReceived.dossierCode, sandboxReceived.seq],
        set: { duplicates: sql`${sandboxReceived.duplicates} + 1` },
      })
      .returning({ duplicates: sandboxReceived.duplicates, outOfOrder: sandboxReceived.outOfOrder });
    return { duplicate: row!.duplicates > 0, outOfOrder: row!.outOfOrder };
  });
}

/** What the sandbox received, per dossier in sequence order (one dossier's when `dossierCode` is given). */
export async function readSandboxReceived(db: Db, filter: { dossierCode?: string; limit?: number } = {}) {
  const rows = await db
    .select()
    .from(sandboxReceived)
    .where(filter.dossierCode ? eq(sandboxReceived.dossierCode, filter.dossierCode) : undefined)
    .orderBy(desc(sandboxReceived.receivedAt))
    .limit(filter.limit ?? 500);
  return rows.sort((a, b) => a.dossierCode.localeCompare(b.dossierCode) || a.seq - b.seq);
}

/** Everything received in arrival order (tests check the order of arrival). */
export async function readSandboxArrivals(db: Db) {
  return db.select().from(sandboxReceived).orderBy(asc(sandboxReceived.receivedAt), asc(sandboxReceived.seq));
}

/**
 * The development stand-in for the national portal's dossier sync at /portal-sandbox (like /eid,
 * /pay-sandbox and /sms-sandbox; on outside production, PORTAL_SANDBOX): `POST
 * /portal-sandbox/api/dossier-sync` with the bearer key PORTAL_SYNC_KEY keeps each (dossier code,
 * seq) once (`receivePush`), answers 500 while told to fail and waits while told to be slow (the
 * administrator's control, /api/v1/portal-sync/sandbox); `GET /portal-sandbox` shows the pushes per
 * dossier (Vietnamese first). Sends nothing anywhere.
 */
export async function registerPortalSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
): Promise<void> {
  const db = deps.database.db;
  const key = deps.config.PORTAL_SYNC_KEY ?? '';
  const opts = { schema: { hide: true }, config: { action: 'public' as const, csrf: 'own' as const } };
  app.post(`${PORTAL_SANDBOX_PREFIX}/api/dossier-sync`, opts, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    if (!key || !auth.startsWith('Bearer ') || !sameKey(auth.slice(7), key))
      return reply.status(401).send({ error: 'unauthorized' });
    const settings = await readSandboxSettings(db);
    if (settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.delayMs));
    if (settings.failing) return reply.status(500).send({ error: 'sandbox told to fail' });
    const body = Push.safeParse(request.body);
    if (!body.success)
      return reply.status(400).send({ error: 'bad request: MaHoSo, SoThuTuDongBo (integer ≥ 1), TrangThaiHoSo' });
    const kept = await receivePush(db, body.data);
    return reply.status(200).send({ accepted: true, ...kept });
  });
  app.get(
    `${PORTAL_SANDBOX_PREFIX}`,
    { schema: { hide: true }, config: { action: 'public' as const } },
    async (request, reply) => {
      const q = z.object({ ma: z.string().max(60).optional() }).safeParse(request.query);
      const dossierCode = q.success && q.data.ma ? q.data.ma : undefined;
      const [settings, rows] = [await readSandboxSettings(db), await readSandboxReceived(db, { dossierCode })];
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(sandboxPage({ prefix: PORTAL_SANDBOX_PREFIX, settings, rows, dossierCode }));
    },
  );
}
