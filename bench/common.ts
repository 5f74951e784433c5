// Shared helpers for the benchmarks (not tests): open a bench database on either engine, seed it once.
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/platform/db';
import { ensureProvinceUnits } from '../src/server/modules/units';
import { countPersons } from '../src/server/modules/population';
import { seedDemoProvince } from '../src/server/modules/demo';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { makePkcs12 } from '../src/server/modules/payments/receipt-signing';

export type Engine = 'pglite' | 'postgres';

/** `--engine pglite|postgres` and `--people N` from the command line. */
export function benchArgs(): { engine: Engine; people: number } {
  const args = process.argv.slice(2);
  const value = (name: string) => args[args.indexOf(name) + 1];
  const engine = args.includes('--engine') ? (value('--engine') as Engine) : 'pglite';
  const people = args.includes('--people') ? Number(value('--people')) : 500_000;
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine pglite|postgres');
  return { engine, people };
}

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dvc06_bench';
export const BENCH_PGLITE_DIR = `${process.cwd()}/.tmp/bench-pglite`;

/**
 * Opens (creating if needed) the bench database of an engine, migrated, with units loaded. `suffix`
 * names a database of its own (`dvc06_bench_<suffix>`, `.tmp/bench-pglite-<suffix>`) for a benchmark
 * whose registry differs from the others'.
 */
export async function openBenchDatabase(engine: Engine, suffix?: string): Promise<Database> {
  const pgUrl = suffix ? BENCH_PG_URL.replace(/\/([^/?]+)(\?|$)/, `/$1_${suffix}$2`) : BENCH_PG_URL;
  const pgliteDir = suffix ? `${BENCH_PGLITE_DIR}-${suffix}` : BENCH_PGLITE_DIR;
  if (engine === 'postgres') {
    const url = new URL(pgUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    if (!(await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount)
      await admin.query(`create database ${name}`);
    await admin.end();
  }
  const database = await openDatabase(
    engine === 'postgres' ? { kind: 'postgres', url: pgUrl, poolSize: 20 } : { kind: 'pglite', dataDir: pgliteDir },
  );
  await database.migrate();
  await ensureProvinceUnits(database.db, '12');
  return database;
}

/** Seeds `people` synthetic people unless the registry already holds that many. */
export async function ensureSeeded(database: Database, people: number): Promise<void> {
  const have = await countPersons(database.db);
  if (have >= people * 0.98 && have <= people * 1.02) return;
  process.stderr.write(`seeding ${people} people…\n`);
  await seedDemoProvince(database, { people, provinceCode: '12', seed: 'bench', referenceDate: '2026-11-27' });
}

/**
 * A throw-away Ed25519 key for the access log's checkpoints (required in production): the PKCS#8
 * DER of a fixed 32-byte seed, the same in every benchmark process.
 */
const BENCH_CHECKPOINT_KEY = Buffer.concat([
  Buffer.from('302e020100300506032b657004220420', 'hex'),
  Buffer.alloc(32, 7),
]).toString('base64');

/**
 * Throw-away receipt settings (required in production, ADR 0015): a fresh self-signed PKCS#12 and one
 * collecting body with an impossible tax code, written once under .tmp/bench-receipts.
 */
function benchReceiptIssuers(): Record<string, string> {
  const dir = `${process.cwd()}/.tmp/bench-receipts`;
  const passphrase = 'bench-only-receipt-key';
  if (!existsSync(`${dir}/issuers.json`)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/bench.p12`, makePkcs12('DVC06 benchmark (not a real agency)', passphrase));
    const body = { unitCode: '03445', taxCode: '0000000000', formSymbol: 'BENCH', seriesSymbol: 'BENCH' };
    writeFileSync(`${dir}/issuers.json`, JSON.stringify({ collectingBodies: [body] }));
  }
  return {
    RECEIPT_ISSUERS_FILE: `${dir}/issuers.json`,
    RECEIPT_SIGNING_P12: `${dir}/bench.p12`,
    RECEIPT_SIGNING_P12_PASSPHRASE: passphrase,
  };
}

/**
 * The configuration the benchmark servers run under: production mode (no sandboxes, real
 * secrets required), with throw-away secrets and gateway addresses that are never called.
 */
export function benchConfigEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...benchReceiptIssuers(),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
    NODE_ENV: 'production',
    PROVINCE_AGENCY_CODE: '000.00.00.Z01', // a benchmark province's code
    SESSION_SECRET: 'x'.repeat(32),
    AUDIT_PSEUDONYM_KEY: 'y'.repeat(32),
    AUDIT_CHECKPOINT_KEY: BENCH_CHECKPOINT_KEY,
    OIDC_CLIENT_SECRET: 'z'.repeat(16),
    OIDC_ISSUER: 'https://eid.example.invalid',
    PAYMENT_TMN_CODE: 'BENCH001',
    PAYMENT_HASH_SECRET: 'h'.repeat(32),
    PAYMENT_GATEWAY_URL: 'https://pay.example.invalid/pay',
    PAYMENT_GATEWAY_API_URL: 'https://pay.example.invalid/api',
    ...extra,
  };
}

/** Prints a figure line and returns it for the summary. */
export function report(label: string, value: string): string {
  const line = `${label.padEnd(48)} ${value}`;
  process.stdout.write(`${line}\n`);
  return line;
}
