// Approving permanent-residence dossiers (1.004222) through the HTTP API, with their registry effect
// (the version from 5/12/2026: residence closed and opened, a new household, the change line, the
// access log, the quality findings of the person and the communes' scores) beside the same approval
// without an effect (the version of 15/3/2026) in the same run, on the same registry and server.
// Alternating rounds (without, with, with, without) so neither kind gets the warmer cache.
// Usage: npx tsx bench/decide.bench.ts [--engine postgres] [--people 500000] [--dossiers 400] [--clients 8]
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import {
  assignRole,
  createStaffUser,
  ensureDefaultRoles,
  openSession,
  SESSION_COOKIE,
} from '../src/server/modules/identity';
import { getProcedureVersion, seedProcedures } from '../src/server/modules/procedures';
import { seedCalendar } from '../src/server/modules/calendar';
import { refreshQueuedFindings, runQualityCheck } from '../src/server/modules/population';
import { benchArgs, benchConfigEnv, ensureSeeded, openBenchDatabase, report } from './common';

const { engine, people } = benchArgs();
const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const perKind = arg('--dossiers', 400);
const clients = arg('--clients', 8);
const UNIT = '03388'; // Phường Đoàn Kết: its police decide

mkdirSync(`${process.cwd()}/.tmp/bench-data`, { recursive: true });
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);
await ensureDefaultRoles(database.db);
await seedProcedures(database.db);
await seedCalendar(database.db);
const db = database.db;
// The effect refreshes the latest quality run: have one, as a province running the engine has.
if (!(await database.rows(sql`select 1 from population.quality_runs where finished_at is not null limit 1`)).length) {
  process.stderr.write('running the quality engine once…\n');
  await runQualityCheck(database);
}

const today = new Date().toISOString().slice(0, 10);
const withEffect = await getProcedureVersion(db, '1.004222', today);
const withoutEffect = await getProcedureVersion(db, '1.004222', '2026-11-01');
if (!withEffect.registryEffect || withoutEffect.registryEffect) throw new Error('unexpected 1.004222 versions');

const config = loadConfig(benchConfigEnv({ DATA_DIR: `${process.cwd()}/.tmp/bench-data` }));
const app = await buildApp({ config, database });
const { user } = await createStaffUser(db, {
  username: `bench.decide.${Date.now()}`,
  displayName: 'Bench officer',
  password: `Bench-${randomUUID()}`,
});
await assignRole(db, null, user.id, { role: 'commune_police', unitCode: UNIT });
const session = await openSession(db, user.id, {});
const headers = { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };

// Distinct living adults with a household, none moved by an earlier run (their registry version is 0).
const WARMUP = 20;
const applicants = await database.rows<{ id: string; national_id: string; full_name: string }>(sql`
  select id, national_id, full_name from population.persons
  where status = 'alive' and national_id is not null and household_id is not null and registry_version = 0
    and birth_date < current_date - interval '20 years'
  order by id limit ${perKind * 2 + WARMUP * 2}`);
if (applicants.length < perKind * 2 + WARMUP * 2) throw new Error(`only ${applicants.length} applicants available`);

/** Dossiers in processing at Đoàn Kết under `version`, each founding a new household there. */
async function dossiersUnder(version: typeof withEffect, persons: typeof applicants, tag: string): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  const rows = persons.map((p, i) => ({
    id: randomUUID(),
    code: `BENCH-${tag}-${run}-${i}`,
    form: {
      fullName: p.full_name,
      nationalId: p.national_id,
      headFullName: p.full_name,
      relationToHead: 'head',
      addressCommune: UNIT,
      addressVillage: `Tổ ${(i % 12) + 1}`,
      requestContent: 'Đăng ký thường trú (đo hiệu năng)',
    },
    personId: p.id,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.execute(sql`insert into dossiers.dossiers (id, code, agency_code, procedure_code, procedure_version_id,
        unit_code, state, channel, applicant_person_id, applicant_name, form, sources, time_limit_working_days,
        submitted_at, received_at, due_at, registry_seen)
      values ${sql.join(
        chunk.map(
          (r) => sql`(${r.id}, ${r.code}, 'BENCH', '1.004222', ${version.id}, ${UNIT}, 'in_processing', 'paper',
            ${r.personId}, ${String(r.form.fullName)}, ${JSON.stringify(r.form)}::jsonb, '{}'::jsonb, 7,
            now(), now(), now() + interval '10 days', ${JSON.stringify({ [r.personId]: 0 })}::jsonb)`,
        ),
        sql`, `,
      )}`);
  }
  return rows.map((r) => r.id);
}

/** Approves the dossiers with `clients` concurrent requests; approvals per second. */
async function approveAll(ids: string[], title: string): Promise<number> {
  const queue = [...ids];
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${id}/commands/approve`,
          headers,
          payload: {},
        });
        if (res.statusCode !== 200) {
          if (failed++ === 0) process.stderr.write(`${title}: ${res.statusCode} ${res.body}\n`);
        }
      }
    }),
  );
  const rate = ids.length / ((performance.now() - started) / 1000);
  report(title, `${rate.toFixed(1)} approvals/s${failed ? `, ${failed} failed` : ''}`);
  return rate;
}

const half = perKind / 2;
const plain = [
  await dossiersUnder(withoutEffect, applicants.slice(0, half), 'plain'),
  await dossiersUnder(withoutEffect, applicants.slice(half, perKind), 'plain'),
];
const effect = [
  await dossiersUnder(withEffect, applicants.slice(perKind, perKind + half), 'effect'),
  await dossiersUnder(withEffect, applicants.slice(perKind + half, perKind * 2), 'effect'),
];
const warm = [
  await dossiersUnder(withoutEffect, applicants.slice(perKind * 2, perKind * 2 + WARMUP), 'warm'),
  await dossiersUnder(withEffect, applicants.slice(perKind * 2 + WARMUP), 'warm'),
];
report('registry', `${people} people (${engine}), ${perKind} dossiers of each kind, ${clients} concurrent officers`);
// Warm-up (JIT, pool connections, prepared statements, caches) of both kinds, not counted.
for (const ids of warm) await approveAll(ids, 'warm-up (not counted)');
const rates = { plain: [] as number[], effect: [] as number[] };
rates.plain.push(await approveAll(plain[0]!, 'approval without registry effect (round 1)'));
rates.effect.push(await approveAll(effect[0]!, 'approval with registry effect (round 1)'));
rates.effect.push(await approveAll(effect[1]!, 'approval with registry effect (round 2)'));
rates.plain.push(await approveAll(plain[1]!, 'approval without registry effect (round 2)'));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cost = 1 - mean(rates.effect) / mean(rates.plain);
report('with / without effect', `${((mean(rates.effect) / mean(rates.plain)) * 100).toFixed(1)} %`);
report('cost of the effect (goal < 30 %)', `${(cost * 100).toFixed(1)} % ${cost < 0.3 ? '✔' : '✘'}`);
// The quality refresh the decisions queued, as the server's job runs it (batches of 500), timed apart.
const t0 = performance.now();
let refreshed = 0;
for (let n = await refreshQueuedFindings(db); n > 0; n = await refreshQueuedFindings(db)) refreshed += n;
report(
  'queued quality refresh (job, after the decisions)',
  `${refreshed} persons in ${((performance.now() - t0) / 1000).toFixed(2)} s = ${(refreshed / ((performance.now() - t0) / 1000)).toFixed(0)} persons/s`,
);
const [applied] = await database.rows<{ n: string }>(
  sql`select count(*)::text as n from population.registry_changes where dossier_code like 'BENCH-effect-%'`,
);
report('registry changes written by this and earlier runs', applied!.n);
await app.close();
await database.close();
