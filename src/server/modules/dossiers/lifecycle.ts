import type { DossierCommand, DossierState } from '../../../contracts/dossiers';
import type { WorkingCalendar } from '../calendar';
import { feeAfterExemptionDecision, type FeeCalculation, type FeeChannel } from '../fees';
import { deadlineAtReceipt, pauseDeadline, resumeDeadline } from './deadline';

/**
 * The dossier lifecycle as one explicit state machine, so every move of a dossier is checked the
 * same way (DOMAIN.md §5 states of the national sync). Pure: no database, no clock. Each command moves a dossier from one of its
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
  // An interlinked group: the running step's agency completes it; the last step approves (run-command.ts).
  complete_step: { from: ['in_processing'], to: null, actor: ['processor'], requires: [] },
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
  // Fees: a dossier with a fee due waits for its payment; an exemption that needs proof is decided at intake.
  pay: { from: ['awaiting_payment'], to: 'submitted', actor: ['system'], requires: [] },
  expire_unpaid: { from: ['awaiting_payment'], to: 'withdrawn', actor: ['system'], requires: [] },
  confirm_exemption: { from: ['submitted'], to: null, actor: ['intake'], requires: [] },
  reject_exemption: { from: ['submitted'], to: 'awaiting_payment', actor: ['intake'], requires: ['reason'] },
};

export { CLOSED_STATES, RUNNING_STATES } from './states';

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

/**
 * Where a settled payment leaves a dossier: the system's `pay` moves one waiting for its payment
 * on to the desk; a fee paid while the dossier is elsewhere (e.g. after an exemption was confirmed
 * at the desk with an amount left) leaves it where it is.
 */
export function stateAfterPayment(state: DossierState): DossierState {
  const check = checkTransition(state, 'pay', ['system']);
  return check.ok ? check.to : state;
}

/** What a command's effects need of the dossier. */
export interface DossierFacts {
  state: DossierState;
  channel: FeeChannel;
  submittedAt: Date | null;
  timeLimitWorkingDays: number;
  /** The version's same-day cut-off ("HH:MM"), null for a limit in working days. */
  sameDayCutoff: string | null;
  dueAt: Date | null;
  pausedRemainingMinutes: number | null;
  fee: FeeCalculation | null;
  feeStatus: string;
}

/** The columns a command changes. */
export interface DossierChanges {
  state: DossierState;
  receivedAt?: Date;
  deadlineStartAt?: Date;
  dueAt?: Date;
  assigneeAccountId?: string;
  pausedRemainingMinutes?: number | null;
  decidedAt?: Date;
  late?: boolean;
  fee?: FeeCalculation;
  feeAmount?: number;
  feeStatus?: string;
}

export interface CommandInput {
  /** The target state `checkTransition` answered. */
  to: DossierState;
  actors: readonly CommandActor[];
  actorAccountId: string;
  body: { reason?: string | null; note?: string | null; newDueAt?: string | null };
  now: Date;
  cal: WorkingCalendar;
}

export type CommandEffects =
  | {
      ok: true;
      set: DossierChanges;
      /** The due time the transition records: a Date, null (paused), or undefined (unchanged). */
      dueAfter?: Date | null;
    }
  | { ok: false; reason: 'fee_not_pending' | 'due_not_later' };

/**
 * What an allowed command changes on the dossier (pure: the caller checked the transition and
 * writes the changes): deadlines start at receipt, pause for a supplement and resume with the
 * working minutes left; a decision stops the clock (late if past due); an exemption decision
 * settles the fee (the dossier stays with the desk unless the fee must now be paid online); an
 * apology slip moves the due time later.
 */
export function commandEffects(command: DossierCommand, dossier: DossierFacts, input: CommandInput): CommandEffects {
  const { now, cal } = input;
  const set: DossierChanges = { state: input.to };
  switch (command) {
    case 'receive': {
      const d = deadlineAtReceipt(cal, dossier.submittedAt ?? now, dossier.timeLimitWorkingDays, dossier.sameDayCutoff);
      // The act is recorded at its actual time; the deadline counts from the effective receipt.
      Object.assign(set, { receivedAt: now, deadlineStartAt: d.startsAt, dueAt: d.dueAt });
      if (input.actors.includes('processor')) set.assigneeAccountId = input.actorAccountId;
      return { ok: true, set, dueAfter: d.dueAt };
    }
    case 'start_processing':
      set.assigneeAccountId = input.actorAccountId;
      return { ok: true, set };
    case 'request_supplement':
      set.pausedRemainingMinutes = dossier.dueAt ? pauseDeadline(cal, dossier.dueAt, now) : null;
      return { ok: true, set, dueAfter: null };
    case 'resubmit': {
      if (dossier.pausedRemainingMinutes === null) return { ok: true, set };
      const dueAt = resumeDeadline(cal, now, dossier.pausedRemainingMinutes);
      Object.assign(set, { dueAt, pausedRemainingMinutes: null });
      return { ok: true, set, dueAfter: dueAt };
    }
    case 'approve':
    case 'refuse':
    case 'refuse_intake':
      set.decidedAt = now;
      if (COMMANDS[command].decides && dossier.dueAt && now > dossier.dueAt) set.late = true;
      return { ok: true, set };
    case 'confirm_exemption':
    case 'reject_exemption': {
      if (dossier.feeStatus !== 'exemption_pending' || !dossier.fee) return { ok: false, reason: 'fee_not_pending' };
      const decided = feeAfterExemptionDecision(
        dossier.fee,
        command === 'confirm_exemption' ? 'confirmed' : 'rejected',
        input.body.reason ?? input.body.note ?? 'Đã kiểm tra giấy tờ chứng minh',
        dossier.channel,
      );
      Object.assign(set, { fee: decided.fee, feeAmount: decided.amount, feeStatus: decided.status });
      if (decided.status !== 'unpaid') set.state = dossier.state;
      return { ok: true, set };
    }
    case 'extend': {
      const dueAt = new Date(input.body.newDueAt!);
      if (!dossier.dueAt || dueAt <= dossier.dueAt) return { ok: false, reason: 'due_not_later' };
      Object.assign(set, { dueAt, late: true });
      return { ok: true, set, dueAfter: dueAt };
    }
    default:
      return { ok: true, set };
  }
}
