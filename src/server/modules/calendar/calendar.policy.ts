import type { Action } from '../identity';

/**
 * Who may do what with the working calendar (pure; tested as a role × action matrix in
 * calendar.policy.test.ts). Deadlines and working days are public reference data (the status
 * lookup and the filing page show them); a year's days are read by staff, changed by administrators.
 * The calendar is province-wide: no unit scope.
 */
export const CALENDAR_ROUTE_ACTIONS = {
  /** A deadline, working days between two dates. */
  workingDays: 'public',
  /** A year's working calendar. */
  readYear: 'calendar.read',
  /** Change or remove a year, add, change or remove a day. */
  manage: 'calendar.manage',
} as const satisfies Record<string, Action>;
