// IPN handling under concurrency: 2 server processes on one PostgreSQL receive
// 10,000 signed IPNs, 30 % of them duplicates, from 50 concurrent connections (autocannon; half to
// each process). Baselines from the same script and load generator: bare Fastify hello-world
// (2 processes) and bare Fastify doing one conditional UPDATE … RETURNING per request (2 processes)
// — the floor of any exactly-once IPN handler. Then checks: exactly one 00 per payment, every
// duplicate 02, zero double credits (payments, dossiers, events, dossier transitions).
// Usage: npx tsx bench/ipn.bench.ts [--ipns 10000] [--duplicates 0.3] [--clients 50]
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openBenchDatabase, report } from './common';
import { BENCH_HASH_SECRET, BENCH_TMN } from './ipn-common';
import { formatVnpDate, signedQuery, toVnpAmount } from '../src/server/modules/payment-protocol';
import { getProcedureVersion, seedProcedures } from '../src/server/modules/procedures';
import { todayInVietnam } from '../src/contracts/common';
import { ensureDefaultRoles } from '../src/server/modules/identity';

const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const total = arg('--ipns', 10_000);
const duplicateShare = arg('--duplicates', 0.3);
const clients = arg('--clients', 50);
const unique = Math.round(total * (1 - duplicateShare));
const warmup = 300;
const FEE = 7_000;

const database = await openBenchDatabase('postgres');
await ensureDefaultRoles(database.db);
await seedProcedures(database.db);
const version = await getProcedureVersion(database.db, '1.004194', todayInVietnam());

// Fresh bench rows: payable dossiers and their pending payments (created by SQL: the IPN is what is measured).
process.stderr.write(`preparing ${unique + warmup} payable dossiers and payments…\n`);
await database.rows(
  sql`delete from payments.payment_events where payment_id in (select id from payments.payments where reference like 'DVCBENCH%')`,
);
await database.rows(sql`delete from payments.payments where reference like 'DVCBENCH%'`);
await database.rows(
  sql`delete from dossiers.transitions where dossier_id in (select id from dossiers.dossiers where code like 'BENCH-IPN-%')`,
);
await database.rows(sql`delete from dossiers.dossiers where code like 'BENCH-IPN-%'`);
await database.rows(sql`delete from payments.security_events where payment_reference like 'DVCBENCH%'`);
await database.rows(sql`
  insert into dossiers.dossiers (id, code, agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources, time_limit_working_days, fee_amount, fee_status, submitted_at)
  select md5('bench-ipn-' || n)::uuid, 'BENCH-IPN-' || n, '000.00.12.X99', '1.004194', ${version.id}::uuid, '03445', 'awaiting_payment', 'online', 'Bench', '{}'::jsonb, '{}'::jsonb, 3, ${FEE}, 'unpaid', now()
  from generate_series(1, ${unique + warmup}) n`);
await database.rows(sql`
  insert into payments.payments (reference, dossier_id, dossier_code, unit_code, procedure_code, procedure_name_vi, created_by_account_id, method, gateway, amount, state, expires_at)
  select 'DVCBENCH' || lpad(n::text, 7, '0'), md5('bench-ipn-' || n)::uuid, 'BENCH-IPN-' || n, '03445', '1.004194', 'Đăng ký tạm trú', md5('bench-account')::uuid, 'gateway', 'vnpay', ${FEE}, 'pending', now() + interval '1 hour'
  from generate_series(1, ${unique + warmup}) n`);
await database.rows(
  sql`create table if not exists public.bench_ipn_baseline (id int primary key, state text not null)`,
);
await database.rows(sql`truncate public.bench_ipn_baseline`);
await database.rows(
  sql`insert into public.bench_ipn_baseline select n, 'pending' from generate_series(1, ${unique + warmup}) n`,
);

/** Deterministic shuffle (mulberry32), so every run sends the same order. */
function shuffled<T>(items: T[], seed = 42): T[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Which payment (1-based) each IPN confirms: every payment once, 30 % of them again (a duplicate), shuffled.
const ids = shuffled([
  ...Array.from({ length: unique }, (_, i) => warmup + i + 1),
  ...Array.from({ length: total - unique }, (_, i) => warmup + 1 + ((i * 7919) % unique)),
]);
const payDate = formatVnpDate(new Date());
const ipnQuery = (n: number) =>
  signedQuery(BENCH_HASH_SECRET, {
    vnp_TmnCode: BENCH_TMN,
    vnp_Amount: toVnpAmount(FEE),
    vnp_BankCode: 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan le phi',
    vnp_PayDate: payDate,
    vnp_ResponseCode: '00',
    vnp_TransactionNo: String(10_000_000 + n),
    vnp_TransactionStatus: '00',
    vnp_TxnRef: `DVCBENCH${String(n).padStart(7, '0')}`,
  });

function start(mode: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ipn-server.ts', '--mode', mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /READY (\d+)/.exec(String(d));
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

/**
 * Sends every path once with autocannon, `clients` connections split over the two processes
 * (even paths to the first, odd to the second); counts the answers by RspCode.
 */
async function load(title: string, ports: number[], paths: string[], measure = true) {
  const answers = new Map<string, number>();
  const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
  const started = performance.now();
  const runs = await Promise.all(
    ports.map((port, k) => {
      const mine = paths.filter((_, i) => i % ports.length === k);
      let next = 0;
      return autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: Math.max(1, Math.floor(clients / ports.length)),
        amount: mine.length,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => ({ ...req, path: mine[next++ % mine.length]! }),
            onResponse: (status: number, body: string) =>
              count(status === 200 ? ((JSON.parse(body) as { RspCode?: string }).RspCode ?? 'ok') : String(status)),
          },
        ],
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rate = paths.length / seconds;
  const p50 = Math.max(...runs.map((r) => r.latency.p50));
  const p99 = Math.max(...runs.map((r) => r.latency.p99));
  if (measure)
    report(
      title,
      `${rate.toFixed(0)}/s, p50 ${p50} ms, p99 ${p99} ms, answers ${JSON.stringify(Object.fromEntries([...answers].sort()))}`,
    );
  return { rate, answers };
}

const servers = await Promise.all(['hello', 'hello', 'baseline', 'baseline', 'app', 'app'].map(start));
const portsOf = (from: number) => [servers[from]!.port, servers[from + 1]!.port];
try {
  report(
    'load average before (1/5/15 min)',
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  );
  report('IPNs', `${total} (${unique} payments, ${total - unique} duplicates), ${clients} clients, 2 processes each`);
  await load(
    'warm-up',
    portsOf(0),
    Array.from({ length: warmup }, () => '/'),
    false,
  );
  const hello = await load(
    'bare Fastify hello-world (2 processes)',
    portsOf(0),
    ids.map(() => '/'),
  );
  await load(
    'warm-up',
    portsOf(2),
    Array.from({ length: warmup }, (_, i) => `/ipn?id=${i + 1}`),
    false,
  );
  const floor = await load(
    'bare Fastify + one conditional UPDATE (2 processes)',
    portsOf(2),
    ids.map((n) => `/ipn?id=${n}`),
  );
  const healthz = await load(
    'DVC06 app GET /healthz (2 processes; no database)',
    portsOf(4),
    ids.map(() => '/healthz'),
  );
  await load(
    'warm-up',
    portsOf(4),
    Array.from({ length: warmup }, (_, i) => `/api/v1/payments/gateway/ipn?${ipnQuery(i + 1)}`),
    false,
  );
  const ipn = await load(
    'DVC06 IPN, exactly-once settlement (2 processes)',
    portsOf(4),
    ids.map((n) => `/api/v1/payments/gateway/ipn?${ipnQuery(n)}`),
  );
  report('IPN / conditional-UPDATE floor', `${((ipn.rate / floor.rate) * 100).toFixed(1)} %`);
  report('IPN / hello-world', `${((ipn.rate / hello.rate) * 100).toFixed(1)} %`);
  report('app /healthz / hello-world (the app pipeline)', `${((healthz.rate / hello.rate) * 100).toFixed(1)} %`);

  const [check] = await database.rows<Record<string, string>>(sql`
    select
      (select count(*) from payments.payments where reference like 'DVCBENCH%' and state = 'succeeded')::text as succeeded,
      (select count(*) from payments.payment_events e join payments.payments p on p.id = e.payment_id where p.reference like 'DVCBENCH%' and e.event = 'ipn_succeeded')::text as events,
      (select count(*) from dossiers.dossiers where code like 'BENCH-IPN-%' and fee_status = 'paid')::text as dossiers_paid,
      (select coalesce(sum(fee_paid_amount), 0) from dossiers.dossiers where code like 'BENCH-IPN-%')::text as money,
      (select count(*) from (select dossier_id from dossiers.transitions t join dossiers.dossiers d on d.id = t.dossier_id
         where d.code like 'BENCH-IPN-%' and t.command = 'pay' group by dossier_id having count(*) > 1) x)::text as double_credits`);
  const expected = unique + warmup;
  report('payments succeeded / dossiers paid', `${check!.succeeded} / ${check!.dossiers_paid} (expected ${expected})`);
  report(
    'money credited',
    `${Number(check!.money).toLocaleString('en')} VND (expected ${(expected * FEE).toLocaleString('en')})`,
  );
  report(
    '00 answers / 02 answers',
    `${ipn.answers.get('00') ?? 0} / ${ipn.answers.get('02') ?? 0} (expected ${unique} / ${total - unique})`,
  );
  const ok =
    Number(check!.double_credits) === 0 &&
    Number(check!.succeeded) === expected &&
    Number(check!.events) === expected &&
    Number(check!.dossiers_paid) === expected &&
    ipn.answers.get('00') === unique;
  report('double credits', `${check!.double_credits} ${ok ? '✔' : '✘'}`);
  report(
    'load average after (1/5/15 min)',
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  );
  if (!ok) process.exitCode = 1;
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
  await database.close();
}
