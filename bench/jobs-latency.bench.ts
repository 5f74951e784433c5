// What the job queue's pollers cost HTTP requests (ADR 0031, hazard 5: on PGlite each poll and maintenance
// statement of pg-boss takes the one connection requests use, and runs on the server's own thread).
// The same server (bench/jobs-latency-server.ts, production mode, as `serve` starts it) is started in turn
// (a) with the job queue and every periodic background job, and (b) with no job queue at all, rounds
// interleaved a, b, a, b…; each round loads the same requests from this process:
//   - GET /healthz (no database) and GET /api/v1/auth/me signed in (the session check every signed-in request
//     makes: one indexed query), N concurrent clients for S seconds each (autocannon, closed loop: saturated);
//   - GET /api/v1/auth/me at a light paced load (R requests/s, random arrival times, open loop: the latency
//     a request meets when it lands while a background statement runs; sub-millisecond timing);
//   - and, before the load, the idle server's event-loop utilization and PGlite client use over a few seconds.
// First on embedded PGlite (a fresh data folder under .tmp/bench-jobs-latency), then — for contrast, if it
// answers — on PostgreSQL (a database the script creates and drops on BENCH_PG_ADMIN_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres). Each engine is seeded first with a small synthetic province.
// Usage: npx tsx bench/jobs-latency.bench.ts [--seconds 10] [--clients 10] [--rate 50] [--rounds 2]
//        [--pg-rounds 1] [--people 1000] [--idle 5] [--paced-seconds S]   (--pg-rounds 0: PGlite only)
// Latencies of the saturated loads are autocannon's, in whole milliseconds; the paced load's are exact.
import autocannon from 'autocannon';
import http from 'node:http';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report } from './common';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const seconds = arg('--seconds', 10);
const clients = arg('--clients', 10);
const rate = arg('--rate', 50);
const rounds = arg('--rounds', 2);
const pgRounds = arg('--pg-rounds', 1);
const people = arg('--people', 1000);
const idleSeconds = arg('--idle', 5);
const pacedSeconds = arg('--paced-seconds', seconds);
for (const [name, value] of Object.entries({
  seconds,
  clients,
  rate,
  rounds,
  pgRounds,
  people,
  idleSeconds,
  pacedSeconds,
}))
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: a number ≥ 0`);

const root = `${process.cwd()}/.tmp/bench-jobs-latency`;
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

type Mode = 'jobs' | 'none';
const MODE_LABEL: Record<Mode, string> = { jobs: 'a (job queue)', none: 'b (no queue)' };
interface Figures {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}
interface Idle {
  eventLoopUtilization: number;
  clientCallsPerSecond: number | null;
  clientBusyMsPerSecond: number | null;
}
const LOADS = [
  { key: 'health', title: `GET /healthz, ${clients} clients`, path: '/healthz', paced: false },
  { key: 'me', title: `GET /api/v1/auth/me, ${clients} clients`, path: '/api/v1/auth/me', paced: false },
  { key: 'paced', title: `GET /api/v1/auth/me, ${rate} req/s paced`, path: '/api/v1/auth/me', paced: true },
] as const;
/** The account the load signs in with (the server's setup creates it). */
const BENCH_USER = 'bench.jobs';
const BENCH_PASSWORD = 'Bench-Password-2026';

/** Runs the server child (environment: DATA_DIR, and DATABASE_URL on PostgreSQL) in a mode until READY. */
function startServer(
  mode: Mode | 'setup',
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; idle: Idle }> {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(
    process.execPath,
    // The flag `npm start` runs the server with.
    [
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      'bench/jobs-latency-server.ts',
      '--mode',
      mode,
      '--idle',
      String(idleSeconds),
    ],
    {
      env: { ...parentEnv, ...env, DEMO_PEOPLE: String(people), BENCH_USER, BENCH_PASSWORD },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /READY (\d+) (\{.*\})/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), idle: JSON.parse(m[2]!) as Idle });
    });
    child.on('exit', (code) =>
      mode === 'setup' && code === 0
        ? resolve({ child, port: 0, idle: undefined as unknown as Idle })
        : reject(new Error(`server (${mode}) exited ${code}`)),
    );
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited; // the PGlite data folder is held until the process ends
}

/** Signs the bench user in; the session cookie the load sends (a GET needs no CSRF header). */
async function signIn(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

/** N clients, each sending its next request when the last answered (the server saturated). */
async function saturated(
  port: number,
  path: string,
  duration: number,
  headers: Record<string, string>,
): Promise<Figures> {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: clients, duration, headers });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** A small deterministic generator (mulberry32): the same arrival times in every round. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `rate` requests a second on average at random (Poisson) arrival times, each sent when due whatever the
 * others do: a request's latency runs from its due time to the end of its answer (no coordinated omission).
 */
async function paced(port: number, path: string, duration: number, headers: Record<string, string>): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const next = random(2026);
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let due = start; due < start + duration * 1000; due += (-Math.log(1 - next()) * 1000) / rate) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = due;
    pending.push(
      new Promise<void>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) latencies.push(performance.now() - at);
              else errors++;
              resolve();
            });
          })
          .on('error', () => {
            errors++;
            resolve();
          });
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { rps: latencies.length / duration, p50: q(0.5), p97_5: q(0.975), p99: q(0.99), errors };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const line = (f: Figures) =>
  `${Math.round(f.rps)} req/s, p50 ${ms(f.p50)} ms, p97.5 ${ms(f.p97_5)} ms, p99 ${ms(f.p99)} ms${f.errors ? `, ${f.errors} errors` : ''}`;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const change = (b: number, a: number) =>
  b === 0 ? '—' : `${a >= b ? '+' : '−'}${Math.abs(((a - b) / b) * 100).toFixed(1)} %`;

/** Rounds a, b, a, b… on one engine; prints each round, then each load's means b → a and the change. */
async function measure(engine: string, env: Record<string, string>, pairs: number): Promise<void> {
  process.stderr.write(`${engine}: preparing the database (migrations, demo province of ${people} people)…\n`);
  const t0 = performance.now();
  await startServer('setup', env);
  process.stderr.write(`${engine}: prepared in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  const results: Record<Mode, { idle: Idle[]; loads: Record<string, Figures[]> }> = {
    jobs: { idle: [], loads: {} },
    none: { idle: [], loads: {} },
  };
  for (let round = 1; round <= pairs; round++) {
    for (const mode of ['jobs', 'none'] as const) {
      const started = performance.now();
      const { child, port, idle } = await startServer(mode, env);
      const startMs = performance.now() - started;
      try {
        const headers = await signIn(port);
        // Warm-up (the JIT, the first reads): not measured.
        await saturated(port, '/healthz', 1, headers);
        await saturated(port, '/api/v1/auth/me', 2, headers);
        const tag = `${engine} ${MODE_LABEL[mode]} #${round}`;
        results[mode].idle.push(idle);
        report(
          `${tag} idle ${idleSeconds} s`,
          `event loop ${(idle.eventLoopUtilization * 100).toFixed(1)} % busy` +
            (idle.clientCallsPerSecond === null
              ? ''
              : `, PGlite client ${idle.clientCallsPerSecond.toFixed(1)} calls/s, busy ${idle.clientBusyMsPerSecond!.toFixed(1)} ms/s`) +
            ` (ready ${(startMs / 1000).toFixed(1)} s after spawn)`,
        );
        for (const load of LOADS) {
          const f = load.paced
            ? await paced(port, load.path, pacedSeconds, headers)
            : await saturated(port, load.path, seconds, headers);
          (results[mode].loads[load.key] ??= []).push(f);
          report(`${tag} ${load.title}`, line(f));
        }
      } finally {
        await stopServer(child);
      }
    }
  }
  process.stdout.write(`\n${engine}: means over ${pairs} round(s) each, b (no queue) → a (job queue), change\n`);
  const idleOf = (mode: Mode, k: keyof Idle) => mean(results[mode].idle.map((i) => i[k] ?? 0));
  report(
    `${engine} idle: event loop busy`,
    `${(idleOf('none', 'eventLoopUtilization') * 100).toFixed(1)} % → ${(idleOf('jobs', 'eventLoopUtilization') * 100).toFixed(1)} %`,
  );
  if (results.jobs.idle[0]?.clientCallsPerSecond !== null)
    report(
      `${engine} idle: PGlite client calls, time busy`,
      `${idleOf('none', 'clientCallsPerSecond').toFixed(1)} → ${idleOf('jobs', 'clientCallsPerSecond').toFixed(1)} calls/s, ` +
        `${idleOf('none', 'clientBusyMsPerSecond').toFixed(1)} → ${idleOf('jobs', 'clientBusyMsPerSecond').toFixed(1)} ms/s`,
    );
  for (const load of LOADS) {
    const b = results.none.loads[load.key]!;
    const a = results.jobs.loads[load.key]!;
    const parts = (['rps', 'p50', 'p97_5', 'p99'] as const).map((k) => {
      const [mb, ma] = [mean(b.map((f) => f[k])), mean(a.map((f) => f[k]))];
      const name = k === 'rps' ? 'req/s' : k === 'p97_5' ? 'p97.5' : k;
      const value = (v: number) => (k === 'rps' ? String(Math.round(v)) : `${ms(v)} ms`);
      return `${name} ${value(mb)} → ${value(ma)} (${change(mb, ma)})`;
    });
    report(`${engine} ${load.title}`, parts.join('; '));
  }
}

await measure('pglite', { DATA_DIR: `${root}/pglite-data` }, rounds);

if (pgRounds > 0) {
  const name = `dvc06_bench_jobs_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  const reachable = await admin.connect().then(
    () => true,
    (error: unknown) => {
      process.stderr.write(`PostgreSQL not reachable at ${adminUrl} (${String(error)}): skipped\n`);
      return false;
    },
  );
  if (reachable) {
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      await measure('postgres', { DATA_DIR: `${root}/postgres-data`, DATABASE_URL: url.toString() }, pgRounds);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

rmSync(root, { recursive: true, force: true }); // the data folders (the PostgreSQL database is dropped above)
