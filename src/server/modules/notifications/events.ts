import { formatVnd } from '../../../contracts/fees';
import type { NotificationEvent } from '../../../contracts/notifications';
import type { TransitionFeedItem } from '../dossiers';
import type { DossierFeeMoney } from '../payments';

/*
 * Which dossier transitions tell the citizen something, and the placeholder values of the message
 * (pure). Dates in Vietnam time (UTC+7).
 */

/** The event a transition gives, or null (most moves tell the citizen nothing by message). */
export function eventOf(t: Pick<TransitionFeedItem, 'command' | 'actorRole'>): NotificationEvent | null {
  switch (t.command) {
    case 'receive':
      return 'dossier_received';
    case 'request_supplement':
      return 'supplement_requested';
    case 'extend':
      return 'overdue_apology';
    case 'issue_result':
      return 'result_ready';
    case 'pay':
      return 'payment_received';
    case 'refund':
      return 'payment_refunded';
    case 'refuse':
      // The supplement-expiry job's refusal; an officer's refusal reaches the citizen with its result.
      return t.actorRole === 'system' ? 'automatic_refusal' : null;
    case 'expire_unpaid':
      // The unpaid-expiry job's withdrawal: the citizen did not ask for it, so they are told (ADR 0032).
      return 'automatic_withdrawal';
    default:
      return null;
  }
}

const VN_OFFSET_MS = 7 * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy in Vietnam time. */
export function vnDate(d: Date): string {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function vnDateTime(d: Date): string {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${vnDate(d)} ${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`;
}

/** An amount in đồng, Vietnamese style (20.000 đ). */
export function vnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

const COLLECTION: Record<string, { vi: string; en: string }> = {
  online: { vi: 'nhận bản điện tử trong tài khoản trên Cổng dịch vụ công', en: 'download it from your account' },
  post: { vi: 'kết quả được gửi qua bưu chính đến địa chỉ đã đăng ký', en: 'sent by post to the address given' },
  counter: {
    vi: 'nhận tại Bộ phận Một cửa, mang theo giấy tờ tùy thân',
    en: 'collect it at the one-stop counter with your ID',
  },
};

/**
 * The English of the reasons and legal bases the system itself writes on a dossier's move (in
 * Vietnamese, dossiers' supplement-expiry and unpaid-expiry), by the move that writes them. An
 * officer's reason is the officer's own text and goes as written in both languages.
 */
const SYSTEM_TEXTS_EN: Record<string, { reason: string; legalBasis?: string }> = {
  refuse: {
    reason:
      'The interlinked dossier was not completed within 7 working days of the request for more documents: it was refused automatically',
    legalBasis:
      'Decree No. 63/2024/ND-CP on interlinked administrative procedures (time to complete a dossier: 7 working days)',
  },
  expire_unpaid: {
    reason:
      'The fees were not paid within 2 working days: the dossier was cancelled and not sent to the deciding agency. You may file a new dossier.',
  },
};

/** A message's placeholder values, one set per language: the Vietnamese texts (and the SMS) take `vi`, the English ones `en`. */
export interface MessageValues {
  vi: Record<string, string>;
  en: Record<string, string>;
}

/**
 * The placeholder values of `event`'s message for transition `t`. `supplementDeadline`: when an
 * interlinked group's supplement window ends (null: no fixed window). `money`: what was paid and
 * refunded for the dossier's fee (payments' `dossierFeeMoney`), for `pay` and `refund` moves — the
 * amount actually paid and the amount of this refund, written in each language.
 */
export function valuesFor(
  t: TransitionFeedItem,
  context: { portalUrl: string; supplementDeadline: Date | null; ratingLink?: string; money?: DossierFeeMoney },
): MessageValues {
  const d = t.dossier;
  const items = (t.items ?? []).map((i) => `- ${i.item}${i.reason ? `: ${i.reason}` : ''}`).join('\n');
  const due = t.dueAt ?? d.dueAt;
  const system = t.actorRole === 'system' ? SYSTEM_TEXTS_EN[t.command] : undefined;
  const reason = t.reason ?? t.note ?? '';
  const collection = COLLECTION[d.resultDelivery] ?? COLLECTION.online!;
  const paid = context.money?.paid ?? d.feeAmount;
  const refund = t.command === 'refund' ? refundAt(context.money, t.at) : undefined;
  const common = {
    citizenName: d.applicantName,
    dossierCode: d.code ?? '',
    procedureCode: d.procedureCode,
    portalUrl: context.portalUrl,
    receivedDate: vnDate(d.receivedAt ?? t.at),
    supplementItems: items || t.note || '',
    newAppointmentDate: t.dueAt ? vnDateTime(t.dueAt) : '',
    ratingLink: context.ratingLink ?? context.portalUrl,
  };
  return {
    vi: {
      ...common,
      appointmentDate: due ? vnDateTime(due) : 'theo phiếu hẹn',
      supplementDeadline: context.supplementDeadline
        ? vnDateTime(context.supplementDeadline)
        : 'càng sớm càng tốt; thời hạn giải quyết tạm dừng đến khi bổ sung',
      reason,
      collectionMethod: collection.vi,
      amount: formatVnd(paid, 'vi'),
      refundDetail: refund
        ? `${formatVnd(refund.amount, 'vi')}${refund.wholePayment ? ' (toàn bộ số đã nộp)' : ''}`
        : (t.note ?? ''),
      legalBasis: t.legalBasis ?? '',
    },
    en: {
      ...common,
      appointmentDate: due ? vnDateTime(due) : 'as on the receipt',
      supplementDeadline: context.supplementDeadline
        ? vnDateTime(context.supplementDeadline)
        : 'as soon as you can (the processing time is paused until then)',
      reason: system?.reason ?? reason,
      collectionMethod: collection.en,
      amount: formatVnd(paid, 'en'),
      refundDetail: refund
        ? `${formatVnd(refund.amount, 'en')}${refund.wholePayment ? ' (all that was paid)' : ''}`
        : 'see the dossier’s history',
      legalBasis: system?.legalBasis ?? t.legalBasis ?? '',
    },
  };
}

/** The refund a `refund` move at `at` recorded: the one confirmed then (the same transaction), else the latest before. */
function refundAt(money: DossierFeeMoney | undefined, at: Date): DossierFeeMoney['refunds'][number] | undefined {
  const refunds = money?.refunds ?? [];
  return (
    refunds.find((r) => r.at.getTime() === at.getTime()) ??
    [...refunds].reverse().find((r) => r.at.getTime() <= at.getTime()) ??
    refunds.at(-1)
  );
}
