import type { Db } from '../../platform/db';
import { FORMER_STRUCTURE_DAY, type UnitStructure } from '../../platform/indicator-sources';
import { findUnitCached, getUnitHierarchy, successorCodes } from '../units';
import { fieldError, SERVICE_INDEX_ERRORS } from './service-index.errors';

/** The unit a figure is asked for, and the unit codes its dossiers carry (as recorded when filed). */
export interface IndexUnit {
  code: string;
  name: string;
  /** Codes recorded on the dossiers and ratings counted; null: every unit (the province). */
  recordedCodes: string[] | null;
  /** Its counterparts on today's structure, for the caller's scope; null: none single (a unit split in 2025). */
  currentCodes: string[] | null;
}

/**
 * Resolves `code` on the structure asked (2025 merger, units' `mergers`):
 * - `current`: a unit of today and everything below it, plus every former commune merged whole into
 *   one of them — so a period before 1/7/2025 reads on today's communes;
 * - `former`: a district or commune in force on 30/6/2025 and its communes then (dossiers of those
 *   days carry these codes; later ones carry today's codes and are not counted on this structure).
 */
export async function resolveIndexUnit(
  db: Db,
  code: string,
  structure: UnitStructure,
  provinceCode: string,
  today: string,
): Promise<IndexUnit> {
  const day = structure === 'former' ? FORMER_STRUCTURE_DAY : today;
  const unit = await findUnitCached(db, code, day);
  if (!unit)
    throw fieldError(
      SERVICE_INDEX_ERRORS.UNIT_INVALID,
      'unit',
      structure === 'former'
        ? `Không có đơn vị hành chính mã ${code} vào ngày 30/6/2025 (cơ cấu trước sáp nhập)`
        : `Không có đơn vị hành chính mã ${code} hiện nay (với đơn vị trước 1/7/2025, chọn cơ cấu "former")`,
      structure === 'former'
        ? `No administrative unit ${code} on 30/6/2025 (the structure before the merger)`
        : `No administrative unit ${code} today (for a unit before 1/7/2025, ask the "former" structure)`,
    );
  if (code === provinceCode) return { code, name: unit.fullName, recordedCodes: null, currentCodes: [code] };
  const below = [...(await getUnitHierarchy(db, day)).descendants(code)];
  const successors = await successorCodes(db);
  if (structure === 'current') {
    const inside = new Set(below);
    const former = [...successors].filter(([, now]) => inside.has(now)).map(([old]) => old);
    return { code, name: unit.fullName, recordedCodes: [...new Set([...below, ...former])], currentCodes: [code] };
  }
  const current = below.filter((c) => c.length === 5).map((c) => successors.get(c));
  const placed = current.filter((c): c is string => c !== undefined);
  const currentCodes = placed.length === current.length ? [...new Set(placed)] : null;
  return { code, name: unit.fullName, recordedCodes: below, currentCodes };
}
