/**
 * Linking a committed batch to the population registry (issue 16 §2–§3): the engine of
 * `linking/` over the SQL registry view, the batch's valid rows read in chunks, earlier review
 * decisions applied, and the links stored in one transaction (re-linking replaces them).
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { unboundedDatabase, type Database, type Db } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import { createLinker, type ListRow, type ResolvedChunk, type RowLink } from '../linking';
import { refreshNameKeys } from '../linking/name-keys';
import { sqlRegistry } from '../linking/registry-sql';
import { batches, linkReviews, links, linkStaging, rows, LINK_OUTCOMES } from '../sector-data.schema';
import { batchNotFound } from '../sector-data.errors';
import { findBatch } from '../sector-data.repository';

export type StoredOutcome = (typeof LINK_OUTCOMES)[number];

/** Commune codes have five digits (provinces two, the former districts three). */
const COMMUNE_CODE = /^\d{5}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows linked per registry round trip, and links inserted per statement. */
const CHUNK = 1000;

export interface LinkBatchResult {
  batchId: string;
  /** Valid rows linked (error rows are not linked). */
  linked: number;
  /** Rows that failed validation at import (not linked). */
  invalid: number;
  /** Links per outcome, every outcome present (0 when none). */
  counts: Record<StoredOutcome, number>;
  /** Links whose outcome comes from an officer's earlier review decision. */
  reviewed: number;
  pairsCompared: number;
}

export interface LinkBatchOptions {
  /** Called after each chunk: valid rows linked so far, and their total. */
  onProgress?: (linked: number, total: number) => void;
  /** The year ages are reckoned from (default: this year). */
  referenceYear?: number;
}

/** Only a committed batch is linked. */
export function batchNotCommitted(): AppError {
  return new AppError(
    'SECTOR.BATCH_CONFLICT',
    'Chỉ liên kết được lượt nhập đã hoàn tất (lượt này đang nhập, đã huỷ hoặc bị lỗi)',
    'Only a committed batch can be linked (this one is importing, cancelled or failed)',
  );
}

/** The link fields of the engine, taken from the list's own cells (the engine reads them its way). */
const FIELD_OF: Record<string, keyof Omit<ListRow, 'row' | 'unitCode'>> = {
  fullName: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  idNumber: 'idNumber',
  headName: 'householdHead',
};

type LinkInsert = typeof links.$inferInsert;

interface Decision {
  id: string;
  decision: 'accept' | 'reject';
}

/** A decision on (row key, person) applied to the engine's link: accept makes a probable link a match, reject undoes a link. */
export function applyDecision(link: RowLink, decision: Decision | undefined): { link: RowLink; reviewId?: string } {
  if (!decision || link.personId === undefined) return { link };
  const linkedKind = ['probable', 'matched', 'matched_with_discrepancies'].includes(link.outcome);
  if (!linkedKind) return { link };
  if (decision.decision === 'accept') {
    if (link.outcome !== 'probable') return { link, reviewId: decision.id };
    const outcome = link.disagreements.length === 0 ? 'matched' : 'matched_with_discrepancies';
    return { link: { ...link, outcome, candidates: undefined }, reviewId: decision.id };
  }
  const rejected: RowLink = {
    row: link.row,
    outcome: 'not_found',
    disagreements: [],
    explanation: link.explanation,
    ...(link.score !== undefined ? { score: link.score } : {}),
  };
  return { link: rejected, reviewId: decision.id };
}

function toInsert(batchId: string, link: RowLink, reviewId: string | undefined, rejectedPerson?: string): LinkInsert {
  const someoneElse = link.outcome === 'id_belongs_to_someone_else';
  return {
    batchId,
    rowNumber: link.row,
    outcome: link.outcome,
    // For id_belongs_to_someone_else the link is to the holder of the row's ID number; the person found is kept apart.
    personId: someoneElse ? (link.idHolder?.personId ?? null) : (link.personId ?? null),
    nationalId: someoneElse ? (link.idHolder?.nationalId ?? null) : (link.nationalId ?? null),
    actualPersonId: someoneElse ? (link.personId ?? null) : null,
    actualNationalId: someoneElse ? (link.nationalId ?? null) : null,
    score: link.score ?? null,
    disagreements: link.disagreements,
    explanation: {
      fields: link.explanation,
      ...(link.candidates ? { candidates: link.candidates } : {}),
      ...(rejectedPerson ? { rejectedPersonId: rejectedPerson } : {}),
    },
    duplicateOfRow: link.duplicateOfRow ?? null,
    reviewId: reviewId ?? null,
  };
}

/**
 * Links the valid rows of a committed batch to the registry and stores one link per row,
 * replacing the batch's earlier links atomically. Earlier review decisions of the same dataset
 * type and sector (by row key and person) are applied. Returns the counts per outcome.
 */
export async function linkBatch(
  database: Database,
  batchId: string,
  options: LinkBatchOptions = {},
): Promise<LinkBatchResult> {
  // A whole list, not a request: deleting a large batch's earlier links or refreshing the registry's
  // name keys takes longer than a request's statement timeout (ADR 0014).
  const db = unboundedDatabase(database).db;
  if (!UUID.test(batchId)) throw batchNotFound();
  const batch = await findBatch(db, batchId);
  if (!batch) throw batchNotFound();
  if (batch.state !== 'committed') throw batchNotCommitted();
  const columnOf = new Map<string, number>();
  for (const [field, header] of Object.entries(batch.mapping)) {
    const index = batch.header.indexOf(header);
    if (index >= 0 && FIELD_OF[field]) columnOf.set(FIELD_OF[field], index);
  }
  const total = batch.validCount;
  // A commune's list places its people in the commune (the engine compares it with where they live); a
  // list of the province (or a district) says nothing of anyone's commune: no unit to compare.
  const listCommune = COMMUNE_CODE.test(batch.unitCode) ? batch.unitCode : undefined;
  await refreshNameKeys(db); // the registry's phonetic keys in step with it (people added or renamed since)
  const counts = Object.fromEntries(LINK_OUTCOMES.map((o) => [o, 0])) as Record<StoredOutcome, number>;
  let reviewed = 0;
  let linkedRows = 0;
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  /**
   * Links the rows chunk by chunk on `tx` and writes each chunk's links into `target` as it goes —
   * memory stays one chunk whatever the list's length. Returns the pairs compared.
   */
  const linkRows = async (tx: Db, target: 'links' | 'staging'): Promise<number> => {
    // The registry is read outside the transaction on PostgreSQL (population's data, read-only here):
    // the request pool's connections, so its statements never wait behind this list's writes (each is
    // short, ~50 ms at 500,000 people: the requests' statement timeout fits; the bulk pool of long
    // work has two connections, one of them this transaction's, and imports need the other).
    const registry = sqlRegistry(database.kind === 'postgres' ? database.db : tx, {
      householdHeads: columnOf.has('householdHead'),
    });
    const linker = createLinker(registry, { referenceYear });
    const readChunk = (after: number) =>
      tx
        .select({ rowNumber: rows.rowNumber, cells: rows.cells, rowKey: rows.rowKey })
        .from(rows)
        .where(and(eq(rows.batchId, batchId), gt(rows.rowNumber, after), sql`jsonb_array_length(${rows.errors}) = 0`))
        .orderBy(asc(rows.rowNumber))
        .limit(CHUNK);
    type Chunk = Awaited<ReturnType<typeof readChunk>>;
    const toListRows = (chunk: Chunk): ListRow[] =>
      chunk.map((r) => {
        const row: ListRow = { row: r.rowNumber, ...(listCommune ? { unitCode: listCommune } : {}) };
        for (const [field, index] of columnOf)
          (row as unknown as Record<string, unknown>)[field] = r.cells[index] ?? null;
        return row;
      });
    // On PostgreSQL the next chunks are read and resolved while this one is scored and written (two
    // ahead, no more): the registry's statements go to the pool, not to the transaction's connection,
    // so the server answers the chunks ahead while the engine scores this one and this one's links are
    // written — on the transaction's one connection alone the process waited on the database ~30 % of
    // the time. The outcomes are the same: duplicates are still marked chunk after chunk, in order
    // (`finish`). PGlite runs in this thread: nothing to overlap there, one chunk at a time.
    const ahead = database.kind === 'postgres' ? 2 : 0;
    const inFlight = new Set<Promise<unknown>>();
    const track = <T>(promise: Promise<T>): Promise<T> => {
      inFlight.add(promise);
      void promise.catch(() => undefined).finally(() => inFlight.delete(promise)); // awaited below
      return promise;
    };
    type Begun = { chunk: Chunk; resolved: Promise<ResolvedChunk> } | undefined;
    const begin = async (after: number): Promise<Begun> => {
      const chunk = await readChunk(after);
      if (chunk.length === 0) return undefined;
      return { chunk, resolved: track(linker.resolve(toListRows(chunk))) };
    };
    // The chunks begun, in order: each is read once the one before it is (its first row number follows).
    let tail: Promise<Begun> = track(begin(0));
    const queue: Array<Promise<Begun>> = [tail];
    const beginNext = () => {
      tail = track(tail.then((b) => (b ? begin(b.chunk[b.chunk.length - 1]!.rowNumber) : undefined)));
      queue.push(tail);
    };
    try {
      for (;;) {
        while (queue.length < ahead + 1) beginNext();
        const current = await queue.shift()!;
        if (!current) break;
        const chunk = current.chunk;
        const results = linker.finish(await current.resolved);
        const decisions = await decisionsFor(
          tx,
          batch,
          chunk.flatMap((r) => (r.rowKey ? [r.rowKey] : [])),
        );
        const inserts = results.map((link, i) => {
          const key = chunk[i]!.rowKey;
          const decision = key && link.personId ? decisions.get(`${key}|${link.personId}`) : undefined;
          const applied = applyDecision(link, decision);
          if (applied.reviewId) reviewed++;
          const rejected = decision?.decision === 'reject' && applied.reviewId ? link.personId : undefined;
          counts[applied.link.outcome]++;
          return toInsert(batchId, applied.link, applied.reviewId, rejected);
        });
        await insertLinks(tx, target, batchId, inserts);
        linkedRows += inserts.length;
        options.onProgress?.(linkedRows, total);
      }
    } finally {
      // A failure ends the transaction: nothing of a chunk begun ahead may still be queued on it then.
      await Promise.allSettled([...inFlight]);
    }
    return linker.stats.pairsCompared;
  };
  const lockBatch = (tx: Db) => tx.execute(sql`select id from ${batches} where ${batches.id} = ${batchId} for update`);
  let pairsCompared: number;
  if (database.kind === 'postgres') {
    // One transaction, streamed: the batch row is locked (one linking of a batch at a time), its
    // earlier links deleted, each chunk's links written as it is linked; readers see the old links
    // until the new ones are all in (other connections serve the requests meanwhile).
    pairsCompared = await db.transaction(async (tx) => {
      await lockBatch(tx);
      await tx.delete(links).where(eq(links.batchId, batchId));
      return linkRows(tx, 'links');
    });
  } else {
    // PGlite: one connection, and a transaction holds it alone — every request would wait for a
    // linking done in one. Each chunk is written to the staging table on its own, requests run in
    // between; then one short transaction swaps the staged links in (readers see the old ones until then).
    await db.delete(linkStaging).where(eq(linkStaging.batchId, batchId)); // a failed run's leftovers
    try {
      pairsCompared = await linkRows(db, 'staging');
      await db.transaction(async (tx) => {
        await lockBatch(tx);
        await tx.delete(links).where(eq(links.batchId, batchId));
        await tx.execute(sql`
          insert into ${links} (batch_id, row_number, outcome, person_id, national_id, actual_person_id,
                                actual_national_id, score, disagreements, explanation, duplicate_of_row, review_id)
          select batch_id, row_number, outcome, person_id, national_id, actual_person_id, actual_national_id,
                 score, disagreements, explanation, duplicate_of_row, review_id
            from ${linkStaging} where batch_id = ${batchId} order by row_number`);
        await tx.delete(linkStaging).where(eq(linkStaging.batchId, batchId));
      });
    } catch (error) {
      await db
        .delete(linkStaging)
        .where(eq(linkStaging.batchId, batchId))
        .catch(() => undefined); // the error that matters is the linking's
      throw error;
    }
  }
  return { batchId, linked: linkedRows, invalid: batch.errorCount, counts, reviewed, pairsCompared };
}

/**
 * Writes a chunk's links in one statement with one parameter: the rows as a JSON array, read by
 * `json_to_recordset`. A multi-row INSERT of 1,000 links × 12 columns made Drizzle build a
 * statement of 12,000 parameters (~20 % of the process's time when linking, spent walking them).
 */
async function insertLinks(
  db: Db,
  target: 'links' | 'staging',
  batchId: string,
  inserts: readonly LinkInsert[],
): Promise<void> {
  if (inserts.length === 0) return;
  const json = JSON.stringify(
    inserts.map((l) => ({
      row_number: l.rowNumber,
      outcome: l.outcome,
      person_id: l.personId ?? null,
      national_id: l.nationalId ?? null,
      actual_person_id: l.actualPersonId ?? null,
      actual_national_id: l.actualNationalId ?? null,
      score: l.score ?? null,
      disagreements: l.disagreements ?? [],
      explanation: l.explanation,
      duplicate_of_row: l.duplicateOfRow ?? null,
      review_id: l.reviewId ?? null,
    })),
  );
  await db.execute(sql`
    insert into ${target === 'links' ? links : linkStaging} (batch_id, row_number, outcome, person_id, national_id, actual_person_id, actual_national_id,
                          score, disagreements, explanation, duplicate_of_row, review_id)
    select ${batchId}::uuid, r.row_number, r.outcome, r.person_id, r.national_id, r.actual_person_id,
           r.actual_national_id, r.score, r.disagreements, r.explanation, r.duplicate_of_row, r.review_id
      from json_to_recordset(${json}::json) as r(row_number integer, outcome text, person_id uuid, national_id text,
           actual_person_id uuid, actual_national_id text, score real, disagreements text[], explanation jsonb,
           duplicate_of_row integer, review_id uuid)`);
}

/** Review decisions of the batch's type and sector for these row keys: `rowKey|personId` → decision. */
async function decisionsFor(
  db: Db,
  batch: { datasetType: string; sector: string },
  rowKeys: string[],
): Promise<Map<string, Decision>> {
  if (rowKeys.length === 0) return new Map();
  const found = await db
    .select({
      id: linkReviews.id,
      rowKey: linkReviews.rowKey,
      personId: linkReviews.personId,
      decision: linkReviews.decision,
    })
    .from(linkReviews)
    .where(
      and(
        eq(linkReviews.datasetType, batch.datasetType),
        eq(linkReviews.sector, batch.sector),
        inArray(linkReviews.rowKey, rowKeys),
      ),
    );
  return new Map(found.map((d) => [`${d.rowKey}|${d.personId}`, { id: d.id, decision: d.decision }]));
}
