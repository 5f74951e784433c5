import type { NotificationEvent } from '../../../contracts/notifications';
import type { TransitionFeedItem } from '../dossiers';

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

const COLLECTION: Record<string, string> = {
  online: 'nhận bản điện tử trong tài khoản trên Cổng dịch vụ công / download it from your account',
  post: 'kết quả được gửi qua bưu chính đến địa chỉ đã đăng ký / sent by post to the address given',
  counter: 'nhận tại Bộ phận Một cửa, mang theo giấy tờ tùy thân / collect it at the one-stop counter with your ID',
};

/**
 * The placeholder values of `event`'s message for transition `t`. `supplementDeadline`: when an
 * interlinked group's supplement window ends (null: no fixed window).
 */
export function valuesFor(
  t: TransitionFeedItem,
  context: { portalUrl: string; supplementDeadline: Date | null; ratingLink?: string },
): Record<string, string> {
  const d = t.dossier;
  const items = (t.items ?? []).map((i) => `- ${i.item}${i.reason ? `: ${i.reason}` : ''}`).join('\n');
  const due = t.dueAt ?? d.dueAt;
  return {
    citizenName: d.applicantName,
    dossierCode: d.code ?? '',
    procedureCode: d.procedureCode,
    portalUrl: context.portalUrl,
    receivedDate: vnDate(d.receivedAt ?? t.at),
    appointmentDate: due ? vnDateTime(due) : 'theo phiếu hẹn / as on the receipt',
    supplementItems: items || t.note || '',
    supplementDeadline: context.supplementDeadline
      ? vnDateTime(context.supplementDeadline)
      : 'càng sớm càng tốt; thời hạn giải quyết tạm dừng đến khi bổ sung / as soon as you can',
    reason: t.reason ?? t.note ?? '',
    newAppointmentDate: t.dueAt ? vnDateTime(t.dueAt) : '',
    collectionMethod: COLLECTION[d.resultDelivery] ?? COLLECTION.online!,
    amount: vnd(d.feeAmount),
    refundDetail: t.note ?? '',
    legalBasis: t.legalBasis ?? '',
    ratingLink: context.ratingLink ?? context.portalUrl,
  };
}
