// Child process of ipn.bench.ts: one server process on the bench PostgreSQL database.
//   --mode app       the real app (payments IPN endpoint, every platform hook)
//   --mode baseline  bare Fastify doing one conditional UPDATE … RETURNING per request (the floor of any IPN handler)
//   --mode hello     bare Fastify hello-world (the HTTP ceiling)
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db';
import { BENCH_PG_URL } from './common';
import { BENCH_PAYMENT_CONFIG } from './ipn-common';

const mode = process.argv[process.argv.indexOf('--mode') + 1] ?? 'app';
const servers: Array<{ close(): Promise<unknown> }> = [];
let port: number;
if (mode === 'app') {
  const database = await openDatabase({ kind: 'postgres', url: BENCH_PG_URL, poolSize: 20 });
  const app = await buildApp({ config: loadConfig(BENCH_PAYMENT_CONFIG), database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  servers.push(app, { close: () => database.close() });
} else {
  const pool = new pg.Pool({ connectionString: BENCH_PG_URL, max: 20 });
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  app.get('/ipn', async (request) => {
    const { id } = request.query as { id: string };
    const r = await pool.query({
      name: 'ipn-baseline',
      text: "update bench_ipn_baseline set state = 'succeeded' where id = $1 and state = 'pending' returning id",
      values: [Number(id)],
    });
    return r.rowCount
      ? { RspCode: '00', Message: 'Confirm Success' }
      : { RspCode: '02', Message: 'Order already confirmed' };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  servers.push(app, { close: () => pool.end() });
}
process.stdout.write(`READY ${port}\n`);
process.on('SIGTERM', () => void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0)));
