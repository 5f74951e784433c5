import {
  bigint,
  boolean,
  check,
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
import type { PortalSyncPayload } from './payload';

/**
 * Tables owned by the `portal-sync` module (ADR 0035): one push per dossier transition with its
 * per-dossier sequence, one stream per dossier (the next sequence and the sending lease), the
 * markers of the transitions read and the feed cursor; and what the development sandbox of the
 * national endpoint received (`sandbox_*`).
 */
export const portalSyncSchema = pgSchema('portal_sync');

/** A dossier's stream of pushes: the next sequence to give and who is sending now (a lease, never a held transaction). */
export const streams = portalSyncSchema.table('streams', {
  dossierId: uuid('dossier_id').primaryKey(),
  dossierCode: text('dossier_code').notNull(),
  nextSeq: integer('next_seq').notNull().default(1),
  /** A sender holds the stream until then (a crashed sender's lease runs out). */
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One state change of one dossier to send to the national portal; idempotent there on (dossier code, seq). */
export const pushes = portalSyncSchema.table(
  'pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transitionId: bigint('transition_id', { mode: 'number' }).notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    seq: integer('seq').notNull(),
    /** The national status code sent (payload.TrangThaiHoSo). */
    status: text('status').notNull(),
    payload: jsonb('payload').$type<PortalSyncPayload>().notNull(),
    /** pending: to send (or being retried); sent: the endpoint accepted it; dead: retries ran out (blocks the later pushes of its dossier). */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pushes_transition_uq').on(t.transitionId),
    uniqueIndex('pushes_dossier_code_seq_uq').on(t.dossierCode, t.seq),
    uniqueIndex('pushes_dossier_seq_uq').on(t.dossierId, t.seq),
    index('pushes_state_idx').on(t.state, t.createdAt),
    check('pushes_state_ck', sql`${t.state} in ('pending', 'sent', 'dead')`),
    check('pushes_seq_ck', sql`${t.seq} >= 1`),
  ],
);

/** Transitions already read from the dossiers' feed (pushed or skipped, e.g. a draft's). */
export const handledTransitions = portalSyncSchema.table('handled_transitions', {
  transitionId: bigint('transition_id', { mode: 'number' }).primaryKey(),
  pushed: boolean('pushed').notNull(),
  handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The feed cursor (dossiers' `FeedCursor`): one row. */
export const feedCursor = portalSyncSchema.table('feed_cursor', {
  name: text('name').primaryKey(),
  lowId: bigint('low_id', { mode: 'number' }).notNull(),
  pendingId: bigint('pending_id', { mode: 'number' }).notNull(),
  pendingSince: timestamp('pending_since', { withTimezone: true }).notNull(),
});

/** Sandbox of the national endpoint: each (dossier code, seq) kept once, with how it arrived. */
export const sandboxReceived = portalSyncSchema.table(
  'sandbox_received',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierCode: text('dossier_code').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** A sequence arrived while an earlier one of the same dossier was missing. */
    outOfOrder: boolean('out_of_order').notNull().default(false),
    /** How many times it came again (answered as a duplicate, not stored again). */
    duplicates: integer('duplicates').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sandbox_received_code_seq_uq').on(t.dossierCode, t.seq),
    index('sandbox_received_at_idx').on(t.receivedAt),
  ],
);

/** The sandbox's behaviour, set from its page: answer 500 to every push, or wait before answering. */
export const sandboxSettings = portalSyncSchema.table(
  'sandbox_settings',
  {
    id: integer('id').primaryKey().default(1),
    failing: boolean('failing').notNull().default(false),
    delayMs: integer('delay_ms').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('sandbox_settings_one_ck', sql`${t.id} = 1`),
    check('sandbox_settings_delay_ck', sql`${t.delayMs} between 0 and 60000`),
  ],
);
