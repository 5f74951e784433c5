import { readFile } from 'node:fs/promises';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { MIGRATIONS_DIR, openDatabase, type Database } from '../src/server/platform/db';
import { ConfigError, loadConfig, type Config } from '../src/server/platform/config';

/** Where the migrated PGlite template is dumped by the global setup. */
export const PGLITE_TEMPLATE = `${process.cwd()}/.tmp/pglite-template.tar.gz`;

/** A short hash of the migrations and unit reference data, so a changed schema gets a new template database. */
export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    h.update(readFileSync(`${MIGRATIONS_DIR}/${f}`));
  h.update(readFileSync(`${process.cwd()}/reference/admin-units/12.json`)); // the template holds the units too
  h.update(readFileSync(`${process.cwd()}/reference/admin-units/12-name-corrections.json`)); // …with these spellings
  return h.digest('hex').slice(0, 10);
}

/** A database URL on the same server with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The template of this run: fixed by the global setup (so migrations added while a run is going
 * do not send its workers to a template that was never built), else derived from the migrations.
 */
export const templateName = () => process.env.DVC06_TEST_TEMPLATE ?? `dvc06_tpl_${migrationsHash()}`;

/** Runs one statement on the server's maintenance database. */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** PostgreSQL: the database's URL (a second process would open its own pool on it); PGlite: undefined. */
  url?: string;
  /** Closes the database and drops it (PostgreSQL) or forgets it (PGlite in memory). */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database with the province's units loaded, for one test file:
 * PostgreSQL when DATABASE_URL is set (cloned from a template database), PGlite otherwise
 * (loaded from a dumped data directory). Both are prepared once by test/global-setup.ts.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `dvc06_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await retry(() => adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateName()}`));
    const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 5 });
    return {
      ...database,
      url: withDatabaseName(url, name),
      dispose: async () => {
        await database.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const blob = new Blob([await readFile(PGLITE_TEMPLATE)]);
  const database = await openDatabase({ kind: 'pglite', loadDataDir: blob });
  return { ...database, dispose: () => database.close() };
}

async function retry(fn: () => Promise<void>, attempts = 10): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      // CREATE DATABASE … TEMPLATE fails while another session is cloning the same template.
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
}

/**
 * Secrets of the tests' own, for a test that turns a sandbox off: the published development secrets
 * are then refused (platform/config.ts). The same values for every app of a test run.
 */
type OwnSecrets = Record<
  'SESSION_SECRET' | 'AUDIT_PSEUDONYM_KEY' | 'OIDC_CLIENT_SECRET' | 'PAYMENT_HASH_SECRET' | 'AUDIT_CHECKPOINT_KEY',
  string
>;
let testSecrets: OwnSecrets | undefined;
export function ownSecrets(): OwnSecrets {
  testSecrets ??= {
    SESSION_SECRET: 'test-only-session-secret-0123456789abcdef',
    AUDIT_PSEUDONYM_KEY: 'test-only-audit-pseudonym-key-0123456789',
    OIDC_CLIENT_SECRET: 'test-only-oidc-client-secret',
    PAYMENT_HASH_SECRET: 'test-only-payment-hash-secret-0123456789',
    AUDIT_CHECKPOINT_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };
  return testSecrets;
}

/** Configuration for tests: defaults plus overrides, no environment leakage except DATABASE_URL handled above. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'never', ...overrides });
}

/** The problems `loadConfig` lists for `env` ([] when it is valid). */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
