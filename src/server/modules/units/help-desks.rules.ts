import type { Unit } from '../../../contracts/units';

/**
 * Which kind of help desk a unit of each level may have. The one-stop mechanism (Decree 61/2018,
 * replaced from 1 July 2025 by Decree 118/2025) puts a Public Administration Service Centre at the
 * province and a one-stop counter (or, after the reform, a commune-level centre) in each commune —
 * and, before the reform, each district; police hold desks at commune and province level. The
 * desk's own name says which body it is; the kind only groups and orders the desks.
 */
const KINDS_BY_LEVEL: Record<Unit['level'], readonly string[]> = {
  province: ['police', 'service_centre'],
  district: ['one_stop_counter', 'police'],
  commune: ['one_stop_counter', 'police', 'service_centre'],
};

/** May a unit of `level` have a desk of `kind`? */
export function deskKindFits(kind: string, level: Unit['level']): boolean {
  return KINDS_BY_LEVEL[level].includes(kind);
}
