// Child process of kpi.bench.ts: the real app (production mode) on the bench database, with the
// plan's indicators computed once, and a bench Standing Agency account signed in.
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { assignRole, createStaffUser, ensureDefaultRoles } from '../src/server/modules/identity';
import { benchArgs, benchConfigEnv, ensureSeeded, openBenchDatabase } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
await ensureDefaultRoles(database.db);
const username = `bench.kpi.${Date.now().toString(36)}`;
const { user } = await createStaffUser(database.db, {
  username,
  displayName: 'Benchmark',
  password: 'Bench-Password-2026',
});
await assignRole(database.db, null, user.id, { role: 'standing_agency', unitCode: '12' });
const app = await buildApp({ config: loadConfig(benchConfigEnv()), database });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username, password: 'Bench-Password-2026' }),
});
const cookie = res.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = (await res.json()) as { csrfToken: string };
process.stdout.write(`READY ${port} ${JSON.stringify({ cookie, 'x-csrf-token': csrfToken })}\n`);
