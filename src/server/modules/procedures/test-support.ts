/** Helpers shared by the procedures module's tests (never imported by production code). */
import { loadReferenceProcedures, type ReferenceProcedure } from './procedures.seed';
import type { NewVersionBody } from '../../../contracts/procedures';
import { todayInVietnam } from '../../../contracts/common';

let cache: Promise<ReferenceProcedure[]> | undefined;

/** The reference procedures (reference/procedures), loaded once per test file. */
export function referenceProcedures(): Promise<ReferenceProcedure[]> {
  cache ??= loadReferenceProcedures();
  return cache;
}

/** One reference procedure by code (throws when absent). */
export async function referenceProcedure(code: string): Promise<ReferenceProcedure> {
  const found = (await referenceProcedures()).find((p) => p.code === code);
  if (!found) throw new Error(`no reference procedure ${code}`);
  return found;
}

/** A date `days` after today in Vietnam (YYYY-MM-DD). */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A new-version body from a reference procedure, starting on `effectiveFrom`, with changes. */
export async function versionBody(
  code: string,
  effectiveFrom: string,
  changes: Partial<NewVersionBody> = {},
): Promise<NewVersionBody> {
  const { code: _code, ...body } = await referenceProcedure(code);
  return { ...structuredClone(body), effectiveFrom, effectiveTo: null, changeNote: 'Thay đổi để kiểm thử', ...changes };
}
