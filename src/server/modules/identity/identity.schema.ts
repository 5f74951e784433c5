import { pgSchema, uuid, text, timestamp, integer, boolean, uniqueIndex, index, smallint, date, primaryKey } from 'drizzle-orm/pg-core';
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
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
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
    validFrom: date('valid_from').notNull().default(sql`current_date`),
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
