// Dossier submission over HTTP on PostgreSQL: validate + code + store + transition
// + attachment, 50 concurrent clients, beside a bare Fastify hello-world POST run by the same load
// generator in the same script. Checks that no dossier code was given twice.
// Usage: npx tsx bench/dossier-submit.bench.ts [--engine postgres] [--people 20000] [--seconds 15] [--clients 50] [--warmup 3]
// Profile the server: BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=.tmp/prof' npx tsx bench/dossier-submit.bench.ts …
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { benchArgs, openBenchDatabase, report } from './common';
import { duplicateCodes } from '../src/server/modules/dossiers';

const { engine, people } = benchArgs();
const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const seconds = arg('--seconds', 15);
const clients = arg('--clients', 50);
const warmup = arg('--warmup', 3);
// BENCH_SERVER_NODE_ARGS adds node flags to the server process (e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`).
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(
  process.execPath,
  [...serverNodeArgs, '--import', 'tsx', 'bench/dossier-server.ts', '--engine', engine, '--people', String(people)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [appPort, helloPort] = await new Promise<[number, number]>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => {
    const m = /READY (\d+) (\d+)/.exec(String(d));
    if (m) resolve([Number(m[1]), Number(m[2])]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const auth = JSON.parse(readFileSync(`${process.cwd()}/.tmp/bench-dossier-session.json`, 'utf8')) as {
  cookie: string;
  csrfToken: string;
};
const headers = { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken };
const base = `http://127.0.0.1:${appPort}`;

// The citizen's prefilled form, completed as a citizen would, and a one-page PDF as proof of the dwelling.
const code = '1.004194';
const version = (await (await fetch(`${base}/api/v1/procedures/${code}`)).json()) as { id: string };
const prefill = (await (await fetch(`${base}/api/v1/procedures/${code}/prefill`, { headers })).json()) as {
  values: Record<string, unknown>;
};
const form = {
  ...prefill.values,
  addressCommune: '03388', // the structured address of the new residence (version of 5/12/2026)
  addressVillage: 'Tổ 3',
  requestContent: 'Đăng ký tạm trú để đi làm',
};
const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n% ${'x'.repeat(20_000)}\ntrailer<<>>\n%%EOF\n`);
// Multipart bodies encoded by hand around a fixed boundary (cheaper for the generator than FormData,
// so more of the machine's two cores go to the server): the form part is the same every time.
const boundary = '----dvc06bench7f3a9c';
const head = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${JSON.stringify({ procedureCode: code, procedureVersionId: version.id, form, channel: 'online' })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file:lawful_dwelling"; filename="hop-dong.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
const multipartType = { 'content-type': `multipart/form-data; boundary=${boundary}` };
// A different file each time, so the content-addressed store writes every one.
function body(): ArrayBuffer {
  const b = Buffer.concat([head, pdf, Buffer.from(randomUUID()), tail]);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

/** `clients` loops sending requests for `seconds`; returns requests/s and latency percentiles (exact, from every sample). */
async function load(
  title: string,
  send: () => Promise<Response>,
  expectStatus: number,
  duration = seconds,
  quiet = false,
) {
  const latencies: number[] = [];
  const timeline: Array<[number, number]> = [];
  let errors = 0;
  const until = Date.now() + duration * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const res = await send();
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        timeline.push([Math.floor((Date.now() - started) / 1000), performance.now() - t0]);
        if (res.status !== expectStatus) errors++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  if (process.env.BENCH_TIMELINE && !quiet) {
    for (let sec = 0; sec <= duration; sec++) {
      const xs = timeline
        .filter(([s2]) => s2 === sec)
        .map(([, l]) => l)
        .sort((a, b) => a - b);
      if (xs.length)
        process.stdout.write(
          `  second ${sec}: ${xs.length} answers, p50 ${xs[Math.floor(xs.length / 2)]!.toFixed(0)} ms, p95 ${xs[Math.floor(xs.length * 0.95)]!.toFixed(0)} ms, max ${xs[xs.length - 1]!.toFixed(0)} ms\n`,
        );
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  const rps = latencies.length / elapsed;
  if (quiet) report(title, `${latencies.length} answers`);
  else
    report(
      title,
      `${clients} clients: ${rps.toFixed(0)} req/s, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms${errors ? `, ${errors} errors` : ''}`,
    );
  return { rps, p95: Number(pct(0.95)), count: latencies.length, errors };
}

const database = await openBenchDatabase(engine);
const before = Number(
  (
    await database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers where code is not null`)
  )[0]!.n,
);
const sendHello = () =>
  fetch(`http://127.0.0.1:${helloPort}/`, { method: 'POST', headers: multipartType, body: body() });
const sendSubmission = () =>
  fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers: { ...headers, ...multipartType }, body: body() });
// Each server is warmed up at the same concurrency first (JIT, pool connections opened, statements
// prepared on each), then measured; the warm-up's answers are not in the figures.
const warmHello = await load(`warm-up ${warmup} s (not counted)`, sendHello, 200, warmup, true);
const hello = await load('bare Fastify hello-world POST (same generator)', sendHello, 200);
const warmSubmit = await load(`warm-up ${warmup} s (not counted)`, sendSubmission, 201, warmup, true);
const submit = await load(`dossier submission, multipart (${engine})`, sendSubmission, 201);
const after = Number(
  (
    await database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers where code is not null`)
  )[0]!.n,
);
const duplicates = await duplicateCodes(database.db);
report('ratio submission / hello-world', `${((submit.rps / hello.rps) * 100).toFixed(1)} %`);
report('p95 goal (< 300 ms)', `${submit.p95} ms ${submit.p95 < 300 ? '✔' : '✘'}`);
void warmHello;
report(
  'dossiers stored vs 201 answers (with warm-up)',
  `${after - before} stored, ${submit.count - submit.errors + warmSubmit.count - warmSubmit.errors} answered 201`,
);
report('duplicate dossier codes', `${duplicates} ${duplicates === 0 ? '✔' : '✘'}`);
await database.close();
server.kill('SIGTERM');
