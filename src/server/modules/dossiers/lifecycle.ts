import type { DossierCommand, DossierState } from '../../../contracts/dossiers';

/**
 * The dossier lifecycle as one explicit state machine (issue #4 §3; DOMAIN.md §5 states of the
 * national sync). Pure: no database, no clock. Each command moves a dossier from one of its
 * `from` states to `to`; `extend` (apology slip, Mẫu 04) stays in place.
 *
 *   draft ─submit→ (awaiting_payment ─pay→) submitted ─receive→ received ─start_processing→ in_processing ─approve→ approved ─issue_result→ result_issued ─return_result→ returned
 *                      │                  │  ▲                       │   ▲      └─refuse→ refused ──issue_result──┘
 *                      └─refuse_intake→ not_accepted                 request_supplement / resubmit (clock stops while waiting)
 *   withdraw: the citizen, from submitted, received, in_processing or supplement_requested (before a decision).
 */

/**
 * Who may run a command: the dossier's owner (citizen), the receiving desk, the processing officer,
 * or the system (a settled payment moves the dossier on; no person runs `pay`).
 */
export type CommandActor = 'owner' | 'intake' | 'processor' | 'system';

export interface CommandRule {
  from: readonly DossierState[];
  /** Target state; `null` = stays in its current state (an event). */
  to: DossierState | null;
  actor: readonly CommandActor[];
  /** Body fields the command needs. */
  requires: readonly ('reason' | 'legalBasis' | 'items' | 'newDueAt')[];
  /** The decision is taken (approved or refused): the deadline stops for good. */
  decides?: boolean;
}

export const COMMANDS: Readonly<Record<DossierCommand, CommandRule>> = {
  submit: { from: ['draft'], to: 'submitted', actor: ['owner', 'intake'], requires: [] },
  receive: { from: ['submitted'], to: 'received', actor: ['intake'], requires: [] },
  refuse_intake: { from: ['submitted'], to: 'not_accepted', actor: ['intake'], requires: ['reason', 'legalBasis'] },
  start_processing: { from: ['received'], to: 'in_processing', actor: ['processor'], requires: [] },
  request_supplement: {
    from: ['received', 'in_processing'],
    to: 'supplement_requested',
    actor: ['intake', 'processor'],
    requires: ['items'],
  },
  resubmit: { from: ['supplement_requested'], to: 'in_processing', actor: ['owner', 'intake'], requires: [] },
  approve: { from: ['in_processing'], to: 'approved', actor: ['processor'], requires: [], decides: true },
  refuse: {
    from: ['in_processing'],
    to: 'refused',
    actor: ['processor'],
    requires: ['reason', 'legalBasis'],
    decides: true,
  },
  issue_result: { from: ['approved', 'refused'], to: 'result_issued', actor: ['processor'], requires: [] },
  return_result: { from: ['result_issued'], to: 'returned', actor: ['intake', 'processor'], requires: [] },
  withdraw: {
    from: ['awaiting_payment', 'submitted', 'received', 'in_processing', 'supplement_requested'],
    to: 'withdrawn',
    actor: ['owner'],
    requires: [],
  },
  extend: { from: ['received', 'in_processing'], to: null, actor: ['processor'], requires: ['reason', 'newDueAt'] },
  // Fees (issue #5): a dossier with a fee due waits for its payment; an exemption that needs proof is decided at intake.
  pay: { from: ['awaiting_payment'], to: 'submitted', actor: ['system'], requires: [] },
  confirm_exemption: { from: ['submitted'], to: null, actor: ['intake'], requires: [] },
  reject_exemption: { from: ['submitted'], to: 'awaiting_payment', actor: ['intake'], requires: ['reason'] },
};

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

export type TransitionCheck =
  | { ok: true; to: DossierState }
  | { ok: false; reason: 'wrong_state' | 'not_allowed' | 'missing_field'; field?: string };

/**
 * Can `actor` run `command` on a dossier in `state` with these body fields? Returns the target
 * state, or why not (the state is checked before the actor: a wrong state is a conflict, a wrong
 * actor is forbidden).
 */
export function checkTransition(
  state: DossierState,
  command: DossierCommand,
  actors: readonly CommandActor[],
  fields: Partial<Record<CommandRule['requires'][number], unknown>> = {},
): TransitionCheck {
  const rule = COMMANDS[command];
  if (!rule.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  if (!rule.actor.some((a) => actors.includes(a))) return { ok: false, reason: 'not_allowed' };
  for (const field of rule.requires) {
    const value = fields[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      return { ok: false, reason: 'missing_field', field };
  }
  return { ok: true, to: rule.to ?? state };
}

/** The commands `actors` may run in `state` (for the buttons of the UI). */
export function availableCommands(state: DossierState, actors: readonly CommandActor[]): DossierCommand[] {
  return (Object.keys(COMMANDS) as DossierCommand[]).filter(
    (c) => COMMANDS[c].from.includes(state) && COMMANDS[c].actor.some((a) => actors.includes(a)),
  );
}
