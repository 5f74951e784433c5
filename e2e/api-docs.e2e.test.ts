import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** 'get /api/v1/units', … for each operation of an OpenAPI document (routes hidden from it are not in it), sorted. */
function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths ?? {})
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method} ${path}`),
    )
    .sort();
}

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
    // The document the page draws: every operation in it, by method and path.
    const document = (await (await page.request.get('/api/docs/json')).json()) as Parameters<typeof operationsOf>[0];
    const documented = operationsOf(document);
    expect(documented.length).toBeGreaterThan(90);
    await page.locator('.opblock').first().waitFor();
    // All of them drawn, none left for later: Swagger UI ≥ 5.33 draws only the ~12 in view of a long
    // list (150 rows or more) unless platform/openapi-ui-all-operations.js is loaded.
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 10_000 }).toBe(documented.length);
    const drawn = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map(
          (block) =>
            `${block.querySelector('.opblock-summary-method')?.textContent?.toLowerCase()} ${block.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`,
        ),
      );
    expect(drawn.sort()).toEqual(documented);
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
