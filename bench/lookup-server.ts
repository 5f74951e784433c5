// Child process of id-lookup.bench.ts: the real app on one port and a bare Fastify hello-world on another.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import pg from 'pg';
import { BENCH_PG_URL, benchArgs, ensureSeeded, openBenchDatabase } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
const ids = await database.rows<{ national_id: string }>(sql`select national_id from population.persons where national_id is not null order by random() limit 20000`);
writeFileSync(`${process.cwd()}/.tmp/bench-ids.json`, JSON.stringify(ids.map((r) => r.national_id)));

const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), AUDIT_PSEUDONYM_KEY: 'y'.repeat(32), OIDC_CLIENT_SECRET: 'z'.repeat(16), OIDC_ISSUER: 'https://eid.example.invalid' }), database });
await app.listen({ port: 0, host: '127.0.0.1' });
const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 0, host: '127.0.0.1' });
// The floor under any lookup here: bare Fastify + one prepared query through the raw driver.
const LOOKUP_SQL = 'select id, national_id, full_name, birth_date, birth_year, sex, residence_unit_code, status from population.persons where national_id = $1';
const pool = engine === 'postgres' ? new pg.Pool({ connectionString: BENCH_PG_URL, max: 20 }) : undefined;
const pglite = (database as unknown as { client?: { query(q: string, p: unknown[]): Promise<{ rows: unknown[] }> } }).client;
const raw = Fastify();
raw.post('/lookup', async (req) => {
  const { nationalId } = req.body as { nationalId: string };
  const rows = pool ? (await pool.query({ name: 'lookup', text: LOOKUP_SQL, values: [nationalId] })).rows : (await pglite!.query(LOOKUP_SQL, [nationalId])).rows;
  return { items: rows, total: rows.length };
});
await raw.listen({ port: 0, host: '127.0.0.1' });
const port = (f: typeof hello) => (f.server.address() as { port: number }).port;
process.stdout.write(`READY ${port(app as unknown as typeof hello)} ${port(hello)} ${port(raw)}\n`);
process.on('SIGTERM', () => void Promise.all([app.close(), hello.close(), raw.close(), pool?.end()]).then(() => database.close()).then(() => process.exit(0)));
