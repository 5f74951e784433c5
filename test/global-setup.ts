import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { openDatabase } from '../src/server/platform/db';
import { loadProvinceUnits } from '../src/server/modules/units';
import { PGLITE_TEMPLATE, adminQuery, templateName, withDatabaseName } from './db';

/**
 * Prepares, once per test run, a migrated database with the province's units: a template
 * database on PostgreSQL (DATABASE_URL) or a dumped PGlite data directory otherwise.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = templateName();
    process.env.DVC06_TEST_TEMPLATE = name; // inherited by the test workers
    const client = await import('pg').then(
      (m) => new m.default.Client({ connectionString: withDatabaseName(url, 'postgres') }),
    );
    await client.connect();
    const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    await client.end();
    if (exists) return;
    const building = `${name}_building_${process.pid}`;
    await adminQuery(url, `CREATE DATABASE ${building}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, building) });
    await database.migrate();
    await loadProvinceUnits(database.db, '12');
    await database.close();
    await adminQuery(url, `ALTER DATABASE ${building} RENAME TO ${name}`).catch(async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${building}`); // another run won the race
    });
    return;
  }
  if (existsSync(PGLITE_TEMPLATE) && process.env.CI !== 'true') {
    // Reuse only when the template is newer than the migrations it was built from.
    const { statSync, readdirSync } = await import('node:fs');
    const { MIGRATIONS_DIR } = await import('../src/server/platform/db');
    const newest = Math.max(...readdirSync(MIGRATIONS_DIR).map((f) => statSync(`${MIGRATIONS_DIR}/${f}`).mtimeMs));
    if (statSync(PGLITE_TEMPLATE).mtimeMs > newest) return;
  }
  mkdirSync(`${process.cwd()}/.tmp`, { recursive: true });
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  await loadProvinceUnits(database.db, '12');
  const dump = await (database as unknown as { client: { dumpDataDir(c?: string): Promise<Blob> } }).client.dumpDataDir(
    'gzip',
  );
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
