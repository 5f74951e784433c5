import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { getUnit, listUnits } from '../units';
import { getProcedureVersion } from '../procedures';
import { procedureNotFound, unitUnknown } from './counter.errors';

/** Names of a procedure in both languages. */
export interface ProcedureName {
  vi: string;
  en: string;
}

/**
 * The procedure version in force on `asOf` (through the procedures module's public face);
 * PROCEDURE.NOT_FOUND becomes COUNTER.PROCEDURE_NOT_FOUND naming the form field `procedureCode`.
 */
export async function procedureInForce(db: Db, code: string, asOf: string): Promise<ProcedureName> {
  try {
    const version = await getProcedureVersion(db, code, asOf);
    return { vi: version.nameVi, en: version.nameEn };
  } catch (error) {
    if (error instanceof AppError && error.code === 'PROCEDURE.NOT_FOUND') throw procedureNotFound(code);
    throw error;
  }
}

/** Procedure names for a list, memoised per call; null for a code the catalog no longer has. */
export function procedureNamer(db: Db): (code: string | null, asOf: string) => Promise<ProcedureName | null> {
  const memo = new Map<string, Promise<ProcedureName | null>>();
  return (code, asOf) => {
    if (!code) return Promise.resolve(null);
    const key = `${code}@${asOf}`;
    let name = memo.get(key);
    if (!name) {
      name = procedureInForce(db, code, asOf).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'COUNTER.PROCEDURE_NOT_FOUND') return null;
        throw error;
      });
      memo.set(key, name);
    }
    return name;
  };
}

/** Throws COUNTER.UNIT_INVALID (400, field unitCode) unless `code` is a unit valid on `asOf`. */
export async function assertUnitExists(db: Db, code: string, asOf: string): Promise<void> {
  try {
    await getUnit(db, code, asOf);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNIT.NOT_FOUND') throw unitUnknown(code);
    throw error;
  }
}

/** Full names of the units valid on `asOf`, by code (one query per call). */
export async function unitNamer(db: Db, asOf: string): Promise<(code: string) => string | null> {
  const names = new Map((await listUnits(db, asOf, {})).map((u) => [u.code, u.fullName]));
  return (code) => names.get(code) ?? null;
}
