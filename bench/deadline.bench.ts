// Deadline computation (pure function, no database): computeDeadline calls/s on the real 2024–2026
// schedule, beside a baseline in the same process — bare Date arithmetic (receipt + N calendar days,
// one Date allocated per call, no calendar). Also the cost of building the calendar snapshot.
// Usage: npx tsx bench/deadline.bench.ts [--seconds 2]
import { buildWorkingCalendar, computeDeadline, readReferenceSchedules } from '../src/server/modules/calendar';
import { report } from './common';

const args = process.argv.slice(2);
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 2;

// Deterministic inputs: receipts at any minute of 2024-01-01 … 2026-11-30 (nights, weekends and
// holidays included), limits typical of procedures (half a day to 30 working days).
const LIMITS = [0, 0.5, 1, 2, 3, 5, 7, 10, 12, 15, 20, 30];
const start = Date.parse('2024-01-01T00:00:00+07:00');
const span = Date.parse('2026-11-30T00:00:00+07:00') - start;
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const inputs = Array.from({ length: 10_000 }, () => ({
  at: new Date(start + Math.floor((random() * span) / 60_000) * 60_000),
  days: LIMITS[Math.floor(random() * LIMITS.length)]!,
}));

const stored = await readReferenceSchedules();
let t0 = performance.now();
const cal = buildWorkingCalendar(stored); // first build: derives 2021–2100 from the lunar calendar
const coldMs = performance.now() - t0;
t0 = performance.now();
const builds = 20;
for (let i = 0; i < builds; i++) buildWorkingCalendar(stored); // later builds (after an edit): derivations reused
const buildMs = (performance.now() - t0) / builds;

/** Runs `fn` over the inputs for about `seconds`; returns calls per second and a checksum (keeps the work alive). */
function measure(fn: (input: (typeof inputs)[number]) => number): { rate: number; checksum: number } {
  let checksum = 0;
  for (const input of inputs) checksum += fn(input); // warm-up
  let calls = 0;
  const begin = performance.now();
  while (performance.now() - begin < seconds * 1000) {
    for (const input of inputs) checksum += fn(input);
    calls += inputs.length;
  }
  return { rate: calls / ((performance.now() - begin) / 1000), checksum };
}

const baseline = measure(({ at, days }) => new Date(at.getTime() + Math.ceil(days) * 86_400_000).getTime() % 7);
const deadline = measure(({ at, days }) => computeDeadline(cal, at, days).dueAt.getTime() % 7);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
report(
  'deadline: computeDeadline (real 2024–2026 schedule)',
  `${fmt(deadline.rate)} calls/s (${(1e6 / deadline.rate).toFixed(2)} µs/call)`,
);
report('deadline: baseline bare Date arithmetic', `${fmt(baseline.rate)} calls/s`);
report(
  'deadline: ratio baseline / computeDeadline',
  `${(baseline.rate / deadline.rate).toFixed(1)}× slower than bare arithmetic`,
);
report('deadline: snapshot build, first / after an edit', `${coldMs.toFixed(1)} ms / ${buildMs.toFixed(1)} ms`);
report('deadline: checksums (keep the work alive)', `${deadline.checksum} / ${baseline.checksum}`);
