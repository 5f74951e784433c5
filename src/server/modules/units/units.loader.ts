import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { AdminUnitsFile, UnitNameCorrectionsFile, correctUnitName } from '../../../contracts/admin-units-file';
import * as repo from './units.repository';

/** Folder of the reference data files shipped with the project (derived from public sources, see ATTRIBUTION.md there). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../../reference', import.meta.url));

/** Reads and validates a province's administrative-units file (`reference/admin-units/<code>.json`). */
export async function readAdminUnitsFile(provinceCode: string): Promise<AdminUnitsFile> {
  const path = `${REFERENCE_DIR}/admin-units/${provinceCode}.json`;
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new AppError(
      'UNIT.REFERENCE_NOT_FOUND',
      `Chưa có dữ liệu đơn vị hành chính của tỉnh mã ${provinceCode} (${path})`,
      `No administrative-unit data for province ${provinceCode} (${path})`,
    );
  }
  const file = AdminUnitsFile.parse(JSON.parse(raw));
  const corrections = await readNameCorrections(provinceCode);
  return corrections ? { ...file, units: file.units.map((u) => correctUnitName(u, corrections.corrections)) } : file;
}

/**
 * The spellings a province's legal text gives where the upstream unit list differs
 * (`reference/admin-units/<code>-name-corrections.json`), or null when the province has none.
 */
export async function readNameCorrections(provinceCode: string): Promise<UnitNameCorrectionsFile | null> {
  let raw: string;
  try {
    raw = await readFile(`${REFERENCE_DIR}/admin-units/${provinceCode}-name-corrections.json`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return UnitNameCorrectionsFile.parse(JSON.parse(raw));
}

/**
 * Loads the province's units (both the pre-2025 three-tier and the current two-tier
 * structure) and the merger mapping, replacing what was there. Idempotent.
 */
export async function loadProvinceUnits(db: Db, provinceCode: string): Promise<{ units: number; mergers: number }> {
  const file = await readAdminUnitsFile(provinceCode);
  const effectiveOn = file.units.find((u) => u.level === 'commune' && u.validFrom)?.validFrom ?? '2025-07-01';
  const unitRows = file.units.map((u) => ({ ...u, provinceCode: file.provinceCode }));
  const mergerRows = file.mergers.map((m, position) => ({
    ...m,
    effectiveOn,
    provinceCode: file.provinceCode,
    position,
  }));
  await repo.replaceProvinceUnits(db, file.provinceCode, unitRows, mergerRows);
  return { units: unitRows.length, mergers: mergerRows.length };
}

/**
 * Loads the province's units when none are in the database yet; in a database loaded earlier, gives
 * the units the legal text's spellings (the name corrections), which is idempotent.
 */
export async function ensureProvinceUnits(db: Db, provinceCode: string): Promise<boolean> {
  if ((await repo.countUnits(db, provinceCode)) > 0) {
    const corrections = await readNameCorrections(provinceCode);
    for (const fix of corrections?.corrections ?? []) await repo.correctUnitName(db, provinceCode, fix);
    return false;
  }
  await loadProvinceUnits(db, provinceCode);
  return true;
}
