// Dossier submission over HTTP on PostgreSQL (issue #4 §8): validate + code + store + transition
// + attachment, 50 concurrent clients, beside a bare Fastify hello-world POST run by the same load
// generator in the same script. Checks that no dossier code was given twice.
// Usage: npx tsx bench/dossier-submit.bench.ts [--engine postgres] [--people 20000] [--seconds 15] [--clients 50]
// Profile the server: BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=.tmp/prof' npx tsx bench/dossier-submit.bench.ts …
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { benchArgs, openBenchDatabase, report } from './common';
import { duplicateCodes } from '../src/server/modules/dossiers';

const { engine, people } = benchArgs();
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const seconds = arg('--seconds', 15);
const clients = arg('--clients', 50);
// BENCH_SERVER_NODE_ARGS adds node flags to the server process (e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`).
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...serverNodeArgs, '--import', 'tsx', 'bench/dossier-server.ts', '--engine', engine, '--people', String(people)], { stdio: ['ignore', 'pipe', 'inherit'] });
const [appPort, helloPort] = await new Promise<[number, number]>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => {
    const m = /READY (\d+) (\d+)/.exec(String(d));
    if (m) resolve([Number(m[1]), Number(m[2])]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const auth = JSON.parse(readFileSync(`${process.cwd()}/.tmp/bench-dossier-session.json`, 'utf8')) as { cookie: string; csrfToken: string };
const headers = { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken };
const base = `http://127.0.0.1:${appPort}`;

// The citizen's prefilled form, completed as a citizen would, and a one-page PDF as proof of the dwelling.
const code = '1.004194';
const version = (await (await fetch(`${base}/api/v1/procedures/${code}`)).json()) as { id: string };
const prefill = (await (await fetch(`${base}/api/v1/procedures/${code}/prefill`, { headers })).json()) as { values: Record<string, unknown> };
const form = { ...prefill.values, address: 'Tổ 3, phường Đoàn Kết, tỉnh Lai Châu', requestContent: 'Đăng ký tạm trú để đi làm' };
const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n% ${'x'.repeat(20_000)}\ntrailer<<>>\n%%EOF\n`);
function body(): FormData {
  const fd = new FormData();
  fd.set('dossier', JSON.stringify({ procedureCode: code, procedureVersionId: version.id, form, channel: 'online' }));
  // A different file each time, so the content-addressed store writes every one.
  fd.set('file:lawful_dwelling', new Blob([pdf, Buffer.from(randomUUID())], { type: 'application/pdf' }), 'hop-dong.pdf');
  return fd;
}

/** `clients` loops sending requests for `seconds`; returns requests/s and latency percentiles (exact, from every sample). */
async function load(title: string, send: () => Promise<Response>, expectStatus: number) {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const res = await send();
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== expectStatus) errors++;
    }
  }));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  const rps = latencies.length / elapsed;
  report(title, `${clients} clients: ${rps.toFixed(0)} req/s, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms${errors ? `, ${errors} errors` : ''}`);
  return { rps, p95: Number(pct(0.95)), count: latencies.length, errors };
}

const database = await openBenchDatabase(engine);
const before = Number((await database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers where code is not null`))[0]!.n);
const hello = await load('bare Fastify hello-world POST (same generator)', () => fetch(`http://127.0.0.1:${helloPort}/`, { method: 'POST', body: body() }), 200);
const submit = await load(`dossier submission, multipart (${engine})`, () => fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers, body: body() }), 201);
const after = Number((await database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers where code is not null`))[0]!.n);
const duplicates = await duplicateCodes(database.db);
report('ratio submission / hello-world', `${((submit.rps / hello.rps) * 100).toFixed(1)} %`);
report('p95 goal (< 300 ms)', `${submit.p95} ms ${submit.p95 < 300 ? '✔' : '✘'}`);
report('dossiers stored vs 201 answers', `${after - before} stored, ${submit.count - submit.errors} answered 201`);
report('duplicate dossier codes', `${duplicates} ${duplicates === 0 ? '✔' : '✘'}`);
await database.close();
server.kill('SIGTERM');
