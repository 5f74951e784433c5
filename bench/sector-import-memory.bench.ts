// Memory of a sector-list import (issue 16 §2: "a 1,000,000-row file imports with bounded memory,
// < 500 MB RSS"): `dvc06 import` run as its own process on a generated health-insurance CSV, its
// resident memory sampled from /proc every 100 ms (the process and its children, summed). Beside it, in the
// same run, the baseline: the same command importing a 1,000-row file — what the process needs
// whatever the file — so the ratio shows whether memory grows with the file.
// Usage: npx tsx bench/sector-import-memory.bench.ts --engine postgres|pglite [--rows 1000000]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { BENCH_PGLITE_DIR, BENCH_PG_URL, benchArgs, openBenchDatabase, report } from './common';

const args = process.argv.slice(2);
const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 1_000_000;
const { engine } = benchArgs();
const DIR = `${process.cwd()}/.tmp/bench-sector-import-memory`;
const BIN = `${process.cwd()}/bin/dvc06.js`;

const FAMILY = ['Nguyễn', 'Lò', 'Giàng', 'Sùng', 'Vàng', 'Lý', 'Tẩn', 'Hoàng', 'Lê', 'Phàn'];
const MIDDLE = ['Văn', 'Thị', 'A', 'Seo', 'Láo', 'Mí', 'Đức', 'Thu'];
const GIVEN = ['Páo', 'Mỹ', 'Sáng', 'Dơ', 'Chứ', 'Hoà', 'Thuý', 'Sài', 'Minh', 'Lan', 'Pó', 'Mẩy'];

/** A health-insurance CSV of `n` synthetic rows (names, dates in several forms, sex words, ID numbers). */
async function writeList(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Nơi ĐKKCB\n');
  for (let i = 1; i <= n; i++) {
    const year = 1940 + (i % 85);
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const date =
      i % 3 === 0
        ? `${day}/${month}/${year}`
        : i % 3 === 1
          ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : `${day}-${month}-${year}`;
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i >> 5) % GIVEN.length]}`;
    const id = `0120${String(year % 100).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`;
    const line = `${i},HC4${String(i).padStart(12, '0')},${name},${date},${i % 2 ? 'Nam' : 'Nữ'},${id},Trạm y tế xã\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `dvc06 import` on a file; its time, peak RSS (MB, sampled over the process tree) and what it printed. */
async function importOnce(file: string): Promise<{ seconds: number; peakMb: number; sampledMb: number; out: string }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    ...(engine === 'postgres' ? { DATABASE_URL: BENCH_PG_URL } : { DATA_DIR: BENCH_PGLITE_DIR }),
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'import', 'health-insurance', file, '--unit', '12'], { env });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let sampled = 0;
  let peak = 0;
  // The command may run itself again with a bounded heap (bin/dvc06.js): the tree's resident memory, summed.
  const tree = (pid: number): number[] => {
    let children: number[] = [];
    try {
      for (const task of readdirSync(`/proc/${pid}/task`))
        children = children.concat(
          readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
      // the process has ended
    }
    return [pid, ...children.flatMap(tree)];
  };
  const status = () => {
    let rss = 0;
    for (const pid of tree(child.pid!)) {
      try {
        const text = readFileSync(`/proc/${pid}/status`, 'utf8');
        rss += Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0);
      } catch {
        // the process has ended
      }
    }
    sampled = Math.max(sampled, rss);
    peak = sampled;
  };
  const timer = setInterval(status, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`dvc06 import exited ${code}: ${out}`);
  return { seconds: (performance.now() - t0) / 1000, peakMb: peak / 1024, sampledMb: sampled / 1024, out };
}

// The bench database migrated (and the imports of an earlier run removed: each run imports afresh).
const database = await openBenchDatabase(engine);
await database.db.execute(sql`delete from sector_data.batches where file_name like 'bench-memory-%'`);
await database.close();

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const small = `${DIR}/bench-memory-small.csv`;
const large = `${DIR}/bench-memory-large.csv`;
await writeList(small, 1000);
await writeList(large, rows);

const base = await importOnce(small);
const big = await importOnce(large);
const label = `sector import memory ${engine}`;
report(
  `${label}: ${rows.toLocaleString('en-US')} rows`,
  `${big.seconds.toFixed(1)} s = ${Math.round(rows / big.seconds).toLocaleString('en-US')} rows/s, peak RSS ${big.peakMb.toFixed(0)} MB (goal < 500 MB)`,
);
report(`${label}: baseline, 1,000 rows`, `${base.seconds.toFixed(1)} s, peak RSS ${base.peakMb.toFixed(0)} MB`);
report(`${label}: ratio peak RSS large / baseline`, (big.peakMb / base.peakMb).toFixed(2));
report(`${label}: what the command printed`, big.out.trim().split('\n').slice(-2).join(' | '));
