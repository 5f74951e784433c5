import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { PortalPush, PortalPushList, PushState } from '../../../contracts/portal-sync';
import { uuidInJobData, type RedriveHook } from '../jobs';
import { pushes } from './portal-sync.schema';

type PushRow = typeof pushes.$inferSelect;

/** A push as the administrator reads it: identifiers, state and errors only (the payload carries no personal data but is not needed here). */
export function presentPush(row: PushRow): PortalPush {
  return {
    id: row.id,
    dossierCode: row.dossierCode,
    seq: row.seq,
    status: row.status,
    state: row.state as PushState,
    attempts: row.attempts,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The pushes, newest first (one dossier's in sequence order), with the count per state. */
export async function listPushes(
  db: Db,
  q: { state?: PushState; dossierCode?: string; limit: number },
): Promise<PortalPushList> {
  const where = and(
    q.state ? eq(pushes.state, q.state) : undefined,
    q.dossierCode ? eq(pushes.dossierCode, q.dossierCode) : undefined,
  );
  const rows = await db
    .select()
    .from(pushes)
    .where(where)
    .orderBy(...(q.dossierCode ? [pushes.seq] : [desc(pushes.createdAt), desc(pushes.seq)]))
    .limit(q.limit);
  const counts = await db
    .select({ state: pushes.state, n: sql<string>`count(*)` })
    .from(pushes)
    .groupBy(pushes.state);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
    items: rows.map(presentPush),
  };
}

/**
 * Gives a dead push a new round of attempts (state pending, attempts from 0): the dossier's stream
 * is unblocked. Returns the dossier to send. A push that is not dead is refused (409), a missing one 404.
 */
export async function reopenDeadPush(db: Db, id: string): Promise<PushRow> {
  const [row] = await db
    .update(pushes)
    .set({ state: 'pending', attempts: 0 })
    .where(and(eq(pushes.id, id), eq(pushes.state, 'dead')))
    .returning();
  if (row) return row;
  const [exists] = await db.select({ state: pushes.state }).from(pushes).where(eq(pushes.id, id)).limit(1);
  if (!exists)
    throw new AppError('PORTAL_SYNC.PUSH_NOT_FOUND', 'Không tìm thấy lần đồng bộ này', 'No such push', [
      {
        field: 'id',
        code: 'not_found',
        messageVi: 'Không có lần đồng bộ mang mã này',
        messageEn: 'No push has this id',
      },
    ]);
  throw new AppError(
    'PORTAL_SYNC.NOT_DEAD_CONFLICT',
    'Chỉ gửi lại được lần đồng bộ đã dừng sau khi hết số lần thử',
    'Only a push whose retries ran out can be retried',
    [
      {
        field: 'id',
        code: 'not_dead',
        messageVi: `Lần đồng bộ đang ở trạng thái ${exists.state}`,
        messageEn: `The push is ${exists.state}`,
      },
    ],
  );
}

/**
 * The jobs page's retry of a `portal-sync.push` dead letter (`{ dossierId }`, the redrive hook of the
 * queue, ADR 0035): the dossier's dead push is reopened by the administrator's own retry
 * (`reopenDeadPush`), in the redrive's transaction, so the redriven job finds it pending and sends
 * the dossier's pushes in order. Refused when the dossier has no dead push any more (retried from
 * /admin/portal-sync, or sent since): nothing to reopen, nothing redriven.
 */
export const redrivePushJob: RedriveHook = async (tx, data) => {
  const dossierId = uuidInJobData(data, 'dossierId');
  const [dead] = dossierId
    ? await tx
        .select({ id: pushes.id })
        .from(pushes)
        .where(and(eq(pushes.dossierId, dossierId), eq(pushes.state, 'dead')))
        .orderBy(pushes.seq)
        .limit(1)
    : [];
  try {
    if (dead) {
      await reopenDeadPush(tx, dead.id);
      return undefined;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // reopened by someone else meanwhile: refused below
  }
  return {
    reasonVi: `hồ sơ ${dossierId ?? '?'} không còn lần đồng bộ nào đã dừng (có thể đã được gửi lại từ trang Đồng bộ Cổng DVC quốc gia)`,
    reasonEn: `dossier ${dossierId ?? '?'} has no dead push any more (it may have been retried from the National portal sync page)`,
    page: '/admin/portal-sync',
  };
};
