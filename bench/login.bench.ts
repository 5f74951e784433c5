// Login throughput is bounded by argon2id: password hashes (and verifications) per second,
// beside SHA-256 of the same password in the same process as a baseline.
// Usage: npx tsx bench/login.bench.ts [--seconds 5]
import { createHash } from 'node:crypto';
import { hashPassword, verifyPassword } from '../src/server/modules/identity';
import { report } from './common';

const seconds = process.argv.includes('--seconds') ? Number(process.argv[process.argv.indexOf('--seconds') + 1]) : 5;

async function rate(fn: () => Promise<unknown>, parallel: number): Promise<number> {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        await fn();
        n++;
      }
    }),
  );
  return n / seconds;
}

const stored = await hashPassword('Correct-Horse-Battery-9');
const sha = await rate(async () => createHash('sha256').update('Correct-Horse-Battery-9').digest(), 1);
const hash1 = await rate(() => hashPassword('Correct-Horse-Battery-9'), 1);
const verify1 = await rate(() => verifyPassword(stored, 'Correct-Horse-Battery-9'), 1);
const verify4 = await rate(() => verifyPassword(stored, 'Correct-Horse-Battery-9'), 4);
report('SHA-256 (baseline)', `${Math.round(sha)} /s`);
report(
  'argon2id hash (m=19 MiB, t=2, p=1), 1 at a time',
  `${hash1.toFixed(1)} /s (${(1000 / hash1).toFixed(0)} ms each)`,
);
report('argon2id verify, 1 at a time', `${verify1.toFixed(1)} /s`);
report('argon2id verify, 4 in parallel (2 cores)', `${verify4.toFixed(1)} /s = max staff logins/s`);
report('ratio argon2id verify / SHA-256', `1 : ${Math.round(sha / verify1)}`);
