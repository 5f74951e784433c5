// Child process of id-lookup.bench.ts: the real app on one port and a bare Fastify hello-world on another.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import pg from 'pg';
import { assignRole, createStaffUser, ensureDefaultRoles } from '../src/server/modules/identity';
import { startAccessLogSealer } from '../src/server/modules/audit';
import { BENCH_PG_URL, benchArgs, benchConfigEnv, ensureSeeded, openBenchDatabase } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
const ids = await database.rows<{ national_id: string }>(
  sql`select national_id from population.persons where national_id is not null order by random() limit 20000`,
);
writeFileSync(`${process.cwd()}/.tmp/bench-ids.json`, JSON.stringify(ids.map((r) => r.national_id)));

await ensureDefaultRoles(database.db);
const benchUser = `bench.${Date.now().toString(36)}`;
const { user } = await createStaffUser(database.db, {
  username: benchUser,
  displayName: 'Benchmark',
  password: 'Bench-Password-2026',
});
await assignRole(database.db, null, user.id, { role: 'standing_agency', unitCode: '12' });
const appConfig = loadConfig(benchConfigEnv());
// The same app twice: with the personal-data access log (as deployed) and without it (to measure its cost).
const noLog = await buildApp({ config: appConfig, database, accessLog: false });
await noLog.listen({ port: 0, host: '127.0.0.1' });
const app = await buildApp({ config: loadConfig(benchConfigEnv()), database });
await app.listen({ port: 0, host: '127.0.0.1' });
// As deployed: the sealing job chains the staged entries every second while the load runs.
const sealer = startAccessLogSealer(database.db, {
  intervalMs: 1_000,
  onError: (e) => process.stderr.write(`sealing failed: ${String(e)}\n`),
});
const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 0, host: '127.0.0.1' });
// The floor under any lookup here: bare Fastify + one prepared query through the raw driver.
const LOOKUP_SQL =
  'select id, national_id, full_name, birth_date, birth_year, sex, residence_unit_code, status from population.persons where national_id = $1';
const pool = engine === 'postgres' ? new pg.Pool({ connectionString: BENCH_PG_URL, max: 20 }) : undefined;
const pglite = (database as unknown as { client?: { query(q: string, p: unknown[]): Promise<{ rows: unknown[] }> } })
  .client;
const raw = Fastify();
raw.post('/lookup', async (req) => {
  const { nationalId } = req.body as { nationalId: string };
  const rows = pool
    ? (await pool.query({ name: 'lookup', text: LOOKUP_SQL, values: [nationalId] })).rows
    : (await pglite!.query(LOOKUP_SQL, [nationalId])).rows;
  return { items: rows, total: rows.length };
});
await raw.listen({ port: 0, host: '127.0.0.1' });
const port = (f: typeof hello) => (f.server.address() as { port: number }).port;
/** Signs the bench user in on an app; returns the cookie and CSRF headers the load generator sends. */
async function sessionHeaders(p: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${p}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: benchUser, password: 'Bench-Password-2026' }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
writeFileSync(
  `${process.cwd()}/.tmp/bench-sessions.json`,
  JSON.stringify({
    app: await sessionHeaders(port(app as unknown as typeof hello)),
    noLog: await sessionHeaders(port(noLog as unknown as typeof hello)),
  }),
);
process.stdout.write(
  `READY ${port(app as unknown as typeof hello)} ${port(hello)} ${port(raw)} ${port(noLog as unknown as typeof hello)}\n`,
);
process.on(
  'SIGTERM',
  () =>
    void Promise.all([sealer.stop(), app.close(), noLog.close(), hello.close(), raw.close(), pool?.end()])
      .then(() => database.close())
      .then(() => process.exit(0)),
);
