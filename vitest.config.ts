import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that replace a module with `vi.mock`: they need a module graph of their own. Every other
 * file shares its worker's modules with the files before it (`isolate: false`): each file used to load
 * the whole server again, and `npm test` on PostgreSQL took 344 s on a 2-core machine against 187 s
 * without (docs/PERFORMANCE.md). State a file leaves behind must not matter to the next: caches are
 * kept per database (WeakMap by Db), hooks are registered by the files' own calls (test-support's
 * `use…App()`), not when a shared module loads.
 */
const ISOLATED = ['src/server/modules/sector-data/links/link-job.routes.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on a 2-core CI machine, while
    // most files wait on the database. One more worker than cores (3 on 2 cores) took `npm test` on
    // PostgreSQL from ~470 s to ~330 s on such a machine.
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['e2e/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
