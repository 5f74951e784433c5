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
    // One retry of a failed journey, never more, for a machine too loaded to answer in time. The
    // cashless import journey's "button not found" failures had a cause, now fixed: antd's animated
    // spinner could stay behind and rename the button "loading …" (see shell/AntdProviders.tsx).
    retry: 1,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
