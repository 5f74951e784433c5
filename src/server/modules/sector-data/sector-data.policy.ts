import type { AccessContext } from '../identity';

/**
 * Who may do what with sector lists (pure; tested as a role × action × unit × sector matrix in
 * sector-data.policy.test.ts). Two actions of the permission matrix, held in a unit and below it:
 * - `sector.import`: import a list, cancel one's import, save column mappings;
 * - `sector.read`: see the batches, their rows and error rows.
 * A grant with a sector (sector officers) covers only the dataset types of that sector; a grant
 * without one (roles that need no sector, e.g. the Standing Agency) covers every sector.
 */
export const SECTOR_ROUTE_ACTIONS = { read: 'sector.read', import: 'sector.import' } as const;

type SectorAction = (typeof SECTOR_ROUTE_ACTIONS)[keyof typeof SECTOR_ROUTE_ACTIONS];

/** The caller restricted to its grants that cover `sector`. */
function forSector(access: AccessContext, sector: string): AccessContext {
  return access.only((g) => g.sector === null || g.sector === sector);
}

/** May the caller do `action` on a list of `sector` in `unitCode`? */
export function mayInSector(access: AccessContext, action: SectorAction, sector: string, unitCode: string) {
  return forSector(access, sector).canInUnit(action, unitCode);
}

/** May the caller import a list of `sector` for `unitCode`? */
export function mayImport(access: AccessContext, sector: string, unitCode: string): boolean {
  return mayInSector(access, SECTOR_ROUTE_ACTIONS.import, sector, unitCode);
}

/** May the caller see a batch of `sector` in `unitCode`? (Importers may see what they import.) */
export function mayRead(access: AccessContext, sector: string, unitCode: string): boolean {
  return mayInSector(access, SECTOR_ROUTE_ACTIONS.read, sector, unitCode) || mayImport(access, sector, unitCode);
}

/**
 * The sectors and units whose batches the caller may list: per sector, null = every unit, else
 * the units (with those below them); sectors absent from the map are not readable.
 */
export function readableScope(
  access: AccessContext,
  sectors: readonly string[],
): Map<string, ReadonlySet<string> | null> {
  const scope = new Map<string, ReadonlySet<string> | null>();
  for (const sector of sectors) {
    const a = forSector(access, sector);
    const units = [a.unitScope(SECTOR_ROUTE_ACTIONS.read), a.unitScope(SECTOR_ROUTE_ACTIONS.import)];
    if (!a.can(SECTOR_ROUTE_ACTIONS.read) && !a.can(SECTOR_ROUTE_ACTIONS.import)) continue;
    const readable = [
      a.can(SECTOR_ROUTE_ACTIONS.read) ? units[0] : new Set<string>(),
      a.can(SECTOR_ROUTE_ACTIONS.import) ? units[1] : new Set<string>(),
    ];
    scope.set(sector, readable.some((u) => u === null) ? null : new Set(readable.flatMap((u) => [...(u ?? [])])));
  }
  return scope;
}

/** The unit a caller imports for when it names none: its one import grant's unit for the sector, else undefined. */
export function defaultImportUnit(access: AccessContext, sector: string): string | undefined {
  const units = new Set(
    (access.actor?.grants ?? [])
      .filter((g) => (g.sector === null || g.sector === sector) && g.unitCode !== null)
      .filter((g) => access.only((x) => x === g).can(SECTOR_ROUTE_ACTIONS.import))
      .map((g) => g.unitCode!),
  );
  return units.size === 1 ? [...units][0] : undefined;
}
