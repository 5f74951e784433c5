import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot, STAFF } from './browser';

describe('administrative units browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows 8 districts before 1 July 2025 and 38 communes directly under the province after', async () => {
    const { page, context, problems } = await openPage(browser, '/units?asOf=2025-06-30', { as: STAFF });
    await page.locator('[data-unit-level="district"]').first().waitFor();
    expect(await page.locator('[data-unit-level="district"]').count()).toBe(8);
    await screenshot(page, 'units-before');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByText('Từ 01/07/2025', { exact: true }).click();
    await page.locator('[data-unit-level="commune"]').first().waitFor();
    expect(await page.locator('[data-unit-level="commune"]').count()).toBe(38);
    expect(await page.locator('[data-unit-level="district"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows code 03388 as Quyết Tiến before the reform and Đoàn Kết after, with the links between them', async () => {
    const { page, context, problems } = await openPage(browser, '/units?asOf=2025-06-30', { as: STAFF });
    await page.getByLabel('Tra theo mã').fill('03388');
    await page.getByLabel('Tra theo mã').press('Enter');
    const details = page.getByTestId('unit-details');
    await details.getByRole('heading', { name: /Quyết Tiến/ }).waitFor();
    await details.getByRole('button', { name: /Đoàn Kết/ }).waitFor(); // successor

    await page.getByText('Từ 01/07/2025', { exact: true }).click();
    await details.getByRole('heading', { name: /Đoàn Kết/ }).waitFor();
    await details.getByRole('button', { name: /Quyết Tiến/ }).waitFor(); // predecessor
    await screenshot(page, 'units-after');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an unknown code in Vietnamese', async () => {
    const { page, context } = await openPage(browser, '/units?code=99999', { as: STAFF });
    await page.getByRole('alert').filter({ hasText: '99999' }).waitFor();
    await context.close();
  });
});
