// ID-number lookup over HTTP (POST /api/v1/population/persons/search {nationalId}) under autocannon,
// beside a bare Fastify hello-world and the app's own /healthz, measured in the same run.
// Usage: npx tsx bench/id-lookup.bench.ts --engine pglite|postgres [--people 500000] [--seconds 10]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchArgs, report } from './common';

const { engine, people } = benchArgs();
const seconds = process.argv.includes('--seconds') ? Number(process.argv[process.argv.indexOf('--seconds') + 1]) : 10;
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'bench/lookup-server.ts', '--engine', engine, '--people', String(people)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [appPort, helloPort, rawPort, noLogPort] = await new Promise<[number, number, number, number]>(
  (resolve, reject) => {
    server.stdout.on('data', (d: Buffer) => {
      const m = /READY (\d+) (\d+) (\d+) (\d+)/.exec(String(d));
      if (m) resolve([Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  },
);
const ids = JSON.parse(readFileSync(`${process.cwd()}/.tmp/bench-ids.json`, 'utf8')) as string[];
const sessions = JSON.parse(readFileSync(`${process.cwd()}/.tmp/bench-sessions.json`, 'utf8')) as Record<
  'app' | 'noLog',
  Record<string, string>
>;

async function run(title: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: 50, duration: seconds, ...opts });
  const connections = opts.connections ?? 50;
  const errors = r.errors + r.non2xx;
  report(
    `${title}`,
    `${connections} conn: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${errors ? `, ${errors} errors` : ''}`,
  );
  return r;
}

const hello = await run('bare Fastify hello-world', { url: `http://127.0.0.1:${helloPort}/` });
const healthz = await run('app GET /healthz', { url: `http://127.0.0.1:${appPort}/healthz` });
let i = 0;
const lookupAt = (port: number, path: string, auth: Record<string, string> = {}) => ({
  url: `http://127.0.0.1:${port}`,
  requests: [
    {
      method: 'POST' as const,
      path,
      headers: { 'content-type': 'application/json', ...auth },
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        body: JSON.stringify({ nationalId: ids[i++ % ids.length] }),
      }),
    },
  ],
});
const raw = await run(`raw driver lookup, bare Fastify (${engine})`, lookupAt(rawPort, '/lookup'));
const noLog = await run(
  `ID lookup without access log (${engine}, ${people} people)`,
  lookupAt(noLogPort, '/api/v1/population/persons/search', sessions.noLog),
);
const lookup = await run(
  `ID lookup with access log (${engine}, ${people} people)`,
  lookupAt(appPort, '/api/v1/population/persons/search', sessions.app),
);
await run(`ID lookup with access log, 10 connections (${engine})`, {
  ...lookupAt(appPort, '/api/v1/population/persons/search', sessions.app),
  connections: 10,
});
report(
  'ratio lookup / hello-world',
  `${((lookup.requests.average / hello.requests.average) * 100).toFixed(1)} % (goal ≥ 40 %, p99 < 20 ms)`,
);
report(
  'cost of the access log (1 − with/without)',
  `${((1 - lookup.requests.average / noLog.requests.average) * 100).toFixed(1)} % (goal < 15 %)`,
);
report('ratio lookup / raw driver lookup', `${((lookup.requests.average / raw.requests.average) * 100).toFixed(1)} %`);
report('ratio lookup / app /healthz', `${((lookup.requests.average / healthz.requests.average) * 100).toFixed(1)} %`);
server.kill('SIGTERM');
