import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, checkA11y, launchBrowser, openPage, screenshot } from './browser';

/*
 * Issue 17 §4/§6 on the running server: the commune police move a dossier (receive, start
 * processing); the server's queue pushes each change to the national portal's sandbox; the
 * administrator sees the pushes sent on /admin/portal-sync and the sandbox's page shows the
 * dossier's changes in order.
 */

const OFFICER = 'ca.muongte';
type Summary = { id: string; code: string | null; state: string; version: number };

describe('the national portal sync', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('each change of a dossier reaches the sandbox in order; the administrator sees the pushes sent', async () => {
    const queue = await api<{ items: Summary[] }>('/api/v1/dossiers?queue=new', undefined, { as: OFFICER });
    const dossier = queue.items.find((d) => d.state === 'submitted' && d.code);
    if (!dossier) throw new Error('no submitted dossier in the demo for the commune police');
    const code = dossier.code!;
    const received = await api<Summary>(`/api/v1/dossiers/${dossier.id}/commands/receive`, {}, { as: OFFICER });
    expect(received.state).toBe('received');
    const processing = await api<Summary>(
      `/api/v1/dossiers/${dossier.id}/commands/start_processing`,
      {},
      { as: OFFICER },
    );
    expect(processing.state).toBe('in_processing');

    const { page, context, problems } = await openPage(browser, '/', { as: 'quantri' });
    await page.getByRole('link', { name: 'Đồng bộ Cổng DVC quốc gia' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Đồng bộ Cổng Dịch vụ công quốc gia' }).waitFor();
    await page.getByLabel('Mã hồ sơ').first().fill(code);
    await page.getByLabel('Mã hồ sơ').first().press('Enter');
    // Collected within 5 s and sent by a job: reload until both are sent.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Tải lại' }).click();
          return page.locator('tbody tr').filter({ hasText: code }).filter({ hasText: 'Đã gửi' }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(2);
    await screenshot(page, 'admin-portal-sync');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.goto(`/portal-sandbox?ma=${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 1, name: 'Đồng bộ hồ sơ đã nhận' }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Được tiếp nhận');
    expect(await rows.nth(1).textContent()).toContain('Đang xử lý');
    expect(await page.getByText('Sai thứ tự').count()).toBe(0);
    await screenshot(page, 'portal-sandbox');
    expect(problems).toEqual([]);
    await context.close();
  });
});
