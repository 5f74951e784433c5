import type { Batch } from '../../../contracts/sector-data';
import type { BatchRow } from './sector-data.repository';
import { runningLinks } from './links/link-progress';

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
    link: presentLink(b),
  };
}

/** The batch's linking; while it runs in this process, its live progress (the row is locked by the linking, see links/link-progress.ts). */
function presentLink(b: BatchRow): Batch['link'] {
  const live = b.linkState === 'linking' ? runningLinks.get(b.id) : undefined;
  return {
    state: b.linkState,
    linked: live?.linked ?? b.linkRowsLinked,
    total: live && live.total > 0 ? live.total : b.linkRowsTotal,
    startedAt: b.linkStartedAt?.toISOString() ?? null,
    finishedAt: b.linkFinishedAt?.toISOString() ?? null,
    failure: b.linkFailure ?? null,
  };
}
