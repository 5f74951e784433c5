// Data-quality scoring of the whole registry (all rules + per-commune scores), in seconds,
// beside a baseline full scan of the same table in the same process.
// Usage: npx tsx bench/quality.bench.ts --engine pglite|postgres [--people 500000]
import { sql } from 'drizzle-orm';
import { getQualityReport, runQualityCheck } from '../src/server/modules/population';
import { benchArgs, ensureSeeded, openBenchDatabase, report } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
await ensureSeeded(database, people);

let t0 = performance.now();
await database.rows(sql`select count(*), count(distinct name_key) from population.persons`);
const scanSeconds = (performance.now() - t0) / 1000;

t0 = performance.now();
await runQualityCheck(database, '2026-11-27');
const runSeconds = (performance.now() - t0) / 1000;
const r = (await getQualityReport(database.db))!;

report(`quality ${engine}: persons`, `${r.province.persons}`);
report(
  `quality ${engine}: full run (${r.rules.length} rules + scores)`,
  `${runSeconds.toFixed(1)} s (goal < 30 s on PostgreSQL)`,
);
report(`quality ${engine}: baseline scan (count distinct name_key)`, `${scanSeconds.toFixed(2)} s`);
report(`quality ${engine}: ratio run / scan`, `${(runSeconds / scanSeconds).toFixed(1)}`);
report(
  `quality ${engine}: province score`,
  `${(r.province.score * 100).toFixed(2)} % (${r.province.personsWithFindings} persons with findings)`,
);
for (const rule of r.rules) report(`  ${rule.code}`, `${rule.findings}`);
await database.close();
