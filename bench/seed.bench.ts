// Seeding N synthetic people (generate + COPY) versus a raw COPY of the very same rows into the same tables.
// Usage: npx tsx bench/seed.bench.ts --engine pglite|postgres [--people 500000]
import { sql } from 'drizzle-orm';
import { registryBatchCopies, truncateRegistry, withIndexesRebuilt } from '../src/server/modules/population';
import { generateProvince, seedDemoProvince } from '../src/server/modules/demo';
import { listCommunes } from '../src/server/modules/units';
import { benchArgs, openBenchDatabase, report } from './common';

const { engine, people } = benchArgs();
const database = await openBenchDatabase(engine);
const referenceDate = '2026-11-27';

// 1. The real seeding path: generate households/persons/residences, serialise, COPY batch by batch.
let t0 = performance.now();
const seeded = await seedDemoProvince(database, { people, provinceCode: '12', seed: 'bench', referenceDate });
const seedSeconds = (performance.now() - t0) / 1000;
const rows = Number(
  (
    await database.rows<{ n: string }>(
      sql`select (select count(*) from population.persons) + (select count(*) from population.households) + (select count(*) from population.residences) as n`,
    )
  )[0]?.n,
);

// 2. Baseline: the same rows, already serialised to CSV, COPYed into the same (emptied) tables.
const communes = (await listCommunes(database.db, referenceDate)).map((c) => ({
  code: c.code,
  name: c.name,
  type: c.type,
}));
const copies: Array<ReturnType<typeof registryBatchCopies>> = [];
for (const batch of {
  [Symbol.iterator]: () => generateProvince({ seed: 'bench', people, communes, referenceDate, provinceIdCode: '012' }),
}) {
  copies.push(registryBatchCopies(batch));
}
const rawCopy = async () => {
  for (const batch of copies) for (const c of batch) await database.copyCsv(c.table, c.columns, c.csv);
};
// 2a. with the same index treatment as seeding (drop secondary indexes, COPY, rebuild)
await truncateRegistry(database.db);
t0 = performance.now();
await withIndexesRebuilt(database, rawCopy);
const copySeconds = (performance.now() - t0) / 1000;
// 2b. COPY into the tables with every index maintained row by row
await truncateRegistry(database.db);
t0 = performance.now();
await rawCopy();
const copyIndexedSeconds = (performance.now() - t0) / 1000;

report(`seed ${engine}: people`, `${seeded.people}`);
report(`seed ${engine}: rows (persons+households+residences)`, `${rows}`);
report(
  `seed ${engine}: seeding`,
  `${seedSeconds.toFixed(1)} s = ${Math.round(rows / seedSeconds)} rows/s (${Math.round(seeded.people / seedSeconds)} people/s)`,
);
report(
  `seed ${engine}: raw COPY of the same rows`,
  `${copySeconds.toFixed(1)} s = ${Math.round(rows / copySeconds)} rows/s`,
);
report(
  `seed ${engine}: raw COPY, indexes kept (row-by-row upkeep)`,
  `${copyIndexedSeconds.toFixed(1)} s = ${Math.round(rows / copyIndexedSeconds)} rows/s`,
);
report(`seed ${engine}: ratio seeding / raw COPY (rows/s)`, `${(copySeconds / seedSeconds).toFixed(2)}`);
// Leave a usable seeded registry behind for the other benchmarks.
await seedDemoProvince(database, { people, provinceCode: '12', seed: 'bench', referenceDate });
await database.close();
