import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot, STAFF } from './browser';

describe('data quality page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the engine and shows the map and the table of 38 communes', async () => {
    const { page, context, problems } = await openPage(browser, '/quality', { as: STAFF });
    await page.getByRole('heading', { level: 1, name: 'Chất lượng dữ liệu dân cư' }).waitFor();
    await page.getByRole('button', { name: 'Chạy đánh giá' }).first().click();
    await page.getByText('Đã đánh giá xong').waitFor({ timeout: 100_000 });
    await page.locator('[data-testid="quality-map"] canvas').waitFor();
    const rows = page.locator('[data-testid="commune-scores"] tbody tr.ant-table-row');
    expect(await rows.count()).toBe(38);
    await page.getByText('Điểm toàn tỉnh').waitFor();
    await page.waitForTimeout(800); // let the map's entry animation finish before the screenshot
    await screenshot(page, 'quality');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the latest report when the page is opened again', async () => {
    const { page, context } = await openPage(browser, '/quality', { as: STAFF });
    await page.locator('[data-testid="quality-map"] canvas').waitFor();
    expect(await page.locator('[data-testid="commune-scores"] tbody tr.ant-table-row').count()).toBe(38);
    await context.close();
  });
});
