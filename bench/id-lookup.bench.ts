// ID-number lookup over HTTP (POST /api/v1/population/persons/search {nationalId}) under autocannon,
// beside a bare Fastify hello-world and the app's own /healthz, measured in the same run.
// Usage: npx tsx bench/id-lookup.bench.ts --engine pglite|postgres [--people 500000] [--seconds 10]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchArgs, report } from './common';

const { engine, people } = benchArgs();
const seconds = process.argv.includes('--seconds') ? Number(process.argv[process.argv.indexOf('--seconds') + 1]) : 10;
const server = spawn(process.execPath, ['--import', 'tsx', 'bench/lookup-server.ts', '--engine', engine, '--people', String(people)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => (String(d).includes('READY') ? resolve() : undefined));
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const ids = JSON.parse(readFileSync(`${process.cwd()}/.tmp/bench-ids.json`, 'utf8')) as string[];

async function run(title: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: 50, duration: seconds, ...opts });
  const errors = r.errors + r.non2xx;
  report(`${title}`, `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${errors ? `, ${errors} errors` : ''}`);
  return r;
}

const hello = await run('bare Fastify hello-world', { url: 'http://127.0.0.1:3902/' });
const healthz = await run('app GET /healthz', { url: 'http://127.0.0.1:3901/healthz' });
let i = 0;
const lookup = await run(`ID lookup (${engine}, ${people} people)`, {
  url: 'http://127.0.0.1:3901',
  requests: [{
    method: 'POST', path: '/api/v1/population/persons/search', headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ nationalId: ids[i++ % ids.length] }) }),
  }],
});
report('ratio lookup / hello-world', `${((lookup.requests.average / hello.requests.average) * 100).toFixed(1)} % (goal ≥ 40 %, p99 < 20 ms)`);
report('ratio lookup / app /healthz', `${((lookup.requests.average / healthz.requests.average) * 100).toFixed(1)} %`);
server.kill('SIGTERM');
