import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { csvValue, unboundedDatabase, type Database } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import { isBlankRow, type TableFormat, type TableRow } from '../../../platform/tabular-import';
import { fileInvalid, importCancelled, SECTOR_ERRORS, typeNotFound } from '../sector-data.errors';
import * as repo from '../sector-data.repository';
import { findDatasetType, validateRow, type DatasetType } from '../types';
import { EncodingWatch, encodingMessage } from './legacy-encoding';
import { HEADER_SEARCH_ROWS, headerScore, resolveMapping, type ColumnMapping, type ResolvedMapping } from './mapping';
import { openSource } from './read-source';

/** Limits of one import (defaults for the API and the CLI). */
export interface ImportLimits {
  /** Most data rows of one file. */
  maxDataRows: number;
  /** Most bytes an XLSX file may unpack to (the zip-bomb guard). */
  maxUnpackedBytes: number;
  /** Rows written to the database per COPY. */
  chunkRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxDataRows: 2_000_000,
  maxUnpackedBytes: 2 * 1024 * 1024 * 1024,
  chunkRows: 5_000,
};

/** What to import: the file on disk and what it is. */
export interface ImportRequest {
  datasetType: string;
  unitCode: string;
  fileName: string;
  path: string;
  /** A column mapping set by hand (field key → header text), or a saved one's name (looked up for the sector). */
  mapping?: ColumnMapping;
  mappingName?: string;
  /** Who imports: an account id, or `cli:<user>` for the command line. */
  createdBy: string;
}

/** The outcome of an import. */
export interface ImportOutcome {
  batchId: string;
  /** True when the same file was already imported for this type, sector and unit: nothing new was created. */
  duplicate: boolean;
  rowCount: number;
  validCount: number;
  errorCount: number;
  supersedes: string | null;
  diff: { added: number; removed: number; changed: number } | null;
}

/** SHA-256 (hex) of a file, read as a stream. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** An import whose file was opened and whose header was read: the rest streams in `run`. */
export interface PreparedImport {
  type: DatasetType;
  request: ImportRequest;
  sha256: string;
  format: TableFormat;
  header: TableRow;
  resolved: ResolvedMapping;
  /** The rows after the header (the first one already read, to refuse a header-only file at once). */
  rest: AsyncIterator<TableRow>;
  first: TableRow;
  /** CSV: the first data row's number (blank records between the header and it count). */
  firstOrdinal: number;
  watch: EncodingWatch;
  /** The committed batch of the same file, when it is a re-import. */
  sameFile?: repo.BatchRow;
}

function encodingCheck(watch: EncodingWatch, row: TableRow): void {
  const problem = watch.check(row.line, row.cells);
  if (problem) {
    const m = encodingMessage(problem);
    throw fileInvalid(m.vi, m.en);
  }
}

/**
 * Opens the file and reads up to its first data row: the format, the header (the first row, among
 * the first 20, that names the type's required columns — title rows above it are skipped) and the
 * column mapping. Everything wrong with the file as a whole is refused here, before any batch
 * exists: empty, not CSV/XLSX, encoding, zip bomb, missing or duplicate columns, header only.
 */
export async function prepareImport(
  database: Database,
  request: ImportRequest,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<PreparedImport> {
  const type = findDatasetType(request.datasetType);
  if (!type) throw typeNotFound(request.datasetType);
  let manual = request.mapping;
  if (!manual && request.mappingName) {
    const saved = await repo.findMapping(database.db, type.sector, type.code, request.mappingName);
    if (!saved)
      throw new AppError(
        SECTOR_ERRORS.MAPPING_NOT_FOUND,
        `Không có cách ghép cột "${request.mappingName}" của ngành cho loại dữ liệu này`,
        `There is no column mapping "${request.mappingName}" of the sector for this dataset type`,
      );
    manual = saved.columns;
  }
  const sha256 = await sha256OfFile(request.path);
  const source = await openSource(request.path, limits);
  const rows = source.rows[Symbol.asyncIterator]();
  const watch = new EncodingWatch();
  let header: TableRow | undefined;
  let resolved: ResolvedMapping | undefined;
  let firstProblem: Error | undefined;
  let best = -1;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS;) {
    const next = await rows.next();
    if (next.done) break;
    if (isBlankRow(next.value)) continue;
    seen++;
    encodingCheck(watch, next.value);
    try {
      resolved = resolveMapping(type, next.value, manual);
      header = next.value;
      break;
    } catch (error) {
      const score = headerScore(type, next.value);
      if (score > best) [best, firstProblem] = [score, error as Error];
    }
  }
  if (!header || !resolved) {
    if (firstProblem) throw firstProblem;
    throw fileInvalid('Tệp không có dòng nào', 'The file has no rows');
  }
  let first: TableRow | undefined;
  let firstOrdinal = 0;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    firstOrdinal++;
    if (!isBlankRow(next.value)) {
      first = next.value;
      break;
    }
  }
  if (!first)
    throw fileInvalid(
      'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào',
      'The file has a header row and no data rows',
    );
  const sameFile = await repo.findSameFile(database.db, {
    datasetType: type.code,
    sector: type.sector,
    unitCode: request.unitCode,
    contentSha256: sha256,
  });
  return {
    type,
    request,
    sha256,
    format: source.format,
    header,
    resolved,
    rest: rows,
    first,
    firstOrdinal,
    watch,
    sameFile,
  };
}

/** Options of a running import. */
export interface RunOptions {
  limits?: ImportLimits;
  signal?: AbortSignal;
  /** Called after each chunk with the data rows read so far. */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  /** Called once the batch exists (before its rows stream), with its id. */
  onBatch?: (batchId: string) => void;
}

/**
 * Streams the rows of a prepared import into a new batch and commits it (see `stageRows` and
 * `commitBatch`); a re-import of the same file creates nothing and names the earlier batch.
 * On any failure or cancellation the staged rows are deleted and the batch is left `failed` or
 * `cancelled`, never `committed`: readers see nothing of it.
 */
export async function runImport(
  database: Database,
  prepared: PreparedImport,
  options: RunOptions = {},
): Promise<ImportOutcome> {
  const { type, request } = prepared;
  if (prepared.sameFile) {
    await prepared.rest.return?.();
    return duplicateOutcome(prepared.sameFile);
  }
  const batch = await repo.insertBatch(database.db, {
    datasetType: type.code,
    sector: type.sector,
    unitCode: request.unitCode,
    fileName: request.fileName.slice(0, 255),
    format: prepared.format,
    contentSha256: prepared.sha256,
    mapping: prepared.resolved.mapping,
    mappingName: request.mappingName ?? null,
    header: prepared.header.cells,
    createdBy: request.createdBy,
  });
  options.onBatch?.(batch.id);
  // Work on up to millions of rows, not a request (it runs after the upload's 202): counting, diffing
  // against the previous list and clearing a failed batch take longer than a request's statement
  // timeout (5 s by default, ADR 0014) — a 1,000,000-row list failed at its commit with it.
  const bulk = unboundedDatabase(database);
  try {
    await stageRows(bulk, prepared, batch.id, options);
    return await commitBatch(bulk, prepared, batch.id);
  } catch (error) {
    await prepared.rest.return?.().catch(() => undefined);
    await repo.deleteRowsOf(bulk.db, batch.id);
    const cancelled = (await repo.readBatchState(database.db, batch.id)) === 'cancelled' || options.signal?.aborted;
    const failure =
      error instanceof AppError
        ? { code: error.code, vi: error.messageVi, en: error.messageEn }
        : { code: 'SECTOR.IMPORT_FAILED', vi: 'Lỗi khi nhập tệp', en: 'The import failed' };
    await repo.updateBatch(database.db, batch.id, {
      state: cancelled ? 'cancelled' : 'failed',
      failure: cancelled ? null : failure,
      finishedAt: new Date(),
    });
    throw cancelled ? importCancelled() : error;
  }
}

function duplicateOutcome(b: repo.BatchRow): ImportOutcome {
  return {
    batchId: b.id,
    duplicate: true,
    rowCount: b.rowCount,
    validCount: b.validCount,
    errorCount: b.errorCount,
    supersedes: b.supersedes,
    diff:
      b.addedCount === null
        ? null
        : { added: b.addedCount, removed: b.removedCount ?? 0, changed: b.changedCount ?? 0 },
  };
}

/**
 * Reads every data row, validates it and COPYs it into the batch in chunks (bounded memory);
 * records progress after each chunk and stops when the batch was cancelled (by the API, from
 * another request) or the signal aborted (the CLI's Ctrl-C).
 */
async function stageRows(database: Database, prepared: PreparedImport, batchId: string, options: RunOptions) {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const { type, resolved, header, format } = prepared;
  let chunk: string[] = [];
  let read = 0;
  let ordinal = 0;
  const flush = async () => {
    if (chunk.length) await database.copyCsv(repo.ROWS_TABLE, repo.ROWS_COLUMNS, chunk.join('\n'));
    chunk = [];
    await repo.recordProgress(database.db, batchId, read);
    await options.onProgress?.(read);
    if (options.signal?.aborted || (await repo.readBatchState(database.db, batchId)) !== 'importing')
      throw importCancelled();
  };
  const rowsAfterHeader = async function* (): AsyncGenerator<TableRow> {
    yield prepared.first;
    for (;;) {
      const next = await prepared.rest.next();
      if (next.done) return;
      yield next.value;
    }
  };
  // CSV: every record after the header counts (blank ones too); XLSX: the sheet's row numbers.
  ordinal = prepared.firstOrdinal - 1;
  for await (const row of rowsAfterHeader()) {
    ordinal = format === 'xlsx' ? row.line - header.line : ordinal + 1;
    if (isBlankRow(row)) continue;
    encodingCheck(prepared.watch, row);
    read++;
    if (read > limits.maxDataRows)
      throw fileInvalid(
        `Tệp có hơn ${limits.maxDataRows} dòng dữ liệu. Hãy chia thành nhiều tệp`,
        `The file has more than ${limits.maxDataRows} data rows. Split it into several files`,
      );
    const cells: Record<string, string> = {};
    for (const [key, at] of resolved.index) cells[key] = row.cells[at] ?? '';
    const v = validateRow(type, cells);
    chunk.push(
      [
        batchId,
        ordinal,
        row.line,
        JSON.stringify(row.cells),
        JSON.stringify(v.values),
        JSON.stringify(v.errors),
        v.rowKey,
      ]
        .map(csvValue)
        .join(','),
    );
    if (chunk.length >= limits.chunkRows) await flush();
  }
  await flush();
}

/**
 * Commits a staged batch in one transaction: a batch cancelled meanwhile is refused; the same file
 * committed meanwhile makes this one a duplicate (deleted, the earlier one named); otherwise the
 * current list of the type, sector and unit is superseded, with the diff counted by row key.
 */
async function commitBatch(database: Database, prepared: PreparedImport, batchId: string): Promise<ImportOutcome> {
  const { type, request } = prepared;
  const key = { datasetType: type.code, sector: type.sector, unitCode: request.unitCode };
  return database.db.transaction(async (tx) => {
    if ((await repo.lockBatchState(tx, batchId)) !== 'importing') throw importCancelled();
    const same = await repo.findSameFile(tx, { ...key, contentSha256: prepared.sha256 });
    if (same) {
      await repo.deleteBatch(tx, batchId);
      return duplicateOutcome(same);
    }
    const counts = await repo.countRows(tx, batchId);
    const previous = await repo.lockCurrentBatch(tx, key);
    const diff = previous ? await repo.diffBatches(tx, batchId, previous.id) : null;
    if (previous) await repo.updateBatch(tx, previous.id, { supersededBy: batchId });
    await repo.updateBatch(tx, batchId, {
      state: 'committed',
      rowsRead: counts.total,
      rowCount: counts.total,
      validCount: counts.valid,
      errorCount: counts.errors,
      supersedes: previous?.id ?? null,
      addedCount: diff?.added ?? null,
      removedCount: diff?.removed ?? null,
      changedCount: diff?.changed ?? null,
      finishedAt: new Date(),
    });
    return {
      batchId,
      duplicate: false,
      rowCount: counts.total,
      validCount: counts.valid,
      errorCount: counts.errors,
      supersedes: previous?.id ?? null,
      diff,
    };
  });
}
