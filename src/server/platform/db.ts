import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';

/** Drizzle database handle, the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** Extensions loaded on every PGlite open (PGlite refuses writes if a reopened dir lacks one). */
const pgliteExtensions = { pg_trgm, unaccent };

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * The application's database: Drizzle for queries, plus the few raw operations
 * Drizzle lacks (bulk COPY). Works on embedded PGlite and on PostgreSQL.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Raw rows of a SQL statement; numbers from int8/count come back as strings on pg: parse explicitly. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** COPY rows (CSV text) into a table: the fast path for seeding and imports. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize) : openPglite(options);
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database & { client: PGlite }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    client,
    rows: <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(db, query),
    copyCsv: async (table, columns, csv) => {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const client = await pool.connect(); // fail fast when unreachable
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    rows: <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(db, query),
    copyCsv: async (table, columns, csv) => {
      const conn = await pool.connect();
      try {
        const stream = conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([csv]), stream);
      } finally {
        conn.release();
      }
    },
    migrate: async () => {
      await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL statement on a Drizzle handle or transaction (same shape on PGlite and node-postgres). */
export async function queryRows<T extends Record<string, unknown>>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Opens the database the configuration names. */
export function databaseOptionsFromConfig(config: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseOptions {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL }
    : { kind: 'pglite', dataDir: `${config.DATA_DIR.replace(/\/$/, '')}/pglite` };
}

/** True when the database answers and every migration in the folder is applied. */
export async function checkReadiness(database: Database, expectedMigrations: number): Promise<{ ok: boolean; reason?: string }> {
  try {
    const rows = await database.rows<{ n: string | number }>(
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    const applied = Number(rows[0]?.n ?? 0);
    return applied >= expectedMigrations ? { ok: true } : { ok: false, reason: `migrations ${applied}/${expectedMigrations}` };
  } catch {
    return { ok: false, reason: 'database unreachable or not migrated' };
  }
}

/** Escapes one value for COPY … WITH (FORMAT csv): null → empty, quotes doubled. */
export function csvValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}
