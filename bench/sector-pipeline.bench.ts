// An agency list imported and linked end to end on a real database (issue 16 §5): the messy
// health-insurance lists of bench/sector-linking-generator.ts (known truth), one CSV file per commune
// as communes send them (rows without a commune in a province file), each imported (`runImport`:
// stream, validate, COPY, commit) and linked (`linkBatch`: the engine over the SQL registry view) —
// against the same demo registry seeded in a database of its own. Beside it, in the same run, the
// baseline: a raw COPY of the same files into a table of text columns.
// Usage: NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/sector-pipeline.bench.ts --engine postgres|pglite [--people 500000] [--rows 500000]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { sql } from 'drizzle-orm';
import { generateProvince } from '../src/server/modules/demo';
import { LAI_CHAU_COMMUNES } from '../src/server/modules/demo/lai-chau-communes.fixture';
import {
  copyRegistryBatch,
  countPersons,
  truncateRegistry,
  withIndexesRebuilt,
} from '../src/server/modules/population';
import { linkBatch, prepareImport, runImport } from '../src/server/modules/sector-data';
import type { Database } from '../src/server/platform/db';
import { benchArgs, openBenchDatabase, report } from './common';
import { generateMessyList, type MessyList } from './sector-linking-generator';

const args = process.argv.slice(2);
const rowsArg = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 500_000;
const { engine, people } = benchArgs();
const DIR = `${process.cwd()}/.tmp/bench-sector-pipeline`;
const PROVINCE = '12';
const REFERENCE_DATE = '2026-11-27';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** The registry the generator draws its lists from (seed "registry"), copied into this database once. */
async function ensureRegistry(database: Database): Promise<void> {
  const have = await countPersons(database.db);
  if (have >= people * 0.98 && have <= people * 1.02) return;
  process.stderr.write(`seeding the registry of ${people} people…\n`);
  await truncateRegistry(database.db);
  const generator = generateProvince(
    {
      seed: 'registry',
      people,
      communes: [...LAI_CHAU_COMMUNES],
      referenceDate: REFERENCE_DATE,
      provinceIdCode: '012',
    },
    5000,
  );
  await withIndexesRebuilt(database, async () => {
    for (let step = generator.next(); !step.done; step = generator.next())
      await copyRegistryBatch(database, step.value);
  });
}

const HEADER = ['STT', 'Mã thẻ BHYT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân'];

function csvCell(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One file per commune of the rows (rows without one in the province's file): path, unit, the list's row indexes. */
function writeFiles(list: MessyList): Array<{ path: string; unitCode: string; indexes: number[] }> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const byUnit = new Map<string, number[]>();
  list.rows.forEach((row, i) => {
    const unit = row.unitCode ?? PROVINCE;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), i]);
  });
  return [...byUnit].map(([unitCode, indexes]) => {
    const lines = [HEADER.join(',')];
    indexes.forEach((i, n) => {
      const r = list.rows[i]!;
      lines.push(
        [n + 1, `HC4${String(i).padStart(12, '0')}`, r.fullName, r.birthDate, r.sex, r.idNumber].map(csvCell).join(','),
      );
    });
    const path = `${DIR}/bhyt-${unitCode}.csv`;
    writeFileSync(path, `${lines.join('\n')}\n`);
    return { path, unitCode, indexes };
  });
}

/** The baseline: the same files copied raw into a table of six text columns. */
async function rawCopy(database: Database, files: Array<{ path: string }>): Promise<number> {
  await database.db.execute(sql`drop table if exists bench_raw_list`);
  await database.db.execute(
    sql`create table bench_raw_list (stt text, card text, full_name text, birth_date text, sex text, id_number text)`,
  );
  const t0 = performance.now();
  for (const f of files) {
    const body = readFileSync(f.path, 'utf8');
    await database.copyCsv(
      'bench_raw_list',
      ['stt', 'card', 'full_name', 'birth_date', 'sex', 'id_number'],
      body.slice(body.indexOf('\n') + 1),
    );
  }
  const s = seconds(t0);
  await database.db.execute(sql`drop table bench_raw_list`);
  return s;
}

/**
 * `--cpu-prof`: a CPU profile of the imports and linkings (not the seeding, the list's generation or the
 * baseline), written to .tmp/bench-sector-pipeline/pipeline.cpuprofile (open it in Chrome's DevTools).
 */
const profiler = args.includes('--cpu-prof') ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 1000 });
}

const database = await openBenchDatabase(engine, 'sector');
await ensureRegistry(database);
let t0 = performance.now();
const list = generateMessyList({ seed: 'check', people, rows: rowsArg });
const files = writeFiles(list);
process.stderr.write(`list of ${fmt(list.rows.length)} rows in ${files.length} files (${seconds(t0).toFixed(0)} s)\n`);
// Earlier runs' lists go: each run imports its files afresh.
await database.db.execute(sql`delete from sector_data.batches where dataset_type = 'health-insurance'`);

const baseline = await rawCopy(database, files);
if (profiler) await profiler.post('Profiler.start');
let importSeconds = 0;
let linkSeconds = 0;
let linkCpuSeconds = 0;
let pairs = 0;
let valid = 0;
let invalid = 0;
const outcomes = new Map<string, number>();
let precise = 0;
let predicted = 0;
let correct = 0;
let truthMatched = 0;
for (const f of files) {
  t0 = performance.now();
  const prepared = await prepareImport(database, {
    datasetType: 'health-insurance',
    unitCode: f.unitCode,
    fileName: f.path.slice(f.path.lastIndexOf('/') + 1),
    path: f.path,
    createdBy: 'cli:bench',
  });
  const imported = await runImport(database, prepared);
  importSeconds += seconds(t0);
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const linked = await linkBatch(database, imported.batchId, { referenceYear: 2026 });
  const cpu = process.cpuUsage(cpu0);
  linkCpuSeconds += (cpu.user + cpu.system) / 1e6;
  linkSeconds += seconds(t0);
  pairs += linked.pairsCompared;
  valid += linked.linked;
  invalid += linked.invalid;
  for (const [o, n] of Object.entries(linked.counts)) outcomes.set(o, (outcomes.get(o) ?? 0) + n);
  // Accuracy of `matched` against the truth, as bench/sector-linking.bench.ts reckons it.
  const stored = await database.rows<{ row_number: number; outcome: string; person_id: string | null }>(
    sql`select row_number, outcome, person_id from sector_data.links where batch_id = ${imported.batchId}`,
  );
  const same = (a: string | null, b: string | null) =>
    a !== null && b !== null && (a === b || list.sameAs.get(a) === b || list.sameAs.get(b) === a);
  const byRow = new Map(stored.map((s) => [s.row_number, s]));
  f.indexes.forEach((i, n) => {
    const truth = list.truth[i]!;
    const link = byRow.get(n + 1);
    const isLink = link?.outcome === 'matched' || link?.outcome === 'matched_with_discrepancies';
    if (truth.expected === 'matched') truthMatched++;
    if (!isLink) return;
    predicted++;
    if (same(link.person_id, truth.personId)) {
      precise++;
      if (truth.expected === 'matched') correct++;
    }
  });
}
const total = importSeconds + linkSeconds;
const label = `sector pipeline ${engine}`;
report(`${label}: list`, `${fmt(list.rows.length)} rows in ${files.length} files, registry ${fmt(people)} people`);
report(
  `${label}: import (stream, validate, COPY, commit)`,
  `${importSeconds.toFixed(1)} s = ${fmt(list.rows.length / importSeconds)} rows/s`,
);
report(
  `${label}: link (${fmt(valid)} valid rows)`,
  `${linkSeconds.toFixed(1)} s = ${fmt(valid / linkSeconds)} rows/s, ${fmt(pairs / linkSeconds)} pairs/s`,
);
report(
  `${label}: this process's CPU while linking`,
  `${linkCpuSeconds.toFixed(1)} s of ${linkSeconds.toFixed(1)} s (the rest: waiting on the database)`,
);
report(`${label}: end to end`, `${total.toFixed(1)} s (goal ≤ 120 s on PostgreSQL for 500,000 rows)`);
report(`${label}: baseline raw COPY of the same files`, `${baseline.toFixed(1)} s`);
report(`${label}: ratio end to end / raw COPY`, `${(total / baseline).toFixed(1)}`);
report(`${label}: rows invalid at import`, fmt(invalid));
report(`${label}: outcomes`, [...outcomes].map(([o, n]) => `${o} ${fmt(n)}`).join(', '));
report(
  `${label}: matched precision / recall`,
  `${((100 * precise) / predicted).toFixed(2)} % / ${((100 * correct) / truthMatched).toFixed(2)} %`,
);
// Every stored link, field for field (the registry's people keep their ids between runs): a change
// meant to be only faster must leave this the same.
const [digest] = await database.rows<{ md5: string }>(sql`
  select md5(string_agg(concat_ws('|', b.unit_code, l.row_number, l.outcome, l.person_id, l.national_id,
             l.actual_person_id, l.actual_national_id, l.score, l.disagreements, l.explanation::text, l.duplicate_of_row),
             E'\n' order by b.unit_code, l.row_number)) as md5
    from sector_data.links l join sector_data.batches b on b.id = l.batch_id
   where b.dataset_type = 'health-insurance'`);
report(`${label}: digest of the stored links`, digest!.md5.slice(0, 16));
if (profiler) {
  writeFileSync(`${DIR}/pipeline.cpuprofile`, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  process.stderr.write(`CPU profile of the imports and linkings: ${DIR}/pipeline.cpuprofile\n`);
}
await database.close();
