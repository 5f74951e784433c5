import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { batches, mappings, rows, type BatchState } from './sector-data.schema';

export type BatchRow = typeof batches.$inferSelect;
export type NewBatch = typeof batches.$inferInsert;

/** Table and columns of the staged rows, for COPY. */
export const ROWS_TABLE = 'sector_data.rows';
export const ROWS_COLUMNS = ['batch_id', 'row_number', 'line', 'cells', '"values"', 'errors', 'row_key'] as const;

export async function insertBatch(db: Db, values: NewBatch): Promise<BatchRow> {
  return (await db.insert(batches).values(values).returning())[0]!;
}

export async function findBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  return (await db.select().from(batches).where(eq(batches.id, id)).limit(1))[0];
}

/** The committed batch holding the same file for a type, sector and unit. */
export async function findSameFile(
  db: Db,
  key: { datasetType: string; sector: string; unitCode: string; contentSha256: string },
): Promise<BatchRow | undefined> {
  return (
    await db
      .select()
      .from(batches)
      .where(
        and(
          eq(batches.datasetType, key.datasetType),
          eq(batches.sector, key.sector),
          eq(batches.unitCode, key.unitCode),
          eq(batches.contentSha256, key.contentSha256),
          eq(batches.state, 'committed'),
        ),
      )
      .limit(1)
  )[0];
}

/** The current (committed, not superseded) list of a type, sector and unit, locked for the caller's transaction. */
export async function lockCurrentBatch(
  db: Db,
  key: { datasetType: string; sector: string; unitCode: string },
): Promise<BatchRow | undefined> {
  return (
    await db
      .select()
      .from(batches)
      .where(
        and(
          eq(batches.datasetType, key.datasetType),
          eq(batches.sector, key.sector),
          eq(batches.unitCode, key.unitCode),
          eq(batches.state, 'committed'),
          isNull(batches.supersededBy),
        ),
      )
      .for('update')
  )[0];
}

/** The batch's state, locked for the caller's transaction. */
export async function lockBatchState(db: Db, id: string): Promise<BatchState | undefined> {
  return (await db.select({ state: batches.state }).from(batches).where(eq(batches.id, id)).for('update'))[0]?.state;
}

export async function readBatchState(db: Db, id: string): Promise<BatchState | undefined> {
  return (await db.select({ state: batches.state }).from(batches).where(eq(batches.id, id)))[0]?.state;
}

export async function updateBatch(db: Db, id: string, values: Partial<NewBatch>): Promise<void> {
  await db
    .update(batches)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(batches.id, id));
}

/** Records progress of an importing batch (rows read so far). */
export async function recordProgress(db: Db, id: string, rowsRead: number): Promise<void> {
  await db
    .update(batches)
    .set({ rowsRead, updatedAt: new Date() })
    .where(and(eq(batches.id, id), eq(batches.state, 'importing')));
}

/** Marks an importing batch cancelled; false when it is not importing (finished, or unknown). */
export async function markCancelled(db: Db, id: string): Promise<boolean> {
  const done = await db
    .update(batches)
    .set({ state: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(batches.id, id), eq(batches.state, 'importing')))
    .returning({ id: batches.id });
  return done.length > 0;
}

export async function deleteRowsOf(db: Db, batchId: string): Promise<void> {
  await db.delete(rows).where(eq(rows.batchId, batchId));
}

export async function deleteBatch(db: Db, id: string): Promise<void> {
  await db.delete(batches).where(eq(batches.id, id));
}

/** Batches left `importing` by a process that died (no progress for `staleMs`). */
export async function listAbandoned(db: Db, staleMs: number): Promise<string[]> {
  const before = new Date(Date.now() - staleMs);
  return (
    await db
      .select({ id: batches.id })
      .from(batches)
      .where(and(eq(batches.state, 'importing'), lt(batches.updatedAt, before)))
  ).map((r) => r.id);
}

/** Counts of the staged rows of a batch: all, valid, with errors. */
export async function countRows(db: Db, batchId: string): Promise<{ total: number; valid: number; errors: number }> {
  const [r] = await queryRows<{ total: string | number; errors: string | number }>(
    db,
    sql`select count(*) as total, count(*) filter (where jsonb_array_length(errors) > 0) as errors
        from sector_data.rows where batch_id = ${batchId}`,
  );
  const total = Number(r?.total ?? 0);
  const errors = Number(r?.errors ?? 0);
  return { total, valid: total - errors, errors };
}

/**
 * The diff of a new list against the one it supersedes, by row key (valid rows only): rows whose
 * key is new (or who have no key) are added, keys gone are removed, keys whose values differ changed.
 */
export async function diffBatches(
  db: Db,
  newId: string,
  oldId: string,
): Promise<{ added: number; removed: number; changed: number }> {
  const [r] = await queryRows<{ added: string | number; removed: string | number; changed: string | number }>(
    db,
    sql`with n as (select row_key, "values" from sector_data.rows where batch_id = ${newId} and jsonb_array_length(errors) = 0),
             o as (select row_key, "values" from sector_data.rows where batch_id = ${oldId} and jsonb_array_length(errors) = 0 and row_key is not null)
        select
          (select count(*) from n where n.row_key is null or not exists (select 1 from o where o.row_key = n.row_key)) as added,
          (select count(*) from o where not exists (select 1 from n where n.row_key = o.row_key)) as removed,
          (select count(*) from n where exists (select 1 from o where o.row_key = n.row_key)
             and not exists (select 1 from o where o.row_key = n.row_key and o."values" = n."values")) as changed`,
  );
  return { added: Number(r?.added ?? 0), removed: Number(r?.removed ?? 0), changed: Number(r?.changed ?? 0) };
}

/** Batches of the given sectors (each within its units; null = all units), newest first. */
export async function listBatches(
  db: Db,
  scope: ReadonlyMap<string, ReadonlySet<string> | null>,
  filter: { datasetType?: string; state?: BatchState; limit: number; offset: number },
): Promise<{ items: BatchRow[]; total: number }> {
  const bySector: SQL[] = [...scope].map(([sector, units]) =>
    units === null
      ? eq(batches.sector, sector)
      : and(eq(batches.sector, sector), inArray(batches.unitCode, units.size ? [...units] : ['']))!,
  );
  if (bySector.length === 0) return { items: [], total: 0 };
  const where = and(
    or(...bySector),
    filter.datasetType ? eq(batches.datasetType, filter.datasetType) : undefined,
    filter.state ? eq(batches.state, filter.state) : undefined,
  );
  const items = await db
    .select()
    .from(batches)
    .where(where)
    .orderBy(desc(batches.createdAt), desc(batches.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)` })
    .from(batches)
    .where(where);
  return { items, total: Number(count?.n ?? 0) };
}

/** The error rows of a batch in file order, `size` at a time after `afterRow` (streamed export). */
export async function errorRowsPage(db: Db, batchId: string, afterRow: number, size: number) {
  return db
    .select({ rowNumber: rows.rowNumber, line: rows.line, cells: rows.cells, errors: rows.errors })
    .from(rows)
    .where(
      and(eq(rows.batchId, batchId), sql`${rows.rowNumber} > ${afterRow}`, sql`jsonb_array_length(${rows.errors}) > 0`),
    )
    .orderBy(asc(rows.rowNumber))
    .limit(size);
}

export type MappingRow = typeof mappings.$inferSelect;

export async function listMappings(db: Db, sector: string, datasetType?: string): Promise<MappingRow[]> {
  return db
    .select()
    .from(mappings)
    .where(and(eq(mappings.sector, sector), datasetType ? eq(mappings.datasetType, datasetType) : undefined))
    .orderBy(asc(mappings.datasetType), asc(mappings.name));
}

export async function findMapping(db: Db, sector: string, datasetType: string, name: string) {
  return (
    await db
      .select()
      .from(mappings)
      .where(and(eq(mappings.sector, sector), eq(mappings.datasetType, datasetType), eq(mappings.name, name)))
      .limit(1)
  )[0];
}

/** Saves a mapping under its name (replacing one of the same name). */
export async function saveMapping(
  db: Db,
  values: { sector: string; datasetType: string; name: string; columns: Record<string, string>; updatedBy: string },
): Promise<MappingRow> {
  return (
    await db
      .insert(mappings)
      .values(values)
      .onConflictDoUpdate({
        target: [mappings.sector, mappings.datasetType, mappings.name],
        set: { columns: values.columns, updatedBy: values.updatedBy, updatedAt: new Date() },
      })
      .returning()
  )[0]!;
}
