import { pgSchema, text, jsonb, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the `eid-sandbox` module: the state of the development/demo OpenID Connect
 * provider that stands in for VNeID (never used when a real e-ID issuer is configured).
 */
export const eidSandboxSchema = pgSchema('eid_sandbox');

/**
 * Everything oidc-provider persists through its adapter (sessions, interactions, grants,
 * authorization codes, access tokens …), one row per model instance. `kind` is the model name
 * (`Session`, `Grant`, `AuthorizationCode`, …); the secondary columns serve the adapter's lookups.
 */
export const models = eidSandboxSchema.table(
  'models',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'models_pk', columns: [t.kind, t.id] }),
    index('models_grant_id_idx').on(t.grantId),
    index('models_uid_idx').on(t.kind, t.uid),
    index('models_user_code_idx').on(t.kind, t.userCode),
    index('models_expires_at_idx').on(t.expiresAt),
  ],
);

/**
 * Signing keys of the sandbox provider (private JWKs), created on first start so that ID
 * tokens stay verifiable across restarts. Development/demo data only: a real deployment
 * federates with VNeID and holds no signing key here.
 */
export const keys = eidSandboxSchema.table('keys', {
  kid: text('kid').primaryKey(),
  jwk: jsonb('jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
