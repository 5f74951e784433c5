// Child process of id-lookup.bench.ts: the real app on one port and a bare Fastify hello-world on another.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { benchArgs, ensureSeeded, openBenchDatabase } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
const ids = await database.rows<{ national_id: string }>(sql`select national_id from population.persons where national_id is not null order by random() limit 20000`);
writeFileSync(`${process.cwd()}/.tmp/bench-ids.json`, JSON.stringify(ids.map((r) => r.national_id)));

const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }), database });
await app.listen({ port: 3901, host: '127.0.0.1' });
const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 3902, host: '127.0.0.1' });
process.stdout.write('READY\n');
process.on('SIGTERM', () => void Promise.all([app.close(), hello.close()]).then(() => database.close()).then(() => process.exit(0)));
