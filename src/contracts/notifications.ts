import { z } from 'zod';
import { IsoDate } from './common';

/*
 * Notifications (issue 17 §2): the events a citizen is told of, the placeholders each template may
 * use, template versions, the outbox, the in-app inbox and the citizen's channel choices.
 */

/** The events that send a message. */
export const NOTIFICATION_EVENTS = [
  'dossier_received',
  'supplement_requested',
  'overdue_apology',
  'result_ready',
  'payment_received',
  'payment_refunded',
  'automatic_refusal',
  'automatic_withdrawal',
] as const;
export const NotificationEvent = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof NotificationEvent>;

/** Placeholders every template may use. */
const COMMON = ['citizenName', 'dossierCode', 'procedureCode', 'portalUrl'] as const;

/** The placeholders each event's template may use (`{{name}}`); any other is refused on save. */
export const EVENT_PLACEHOLDERS: Readonly<Record<NotificationEvent, readonly string[]>> = {
  dossier_received: [...COMMON, 'receivedDate', 'appointmentDate'],
  supplement_requested: [...COMMON, 'supplementItems', 'supplementDeadline'],
  overdue_apology: [...COMMON, 'reason', 'newAppointmentDate'],
  result_ready: [...COMMON, 'collectionMethod', 'ratingLink'],
  payment_received: [...COMMON, 'amount'],
  payment_refunded: [...COMMON, 'refundDetail', 'reason'],
  automatic_refusal: [...COMMON, 'reason', 'legalBasis'],
  automatic_withdrawal: [...COMMON, 'reason'],
};

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'inbox'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** The texts of a template version (what an administrator writes). */
export const TemplateTexts = z
  .object({
    subjectVi: z.string().trim().min(1).max(200),
    subjectEn: z.string().trim().min(1).max(200),
    bodyVi: z.string().trim().min(1).max(4000),
    bodyEn: z.string().trim().min(1).max(4000),
    smsVi: z.string().trim().min(1).max(480),
  })
  .strict();
export type TemplateTexts = z.infer<typeof TemplateTexts>;

/** A new version of an event's template, effective from a day (today or later). */
export const TemplateVersionBody = TemplateTexts.extend({ effectiveFrom: IsoDate }).strict();
export type TemplateVersionBody = z.infer<typeof TemplateVersionBody>;

export const TemplateVersion = z.object({
  id: z.string().uuid(),
  event: NotificationEvent,
  version: z.number().int(),
  effectiveFrom: IsoDate,
  subjectVi: z.string(),
  subjectEn: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  smsVi: z.string(),
  createdAt: z.string(),
  /** In force today (the latest version whose date has come). */
  current: z.boolean(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** Each event with its placeholders and versions (newest first). */
export const TemplateEvent = z.object({
  event: NotificationEvent,
  placeholders: z.array(z.string()),
  versions: z.array(TemplateVersion),
});
export type TemplateEvent = z.infer<typeof TemplateEvent>;

/** A preview: the texts rendered with example values. */
export const TemplatePreview = z.object({
  subjectVi: z.string(),
  subjectEn: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  smsVi: z.string(),
});
export type TemplatePreview = z.infer<typeof TemplatePreview>;

export const OutboxMessage = z.object({
  id: z.string().uuid(),
  event: NotificationEvent,
  channel: NotificationChannel,
  status: OutboxStatus,
  dossierCode: z.string().nullable(),
  /** Masked address (never the full e-mail or phone on the list). */
  recipient: z.string().nullable(),
  subjectVi: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  skipReason: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z
  .object({
    status: OutboxStatus.optional(),
    channel: NotificationChannel.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const InboxMessage = z.object({
  id: z.string().uuid(),
  event: NotificationEvent,
  dossierCode: z.string().nullable(),
  subjectVi: z.string(),
  subjectEn: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const Inbox = z.object({ unread: z.number().int(), items: z.array(InboxMessage) });
export type Inbox = z.infer<typeof Inbox>;

/** What the local SMTP server received (development / tests), for administrators. */
export const SandboxMail = z.object({
  messageId: z.string(),
  rcptTo: z.array(z.string()),
  subject: z.string().nullable(),
  duplicates: z.number().int(),
  receivedAt: z.string(),
});
export type SandboxMail = z.infer<typeof SandboxMail>;

/** What the SMS sandbox gateway received (development), for administrators: the number masked to its last 3 digits. */
export const SandboxSms = z.object({
  id: z.string().uuid(),
  /** `***678`: the outbox never shows a whole number either. */
  phone: z.string(),
  text: z.string(),
  /** Deliveries of the same Idempotency-Key answered as duplicates (a resend after a lost answer). */
  duplicates: z.number().int(),
  receivedAt: z.string(),
});
export type SandboxSms = z.infer<typeof SandboxSms>;

export const SandboxSmsQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** One page of the SMS sandbox, newest first. */
export const SandboxSmsPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(SandboxSms),
});
export type SandboxSmsPage = z.infer<typeof SandboxSmsPage>;

/** The citizen's channels. The in-app inbox is always on. */
export const NotificationPreferences = z.object({
  emailEnabled: z.boolean(),
  email: z.string().nullable(),
  smsEnabled: z.boolean(),
  phone: z.string().nullable(),
  /** What the registry holds (the prefill). */
  registryEmail: z.string().nullable(),
  registryPhone: z.string().nullable(),
  /** The citizen has saved their choice (else: the defaults). */
  chosen: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationPreferencesBody = z
  .object({
    emailEnabled: z.boolean(),
    email: z.string().trim().max(254).nullable(),
    smsEnabled: z.boolean(),
    phone: z.string().trim().max(20).nullable(),
    /** The citizen ticked the SMS consent box (never pre-ticked): the text `SMS_NOTIFICATIONS` of consent-texts, in `lang`. */
    consent: z.boolean(),
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .strict();
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBody>;
