import {
  pgSchema,
  uuid,
  text,
  timestamp,
  integer,
  boolean,
  uniqueIndex,
  index,
  smallint,
  date,
  primaryKey,
  jsonb,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Tables owned by the `identity` module: accounts, roles and permissions, assignments, sessions. */
export const identitySchema = pgSchema('identity');

/**
 * A person who signs in: staff (username + password, optional TOTP) or citizen (e-ID through
 * OpenID Connect: issuer + subject). Citizens are linked to their registry record.
 */
export const accounts = identitySchema.table(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['staff', 'citizen'] }).notNull(),
    username: text('username'),
    displayName: text('display_name').notNull(),
    /** Staff: the title printed under the officer's signature on slips (e.g. "Cán bộ tiếp nhận"). */
    jobTitle: text('job_title'),
    personId: uuid('person_id'),
    /** Citizen's 12-digit personal ID number, from the e-ID's `national_id` claim. */
    nationalId: text('national_id'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /**
     * The last TOTP time step (Unix time / 30 s) accepted for this account. A code is accepted
     * only for a later step, in one conditional UPDATE, so a code works once (RFC 6238 §5.2).
     */
    totpLastStep: integer('totp_last_step'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** The sign-in before the last one: the owner is told of failed sign-ins since then (sign_in_failures). */
    previousLoginAt: timestamp('previous_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_username_uq').on(t.username),
    uniqueIndex('accounts_oidc_uq').on(t.oidcIssuer, t.oidcSubject),
    index('accounts_person_idx').on(t.personId),
    index('accounts_national_id_idx').on(t.nationalId),
  ],
);

/** A role (as data, extendable): `scoped` roles apply within a unit (and the units below it). */
export const roles = identitySchema.table('roles', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  staff: boolean('staff').notNull(),
  scoped: boolean('scoped').notNull(),
  needsSector: boolean('needs_sector').notNull().default(false),
});

/** The permission matrix: which role may perform which action. */
export const rolePermissions = identitySchema.table(
  'role_permissions',
  {
    roleCode: text('role_code').notNull(),
    action: text('action').notNull(),
  },
  (t) => [primaryKey({ name: 'role_permissions_pk', columns: [t.roleCode, t.action] })],
);

/**
 * Default (role, action) pairs of permissions.ts already applied to this database. A default is
 * applied once: a permission an administrator later removes stays removed after a restart,
 * while an action added to the defaults in a new release still reaches existing databases.
 */
export const appliedDefaultPermissions = identitySchema.table(
  'applied_default_permissions',
  {
    roleCode: text('role_code').notNull(),
    action: text('action').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'applied_default_permissions_pk', columns: [t.roleCode, t.action] })],
);

/** A role given to a staff account within a unit (commune, or the province), optionally for a sector. */
export const assignments = identitySchema.table(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    roleCode: text('role_code').notNull(),
    unitCode: text('unit_code').notNull(),
    sector: text('sector'),
    validFrom: date('valid_from')
      .notNull()
      .default(sql`current_date`),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignments_account_idx').on(t.accountId)],
);

/** Server-side sessions: the cookie holds a random token; only its SHA-256 is stored. */
export const sessions = identitySchema.table(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** e-ID assurance level of a citizen session (1 or 2); null for staff. */
    acr: smallint('acr'),
    idToken: text('id_token'),
    secondFactorDone: boolean('second_factor_done').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** One pending OpenID Connect login: state, nonce and PKCE verifier, used once. */
export const loginTransactions = identitySchema.table('login_transactions', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What administrators changed in roles and the permission matrix: who, when, what (append-only
 * by use: the module only inserts). Written in the same transaction as the change. Not the
 * personal-data access log (audit.access_log), whose entries are about a person.
 */
export const adminEvents = identitySchema.table(
  'admin_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    /** e.g. `role.create`, `role.actions.update`. */
    action: text('action').notNull(),
    /** What was changed, e.g. the role code. */
    target: text('target').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
  },
  (t) => [index('admin_events_at_idx').on(t.at.desc()), index('admin_events_target_idx').on(t.target, t.at.desc())],
);

/**
 * Rate limits shared by every process on the database (ADR 0004, "Sign-in throttling"): one row
 * per key (e.g. `login:account:<username>`, `lookup:address:<ip>`), changed by atomic upserts.
 * `hits`/`window_start`: a fixed-window count of requests. `failures`/`blocked_until`: a count of
 * failed attempts and the time before which no attempt is taken (a delay that doubles with each
 * failure past the free ones). `succeeded_at`: the last success under the key (for an
 * account × address key: an address the owner has signed in from). Rows quiet for a day are pruned.
 */
export const rateLimits = identitySchema.table(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
    hits: integer('hits').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** The last attempt under this key was refused (it arrived before blocked_until): read back by the upsert. */
    refused: boolean('refused').notNull().default(false),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limits_updated_idx').on(t.updatedAt)],
);

/** A failed staff sign-in of an existing account (wrong password or code), for the owner's security notice. */
export const signInFailures = identitySchema.table(
  'sign_in_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The client address (IPv6 reduced to its /64), shown only to the account's owner. */
    address: text('address').notNull(),
  },
  (t) => [
    index('sign_in_failures_account_idx').on(t.accountId, t.at.desc()),
    index('sign_in_failures_at_idx').on(t.at),
  ],
);
