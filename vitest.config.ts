import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on a 2-core CI machine, while
    // most files wait on the database. One more worker than cores (3 on 2 cores) took `npm test` on
    // PostgreSQL from ~470 s to ~330 s on such a machine.
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['test/global-setup.ts'],
  },
});
