import type { Batch } from '../../../contracts/sector-data';
import type { BatchRow } from './sector-data.repository';

/** A batch as the API shows it: explicit fields (who imported is not shown; file names are the officer's). */
export function presentBatch(b: BatchRow): Batch {
  return {
    id: b.id,
    datasetType: b.datasetType,
    sector: b.sector,
    unitCode: b.unitCode,
    fileName: b.fileName,
    format: b.format,
    state: b.state,
    rowsRead: b.rowsRead,
    rowCount: b.rowCount,
    validCount: b.validCount,
    errorCount: b.errorCount,
    diff:
      b.addedCount === null
        ? null
        : { added: b.addedCount, removed: b.removedCount ?? 0, changed: b.changedCount ?? 0 },
    supersedes: b.supersedes,
    supersededBy: b.supersededBy,
    mapping: b.mapping,
    mappingName: b.mappingName,
    failure: b.failure ?? null,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}
