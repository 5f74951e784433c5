// Child process of dossier-submit.bench.ts: the real app (PostgreSQL) and a bare hello-world, each on its own port.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { citizenAccountFor, ensureDefaultRoles, openSession, SESSION_COOKIE } from '../src/server/modules/identity';
import { seedProcedures } from '../src/server/modules/procedures';
import { seedCalendar } from '../src/server/modules/calendar';
import { startAccessLogSealer } from '../src/server/modules/audit';
import { benchArgs, benchConfigEnv, ensureSeeded, openBenchDatabase } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
await ensureDefaultRoles(database.db);
await seedProcedures(database.db);
await seedCalendar(database.db);
// A level-2 citizen of the synthetic registry with a household (the form's prefill needs one).
const [person] = await database.rows<{ national_id: string; full_name: string }>(sql`
  select national_id, full_name from population.persons
  where national_id is not null and eid_level = 2 and household_id is not null and status = 'alive' and phone is not null
    and birth_date < current_date - interval '20 years'
  order by national_id limit 1`);
if (!person) throw new Error('no level-2 adult with a household in the bench registry');
const account = await citizenAccountFor(database.db, 'https://eid.bench', {
  subject: `bench-${person.national_id}`,
  nationalId: person.national_id,
  name: person.full_name,
  level: 2,
  idToken: '',
});
const session = await openSession(database.db, account.id, { acr: 2 });
const config = loadConfig(benchConfigEnv({ DATA_DIR: `${process.cwd()}/.tmp/bench-data` }));
const app = await buildApp({ config, database });
await app.listen({ port: 0, host: '127.0.0.1' });
const sealer = startAccessLogSealer(database.db, {
  intervalMs: 1_000,
  onError: (e) => process.stderr.write(`sealing failed: ${String(e)}\n`),
});
const hello = Fastify();
// Reads and drops the multipart body, so the baseline carries the same bytes as a submission.
hello.addContentTypeParser('multipart/form-data', (_req, payload, done) => {
  payload.resume();
  payload.on('end', () => done(null, undefined));
});
hello.post('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 0, host: '127.0.0.1' });
const port = (f: { server: { address(): unknown } }) => (f.server.address() as { port: number }).port;
mkdirSync(`${process.cwd()}/.tmp`, { recursive: true }); // a fresh clone has no .tmp yet
writeFileSync(
  `${process.cwd()}/.tmp/bench-dossier-session.json`,
  JSON.stringify({ cookie: `${SESSION_COOKIE}=${session.token}`, csrfToken: session.csrfToken }),
);
process.stdout.write(`READY ${port(app)} ${port(hello)}\n`);
process.on(
  'SIGTERM',
  () =>
    void Promise.all([sealer.stop(), app.close(), hello.close()])
      .then(() => database.close())
      .then(() => process.exit(0)),
);
