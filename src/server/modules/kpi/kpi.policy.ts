import type { AccessContext } from '../identity';

/**
 * Who may do what with the plan's indicators (pure). Actions as data (identity/permissions.ts):
 * `kpi.read` (leaders, the Standing Agency, auditors) for the units of the grant and below;
 * `kpi.run` (the Standing Agency) to recompute on demand; `kpi.indicators.manage` (administrators)
 * to start a new version of an indicator.
 */
export const KPI_ACTIONS = {
  read: 'kpi.read',
  run: 'kpi.run',
  manage: 'kpi.indicators.manage',
  /** Enter and submit a unit's reported values (the commune's one-stop officers and police). */
  submit: 'kpi.report.submit',
  /** Approve or return them (the Standing Agency). */
  approve: 'kpi.report.approve',
} as const;

/** The units whose values the session may read (null = every unit, the province included). */
export function readableUnits(access: AccessContext): ReadonlySet<string> | null {
  return access.unitScope(KPI_ACTIONS.read);
}
