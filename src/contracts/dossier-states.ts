import { z } from 'zod';

/* The words of the dossier lifecycle shared by server and web: states, commands, channels, deadline flags, workqueues. */

/** Lifecycle states (one state machine: src/server/modules/dossiers/lifecycle.ts). */
export const DOSSIER_STATES = [
  'draft',
  'awaiting_payment',
  'submitted',
  'received',
  'not_accepted',
  'in_processing',
  'supplement_requested',
  'approved',
  'refused',
  'result_issued',
  'returned',
  'withdrawn',
] as const;
export const DossierState = z.enum(DOSSIER_STATES);
export type DossierState = z.infer<typeof DossierState>;

/** What an actor does to a dossier; each is one transition (or, for `extend`, an event in place). */
export const DOSSIER_COMMANDS = [
  'submit',
  'receive',
  'refuse_intake',
  'start_processing',
  'request_supplement',
  'resubmit',
  'approve',
  /** An interlinked group: the step running now is done (the last one approves the dossier). */
  'complete_step',
  'refuse',
  'issue_result',
  'return_result',
  'withdraw',
  'extend',
  'pay',
  /** The system withdraws a dossier whose fee was not paid in time (unpaid-expiry.ts). */
  'expire_unpaid',
  'confirm_exemption',
  'reject_exemption',
] as const;
export const DossierCommand = z.enum(DOSSIER_COMMANDS);
export type DossierCommand = z.infer<typeof DossierCommand>;

/** How the dossier reached the agency: online, on a counter device with an officer's guidance, or on paper. */
export const DossierChannel = z.enum(['online', 'assisted', 'paper']);
export type DossierChannel = z.infer<typeof DossierChannel>;

/** Deadline colour of a dossier in the workqueues. */
export const DeadlineFlag = z.enum(['none', 'on_time', 'due_soon', 'overdue', 'paused', 'done_on_time', 'done_late']);
export type DeadlineFlag = z.infer<typeof DeadlineFlag>;

/** Workqueues of the back office. */
export const WORKQUEUES = ['new', 'mine', 'due_soon', 'overdue', 'waiting_citizen', 'all'] as const;
export const Workqueue = z.enum(WORKQUEUES);
export type Workqueue = z.infer<typeof Workqueue>;
