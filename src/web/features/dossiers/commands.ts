import type { Dayjs } from 'dayjs';
import type { CommandBody, DossierCommand } from '../../../contracts/dossiers';

/** What each command asks for in its dialog (the server checks the same, lifecycle.ts). */
export const COMMAND_FIELDS: Record<
  DossierCommand,
  { reason?: boolean; legalBasis?: boolean; items?: boolean; newDueAt?: boolean; files?: boolean; outcome?: boolean }
> = {
  submit: {},
  receive: {},
  refuse_intake: { reason: true, legalBasis: true },
  start_processing: {},
  request_supplement: { items: true },
  resubmit: { files: true },
  approve: {},
  complete_step: { outcome: true },
  refuse: { reason: true, legalBasis: true },
  issue_result: {},
  return_result: {},
  withdraw: {},
  extend: { reason: true, newDueAt: true },
  pay: {},
  expire_unpaid: {},
  confirm_exemption: {},
  reject_exemption: { reason: true },
};

/** What the command dialog holds. */
export interface CommandValues {
  note?: string;
  reason?: string;
  legalBasis?: string;
  items?: Array<{ item: string; reason: string }>;
  newDueAt?: Dayjs;
  /** complete_step: what the agency's officer enters (the card number), by the step's field keys. */
  outcome?: Record<string, string | undefined>;
}

/** The inputs a command takes. */
export type CommandNeeds = (typeof COMMAND_FIELDS)[DossierCommand];

/** The body of a command from the dialog's values: only what the command takes, trimmed; the new appointment as ISO 8601 with offset. */
export function commandBody(values: CommandValues, needs: CommandNeeds): Omit<CommandBody, 'expectedVersion'> {
  const body: Omit<CommandBody, 'expectedVersion'> = {};
  if (values.note?.trim()) body.note = values.note.trim();
  if (needs.reason && values.reason?.trim()) body.reason = values.reason.trim();
  if (needs.legalBasis && values.legalBasis?.trim()) body.legalBasis = values.legalBasis.trim();
  if (needs.items && values.items?.length)
    body.items = values.items.map((i) => ({ item: i.item.trim(), reason: i.reason.trim() }));
  if (needs.outcome && values.outcome) {
    const entered = Object.entries(values.outcome).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()] as const] : []));
    if (entered.length) body.outcome = Object.fromEntries(entered);
  }
  if (needs.newDueAt && values.newDueAt)
    body.newDueAt = values.newDueAt.second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ');
  return body;
}
