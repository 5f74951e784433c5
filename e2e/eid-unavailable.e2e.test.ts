import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, launchBrowser, PHONE, screenshot } from './browser';
import { freePort, ROOT, stop, waitForReady } from './global-setup';
import { ownSecrets } from '../test/db';

/** Output of the journey's own server (shown when it fails to start). */
const LOG = join(tmpdir(), 'dvc06-e2e-eid-down.log');

/**
 * A second, small server whose e-ID issuer is a loopback port nothing listens on (the shared
 * server's sandbox provider is in-process and cannot be switched off): its own PGlite data
 * directory, no demo population, sandbox off. Starts in a few seconds.
 */
async function startServerWithUnreachableEid(): Promise<{
  baseUrl: string;
  child: ChildProcess;
  close: () => Promise<void>;
}> {
  const [port, closedPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc06-e2e-eid-down-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    DEMO_PEOPLE: '0',
    EID_SANDBOX: 'off',
    // With a sandbox off the published development secrets are refused (platform/config.ts): the test's own.
    ...ownSecrets(),
    OIDC_ISSUER: `http://127.0.0.1:${closedPort}/eid`,
  };
  delete env.DATABASE_URL; // never share the main journeys' database: this server has its own
  const log = createWriteStream(LOG);
  const child = spawn(process.execPath, [join(ROOT, 'bin/dvc06.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const close = async () => {
    await stop(child);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(baseUrl, child);
  } catch (error) {
    await close();
    throw new Error(`${error instanceof Error ? error.message : String(error)} (this server's log: ${LOG})`);
  }
  return { baseUrl, child, close };
}

describe('citizen: the e-ID provider is unreachable', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServerWithUnreachableEid>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerWithUnreachableEid(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('clicking "Đăng nhập bằng VNeID" lands on /login with a clear message, in Vietnamese and in English', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: PHONE,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto('/login?returnTo=%2Fme');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();

    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('error') === 'eid_unavailable');
    const alert = page.getByRole('alert').filter({ hasText: 'Hệ thống định danh điện tử (VNeID) đang không trả lời' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('thử lại sau ít phút');
    // Still the login page, with the way in for staff: nothing broken, nothing half signed in.
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/me')).json()) as { authenticated: boolean },
    );
    expect(me.authenticated).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'eid-unavailable-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.locator('.lang-switch label').filter({ hasText: 'English' }).click(); // on a phone the switch shows "EN"
    await page
      .getByRole('alert')
      .filter({ hasText: 'The e-identification service (VNeID) is not answering' })
      .waitFor();
    await screenshot(page, 'eid-unavailable-phone-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
