import type { AccessContext } from '../identity';

/**
 * Who may do what with pilot models (pure; tested as a role × action × unit matrix in
 * pilots.policy.test.ts). Four actions of the permission matrix, each held in a unit and
 * everything below it (a grant in the province covers every agency):
 * - `pilots.read`: see the models of the agencies in one's units (the Standing Agency and leaders: all);
 * - `pilots.manage`: register, upload plans, record milestones and progress reports, move the state
 *   (an agency's focal officer, for its own unit);
 * - `pilots.evaluate`: the Standing Agency's evaluation;
 * - `pilots.settings.manage`: the plan due date (province-wide grants only).
 */
export const PILOTS_ROUTE_ACTIONS = {
  read: 'pilots.read',
  manage: 'pilots.manage',
  evaluate: 'pilots.evaluate',
  settings: 'pilots.settings.manage',
} as const;

const { read: READ, manage: MANAGE, evaluate: EVALUATE, settings: SETTINGS } = PILOTS_ROUTE_ACTIONS;

/** What the caller may do with a model of `unitCode`: 'manage', 'read' (a change is 403), or 'none' (404). */
export function modelAccess(access: AccessContext, unitCode: string): 'manage' | 'read' | 'none' {
  if (access.canInUnit(MANAGE, unitCode)) return 'manage';
  return access.canInUnit(READ, unitCode) ? 'read' : 'none';
}

/** May the caller see a model of `unitCode`? (Managing implies seeing: one records what one reads.) */
export function canReadModel(access: AccessContext, unitCode: string): boolean {
  return modelAccess(access, unitCode) !== 'none';
}

/** May the caller register a model for an agency of `unitCode`? */
export function canRegisterIn(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit(MANAGE, unitCode);
}

/** May the caller evaluate a model of `unitCode`? */
export function canEvaluate(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit(EVALUATE, unitCode);
}

/** The units whose models the caller lists (read or manage); null = the whole province. */
export function readableScope(access: AccessContext): ReadonlySet<string> | null {
  const read = access.can(READ) ? access.unitScope(READ) : new Set<string>();
  const manage = access.can(MANAGE) ? access.unitScope(MANAGE) : new Set<string>();
  if (read === null || manage === null) return null;
  return new Set([...read, ...manage]);
}

/** The plan due date applies to the whole province: only a province-wide grant sets it. */
export function canSetDueDate(access: AccessContext): boolean {
  return access.can(SETTINGS) && access.unitScope(SETTINGS) === null;
}
