import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: headless Chromium (Debian's /usr/bin/chromium through playwright-core)
 * against the real server, started once by e2e/global-setup.ts. One file at a time, so
 * the tests share the server without racing each other.
 */
export default defineConfig({
  root: '.',
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 120_000,
    // One retry of a failed journey, never more: the cashless import journey still fails about one
    // run in five on a loaded CI machine (after the second import the 'Nhập số liệu' button is not
    // found within 30 s although the chosen file is listed); cause not yet found.
    retry: 1,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
