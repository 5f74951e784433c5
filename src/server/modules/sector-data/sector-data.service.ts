import type { Database, Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { AccessContext } from '../identity';
import { findUnitCached } from '../units';
import type { ColumnMapping } from './import/mapping';
import { prepareImport, runImport, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import/run-import';
import { batchNotFound, sectorError, SECTOR_ERRORS, scopeForbidden, typeNotFound } from './sector-data.errors';
import { defaultImportUnit, mayImport, mayRead, readableScope } from './sector-data.policy';
import { presentBatch } from './sector-data.presenter';
import { sweepAbandonedLinks } from './links/link-job';
import { runningLinks } from './links/link-progress';
import * as repo from './sector-data.repository';
import { DATASET_TYPES, findDatasetType } from './types';

/** Imports running in this process, by batch id: a cancel from the API stops them at once. */
const running = new Map<string, AbortController>();

/** A batch left `importing` with no progress for this long was abandoned by a process that died. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Clears batches a dead process left `importing` (kill -9, power cut): their staged rows are
 * deleted and they become `failed`, so a crash never leaves a partial batch behind. Run before
 * each import and listing; an import in progress records progress every chunk, so it is not touched.
 */
export async function sweepAbandonedImports(db: Db, staleMs = ABANDONED_AFTER_MS): Promise<number> {
  const ids = (await repo.listAbandoned(db, staleMs)).filter((id) => !running.has(id));
  for (const id of ids) {
    await repo.deleteRowsOf(db, id);
    await repo.updateBatch(db, id, {
      state: 'failed',
      failure: {
        code: 'SECTOR.IMPORT_ABANDONED',
        vi: 'Lượt nhập bị dừng giữa chừng (máy chủ dừng); không có dòng nào được lưu',
        en: 'The import stopped midway (the server stopped); no row was kept',
      },
      finishedAt: new Date(),
    });
  }
  return ids.length;
}

/** What an upload asks for. */
export interface StartImport {
  datasetType: string;
  unitCode?: string;
  mapping?: ColumnMapping;
  mappingName?: string;
  fileName: string;
  /** The uploaded file on disk. */
  path: string;
  /** Removes the uploaded file (and its temporary directory) once the import has ended. */
  cleanup: () => Promise<void>;
  wait: boolean;
}

/**
 * Starts importing an uploaded file for the caller: checks the type, the unit (the caller's only
 * import unit when none is named) and the caller's right to import this sector's lists there;
 * reads the file's header (refusals answer at once); a file already imported answers its batch;
 * otherwise the rows stream into a new batch — awaited with `wait`, else in the background
 * (progress and outcome on the batch).
 */
export async function startImport(
  database: Database,
  access: AccessContext,
  input: StartImport,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
) {
  let handedOver = false;
  try {
    const type = findDatasetType(input.datasetType);
    if (!type) throw typeNotFound(input.datasetType);
    const unitCode = input.unitCode ?? defaultImportUnit(access, type.sector);
    if (!unitCode)
      throw sectorError(
        SECTOR_ERRORS.UNIT_INVALID,
        'unitCode',
        'Hãy chọn đơn vị của danh sách',
        'Choose the unit the list is for',
      );
    if (!(await findUnitCached(database.db, unitCode, todayInVietnam())))
      throw sectorError(
        SECTOR_ERRORS.UNIT_INVALID,
        'unitCode',
        `Không có đơn vị ${unitCode}`,
        `There is no unit ${unitCode}`,
      );
    if (!mayImport(access, type.sector, unitCode)) throw scopeForbidden(unitCode);
    await sweepAbandonedImports(database.db);
    const prepared = await prepareImport(
      database,
      {
        datasetType: type.code,
        unitCode,
        fileName: input.fileName,
        path: input.path,
        mapping: input.mapping,
        mappingName: input.mappingName,
        createdBy: access.actor?.accountId ?? 'unknown',
      },
      limits,
    );
    const controller = new AbortController();
    let batchId: string | undefined;
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const work = runImport(database, prepared, {
      limits,
      signal: controller.signal,
      onBatch: (id) => {
        batchId = id;
        running.set(id, controller);
        started();
      },
    }).finally(async () => {
      if (batchId) running.delete(batchId);
      await input.cleanup();
    });
    handedOver = true;
    if (input.wait || prepared.sameFile) {
      const outcome = await work;
      return { duplicate: outcome.duplicate, batch: await getBatch(database.db, access, outcome.batchId) };
    }
    work.catch(() => undefined); // the outcome is on the batch (failed / cancelled)
    await Promise.race([begun, work]);
    return { duplicate: false, batch: await getBatch(database.db, access, batchId!) };
  } finally {
    if (!handedOver) await input.cleanup();
  }
}

/** A batch the caller may read (404 otherwise, as for a missing one). */
export async function getBatch(db: Db, access: AccessContext, id: string) {
  let batch = await repo.findBatch(db, id);
  if (!batch || !mayRead(access, batch.sector, batch.unitCode)) throw batchNotFound();
  // Left `linking` by a stopped server: shown failed (the earlier links kept), so that it can be linked again.
  if (batch.linkState === 'linking' && !runningLinks.has(id) && (await sweepAbandonedLinks(db, id)) > 0)
    batch = (await repo.findBatch(db, id)) ?? batch;
  return presentBatch(batch);
}

/** The batches the caller may read, newest first. */
export async function listBatches(
  db: Db,
  access: AccessContext,
  query: { page: number; pageSize: number; datasetType?: string; state?: repo.BatchRow['state'] },
) {
  await sweepAbandonedImports(db);
  await sweepAbandonedLinks(db);
  const scope = readableScope(access, [...new Set(DATASET_TYPES.map((t) => t.sector))]);
  const { items, total } = await repo.listBatches(db, scope, {
    datasetType: query.datasetType,
    state: query.state,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map(presentBatch), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Cancels an import in progress: nothing of it is kept. A batch already finished cannot be
 * cancelled (409); one the caller may not import answers 404 or 403 like the upload.
 */
export async function cancelImport(db: Db, access: AccessContext, id: string) {
  const batch = await repo.findBatch(db, id);
  if (!batch || !mayRead(access, batch.sector, batch.unitCode)) throw batchNotFound();
  if (!mayImport(access, batch.sector, batch.unitCode)) throw scopeForbidden(batch.unitCode);
  if (!(await repo.markCancelled(db, id)))
    throw new AppError(
      SECTOR_ERRORS.BATCH_CONFLICT,
      'Lượt nhập đã kết thúc, không huỷ được',
      'The import has finished and cannot be cancelled',
    );
  running.get(id)?.abort();
  await repo.deleteRowsOf(db, id);
  return getBatch(db, access, id);
}

/** The dataset types the caller may import or read (all of them for the Standing Agency). */
export function listDatasetTypes(access: AccessContext) {
  const scope = readableScope(access, [...new Set(DATASET_TYPES.map((t) => t.sector))]);
  return DATASET_TYPES.filter((t) => scope.has(t.sector)).map((t) => ({
    code: t.code,
    nameVi: t.nameVi,
    nameEn: t.nameEn,
    sector: t.sector,
    fields: t.fields.map((f) => ({
      key: f.key,
      labelVi: f.labelVi,
      labelEn: f.labelEn,
      kind: f.kind,
      required: f.required,
      aliases: [...f.aliases],
    })),
  }));
}

/** The sectors the caller imports for (its grants' sectors; every sector for a grant without one). */
function importSectors(access: AccessContext): string[] {
  return [...new Set(DATASET_TYPES.map((t) => t.sector))].filter((s) =>
    access.only((g) => g.sector === null || g.sector === s).can('sector.import'),
  );
}

/** The saved mappings of the caller's sectors. */
export async function listMappings(db: Db, access: AccessContext, datasetType?: string) {
  const rows = (await Promise.all(importSectors(access).map((s) => repo.listMappings(db, s, datasetType)))).flat();
  return {
    items: rows.map((m) => ({
      sector: m.sector,
      datasetType: m.datasetType,
      name: m.name,
      columns: m.columns,
      updatedAt: m.updatedAt.toISOString(),
    })),
  };
}

/** Saves a column mapping for the type's sector (the caller must import that sector's lists). */
export async function saveMapping(
  db: Db,
  access: AccessContext,
  input: { datasetType: string; name: string; columns: Record<string, string> },
) {
  const type = findDatasetType(input.datasetType);
  if (!type) throw typeNotFound(input.datasetType);
  if (!importSectors(access).includes(type.sector))
    throw sectorError(
      SECTOR_ERRORS.SCOPE_FORBIDDEN,
      'datasetType',
      'Bạn không nhập danh sách của ngành này',
      "You do not import this sector's lists",
    );
  const unknown = Object.keys(input.columns).filter((k) => !type.fields.some((f) => f.key === k));
  if (unknown.length)
    throw sectorError(
      SECTOR_ERRORS.MAPPING_INVALID,
      `columns.${unknown[0]}`,
      `Loại dữ liệu không có trường "${unknown[0]}"`,
      `The dataset type has no field "${unknown[0]}"`,
    );
  const missing = type.fields.filter((f) => f.required && !input.columns[f.key]);
  if (missing.length)
    throw sectorError(
      SECTOR_ERRORS.MAPPING_INVALID,
      `columns.${missing[0]!.key}`,
      `Cần chọn cột cho: ${missing.map((f) => f.labelVi).join(', ')}`,
      `Choose a column for: ${missing.map((f) => f.labelEn).join(', ')}`,
    );
  const m = await repo.saveMapping(db, {
    ...input,
    sector: type.sector,
    updatedBy: access.actor?.accountId ?? 'unknown',
  });
  return {
    sector: m.sector,
    datasetType: m.datasetType,
    name: m.name,
    columns: m.columns,
    updatedAt: m.updatedAt.toISOString(),
  };
}
