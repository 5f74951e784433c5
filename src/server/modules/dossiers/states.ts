import type { DossierState } from '../../../contracts/dossiers';

/* The lifecycle's groups of states, apart so that deadline.ts (which lifecycle.ts uses) can read them too. */

/** States in which the dossier is with the agency and its deadline runs. */
export const RUNNING_STATES: readonly DossierState[] = ['received', 'in_processing'];

/** States after which nothing more happens to the deadline. */
export const CLOSED_STATES: readonly DossierState[] = [
  'not_accepted',
  'approved',
  'refused',
  'result_issued',
  'returned',
  'withdrawn',
];
