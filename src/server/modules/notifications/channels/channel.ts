import type { NotificationChannel } from '../../../../contracts/notifications';

/** One message as a channel sends it (an outbox row's content). */
export interface OutgoingMessage {
  /** The outbox row's idempotency key: the same message sent twice carries the same key. */
  idempotencyKey: string;
  /** E-mail address or mobile number (normalised); null for the inbox. */
  recipient: string | null;
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
}

/**
 * A way of reaching the citizen outside the application (e-mail, SMS). `send` resolves once the
 * receiving side accepted the message and throws otherwise (the outbox retries). Each adapter
 * passes the idempotency key on (Message-ID, Idempotency-Key), so a receiver that dedupes sees a
 * resend after a crash as the message it already has.
 */
export interface DeliveryChannel {
  readonly name: Exclude<NotificationChannel, 'inbox'>;
  send(message: OutgoingMessage): Promise<{ providerId?: string }>;
  /** Releases connections (shutdown). */
  close?(): Promise<void>;
}

/** The channels of a server process; a missing one leaves its messages queued. */
export type DeliveryChannels = Partial<Record<Exclude<NotificationChannel, 'inbox'>, DeliveryChannel>>;
