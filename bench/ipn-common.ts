// Configuration shared by ipn.bench.ts and its server processes (production mode, silent logs).
import { benchConfigEnv } from './common';

export const BENCH_HASH_SECRET = 'bench-payment-hash-secret-0123456789abcdef';
export const BENCH_TMN = 'DVCBENCH';

export const BENCH_PAYMENT_CONFIG: Record<string, string> = benchConfigEnv({
  DATA_DIR: `${process.cwd()}/.tmp/bench-data`,
  PAYMENT_TMN_CODE: BENCH_TMN,
  PAYMENT_HASH_SECRET: BENCH_HASH_SECRET,
});
