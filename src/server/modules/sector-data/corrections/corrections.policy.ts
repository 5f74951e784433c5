import { sql, type SQL } from 'drizzle-orm';
import type { AccessContext } from '../../identity';
import { DATASET_TYPES } from '../types';
import { mayImport, readableScope, SECTOR_ROUTE_ACTIONS } from '../sector-data.policy';

/**
 * Who may do what with change requests (tested as role × action × unit in corrections.routes.test.ts
 * and sector-data.authz.test.ts):
 * - propose from a link, withdraw: `sector.import` in the list's sector and unit (as linking);
 * - accept, reject: `population.person.correct` (the commune police) in the person's commune of
 *   residence or above — elsewhere the request answers 404 like a missing one;
 * - list: the deciders of the person's commune, and whoever may read the list's sector and unit.
 */
export const DECIDE_ACTION = 'population.person.correct' as const;

/** May the caller accept or reject a request about a person living in `personUnitCode`? */
export function mayDecide(access: AccessContext, personUnitCode: string | null): boolean {
  return access.canInUnit(DECIDE_ACTION, personUnitCode);
}

/** May the caller withdraw a request proposed from a list of `sector` in `batchUnitCode`? */
export function mayWithdraw(access: AccessContext, sector: string, batchUnitCode: string): boolean {
  return mayImport(access, sector, batchUnitCode);
}

/** Does the caller see any change request at all (deciding somewhere, or reading some sector's lists)? */
export function maySeeAny(access: AccessContext): boolean {
  return access.can(DECIDE_ACTION) || access.can(SECTOR_ROUTE_ACTIONS.read) || access.can(SECTOR_ROUTE_ACTIONS.import);
}

const inUnits = (column: SQL, units: ReadonlySet<string>): SQL =>
  units.size === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        [...units].map((u) => sql`${u}`),
        sql`, `,
      )})`;

/**
 * The requests the caller sees, as a condition on `cr` (sector_data.change_requests) and `p`
 * (population.persons): the person's commune within the caller's deciding units, or the list's
 * sector and unit within what the caller may read.
 */
export function visibleCondition(access: AccessContext): SQL {
  const parts: SQL[] = [];
  if (access.can(DECIDE_ACTION)) {
    const units = access.unitScope(DECIDE_ACTION);
    parts.push(units === null ? sql`true` : inUnits(sql`p.residence_unit_code`, units));
  }
  const scope = readableScope(
    access,
    DATASET_TYPES.map((t) => t.sector),
  );
  for (const [sector, units] of scope)
    parts.push(
      units === null
        ? sql`cr.sector = ${sector}`
        : sql`(cr.sector = ${sector} and ${inUnits(sql`cr.batch_unit_code`, units)})`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
