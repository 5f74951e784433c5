import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `notifications` module: message templates as dated versions, the outbox (one
 * row per message: event × channel), the citizens' in-app inbox and channel choices, the markers of
 * the dossier transitions already turned into messages, and what the development sandboxes (local
 * SMTP server, SMS gateway) received.
 */
export const notificationsSchema = pgSchema('notifications');

/** A template version: never edited in place; a new version takes effect from its date. */
export const templates = notificationsSchema.table(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    event: text('event').notNull(),
    version: integer('version').notNull(),
    /** First day (Vietnam) the version is used. */
    effectiveFrom: date('effective_from').notNull(),
    subjectVi: text('subject_vi').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    /** The short text an SMS carries (Vietnamese). */
    smsVi: text('sms_vi').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_event_version_uq').on(t.event, t.version)],
);

/**
 * One message to one channel. `idempotency_key` (event × channel, e.g. `t:<transition id>:email`)
 * makes a message exist once; it is also the Message-ID of an e-mail and the Idempotency-Key of
 * an SMS, so that a send repeated after a crash is recognised by the receiving side.
 */
export const outbox = notificationsSchema.table(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    event: text('event').notNull(),
    /** email | sms | inbox */
    channel: text('channel').notNull(),
    /** queued | sending | sent | failed | skipped */
    status: text('status').notNull(),
    accountId: uuid('account_id'),
    dossierId: uuid('dossier_id'),
    dossierCode: text('dossier_code'),
    /** E-mail address or phone number (null for the inbox). */
    recipient: text('recipient'),
    templateId: uuid('template_id').notNull(),
    subjectVi: text('subject_vi').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Why a channel was skipped (malformed address, no address, channel off). */
    skipReason: text('skip_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_created_idx').on(t.createdAt.desc()),
    check('outbox_channel_ck', sql`${t.channel} in ('email', 'sms', 'inbox')`),
    check('outbox_status_ck', sql`${t.status} in ('queued', 'sending', 'sent', 'failed', 'skipped')`),
  ],
);

/** A citizen's in-app message (delivered by the outbox's inbox channel, once per outbox row). */
export const inboxMessages = notificationsSchema.table(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id').notNull(),
    accountId: uuid('account_id').notNull(),
    event: text('event').notNull(),
    dossierId: uuid('dossier_id'),
    dossierCode: text('dossier_code'),
    subjectVi: text('subject_vi').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbox_messages_outbox_uq').on(t.outboxId),
    index('inbox_messages_account_idx').on(t.accountId, t.createdAt.desc()),
  ],
);

/** A citizen's channel choices; absent = the defaults (inbox, and e-mail to the registry's address). */
export const preferences = notificationsSchema.table('preferences', {
  accountId: uuid('account_id').primaryKey(),
  emailEnabled: boolean('email_enabled').notNull(),
  email: text('email'),
  smsEnabled: boolean('sms_enabled').notNull(),
  phone: text('phone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Dossier transitions already turned into messages (or found to need none): the feed's markers. */
export const handledTransitions = notificationsSchema.table('handled_transitions', {
  transitionId: bigint('transition_id', { mode: 'number' }).primaryKey(),
  /** The event it gave (null: none). */
  event: text('event'),
  handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The feed cursor (dossiers' `FeedCursor`): one row per consumer. */
export const feedCursors = notificationsSchema.table('feed_cursors', {
  name: text('name').primaryKey(),
  lowId: bigint('low_id', { mode: 'number' }).notNull(),
  pendingId: bigint('pending_id', { mode: 'number' }).notNull(),
  pendingSince: timestamp('pending_since', { withTimezone: true }).notNull(),
});

/** What the local SMTP server (development, tests) received; one row per Message-ID. */
export const sandboxMail = notificationsSchema.table(
  'sandbox_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: text('message_id').notNull(),
    mailFrom: text('mail_from'),
    rcptTo: jsonb('rcpt_to').$type<string[]>().notNull(),
    subject: text('subject'),
    raw: text('raw').notNull(),
    /** Deliveries of the same Message-ID refused as duplicates (a resend after a lost answer). */
    duplicates: integer('duplicates').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_mail_message_uq').on(t.messageId)],
);

/** What the SMS sandbox gateway received; one row per Idempotency-Key. */
export const sandboxSms = notificationsSchema.table(
  'sandbox_sms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    phone: text('phone').notNull(),
    text: text('text').notNull(),
    duplicates: integer('duplicates').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_sms_key_uq').on(t.idempotencyKey)],
);
