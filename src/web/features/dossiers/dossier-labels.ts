import type {
  DeadlineFlag,
  DossierChannel,
  DossierCommand,
  DossierDetail,
  DossierState,
  FeeStatus,
  Workqueue,
} from '../../../contracts/dossiers';
import type { MessageKey } from '../../shell/dictionary';
import type { Translate } from '../../shell/i18n';
import type { StatusKind } from '../../components/StatusTag';
import type { SlipKind } from './dossiers-api';
import { formatDateTime } from '../../components/format';

/** The state's name in the dictionary. */
export const STATE_LABEL: Record<DossierState, MessageKey> = {
  draft: 'dossier.state.draft',
  awaiting_payment: 'dossier.state.awaiting_payment',
  submitted: 'dossier.state.submitted',
  received: 'dossier.state.received',
  not_accepted: 'dossier.state.not_accepted',
  in_processing: 'dossier.state.in_processing',
  supplement_requested: 'dossier.state.supplement_requested',
  approved: 'dossier.state.approved',
  refused: 'dossier.state.refused',
  result_issued: 'dossier.state.result_issued',
  returned: 'dossier.state.returned',
  withdrawn: 'dossier.state.withdrawn',
};

/** Colour of a state tag: waiting for the agency (info), for the citizen (warn), ended well (ok) or not (danger). */
export const STATE_KIND: Record<DossierState, StatusKind> = {
  draft: 'neutral',
  awaiting_payment: 'warn',
  submitted: 'info',
  received: 'info',
  not_accepted: 'danger',
  in_processing: 'info',
  supplement_requested: 'warn',
  approved: 'ok',
  refused: 'danger',
  result_issued: 'ok',
  returned: 'ok',
  withdrawn: 'neutral',
};

/** Deadline flags: green on time, orange due soon, red overdue, grey paused. */
export const FLAG_KIND: Record<Exclude<DeadlineFlag, 'none'>, StatusKind> = {
  on_time: 'ok',
  due_soon: 'warn',
  overdue: 'danger',
  paused: 'neutral',
  done_on_time: 'ok',
  done_late: 'danger',
};

export const FLAG_LABEL: Record<Exclude<DeadlineFlag, 'none'>, MessageKey> = {
  on_time: 'dossier.flag.on_time',
  due_soon: 'dossier.flag.due_soon',
  overdue: 'dossier.flag.overdue',
  paused: 'dossier.flag.paused',
  done_on_time: 'dossier.flag.done_on_time',
  done_late: 'dossier.flag.done_late',
};

/** Button text of each command. */
export const COMMAND_LABEL: Record<DossierCommand, MessageKey> = {
  submit: 'dossier.command.submit',
  receive: 'dossier.command.receive',
  refuse_intake: 'dossier.command.refuse_intake',
  start_processing: 'dossier.command.start_processing',
  request_supplement: 'dossier.command.request_supplement',
  resubmit: 'dossier.command.resubmit',
  approve: 'dossier.command.approve',
  complete_step: 'dossier.command.complete_step',
  refuse: 'dossier.command.refuse',
  issue_result: 'dossier.command.issue_result',
  return_result: 'dossier.command.return_result',
  withdraw: 'dossier.command.withdraw',
  extend: 'dossier.command.extend',
  pay: 'dossier.command.pay',
  expire_unpaid: 'dossier.command.expire_unpaid',
  confirm_exemption: 'dossier.command.confirm_exemption',
  reject_exemption: 'dossier.command.reject_exemption',
};

/** What happened, as a timeline line (the command that made the entry). */
export const EVENT_LABEL: Record<DossierCommand, MessageKey> = {
  submit: 'dossier.event.submit',
  receive: 'dossier.event.receive',
  refuse_intake: 'dossier.event.refuse_intake',
  start_processing: 'dossier.event.start_processing',
  request_supplement: 'dossier.event.request_supplement',
  resubmit: 'dossier.event.resubmit',
  approve: 'dossier.event.approve',
  complete_step: 'dossier.event.complete_step',
  refuse: 'dossier.event.refuse',
  issue_result: 'dossier.event.issue_result',
  return_result: 'dossier.event.return_result',
  withdraw: 'dossier.event.withdraw',
  extend: 'dossier.event.extend',
  pay: 'dossier.event.pay',
  expire_unpaid: 'dossier.event.expire_unpaid',
  confirm_exemption: 'dossier.event.confirm_exemption',
  reject_exemption: 'dossier.event.reject_exemption',
};

export const CHANNEL_LABEL: Record<DossierChannel, MessageKey> = {
  online: 'dossier.channel.online',
  assisted: 'dossier.channel.assisted',
  paper: 'dossier.channel.paper',
};

export const SLIP_LABEL: Record<SlipKind, MessageKey> = {
  receipt: 'dossier.slip.receipt',
  supplement: 'dossier.slip.supplement',
  refusal: 'dossier.slip.refusal',
  apology: 'dossier.slip.apology',
};

/** Fee state of a dossier. */
export const FEE_STATUS_LABEL: Record<FeeStatus, MessageKey> = {
  none: 'dossier.fee.none',
  unpaid: 'dossier.fee.unpaid',
  paid: 'dossier.fee.paid',
  exempt: 'dossier.fee.exempt',
  exemption_pending: 'dossier.fee.exemption_pending',
  cash: 'dossier.fee.cash',
  refunded: 'dossier.fee.refunded',
};

export const QUEUE_LABEL: Record<Workqueue, MessageKey> = {
  new: 'dossier.queue.tab.new',
  mine: 'dossier.queue.tab.mine',
  due_soon: 'dossier.queue.tab.due_soon',
  overdue: 'dossier.queue.tab.overdue',
  waiting_citizen: 'dossier.queue.tab.waiting_citizen',
  all: 'dossier.queue.tab.all',
};

/** Is this a timeline command the dictionary knows (older entries may carry other names)? */
export function isKnownCommand(command: string): command is DossierCommand {
  return command in EVENT_LABEL;
}

/**
 * The citizen's path through the lifecycle, for the progress steps of "Hồ sơ của tôi":
 * submitted → received → processing → decided → result. Returns the index of the current step
 * and whether the dossier stopped there for good (refused, not accepted, withdrawn).
 */
export function progressOf(state: DossierState): { step: number; stopped: boolean } {
  switch (state) {
    case 'draft':
    case 'awaiting_payment':
    case 'submitted':
      return { step: 0, stopped: false };
    case 'not_accepted':
      return { step: 1, stopped: true };
    case 'received':
      return { step: 1, stopped: false };
    case 'in_processing':
    case 'supplement_requested':
      return { step: 2, stopped: false };
    case 'approved':
      return { step: 3, stopped: false };
    case 'refused':
      return { step: 3, stopped: true };
    case 'result_issued':
      return { step: 4, stopped: false };
    case 'returned':
      return { step: 4, stopped: false };
    case 'withdrawn':
      return { step: 0, stopped: true };
  }
}

/** How the dossier was filed, with the counter and the guiding officer of an assisted filing. */
export function channelText(d: Pick<DossierDetail, 'channel' | 'assistedBy'>, t: Translate): string {
  return d.channel === 'assisted' && d.assistedBy
    ? t('dossier.channel.assistedBy', { counter: d.assistedBy.counterLabel, officer: d.assistedBy.officerName })
    : t(CHANNEL_LABEL[d.channel]);
}

/** How the applicant receives the result, in words ("Gửi qua bưu điện đến: …"). */
export function deliveryText(
  d: Pick<DossierDetail, 'resultDelivery' | 'deliveryAddress' | 'unitName' | 'unitCode'>,
  t: Translate,
): string {
  if (d.resultDelivery === 'post') return t('dossier.delivery.postTo', { address: d.deliveryAddress ?? '' });
  if (d.resultDelivery === 'counter') return t('dossier.delivery.counterAt', { unit: d.unitName ?? d.unitCode });
  return t('dossier.delivery.online.note');
}

/**
 * "Thời hạn tính từ": the deadline's start, shown beside the reception only when it differs (an
 * online filing outside working hours counts from the next working period; issue 14 §4).
 */
export function deadlineStartItem(
  d: { receivedAt: string | null; deadlineStartAt: string | null },
  t: Translate,
): Array<{ key: string; label: string; children: string }> {
  if (!d.deadlineStartAt || formatDateTime(d.deadlineStartAt) === formatDateTime(d.receivedAt)) return [];
  return [{ key: 'deadline-start', label: t('dossier.deadlineStartAt'), children: formatDateTime(d.deadlineStartAt) }];
}
