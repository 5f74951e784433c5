import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot } from './browser';

describe('the job queue page (administrators)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is reached from the admin menu and lists the server’s queues with their schedules; no failed job', async () => {
    const { page, context, problems } = await openPage(browser, '/', { as: 'quantri' });
    await page.getByRole('link', { name: 'Hàng đợi công việc' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Hàng đợi công việc' }).waitFor();
    const queues = page.locator('table').first();
    for (const name of ['audit.seal', 'payments.expire', 'kpi.run', 'population.quality-run'])
      await queues.getByText(name, { exact: true }).waitFor();
    await queues.getByText('*/10 * * * *', { exact: true }).waitFor(); // the supplement expiry's cron
    await page.getByText('Không có việc thất bại nào.').waitFor();
    await screenshot(page, 'admin-jobs');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
