import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser';

describe('API documentation page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every operation with its name and the sign-in schemes, without a Content-Security-Policy error', async () => {
    const { page, context, problems } = await openPage(browser, '/api/docs/');
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(90);
    // An operation opened shows its responses, among them the shared bilingual error answers.
    await page.locator('#operations-dossiers-postDossierCommand .opblock-summary').click();
    await page.locator('#operations-dossiers-postDossierCommand .responses-table').waitFor();
    await page
      .locator('#operations-dossiers-postDossierCommand')
      .getByText('Conflict', { exact: false })
      .first()
      .waitFor();
    await page.getByRole('button', { name: /Authorize/ }).click();
    await page.getByText('dvc06_sid', { exact: false }).first().waitFor();
    await page.getByText('X-CSRF-Token', { exact: false }).first().waitFor();
    await screenshot(page, 'api-docs');
    expect(problems).toEqual([]);
    await context.close();
  });
});
