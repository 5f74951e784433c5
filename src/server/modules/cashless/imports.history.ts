/** Reading what was imported: the list of imports, and each facility's months with every revision. */
import type { Db } from '../../platform/db';
import type { FacilityMonths, FiguresRevision, ImportPage, MonthlyFigures } from '../../../contracts/cashless';
import type { AccessContext } from '../identity';
import { getFacility } from './facilities.service';
import * as repo from './imports.repository';

/** The four figures of a row, nothing else. */
export const figuresOf = (f: MonthlyFigures): MonthlyFigures => ({
  cashlessCount: f.cashlessCount,
  cashCount: f.cashCount,
  cashlessAmount: f.cashlessAmount,
  cashAmount: f.cashAmount,
});

/** One page of the imports, newest first. */
export async function listImports(db: Db, page: number, pageSize: number): Promise<ImportPage> {
  const { items, total } = await repo.listImports(db, page, pageSize);
  return {
    items: items.map((i) => ({
      id: i.id,
      importedAt: i.importedAt.toISOString(),
      importedBy: i.importedByName,
      fileName: i.fileName,
      format: i.format,
      sha256: i.sha256,
      rows: i.rowCount,
      created: i.created,
      replaced: i.replaced,
      unchanged: i.unchanged,
      skipped: i.skipped,
    })),
    total,
    page,
    pageSize,
  };
}

/** A facility's months with the figures in force and every earlier version (who replaced it, when). */
export async function facilityMonths(db: Db, access: AccessContext, facilityId: string): Promise<FacilityMonths> {
  const facility = await getFacility(db, access, facilityId);
  const revisions = await repo.listFacilityRevisions(db, facilityId);
  const byMonth = new Map<string, typeof revisions>();
  for (const r of revisions) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  const months = [...byMonth.entries()].map(([month, list]) => {
    const byRevision = new Map(list.map((r) => [r.revision, r]));
    const present = (r: (typeof list)[number]): FiguresRevision => {
      const next = byRevision.get(r.revision + 1);
      return {
        ...figuresOf(r),
        revision: r.revision,
        importId: r.importId,
        recordedAt: r.recordedAt.toISOString(),
        recordedBy: r.recordedByName,
        replacedAt: next ? next.recordedAt.toISOString() : null,
        replacedBy: next ? next.recordedByName : null,
      };
    };
    const current = list.find((r) => r.revision === r.currentRevision)!;
    return {
      month,
      current: present(current),
      history: list.filter((r) => r.revision !== r.currentRevision).map(present),
    };
  });
  return { facility, months };
}
