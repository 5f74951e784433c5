/**
 * Linking a batch as a job (issue 16 §3): the batch is claimed (`link_state` linking, progress
 * 0 of its valid rows), linkBatch runs — awaited, or in the background while the web polls the
 * batch — and the batch ends `linked` with the rows linked, or `failed` with a bilingual failure.
 * linkBatch is one transaction: a failure or a stopped server leaves the earlier links in place.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db';
import { queryRows } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import { batches } from '../sector-data.schema';
import { batchNotFound, SECTOR_ERRORS } from '../sector-data.errors';
import { findBatch, type BatchRow } from '../sector-data.repository';
import { batchNotCommitted, linkBatch, type LinkBatchOptions, type LinkBatchResult } from './link-batch';
import { runningLinks } from './link-progress';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Failure = { code: string; vi: string; en: string };

export const LINK_ABANDONED: Failure = {
  code: 'SECTOR.LINK_ABANDONED',
  vi: 'Liên kết bị dừng giữa chừng (máy chủ dừng); kết quả liên kết trước đó được giữ nguyên',
  en: 'The linking stopped midway (the server stopped); the earlier links are kept',
};

const LINK_FAILED: Failure = {
  code: 'SECTOR.LINK_FAILED',
  vi: 'Liên kết không thành công do lỗi máy chủ; kết quả liên kết trước đó được giữ nguyên. Hãy thử lại',
  en: 'The linking failed (a server error); the earlier links are kept. Try again',
};

/** A second linking of a batch while one runs. */
export const linkRunning = () =>
  new AppError(
    SECTOR_ERRORS.BATCH_CONFLICT,
    'Danh sách này đang được liên kết; hãy chờ lượt liên kết đang chạy kết thúc',
    'This list is being linked; wait for the linking under way to finish',
  );

/**
 * A linking claimed this recently is never swept: the claim of another request of this process may
 * have committed after the sweep looked at the jobs running here.
 */
export const LINK_CLAIM_GRACE_MS = 5_000;

/**
 * Marks failed the batches left `linking` with no job: not running in this process, and not held
 * by a linking transaction of another (the row lock linkBatch takes; `skip locked`) — a server
 * stopped mid-way. Their earlier links are untouched (the transaction never committed).
 * `batchId`: only that batch (a read of one batch).
 */
export async function sweepAbandonedLinks(db: Db, batchId?: string, graceMs = LINK_CLAIM_GRACE_MS): Promise<number> {
  const mine = [...runningLinks.keys()];
  const swept = await queryRows<{ id: string }>(
    db,
    sql`update ${batches}
           set link_state = 'failed', link_failure = ${JSON.stringify(LINK_ABANDONED)}::jsonb,
               link_finished_at = now()
         where id in (select id from ${batches}
                       where link_state = 'linking'
                         and (link_started_at is null
                              or link_started_at < now() - make_interval(secs => ${graceMs / 1000}))
                         ${batchId ? sql`and id = ${batchId}` : sql``}
                         ${
                           mine.length
                             ? sql`and id not in (${sql.join(
                                 mine.map((id) => sql`${id}::uuid`),
                                 sql`, `,
                               )})`
                             : sql``
                         }
                       for update skip locked)
           and link_state = 'linking'
     returning id`,
  );
  return swept.length;
}

/**
 * Claims a committed batch for linking: `linking`, 0 of its valid rows, failure cleared. Refused
 * (409) while it is linking, or when it is not committed.
 */
export async function claimLink(db: Db, batchId: string): Promise<BatchRow> {
  if (!UUID.test(batchId)) throw batchNotFound();
  if (runningLinks.has(batchId)) throw linkRunning();
  await sweepAbandonedLinks(db, batchId);
  const claimed = await db
    .update(batches)
    .set({
      linkState: 'linking',
      linkRowsLinked: 0,
      linkRowsTotal: sql`${batches.validCount}`,
      linkStartedAt: new Date(),
      linkFinishedAt: null,
      linkFailure: null,
    })
    .where(and(eq(batches.id, batchId), eq(batches.state, 'committed'), ne(batches.linkState, 'linking')))
    .returning();
  if (claimed[0]) {
    runningLinks.set(batchId, { linked: 0, total: claimed[0].linkRowsTotal });
    return claimed[0];
  }
  const batch = await findBatch(db, batchId);
  if (!batch) throw batchNotFound();
  if (batch.state !== 'committed') throw batchNotCommitted();
  throw linkRunning();
}

/**
 * Runs the linking of a batch claimed by claimLink: progress kept for readers while it runs, the
 * batch left `linked` (rows linked, finished) or `failed` (the error's bilingual message when it
 * is one of ours, else a generic one). The error is rethrown for an awaiting caller.
 */
export async function runClaimedLink(
  database: Database,
  batchId: string,
  options: LinkBatchOptions = {},
): Promise<LinkBatchResult> {
  const progress = runningLinks.get(batchId) ?? { linked: 0, total: 0 };
  runningLinks.set(batchId, progress);
  try {
    const result = await linkBatch(database, batchId, {
      ...options,
      onProgress: (linked, total) => {
        progress.linked = linked;
        progress.total = total;
        options.onProgress?.(linked, total);
      },
    });
    await database.db
      .update(batches)
      .set({
        linkState: 'linked',
        linkRowsLinked: result.linked,
        linkFinishedAt: new Date(),
        linkFailure: null,
      })
      .where(eq(batches.id, batchId));
    return result;
  } catch (error) {
    const failure =
      error instanceof AppError ? { code: error.code, vi: error.messageVi, en: error.messageEn } : LINK_FAILED;
    await database.db
      .update(batches)
      .set({ linkState: 'failed', linkFailure: failure, linkFinishedAt: new Date() })
      .where(and(eq(batches.id, batchId), eq(batches.linkState, 'linking')))
      .catch(() => undefined); // the database itself failed: the sweep marks the batch once it is back
    throw error;
  } finally {
    runningLinks.delete(batchId);
  }
}

/**
 * Claims and links a batch, awaited, its link state kept on the batch as the API's job does
 * (`dvc06 link`, `?wait=true`, the demo's lists; the module's index exports it as `linkBatch`).
 */
export async function linkNow(
  database: Database,
  batchId: string,
  options: LinkBatchOptions = {},
): Promise<LinkBatchResult> {
  await claimLink(database.db, batchId);
  return runClaimedLink(database, batchId, options);
}
