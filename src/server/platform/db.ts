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
import { claimDataDir, unreadableDataDir, type DataDirHolder } from './data-dir-lock';

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
  /** PGlite: the engine's one client (the job queue shares it, ADR 0031). */
  readonly client?: PGlite;
  /** PostgreSQL: the database's URL (the job queue opens its own small pool on it, ADR 0031). */
  readonly url?: string;
  /** Raw rows of a SQL statement; numbers from int8/count come back as strings on pg: parse explicitly. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** COPY rows (CSV text) into a table: the fast path for seeding and imports. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * The same database without the statement and query timeouts, for long work that is not a
   * request (seeding, the quality run, index rebuilds): see `unboundedDatabase`. Only engines that
   * have timeouts offer it (PostgreSQL; PGlite runs in the process and has none).
   */
  readonly withoutTimeouts?: () => Database;
}

/**
 * Timeouts of the PostgreSQL pool (ADR 0014), so that a database that is down or stalled fails a
 * request within seconds instead of holding it for the whole outage.
 */
export interface PgTimeouts {
  /** Opening a connection, and waiting for a free one in the pool (pg `connectionTimeoutMillis`). */
  connectMs: number;
  /** Server-side `statement_timeout` of each statement (SQLSTATE 57014 when exceeded). */
  statementMs: number;
  /** Client-side wait for any answer (pg `query_timeout`), longer than the statement timeout: catches a server or network that answers nothing. */
  queryMs: number;
  /** Server-side `idle_in_transaction_session_timeout`: a transaction left open by a stalled client is ended and its locks freed. */
  idleInTransactionMs: number;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; timeouts?: PgTimeouts }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; holder?: DataDirHolder };

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.poolSize, options.timeouts)
    : openPglite(options);
}

/** The database for long work outside requests: without statement and query timeouts where the engine has them. */
export function unboundedDatabase(database: Database): Database {
  return database.withoutTimeouts?.() ?? database;
}

/**
 * Embedded PGlite. A data directory is held by one process at a time (its lock, ADR 0002): the
 * `holder` is named to whoever is refused. A directory that cannot be opened is reported as
 * `DATA_DIR.UNREADABLE` and never initialised over.
 */
async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob;
  holder?: DataDirHolder;
}): Promise<Database & { client: PGlite }> {
  const lock = options.dataDir ? claimDataDir(options.dataDir, options.holder ?? { command: 'unknown' }) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions,
    });
  } catch (error) {
    lock?.release();
    throw options.dataDir ? unreadableDataDir(options.dataDir, error) : error;
  }
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
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * PostgreSQL through node-postgres. With `timeouts` (the server and the CLI, from configuration)
 * the request pool fails fast when the database is down or stalled; a second, small pool without
 * statement and query timeouts carries migrations, COPY and `withoutTimeouts()` (long bulk work).
 * Both pools keep TCP keep-alive on, so a silently dropped connection is eventually noticed.
 */
async function openPostgres(url: string, poolSize = 10, timeouts?: PgTimeouts): Promise<Database> {
  const common: pg.PoolConfig = {
    connectionString: url,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: timeouts?.connectMs,
    idle_in_transaction_session_timeout: timeouts?.idleInTransactionMs,
  };
  const pool = watchedPool({
    ...common,
    max: poolSize,
    statement_timeout: timeouts?.statementMs,
    query_timeout: timeouts?.queryMs,
  });
  const client = await pool.connect(); // fail fast when unreachable
  client.release();
  let bulkPool: pg.Pool | undefined;
  const bulk = () => (timeouts ? (bulkPool ??= watchedPool({ ...common, max: 2 })) : pool);
  const copyCsv = async (table: string, columns: readonly string[], csv: string) => {
    const conn = await bulk().connect();
    try {
      const stream = conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from([csv]), stream);
    } finally {
      conn.release();
    }
  };
  const migrate = async () => {
    await migratePg(drizzlePg(bulk()), { migrationsFolder: MIGRATIONS_DIR });
  };
  const view = (db: Db): Database => ({
    kind: 'postgres',
    db,
    url,
    rows: <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(db, query),
    copyCsv,
    migrate,
    close: async () => undefined,
  });
  let unbounded: Database | undefined;
  return {
    ...view(drizzlePg(pool)),
    withoutTimeouts: timeouts ? () => (unbounded ??= view(drizzlePg(bulk()))) : undefined,
    // Bounded: ending a connection to a stalled server would otherwise wait for an answer that never comes.
    close: async () => {
      const ended = Promise.all([pool.end(), bulkPool?.end()]);
      if (!timeouts) return void (await ended);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, timeouts.connectMs)))]).finally(
        () => clearTimeout(timer),
      );
    },
  };
}

/**
 * A pool that never hands out a connection with an abandoned query: when the client-side query
 * timeout gave up on a statement, the answer may still arrive (or never), so the connection is
 * closed instead of being reused behind it. Idle-connection errors (the server went away) surface
 * on the next query instead of crashing the process.
 */
function watchedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => undefined);
  pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => {
    const internals = client as unknown as { _activeQuery?: unknown; connection?: { stream?: { destroy(): void } } };
    if (internals._activeQuery) internals.connection?.stream?.destroy();
  });
  return pool;
}

/** Rows of a raw SQL statement on a Drizzle handle or transaction (same shape on PGlite and node-postgres). */
export async function queryRows<T extends Record<string, unknown>>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Opens the database the configuration names (PostgreSQL with the configured timeouts). */
export function databaseOptionsFromConfig(config: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  DB_CONNECT_TIMEOUT_MS: number;
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_QUERY_TIMEOUT_MS: number;
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
}): DatabaseOptions {
  const timeouts: PgTimeouts = {
    connectMs: config.DB_CONNECT_TIMEOUT_MS,
    statementMs: config.DB_STATEMENT_TIMEOUT_MS,
    queryMs: config.DB_QUERY_TIMEOUT_MS,
    idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, timeouts }
    : { kind: 'pglite', dataDir: `${config.DATA_DIR.replace(/\/$/, '')}/pglite` };
}

/** True when the database answers and every migration in the folder is applied. */
export async function checkReadiness(
  database: Database,
  expectedMigrations: number,
): Promise<{ ok: boolean; reason?: string }> {
  try {
    const rows = await database.rows<{ n: string | number }>(
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    const applied = Number(rows[0]?.n ?? 0);
    return applied >= expectedMigrations
      ? { ok: true }
      : { ok: false, reason: `migrations ${applied}/${expectedMigrations}` };
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

/**
 * Opens the configured database and applies every migration (both engines run the same SQL).
 * On the embedded database `holder` takes the data directory's lock: a second process (the CLI
 * while the server runs, a second server) is refused with who holds it (ADR 0002).
 */
export async function openMigratedDatabase(
  config: Parameters<typeof databaseOptionsFromConfig>[0],
  holder: DataDirHolder,
): Promise<Database> {
  const options = databaseOptionsFromConfig(config);
  const database = await openDatabase(options.kind === 'pglite' ? { ...options, holder } : options);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
