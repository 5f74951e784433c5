import type { AccessContext, Action } from '../identity';

type Grant = NonNullable<AccessContext['actor']>['grants'][number];

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

/**
 * The grant that allows `action` in `unitCode` (for the access log and a value's history: the role
 * and unit actually used, not the account's first grant holding the action somewhere else).
 */
export function grantIn(access: AccessContext, action: Action, unitCode: string): Grant | undefined {
  return access.actor?.grants.find((g) => access.only((x) => x === g).canInUnit(action, unitCode));
}

/** The units whose values the session may read (null = every unit, the province included). */
export function readableUnits(access: AccessContext): ReadonlySet<string> | null {
  return access.unitScope(KPI_ACTIONS.read);
}
